// In-page micro-benchmark driver (a function expression, evaluated in the page by bench/run.mjs).
// `run(el, opts)` is the widget's measured work (it awaits the element's update); the driver adds a
// forced style + layout so the time covers rendering, not just the template.
//
// The calibration task C is fixed JavaScript work of the kind rendering does (allocating objects,
// building strings, sorting, JSON). It is repeated k times, k the smallest power of two with
// k·C ≥ 20 ms, so the timer resolution is negligible. The result is the ratio
// work / C: "this rendering costs R calibration tasks", comparable across machines and throttles.
// Work and calibration samples alternate; the ratio uses the fastest sample of each.
/* eslint-disable-next-line @typescript-eslint/no-unused-expressions -- evaluated as an expression in the page */
async (el, run, opts) => {
  const now = () => performance.now();
  const median = (a) => {
    const s = [...a].sort((x, y) => x - y);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  let sink = 0;
  const calibration = () => {
    let seed = 12345;
    const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296;
    const rows = [];
    for (let i = 0; i < 20000; i++) rows.push({ id: i, at: rnd(), label: `slot ${i} · ${(rnd() * 1000) | 0}` });
    rows.sort((a, b) => a.at - b.at);
    let html = '';
    for (let i = 0; i < rows.length; i += 4) html += `<li data-id="${rows[i].id}">${rows[i].label}</li>`;
    const back = JSON.parse(JSON.stringify(rows.slice(0, 2000)));
    sink += html.length + back.length;
  };
  const settle = () => {
    el.getBoundingClientRect();
    return document.documentElement.offsetHeight;
  };
  const reps = opts.reps ?? 7;

  // Warm-up first: both the calibration and the work get faster as the JIT tiers up; k is chosen
  // and samples are taken only after that.
  for (let i = 0; i < 5; i++) calibration();
  for (let i = 0; i < 3; i++) {
    await run(el, opts);
    settle();
  }
  let k = 1;
  for (let i = 0; i < 12; i++) {
    const s = now();
    for (let j = 0; j < k; j++) calibration();
    if (now() - s >= 20) break;
    k *= 2;
  }
  const cal = [];
  const work = [];
  for (let i = 0; i < reps; i++) {
    let s = now();
    for (let j = 0; j < k; j++) calibration();
    cal.push((now() - s) / k);
    s = now();
    await run(el, opts);
    sink += settle();
    work.push(now() - s);
  }
  // The fastest sample of each is the least disturbed (GC, the other processes on the machine);
  // the ratio of the two minima is far steadier than the ratio of medians. Both are returned.
  const calMs = Math.min(...cal);
  const workMs = Math.min(...work);
  return { k, calibrationMs: calMs, calibrationBlockMs: calMs * k, workMs, ratio: workMs / calMs, medianRatio: median(work) / median(cal), samples: { cal, work }, sink: sink > 0 };
}
