#!/usr/bin/env node
// The lit-localize build check: extracts messages and builds the locale modules, then fails if
// that changed the committed xliff/ or src/generated/ (someone forgot `npm run localize`), or if
// any message lacks a translation in any locale.
import { readFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const snapshot = () => {
  const out = new Map();
  for (const dir of ['xliff', 'src/generated', 'src/generated/locales', 'src/generated/facade']) {
    for (const f of readdirSync(dir, { withFileTypes: true })) if (f.isFile()) out.set(join(dir, f.name), readFileSync(join(dir, f.name), 'utf8'));
  }
  return out;
};

const before = snapshot();
const run = (args) => execFileSync(process.execPath, ['node_modules/@lit/localize-tools/bin/lit-localize.js', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
run(['extract']);
const buildLog = run(['build']);
execFileSync(process.execPath, ['scripts/facade-messages.mjs'], { stdio: 'inherit' });
const after = snapshot();

const problems = [];
const changed = [...after.keys()].filter((k) => before.get(k) !== after.get(k));
if (changed.length) problems.push(`out of date (run \`npm run localize\` and commit): ${changed.join(', ')}`);

const locales = JSON.parse(readFileSync('lit-localize.json', 'utf8')).targetLocales;
let messages = 0;
for (const l of locales) {
  const xml = after.get(`xliff/${l}.xlf`);
  const units = [...xml.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)];
  messages = units.length;
  const missing = units.filter(([, , body]) => !/<target>[\s\S]*?\S[\s\S]*?<\/target>/.test(body)).map(([, id, body]) => `${id} "${(body.match(/<source>([\s\S]*?)<\/source>/) ?? [])[1]}"`);
  if (missing.length) problems.push(`${l}: ${missing.length} of ${units.length} messages untranslated:\n    ${missing.slice(0, 20).join('\n    ')}`);
}
if (/is missing/.test(buildLog)) problems.push('lit-localize build reported missing messages');

if (problems.length) {
  console.error(`i18n check failed:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(`i18n: ${messages} messages, translated in ${locales.length} locales (${locales.join(', ')}), generated modules current.`);
