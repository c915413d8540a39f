import { defineConfig, type Plugin } from 'vite';

/**
 * The CDN build: `dist/cdn/loader.js` (tiny, defines nothing eagerly) plus one chunk per widget,
 * one shared `runtime` chunk (Lit, @lit/*, zod, src/core) downloaded once, and one chunk per
 * locale's messages, loaded only when that locale is used.
 */
/**
 * Drops the indentation inside template literals of the minified chunks. After minification the
 * only line breaks left are inside template literals, i.e. the widgets' `css` and `html`
 * templates, where leading whitespace on a line means nothing (CSS ignores it, HTML collapses it;
 * no template holds <pre> text). Lines are kept, so source maps stay right line by line.
 * Worth ~0.25 KB gzip on a widget chunk; the minifier leaves template text alone.
 */
function trimTemplateIndent(): Plugin {
  return {
    name: 'prm:trim-template-indent',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) if (file.type === 'chunk') file.code = file.code.replace(/\n[ \t]+/g, '\n');
    },
  };
}

export default defineConfig({
  plugins: [trimTemplateIndent()],
  // public/ holds prm-reserve.css, the stylesheet the embed snippet links to reserve boxes.
  publicDir: 'public',
  build: {
    outDir: 'dist/cdn',
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    sourcemap: true,
    // Library mode: Vite then adds no preload helper, which would write <link rel=modulepreload>
    // into the host page's <head> and cost ~0.9 KB; widget chunks import the runtime themselves.
    lib: { entry: { loader: 'src/loader.ts' }, formats: ['es'] },
    modulePreload: false,
    reportCompressedSize: false,
    rolldownOptions: {
      // Lets the runtime import the page-wide store from loader.js, so the loader never imports
      // the runtime (with 'strict' the store moves into the runtime and the loader pulls it in).
      preserveEntrySignatures: 'allow-extension',
      treeshake: {
        // Schema building is free of side effects: `z.*(...)` and the contract's checked helpers
        // (see src/core/contract/checked.ts). Without this, the arguments of an unused schema (its
        // fields' `z.optional(...)` calls) stay in the bundle even when the schema itself goes.
        // Never write `z.config(...)` through the namespace: it is the one zod call with an effect.
        manualPureFunctions: ['z', 'str', 'int', 'num', 'list'],
      },
      output: {
        format: 'es',
        // Vite keeps whitespace in lib-mode ES output (for downstream tree-shaking); a CDN bundle
        // is final, so minify fully.
        minify: true,
        // Pure annotations only help a bundler downstream; the CDN files are final (they cost
        // ~0.2 KB gzip in the runtime).
        comments: false,
        entryFileNames: '[name].js',
        // Widget and locale chunks are named after what they hold, for size budgets and humans.
        chunkFileNames: (chunk) => {
          const id = chunk.facadeModuleId ?? '';
          const widget = /[\\/]widgets[\\/]([^\\/]+)[\\/]define\.ts$/.exec(id);
          if (widget) return `chunks/${widget[1]}-[hash].js`;
          // A widget's own lazy parts (e.g. a form loaded on demand): <widget>.<part>-hash.js.
          const part = /[\\/]widgets[\\/]([^\\/]+)[\\/]/.exec(id);
          if (part) return `chunks/${part[1]}.[name]-[hash].js`;
          const locale = /[\\/]generated[\\/]locales[\\/]([a-z-]+)\.ts$/.exec(id);
          if (locale) return `chunks/locale-${locale[1]}-[hash].js`;
          return 'chunks/[name]-[hash].js';
        },
        codeSplitting: {
          // A grouped module must not drag its dependencies into the runtime: the page-wide store
          // and version, shared with the loader, stay in loader.js.
          includeDependenciesRecursively: false,
          groups: [
            {
              // The form layer and the submission queue: one lazy chunk shared by the widgets that
              // show a form, never in the runtime (a page with only a carousel never loads it).
              name: 'form',
              test: /[\\/]src[\\/]core[\\/](form|submit)[\\/]/,
            },
            {
              name: 'runtime',
              test: /[\\/]node_modules[\\/](lit|lit-html|lit-element|@lit|@lit-labs|zod)[\\/]|[\\/]src[\\/]core[\\/](?:(?!config[\\/]global\.ts|version\.ts|attribution\.ts|submit[\\/]|form[\\/]|contract[\\/])|contract[\\/](?:config|common|theme|checked)\.ts)/,
            },
          ],
        },
      },
    },
  },
});
