import { defineConfig } from 'vite';

/**
 * The CDN build: `dist/cdn/loader.js` (tiny, defines nothing eagerly) plus one chunk per widget,
 * one shared `runtime` chunk (Lit, @lit/*, ky, zod, src/core) downloaded once, and one chunk per
 * locale's messages, loaded only when that locale is used.
 */
export default defineConfig({
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
      output: {
        format: 'es',
        // Vite keeps whitespace in lib-mode ES output (for downstream tree-shaking); a CDN bundle
        // is final, so minify fully.
        minify: true,
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
              name: 'runtime',
              test: /[\\/]node_modules[\\/](lit|lit-html|lit-element|@lit|@lit-labs|ky|zod)[\\/]|[\\/]src[\\/]core[\\/](?:(?!config[\\/]global\.ts|version\.ts|contract[\\/])|contract[\\/](?:config|common|theme)\.ts)/,
            },
          ],
        },
      },
    },
  },
});
