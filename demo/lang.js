// Demo only, a classic (blocking) script in <head>: ?lang=ar sets the page's language and
// direction before the first paint, as a clinic's multilingual site serves them in its HTML.
// Set later (by a module script) the whole page flipped after it was painted: CLS 0.27.
(function () {
  var lang = new URLSearchParams(location.search).get('lang');
  if (!lang) return;
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === 'ar' ? 'rtl' : 'ltr';
})();
