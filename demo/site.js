// Demo only: ?lang=ar (or any supported code) sets the page language before the widgets load,
// as a clinic's own multilingual site would; ?theme=dark switches the widgets' theme.
const params = new URLSearchParams(location.search);
const lang = params.get('lang');
if (lang) {
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === 'ar' ? 'rtl' : 'ltr';
}
// This module runs before loader.js (document order), so window.PRM does not exist yet: hand the
// theme to the loader through its data-theme, which it reads when it starts.
const theme = params.get('theme');
const loader = document.querySelector('script[src$="/loader.js"]');
if (theme && loader) loader.dataset.theme = theme;
for (const a of document.querySelectorAll('.lang-switch a')) {
  const current = (lang || 'en') === a.getAttribute('hreflang');
  a.setAttribute('aria-current', String(current));
}
