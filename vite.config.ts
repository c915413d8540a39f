import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import { WIDGETS as DECLARED } from './widgets.config.mjs';

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

/**
 * Writes `THIRD-PARTY-NOTICES.txt` beside the CDN files: the licence text of every npm package
 * whose code is bundled in them (Lit's BSD-3-Clause, zod's MIT…), found from the modules that
 * are actually in the output. The minifier drops the licence comments, so this file carries them.
 */
function thirdPartyNotices(): Plugin {
  return {
    name: 'prm:third-party-notices',
    apply: 'build',
    generateBundle(_options, bundle) {
      const packages = new Map<string, string>();
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk') continue;
        for (const id of file.moduleIds) {
          const m = /^(.*[\\/]node_modules[\\/])((?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(id);
          if (m) packages.set(m[2]!.replace(/\\/g, '/'), m[1] + m[2]);
        }
      }
      const sections = [...packages].sort(([a], [b]) => a.localeCompare(b)).map(([name, dir]) => {
        const pkg = JSON.parse(readFileSync(`${dir}/package.json`, 'utf8')) as { version: string; license: string; homepage?: string };
        const licence = readFileSync(`${dir}/LICENSE`, 'utf8').trim();
        return `${name}@${pkg.version} (${pkg.license})${pkg.homepage ? ` ${pkg.homepage}` : ''}\n\n${licence}`;
      });
      this.emitFile({
        type: 'asset',
        fileName: 'THIRD-PARTY-NOTICES.txt',
        source: `prm-widgets CDN build: third-party software bundled in these files, and its licences.\n\n${sections.join(`\n\n${'-'.repeat(72)}\n\n`)}\n`,
      });
    },
  };
}

/**
 * Writes into loader.js what the bundle graph says each widget needs, so the loader starts all of
 * it at once instead of discovering the runtime only after the widget chunk has arrived (one round
 * trip more on a phone): for each widget chunk (`widgets/<name>/define.ts`) the chunks it imports,
 * transitively, except the loader itself; and each locale's messages chunk. The widget list is the
 * build's own (the loader registry's dynamic imports), not a second list; and the widgets that
 * declare first data (widgets.config.mjs), for which the loader asks for a bootstrap.
 * See src/loader/start.ts and docs/loading.md.
 */
function preloadMap(): Plugin {
  const PLACEHOLDER = /(["'`])__PRM_PRELOAD_MAP__\1/;
  return {
    name: 'prm:preload-map',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((f) => f.type === 'chunk');
      const loader = chunks.find((c) => c.isEntry && c.name === 'loader');
      if (!loader) return;
      const byFile = new Map(chunks.map((c) => [c.fileName, c]));
      const deps = (file: string, seen = new Set<string>()): Set<string> => {
        for (const dep of byFile.get(file)?.imports ?? []) {
          if (dep === loader.fileName || seen.has(dep)) continue;
          seen.add(dep);
          deps(dep, seen);
        }
        return seen;
      };
      // File names without `chunks/` and `.js` (the loader adds them back): bytes in loader.js.
      const short = (f: string) => f.replace(/^chunks\//, '').replace(/\.js$/, '');
      const map: { w: Record<string, string[]>; l: Record<string, string>; d: string[] } = { w: {}, l: {}, d: [] };
      for (const c of chunks) {
        const id = c.facadeModuleId ?? '';
        const widget = /[\\/]widgets[\\/]([^\\/]+)[\\/]define\.ts$/.exec(id);
        if (widget) map.w[widget[1]!] = [...deps(c.fileName)].map(short);
        const locale = /[\\/]generated[\\/]locales[\\/]([a-z-]+)\.ts$/.exec(id);
        if (locale) map.l[locale[1]!] = short(c.fileName);
      }
      // Widgets with first data (widgets.config.mjs `firstData`): the loader asks for a bootstrap for these only.
      map.d = DECLARED.filter((w) => w.firstData.length && map.w[w.folder]).map((w) => w.folder);
      if (!PLACEHOLDER.test(loader.code)) this.error('prm:preload-map: the placeholder is missing from loader.js');
      // JSON in a single-quoted JS string (file names hold no quote or backslash); loader.js sits
      // beside chunks/, so the paths stay relative.
      loader.code = loader.code.replace(PLACEHOLDER, () => `'${JSON.stringify(map)}'`);
    },
  };
}

export default defineConfig({
  plugins: [trimTemplateIndent(), thirdPartyNotices(), preloadMap()],
  // public/ holds prm-reserve.css: the reserve rules (generated from widgets.config.mjs) that the
  // README has clinics copy into their own stylesheet; shipped for reference, never linked.
  publicDir: 'public',
  build: {
    outDir: 'dist/cdn',
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    // Maps for local debugging only: no `sourceMappingURL` in the files, and not in the package
    // (package.json `files`), so a clinic's browser never asks for a 450 KB map.
    sourcemap: 'hidden',
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
          // A grouped module must not drag its dependencies into the runtime: the page-wide store,
          // version, locale matching and first-data handoff, shared with the loader, stay in loader.js.
          includeDependenciesRecursively: false,
          groups: [
            {
              // The form layer, the submission queue and the attribution every submission carries:
              // one lazy chunk shared by the widgets that show a form, never in the runtime (a page
              // with only a carousel never loads it). Attribution on its own was a 4th request
              // before a widget importing it statically (the feedback form) was ready.
              name: 'form',
              test: /[\\/]src[\\/]core[\\/](?:(?:form|submit)[\\/]|attribution\.ts$)/,
            },
            {
              name: 'runtime',
              test: /[\\/]node_modules[\\/](lit|lit-html|lit-element|@lit|@lit-labs|zod)[\\/]|[\\/]src[\\/]core[\\/](?:(?!config[\\/]global\.ts|config[\\/]locales\.ts|i18n[\\/]locale\.ts|api[\\/]base\.ts|version\.ts|attribution\.ts|submit[\\/]|form[\\/]|contract[\\/])|contract[\\/](?:config|common|theme|checked)\.ts)/,
            },
          ],
        },
      },
    },
  },
});
