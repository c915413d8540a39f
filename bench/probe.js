// In-page instrumentation, injected before any script of every benchmark page (the baseline too,
// so what it costs cancels out in the differences). Plain browser script; the widget list below
// is replaced by the harness with [{ tag, ready }].
(() => {
  const WIDGETS = __PRM_BENCH_WIDGETS__;
  const now = () => performance.now();
  const B = (window.__prmBench = { shifts: [], longtasks: [], loafs: [], ready: {}, defined: {}, rendered: {}, frames: {}, errors: [] });

  const describe = (node) => {
    if (!node) return '(gone)';
    if (node.nodeType !== 1) return node.nodeName;
    return node.localName + (node.id ? `#${node.id}` : '') + (node.className && typeof node.className === 'string' ? `.${node.className.trim().split(/\s+/).join('.')}` : '');
  };
  const observe = (type, fn) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(fn)).observe({ type, buffered: true });
    } catch {
      B.errors.push(`PerformanceObserver ${type} unsupported`);
    }
  };
  observe('layout-shift', (e) =>
    B.shifts.push({ value: e.value, t: e.startTime, hadRecentInput: e.hadRecentInput, sources: (e.sources ?? []).map((s) => describe(s.node)) }),
  );
  observe('longtask', (e) => B.longtasks.push({ t: e.startTime, d: e.duration }));
  observe('long-animation-frame', (e) =>
    B.loafs.push({
      t: e.startTime,
      d: e.duration,
      blocking: e.blockingDuration,
      scripts: (e.scripts ?? []).map((s) => ({ url: s.sourceURL, fn: s.sourceFunctionName, d: s.duration, invoker: s.invoker })),
    }),
  );

  for (const { tag, ready } of WIDGETS) {
    if (ready) document.addEventListener(ready, () => (B.ready[tag] ??= now()), { capture: true });
    customElements.whenDefined(tag).then(async () => {
      B.defined[tag] = now();
      const el = document.querySelector(tag);
      if (!el) return;
      if (el.updateComplete) await el.updateComplete;
      B.rendered[tag] = now();
      requestAnimationFrame(() => (B.frames[tag] = now()));
    });
  }
})();
