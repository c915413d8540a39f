// custom-elements.json: generated from the widgets' JSDoc (@summary @fires @csspart @cssprop
// @slot @tagname), never written by hand. The docs' API tables are generated from it.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/generated/**', 'src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  plugins: [
    {
      name: 'prm-static-tagname',
      // Widgets register with `static tagName = 'prm-…'` + `define()`, not customElements.define.
      analyzePhase({ ts, node, moduleDoc }) {
        if (!ts.isClassDeclaration(node) || !node.name) return;
        for (const m of node.members) {
          const isStatic = m.modifiers?.some((x) => x.kind === ts.SyntaxKind.StaticKeyword);
          if (isStatic && ts.isPropertyDeclaration(m) && m.name.getText() === 'tagName' && m.initializer && ts.isStringLiteral(m.initializer) && m.initializer.text) {
            const decl = moduleDoc.declarations?.find((d) => d.name === node.name.getText());
            if (decl) {
              decl.tagName = m.initializer.text;
              decl.customElement = true;
            }
          }
        }
      },
    },
    {
      name: 'prm-events-only',
      // emit(name, detail) is generic: keep only events named in @fires (prm-*), not the
      // analyzer's guess "name" from `new CustomEvent(name)`.
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          for (const decl of mod.declarations ?? []) {
            if (decl.events) decl.events = decl.events.filter((e) => e.name?.startsWith('prm-'));
          }
        }
      },
    },
  ],
};
