#!/usr/bin/env node
// A git merge driver for xliff/*.xlf: merges trans-units by id, so two branches that each add or
// translate messages never produce a broken file (a line-based union merge can drop a shared
// `</trans-unit>`). Set up once per clone (npm test does not need it; merging branches does):
//   git config merge.xliff.driver 'node scripts/xliff-merge.mjs %O %A %B'
// with `xliff/*.xlf merge=xliff` in .gitattributes. Per id: a side that changed a unit wins over
// the base; when both changed it, ours wins; a unit deleted on one side and unchanged on the other
// goes. Units are written in ours' order, then theirs' new ones; `npm run localize` re-sorts.
import { readFileSync, writeFileSync } from 'node:fs';

const [basePath, oursPath, theirsPath] = process.argv.slice(2);
const UNIT = /<trans-unit id="([^"]+)">[\s\S]*?<\/trans-unit>\n?/g;
const units = (text) => new Map([...text.matchAll(UNIT)].map((m) => [m[1], m[0].endsWith('\n') ? m[0] : `${m[0]}\n`]));
const read = (p) => {
  try {
    return readFileSync(p, 'utf8');
  } catch {
    return '';
  }
};
const ours = read(oursPath);
const [base, o, t] = [units(read(basePath)), units(ours), units(read(theirsPath))];
const out = [];
for (const id of new Set([...o.keys(), ...t.keys()])) {
  const [b, x, y] = [base.get(id), o.get(id), t.get(id)];
  if (x && y) out.push(x === b ? y : x);
  else if (x) out.push(x === b ? '' : x); // deleted in theirs: keep only if ours changed it
  else out.push(y === b ? '' : y); // deleted in ours: keep only if theirs changed it
}
const start = ours.indexOf('<trans-unit');
const end = ours.lastIndexOf('</trans-unit>');
const head = start >= 0 ? ours.slice(0, start) : ours.replace(/<\/body>[\s\S]*$/, '');
const tail = end >= 0 ? ours.slice(end + '</trans-unit>'.length).replace(/^\n/, '') : '</body>\n</file>\n</xliff>\n';
writeFileSync(oursPath, head + out.join('') + tail);
