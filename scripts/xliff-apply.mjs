#!/usr/bin/env node
// Applies translations to xliff/<locale>.xlf: `node scripts/xliff-apply.mjs file.json`, where the
// JSON is { "<source text>": { "ar": "...", "de": "...", ... }, ... }. Run `npm run localize`
// first so every message exists as a trans-unit; existing targets are replaced.
import { readFileSync, writeFileSync } from 'node:fs';

const file = process.argv[2];
if (!file) {
  console.error('usage: node scripts/xliff-apply.mjs translations.json');
  process.exit(2);
}
const table = JSON.parse(readFileSync(file, 'utf8'));
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const unesc = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const locales = JSON.parse(readFileSync('lit-localize.json', 'utf8')).targetLocales;
let applied = 0;
const missing = new Set();
for (const locale of locales) {
  const path = `xliff/${locale}.xlf`;
  let xml = readFileSync(path, 'utf8');
  xml = xml.replace(/<trans-unit id="([^"]+)">\s*<source>([\s\S]*?)<\/source>(\s*<target>[\s\S]*?<\/target>)?/g, (whole, id, source) => {
    // Sources with placeholders (<x equiv-text=.../>) are matched on their text with ${...} kept.
    const key = unesc(source.replace(/<x id="\d+" equiv-text="([^"]*)"\/>/g, (_, t) => unesc(t)));
    const row = table[key];
    if (!row || row[locale] === undefined) return whole;
    applied++;
    // Placeholders in the target are written as ${name}; turn them back into <x/> elements.
    const placeholders = [...source.matchAll(/<x id="(\d+)" equiv-text="([^"]*)"\/>/g)];
    let target = esc(row[locale]);
    for (const [x, , text] of placeholders) {
      target = target.replace(esc(unesc(text)), x);
    }
    return `<trans-unit id="${id}">\n  <source>${source}</source>\n  <target>${target}</target>`;
  });
  writeFileSync(path, xml);
  for (const [src, row] of Object.entries(table)) if (row[locale] === undefined) missing.add(`${locale}: ${src}`);
}
console.log(`applied ${applied} translations`);
if (missing.size) console.log(`no ${[...missing].length} translations in the table:\n${[...missing].join('\n')}`);
