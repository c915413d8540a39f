// Demo only: ?lang=ar (or any supported code) sets the page language before the widgets load,
// as a clinic's own multilingual site would; ?theme=light|dark|auto switches the widgets' theme
// (and the demo page's own colours) through the public PRM.configure() API.
const params = new URLSearchParams(location.search);
const lang = params.get('lang'); // lang.js already set the page's lang and dir, before the first paint
const THEMES = ['light', 'dark', 'auto'];
const theme = THEMES.includes(params.get('theme')) ? params.get('theme') : null;
if (theme) {
  document.documentElement.dataset.theme = theme;
  // This module runs before the loader's (module scripts run in document order), so window.PRM
  // does not exist yet. DOMContentLoaded fires once every module script has run: the loader has
  // created PRM by then, and its widgets' code is still on its way, so they render in this theme.
  const apply = () => window.PRM?.configure({ theme });
  if (window.PRM) apply();
  else document.addEventListener('DOMContentLoaded', apply, { once: true });
}

/** The current URL with one parameter changed, the others (language, theme) kept. */
function withParam(name, value) {
  const p = new URLSearchParams(location.search);
  p.set(name, value);
  return `?${p}`;
}
for (const a of document.querySelectorAll('.lang-switch a')) {
  const code = a.getAttribute('hreflang');
  a.setAttribute('href', withParam('lang', code));
  a.setAttribute('aria-current', String((lang || 'en') === code));
}
for (const a of document.querySelectorAll('.theme-switch a')) {
  const t = a.dataset.theme;
  a.setAttribute('href', withParam('theme', t));
  a.setAttribute('aria-current', String((theme || 'auto') === t));
}
