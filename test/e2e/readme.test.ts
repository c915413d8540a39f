// The README's npm snippets compile against the built package, as a user's TypeScript project
// would see it (`import … from 'prm-widgets'` resolved through package.json `exports`); README and
// docs link nothing outside the repository and tell a newcomer what they need.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const readme = readFileSync('README.md', 'utf8');
const snippets = [...readme.matchAll(/```(?:js|ts|javascript|typescript)\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((s) => /from 'prm-widgets|import 'prm-widgets/.test(s));

describe('README npm snippets', () => {
  it('there is at least one, and it imports a widget class from the package root', () => {
    assert.ok(snippets.length >= 1, 'no npm snippet found in README.md');
    assert.ok(snippets.some((s) => /import \{[^}]*\bPrm\w+[^}]*\} from 'prm-widgets'/.test(s)));
  });

  it('each compiles with the package’s own typings (strict TypeScript, bundler resolution)', () => {
    // Inside the package folder, so `prm-widgets` resolves to this package by its own name.
    const dir = 'dist/readme-check';
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const files = snippets.map((s, i) => {
      const f = `${dir}/snippet-${i}.ts`;
      writeFileSync(f, `${s}\nexport {};\n`);
      return f;
    });
    const program = ts.createProgram(files, {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: [],
    });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    rmSync(dir, { recursive: true, force: true });
    assert.deepEqual(diagnostics, []);
  });
});

describe('README and docs stand on their own', () => {
  it('every relative link points at a file in the repository (none outside it)', () => {
    const docs = ['README.md', ...readdirSync('docs', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
    const bad: string[] = [];
    for (const file of docs) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = m[1]!.split('#')[0]!;
        if (!target || /^[a-z]+:/i.test(target)) continue;
        const abs = resolve(dirname(file), target);
        const rel = relative(process.cwd(), abs);
        if (rel.startsWith('..') || !existsSync(join(process.cwd(), rel))) bad.push(`${file}: ${m[1]}`);
      }
    }
    assert.deepEqual(bad, []);
  });

  it('the README says how to change the port and how to switch the demo’s language and theme', () => {
    assert.match(readme, /`PORT`/);
    assert.match(readme, /\?lang=/);
    assert.match(readme, /\?theme=dark/);
  });
});
