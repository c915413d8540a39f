import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build, defineConfig, type Plugin, type Rolldown } from 'vite';
import { WIDGETS as DECLARED, builtWidgets } from './widgets.config.mjs';
import { stripCssComments } from './scripts/css-comments.mjs';

const ROOT = fileURLToPath(new URL('.', import.meta.url));

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
 * Drops the comments inside the widgets' `css` tagged templates (scripts/css-comments.mjs): the
 * minifier leaves template text alone, so a comment that explains a rule to us was shipped to
 * every patient's phone and kept as a string in its JS heap (0.5 KB gzip of the feedback form's
 * chunk alone).
 */
function cssComments(): Plugin {
  return {
    name: 'prm:css-comments',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]src[\\/].*\.ts$/.test(id) || !code.includes('css`')) return null;
      return { code: stripCssComments(code), map: null };
    },
  };
}

/**
 * Writes `THIRD-PARTY-NOTICES.txt` beside the CDN files: the licence text of every npm package
 * whose code is bundled in them (Lit's BSD-3-Clause…), found from the modules that
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
 * Locale chunks import nothing: their one import, `str` from @lit/localize (a tag that returns
 * `{ strTag, strings, values }`, which @lit/localize's runtime recognises by shape), is written
 * into each of them. So a locale chunk belongs to no runtime copy, and the shared runtime and
 * every solo bundle (below) load the same six files.
 */
function selfContainedLocales(): Plugin {
  const IMPORT = /import\s*\{\s*str\s*\}\s*from\s*['"]@lit\/localize['"];?/;
  return {
    name: 'prm:self-contained-locales',
    apply: 'build',
    transform(code, id) {
      if (!/[\\/]generated[\\/]locales[\\/][a-z-]+\.ts$/.test(id) || !IMPORT.test(code)) return null;
      return { code: code.replace(IMPORT, 'const str = (strings, ...values) => ({ strTag: true, strings, values });'), map: null };
    },
  };
}

/** How every chunk of the CDN build is named (also in the solo bundles' folders, with `prefix`). */
function chunkFileNames(prefix: string) {
  return (chunk: Rolldown.PreRenderedChunk) => {
    const id = chunk.facadeModuleId ?? '';
    const widget = /[\\/]widgets[\\/]([^\\/]+)[\\/]define\.ts$/.exec(id);
    if (widget) return `${prefix}${widget[1]}-[hash].js`;
    // A widget's own lazy parts (e.g. a form loaded on demand): <widget>.<part>-hash.js; also when
    // the chunk is no facade (its modules then tell whose it is).
    const part = /[\\/]widgets[\\/]([^\\/]+)[\\/]/.exec(id || chunk.moduleIds.find((m) => /[\\/]widgets[\\/]/.test(m)) || '');
    if (part) return `${prefix}${part[1]}.[name]-[hash].js`;
    const locale = /[\\/]generated[\\/]locales[\\/]([a-z-]+)\.ts$/.exec(id);
    if (locale) return `${prefix}locale-${locale[1]}-[hash].js`;
    return `${prefix}[name]-[hash].js`;
  };
}


/**
 * The form layer, the submission queue and the attribution every submission carries: one lazy
 * chunk shared by the widgets that show a form. Attribution on its own was a chunk of its own, a
 * 4th request before a widget importing it statically (the feedback form) was ready.
 */
const FORM_GROUP = { name: 'form', test: /[\\/]src[\\/]core[\\/](?:(?:form|submit)[\\/]|attribution\.ts$)/ };

/**
 * The solo bundles: for each built widget W, `solo/W/solo-<hash>.js` holds the shared runtime and
 * W's own chunk in one file, so a page with one widget type makes one code request after the
 * loader instead of two (loader, solo bundle ∥ bootstrap: 3 requests before ready).
 *
 * Two copies of the runtime must never meet on one page (two Lits, two @lit/localize states, two
 * clinic-profile caches). So each solo bundle comes with its own *family*: a complete build whose
 * entry is the solo bundle, with every other widget's chunk and every lazy part beside it in
 * `solo/W/`, all importing the runtime from the solo bundle. The solo bundle exports that family's
 * registry (`r`: tag → import), and the loader, once it has picked a family for the page (solo
 * when the page has one widget type at load, the shared `chunks/` otherwise), loads every later
 * tag from the same family. A page therefore holds one runtime whatever tags appear later. The
 * locale chunks are shared by all families (they import nothing, see above): the family's runtime
 * imports `chunks/locale-*.js` of this build.
 *
 * Each family is a separate Vite build run from here (≈1 s each), its files emitted into this
 * build's output, and their names written into loader.js by `prm:preload-map` (`s`).
 */
function soloBundles(): Plugin {
  return {
    name: 'prm:solo-bundles',
    apply: 'build',
    enforce: 'post',
    async generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((f): f is Rolldown.OutputChunk => f.type === 'chunk');
      if (!chunks.some((c) => c.isEntry && c.name === 'loader')) return; // not the CDN build
      const locales: Record<string, string> = {};
      for (const c of chunks) {
        const m = /[\\/]generated[\\/]locales[\\/]([a-z-]+)\.ts$/.exec(c.facadeModuleId ?? '');
        if (m) locales[m[1]!] = c.fileName;
      }
      const solo: Record<string, string> = {};
      const built = builtWidgets();
      // A facade (widgets.config.mjs `facade`: the chat launcher's button) gets no solo bundle: it
      // needs no runtime before an interaction; it has a copy in every other widget's family.
      for (const w of built.filter((x) => !x.facade)) {
        const dir = `solo/${w.folder}/`;
        // A module that exists only here: the widget's define.ts plus the family's registry.
        const ENTRY = `${ROOT}src/loader/solo-${w.folder}.virtual.ts`;
        const out = await build({
          configFile: false,
          root: ROOT,
          logLevel: 'warn',
          publicDir: false,
          plugins: [
            {
              name: 'prm:solo-entry',
              enforce: 'pre',
              resolveId(id, importer) {
                if (id === ENTRY) return ENTRY;
                // The family's runtime loads this build's locale chunks (../../chunks/locale-*.js).
                const locale = /generated\/locales\/([a-z-]+)\.js$/.exec(id);
                if (locale && importer && /[\\/]core[\\/]i18n[\\/]/.test(importer)) return { id: `prm-locale:${locale[1]}`, external: true };
                return null;
              },
              load(id) {
                if (id !== ENTRY) return null;
                // The family's registry: this widget is already defined (it is in this file), the
                // others import their chunk of this family. (Importing this file's own module
                // instead would make the bundler build a namespace object, with a helper in a chunk
                // of its own: one more request before ready.)
                const entries = built.map((v) => `${JSON.stringify(v.tag)}: ${v === w ? 'async () => {}' : `() => import(${JSON.stringify(`${ROOT}src/widgets/${v.folder}/define.ts`)}).then(() => {})`}`);
                return `import ${JSON.stringify(`${ROOT}src/widgets/${w.folder}/define.ts`)};\nexport const r = { ${entries.join(', ')} };\n`;
              },
            },
            cssComments(),
            trimTemplateIndent(),
          ],
          build: {
            write: false,
            target: 'es2022',
            minify: true,
            // Hidden maps, as in the main build (not shipped: package.json `files`).
            sourcemap: 'hidden',
            modulePreload: false,
            reportCompressedSize: false,
            copyPublicDir: false,
            lib: { entry: { solo: ENTRY }, formats: ['es'] },
            rolldownOptions: {
              preserveEntrySignatures: 'allow-extension',
              output: {
                format: 'es',
                minify: true,
                comments: false,
                entryFileNames: `${dir}solo-[hash].js`,
                chunkFileNames: chunkFileNames(dir),
                paths: (id) => {
                  const l = /^prm-locale:(.+)$/.exec(id);
                  return l && locales[l[1]!] ? `../../${locales[l[1]!]}` : id;
                },
                // Everything the entry imports statically (runtime + the widget's own chunk) goes
                // into the entry's own chunk: the solo bundle; the rest is split as usual.
                codeSplitting: { includeDependenciesRecursively: false, groups: [{ name: 'solo', tags: ['$initial'], priority: 2 }, FORM_GROUP] },
              },
            },
          },
        });
        const outputs = (Array.isArray(out) ? out : [out]) as Rolldown.RolldownOutput[];
        for (const f of outputs.flatMap((o) => o.output)) {
          if (f.type !== 'chunk') continue;
          if (/prm-locale:/.test(f.code)) this.error(`prm:solo-bundles: ${f.fileName} imports a locale chunk this build does not have`);
          this.emitFile({ type: 'asset', fileName: f.fileName, source: f.code });
          if (f.map) this.emitFile({ type: 'asset', fileName: `${f.fileName}.map`, source: f.map.toString() });
          if (f.isEntry) solo[w.folder] = f.fileName;
        }
      }
      soloFiles.current = solo;
    },
  };
}

/** The solo bundles' file names, from `prm:solo-bundles` to `prm:preload-map` (same build). */
const soloFiles: { current: Record<string, string> } = { current: {} };

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
      const map: { w: Record<string, string[]>; l: Record<string, string>; d: string[]; s: Record<string, string> } = { w: {}, l: {}, d: [], s: {} };
      for (const c of chunks) {
        const id = c.facadeModuleId ?? '';
        const widget = /[\\/]widgets[\\/]([^\\/]+)[\\/]define\.ts$/.exec(id);
        if (widget) map.w[widget[1]!] = [...deps(c.fileName)].map(short);
        const locale = /[\\/]generated[\\/]locales[\\/]([a-z-]+)\.ts$/.exec(id);
        if (locale) map.l[locale[1]!] = short(c.fileName);
      }
      // Widgets with first data (widgets.config.mjs `firstData`): the loader asks for a bootstrap for these only.
      map.d = DECLARED.filter((w) => w.firstData.length && map.w[w.folder]).map((w) => w.folder);
      // Each widget's solo bundle (`solo/<folder>/solo-<hash>.js`): the hash only.
      for (const [folder, file] of Object.entries(soloFiles.current)) map.s[folder] = /-([\w-]+)\.js$/.exec(file)![1]!;
      if (!PLACEHOLDER.test(loader.code)) this.error('prm:preload-map: the placeholder is missing from loader.js');
      // JSON in a single-quoted JS string (file names hold no quote or backslash); loader.js sits
      // beside chunks/, so the paths stay relative.
      loader.code = loader.code.replace(PLACEHOLDER, () => `'${JSON.stringify(map)}'`);
    },
  };
}

export default defineConfig({
  plugins: [selfContainedLocales(), cssComments(), trimTemplateIndent(), thirdPartyNotices(), soloBundles(), preloadMap()],
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
      // No `manualPureFunctions`: it marks every call rooted at a name as pure, so with `list` in
      // it the minifier dropped `list.push(slot)` in the booking scheduler's groupByDay and the
      // CDN build offered one time a day. The contract is generated data now (no schema calls to
      // drop), and the bundles are within a few bytes without it.
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
        chunkFileNames: chunkFileNames('chunks/'),
        codeSplitting: {
          // A grouped module must not drag its dependencies into the runtime: the page-wide store,
          // version, locale matching and first-data handoff, shared with the loader, stay in loader.js.
          includeDependenciesRecursively: false,
          groups: [
            // The form layer and the submission queue: never in the runtime (a page with only a
            // carousel never loads it).
            FORM_GROUP,
            {
              name: 'runtime',
              test: /[\\/]node_modules[\\/](lit|lit-html|lit-element|@lit|@lit-labs|zod)[\\/]|[\\/]src[\\/]core[\\/](?:(?!config[\\/]global\.ts|config[\\/]locales\.ts|i18n[\\/]locale\.ts|api[\\/]base\.ts|version\.ts|attribution\.ts|submit[\\/]|form[\\/]|contract[\\/])|contract[\\/](?:config|common|fields|theme|checked|check)\.ts)|[\\/]src[\\/]generated[\\/]contract[\\/](?:config|common|fields|theme|embed)\.ts/,
            },
          ],
        },
      },
    },
  },
});
