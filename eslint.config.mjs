import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import globals from 'globals';

// The security rules of the codebase are lint errors, so they cannot regress quietly:
// no unsafeHTML/innerHTML/eval, no inline style attributes (strict CSP), no classic zod in
// browser code (size budget), no persistent storage in widgets (health data).
const browserRules = {
  'no-eval': 'error',
  'no-implied-eval': 'error',
  'no-new-func': 'error',
  'no-restricted-imports': [
    'error',
    {
      paths: [
        { name: 'lit/directives/unsafe-html.js', message: 'Render backend and patient text through Lit bindings only.' },
        { name: 'lit/directives/unsafe-svg.js', message: 'Render backend and patient text through Lit bindings only.' },
        { name: 'zod', message: 'Browser code uses zod/mini (the classic API costs up to 93 KB).' },
        { name: 'zod/v4', message: 'Browser code uses zod/mini.' },
      ],
    },
  ],
  'no-restricted-syntax': [
    'error',
    {
      selector: "TaggedTemplateExpression[tag.name='html'] TemplateElement[value.raw=/\\sstyle\\s*=/]",
      message: 'No inline style attributes: widgets must run under style-src \'self\'. Use classes (or styleMap for truly dynamic values).',
    },
    {
      selector: "AssignmentExpression > MemberExpression[property.name=/^(innerHTML|outerHTML)$/]",
      message: 'Never write innerHTML/outerHTML; render through Lit.',
    },
    {
      selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
      message: 'Never insert HTML strings; render through Lit.',
    },
    {
      selector: "MemberExpression[object.name='localStorage'], Identifier[name='indexedDB'], MemberExpression[object.name='document'][property.name='cookie']",
      message: 'Widgets never persist to localStorage, IndexedDB or cookies (health data: see DESIGN.md Privacy). Use sessionStorage through the outbox.',
    },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'src/generated/**', 'custom-elements.json', 'bench/results/**', '.data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts'],
    rules: browserRules,
  },
  {
    // Plain JS: Node scripts whose page.evaluate() callbacks run in the browser, and the demo,
    // bench and host pages' own scripts.
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser, __PRM_BENCH_WIDGETS__: 'readonly' } },
  },
  {
    files: ['test/**/*.ts', 'test/csp/**'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off', '@typescript-eslint/ban-ts-comment': 'off' },
  },
);
