// The Markdown report.
import { fmt, ms, bytesRange, KIB, TARGETS } from './figures.mjs';
import { NOISE } from './machine.mjs';

const range = (s, unit = '', digits = 0) =>
  s ? `${s.median.toFixed(digits)}${unit}${s.min === s.max ? '' : ` (${s.min.toFixed(digits)} – ${s.max.toFixed(digits)})`}` : '—';
const exact = (s) => (s ? (s.min === s.max ? fmt(s.median) : `${fmt(s.median)} (${fmt(s.min)} – ${fmt(s.max)}) ⚠ varies`) : '—');
// API answers carry dynamic values (dates, ids), so their compressed size may move by a few bytes.
const apiRange = (s) => (s ? (s.min === s.max ? fmt(s.median) : `${fmt(s.median)} (${fmt(s.min)} – ${fmt(s.max)})`) : '—');
const signed = (s, unit = ' ms') => (s ? `${s.median >= 0 ? '+' : ''}${s.median.toFixed(0)}${unit} (${s.min.toFixed(0)} – ${s.max.toFixed(0)})` : '—');
const signedB = (s) => (s ? `${s.median >= 0 ? '+' : ''}${fmt(s.median)}${s.min === s.max ? '' : ` (${fmt(s.min)} – ${fmt(s.max)})`}` : '—');

export function renderReport({ meta, agg, rows, skipped, widgets, built, checks, accounting = [] }) {
  const L = [];
  const ids = Object.keys(agg);
  const pages = ids.filter((id) => agg[id].variant.kind === 'page');
  L.push(`# prm-widgets benchmark — ${meta.mode === 'quick' ? 'smoke run (--quick)' : 'full run'}`, '');
  L.push(`- Date: ${meta.date}`);
  L.push(`- Machine: ${meta.cpu}, ${meta.cores} logical cores, ${meta.memGiB} GiB memory, ${meta.os}`);
  L.push(`- Browser: ${meta.browser} (${meta.chrome}), playwright-core ${meta.playwright}; Node ${meta.node}`);
  L.push(`- Code: ${meta.git}; build ${meta.build}`);
  L.push(`- Reference server: ${meta.server}`);
  L.push(`- Set-up: host page on ${meta.hostOrigin}, SDK (CDN build, gzip -9, CORS + reference server) on ${meta.sdkOrigin}; fresh browser context per run; ${meta.device}; cache disabled; CPU ${meta.cpuRate}× slower; network ${meta.network}.`);
  L.push(`- Runs: ${meta.rounds} interleaved round(s) of ${ids.length} variants (order rotated each round); total ${meta.wallSecs} s.`);
  L.push(`- Widgets built: ${widgets.map((w) => `${w.tag} ${built.has(w.name) ? '✓' : '(not built yet)'}`).join(', ')}`);
  L.push('');
  const m = meta.machine;
  if (m) {
    const load = (x) => x.load.map((v) => v.toFixed(2)).join(' / ');
    const pct = (x) => (x === undefined ? 'unknown' : `${(x * 100).toFixed(1)} %`);
    L.push(
      m.trusted
        ? `**Machine quiet enough to trust the timings** (1-minute load average ≤ ${NOISE.loadBeforePerCore} per core before the run and ≤ ${NOISE.loadAfterPerCore} at its end, CPU steal ≤ ${NOISE.stealShare * 100} %).`
        : `**⚠ TOO NOISY TO TRUST: the timings of this run (TBT, long tasks, scripts, load, FCP, ready) are not evidence either way** — ${m.reasons.join('; ')}. Exact figures (requests, bytes, CLS, DOM nodes, heap) still hold. Run again on a quiet machine.`,
      '',
      `- Machine load: load average ${load(m.before)} (1 / 5 / 15 min) before, ${load(m.after)} after, on ${m.cores} cores; during the run the CPU was ${pct(m.busy)} busy (all processes, ours included) and ${pct(m.steal)} stolen by the hypervisor (/proc/stat, ${m.before.at} → ${m.after.at}).`,
      '',
    );
  }

  L.push('## Targets', '', '| target | figure (median) | verdict |', '| --- | --- | --- |');
  for (const r of rows) L.push(`| ${r.target} | ${r.figure} | ${r.verdict === 'pass' ? '✅ pass' : r.verdict === 'fail' ? '❌ fail' : r.verdict === 'noisy' ? '⚠ not judged: noisy run' : 'n/a'} |`);
  L.push('');
  if (checks) {
    L.push(`## Exact checks (what \`--quick\` asserts): ${checks.failures.length ? `${checks.failures.length} failed` : `all ${checks.passed.length} passed`}`, '');
    for (const c of checks.failures) L.push(`- ❌ ${c}`);
    if (meta.mode === 'quick' || checks.failures.length) for (const c of checks.passed) L.push(`- ✅ ${c}`);
    L.push('');
  }

  L.push('## Exact figures', '', 'Requests and bytes on the SDK origin, from the browser\'s network events (bytes = response bodies as transferred, i.e. gzip for code; the API as the reference server sends it — its answers carry dates and ids, so their size may move by a few bytes; code bytes never do, ⚠ marks a code figure that varied). DOM nodes (document and every shadow root) and event listeners (DevTools `DOMDebugger.getEventListeners` on `window` and the whole document, shadow roots included) as differences from the baseline page. CLS is the sum of every layout shift without recent input.', '');
  L.push('| variant | requests (code + API) | bytes (code + API) | DOM nodes added | listeners added | CLS |', '| --- | --- | --- | --- | --- | --- |');
  for (const id of pages) {
    const a = agg[id];
    if (id === 'baseline') {
      L.push(`| ${id} | ${exact(a.requests)} | ${exact(a.bytes)} | ${exact(a.nodes)} nodes | ${exact(a.listeners)} listeners | ${range(a.cls, '', 3)} |`);
      continue;
    }
    L.push(`| ${id} | ${exact(a.requests)} (${exact(a.codeRequests)} + ${exact(a.apiRequests)}) | ${apiRange(a.bytes)} (${exact(a.codeBytes)} + ${apiRange(a.apiBytes)}) | ${signedB(a.d.nodes)} | ${signedB(a.d.listeners)} | ${range(a.cls, '', 3)} |`);
  }
  L.push('');
  const sc = agg.scrolled?.last ?? agg.all?.last;
  if (sc) {
    L.push(`### What the page downloads from our origin (${agg.scrolled ? 'scrolled' : 'all'} variant, last run)`, '', '| kind | requests | bytes (transferred) | bytes (decoded) |', '| --- | --- | --- | --- |');
    for (const [k, v] of Object.entries(sc.byKind).sort()) L.push(`| ${k} | ${v.requests} | ${fmt(v.bytes)} | ${fmt(v.decoded)} |`);
    L.push('', '| API call | requests | bytes |', '| --- | --- | --- |');
    for (const [k, v] of Object.entries(sc.apiByPath).sort()) L.push(`| ${k} | ${v.requests} | ${fmt(v.bytes)} |`);
    L.push('');
  }
  const solos = pages.filter((id) => id.startsWith('solo:'));
  if (solos.length || skipped.some((s) => s.id.startsWith('solo:'))) {
    L.push('### Per widget (the widget alone on the page, scrolled into view)', '', '| widget | requests (code + API) | code bytes | of which its own chunks (or its solo bundle) | API bytes | requests before ready | DOM nodes added | listeners added | heap added |', '| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const w of widgets) {
      const a = agg[`solo:${w.name}`];
      if (!a) {
        L.push(`| ${w.tag} | not built yet | | | | | | | |`);
        continue;
      }
      const own = a.last ? Object.entries(a.last.byKind).filter(([k]) => k === `widget:${w.name}` || k === `solo:${w.name}`).reduce((s, [, v]) => s + v.bytes, 0) : undefined;
      const b = a.last?.beforeFirstReady;
      L.push(
        `| ${w.tag} | ${exact(a.requests)} (${exact(a.codeRequests)} + ${exact(a.apiRequests)}) | ${exact(a.codeBytes)} | ${fmt(own)} | ${apiRange(a.apiBytes)} | ${b ? `${b.requests} (${b.code} code, ${b.api} API, ${b.preflight} preflight), chain ${b.depth} deep` : '—'} | ${signedB(a.d.nodes)} | ${signedB(a.d.listeners)} | ${signedB(a.d.heap)} |`,
      );
    }
    L.push('');
  }

  L.push('## Near-exact: JS heap after forced GC', '', '`HeapProfiler.collectGarbage` twice, then `Runtime.getHeapUsage().usedSize`; added = variant − baseline of the same round.', '', '| variant | heap used | added vs baseline |', '| --- | --- | --- |');
  for (const id of pages) L.push(`| ${id} | ${bytesRange(agg[id].heap)} | ${id === 'baseline' ? '' : signedB(agg[id].d.heap)} |`);
  L.push('');

  L.push(
    `## Noisy figures, as differences from the baseline in the same round${m && !m.trusted ? ' — ⚠ THIS RUN WAS TOO NOISY TO TRUST (see the top)' : ''}`,
    '',
    `Milliseconds at ${'4'}× CPU and slow 4G; median (min – max) over rounds. TBT = Σ(long task − 50 ms) over the whole run; "our longest script" = the longest script of our origin in a long animation frame (attribution by URL). These are for reading, never for pass/fail in tests.`,
    '',
    '| variant | TBT added | longest task added | our longest script | our script time | load event added | FCP added |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const id of pages) {
    const a = agg[id];
    if (id === 'baseline') {
      L.push(`| baseline (absolute) | TBT ${ms(a.tbt)} | ${ms(a.longestTask)} | — | — | load ${ms(a.load)} | FCP ${ms(a.fcp)} |`);
      continue;
    }
    L.push(`| ${id} | ${signed(a.d.tbt)} | ${signed(a.d.longestTask)} | ${ms(a.ourLongestScript)} | ${ms(a.ourScriptTime)} | ${signed(a.d.load)} | ${signed(a.d.fcp)} |`);
  }
  const tops = pages.filter((id) => agg[id].last?.ourTopScripts?.length);
  if (tops.length) {
    L.push('', 'Our longest scripts (last run; long-animation-frame script attribution):', '');
    for (const id of tops) L.push(`- ${id}: ${agg[id].last.ourTopScripts.map((s) => `${s.d.toFixed(0)} ms ${s.file}${s.invoker ? ` (${s.invoker})` : ''}`).join('; ')}`);
  }
  L.push('', '### Each widget: time from the script tag (same page)', '', 'From the inline `performance.mark` just before the loader\'s `<script>` to: the tag defined (chunk loaded), the first frame after its first render (skeleton), its `prm-*-view` event (shown with data).', '');
  L.push('| variant | widget | defined | first render (frame) | ready (`prm-*-view`) |', '| --- | --- | --- | --- | --- |');
  for (const id of pages.filter((x) => x !== 'baseline')) {
    for (const w of widgets) {
      const pw = agg[id].perWidget[w.name];
      if (!pw?.defined && !pw?.ready) continue;
      L.push(`| ${id} | ${w.tag} | ${ms(pw.defined)} | ${ms(pw.firstFrame)} | ${ms(pw.ready)} |`);
    }
  }
  L.push('');

  L.push('## Rendering micro-benchmarks', '', 'Each run in its own page (loaded with the same throttling; measured unthrottled after a warm-up), as a ratio to the calibration task (fixed JavaScript work; see docs/benchmark.md): "costs R calibration tasks". Within a run, work and calibration samples alternate and the ratio is of the fastest sample of each (the ratio of medians is shown beside); then median (min – max) over rounds. Lower is better; compare ratios across machines, not milliseconds.', '');
  L.push('| benchmark | ratio (median, min – max) | ratio of medians | work ms | calibration ms (k) |', '| --- | --- | --- | --- | --- |');
  for (const w of widgets) {
    for (const m of w.micro ?? []) {
      const a = agg[`micro:${m.id}`];
      const s = skipped.find((x) => x.id === `micro:${m.id}`);
      if (!a) L.push(`| ${m.label} | ${s?.why ?? 'not run'} | | | |`);
      else L.push(`| ${m.label} | ${range(a.micro.ratio, '', 2)} | ${range(a.micro.medianRatio, '', 2)} | ${range(a.micro.workMs, '', 1)} | ${range(a.micro.calibrationMs, '', 1)} (k = ${a.micro.k?.median ?? '—'}) |`);
    }
  }
  L.push('');
  // A micro-benchmark against its own smaller input (e.g. 1,000 stories against 10), same run.
  for (const w of widgets) {
    for (const m of (w.micro ?? []).filter((x) => x.baseline)) {
      const a = agg[`micro:${m.id}`]?.micro.ratio?.median;
      const b = agg[`micro:${m.baseline}`]?.micro.ratio?.median;
      const r = a && b ? a / b : undefined;
      L.push(`- ${m.id} / ${m.baseline}: ${r ? `${r.toFixed(2)}×` : 'not measured'}${m.goal ? ` (goal ≤ ${m.goal}×${r ? (r <= m.goal ? ', met' : ', NOT met') : ''})` : ''}`);
    }
  }
  L.push('');
  if (skipped.length) {
    L.push('## Not measured', '');
    for (const s of skipped) L.push(`- ${s.id} — ${s.label}: ${s.why}`);
    L.push('');
  }
  const problems = accounting.map((a) => `byte accounting mismatch: ${a}`);
  for (const id of ids) {
    const a = agg[id];
    for (const e of a.failedRuns) problems.push(`${id}: run failed: ${e}`);
    const last = a.last;
    if (!last) continue;
    for (const e of new Set(last.consoleErrors)) problems.push(`${id}: console error: ${e}`);
    for (const e of last.failedRequests) problems.push(`${id}: failed request: ${e}`);
    if (last.notReady?.length) problems.push(`${id}: no ready event from ${last.notReady.join(', ')}`);
    for (const s of last.shifts) problems.push(`${id}: layout shift ${s.value.toFixed(4)} at ${s.t.toFixed(0)} ms: ${s.sources.join(', ')}`);
  }
  L.push('## Errors and warnings seen (last run of each variant)', '', ...(problems.length ? problems.map((p) => `- ${p}`) : ['none']), '');
  L.push(`Budgets: ${TARGETS.totalCodeGzip / KIB} KiB = ${TARGETS.totalCodeGzip} B (aim 50 KiB = ${50 * KIB} B). Generated by \`npm run bench${meta.mode === 'quick' ? ' -- --quick' : ''}\`; see docs/benchmark.md.`, '');
  return L.join('\n');
}
