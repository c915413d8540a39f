// Demo only: ?lang=ar (or any supported code) sets the page language before the widgets load,
// as a clinic's own multilingual site would; ?theme=dark switches the widgets' theme.
const params = new URLSearchParams(location.search);
const lang = params.get('lang');
if (lang) {
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === 'ar' ? 'rtl' : 'ltr';
}
const theme = params.get('theme');
if (theme && window.PRM) window.PRM.configure({ theme });
for (const a of document.querySelectorAll('.lang-switch a')) {
  const current = (lang || 'en') === a.getAttribute('hreflang');
  a.setAttribute('aria-current', String(current));
}
