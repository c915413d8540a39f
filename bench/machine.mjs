// How busy the machine was around a run: load average and CPU time (steal included) from /proc,
// sampled before and after, and whether the timings of the run can be trusted. Linux only; on
// other systems the sample says so and the run is reported as unverified.
import { readFileSync } from 'node:fs';
import os from 'node:os';

/**
 * Thresholds of a run too noisy to trust. The benchmark itself keeps about one core busy
 * (the browser's renderer and the reference server), so "after" allows more than "before".
 */
export const NOISE = {
  /** 1-minute load average before the run, per core: other work already running. */
  loadBeforePerCore: 0.5,
  /** 1-minute load average at the end of the run, per core (ours included). */
  loadAfterPerCore: 1.5,
  /** Share of CPU time stolen by the hypervisor during the run. */
  stealShare: 0.02,
};

/** One sample: load averages and the cumulative CPU times of the `cpu` line of /proc/stat. */
export function sampleMachine() {
  const at = new Date().toISOString();
  try {
    const [l1, l5, l15] = readFileSync('/proc/loadavg', 'utf8').split(/\s+/).map(Number);
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n').find((l) => l.startsWith('cpu '));
    // user nice system idle iowait irq softirq steal (guest times are already counted in user)
    const [user, nice, system, idle, iowait, irq, softirq, steal = 0] = cpu.trim().split(/\s+/).slice(1).map(Number);
    return { at, load: [l1, l5, l15], cpu: { busy: user + nice + system + irq + softirq, idle: idle + iowait, steal } };
  } catch {
    const [l1, l5, l15] = os.loadavg();
    return { at, load: [l1, l5, l15], cpu: undefined };
  }
}

/**
 * The machine's load over a run (between two samples) and the verdict: `trusted` is false when
 * the timings may be inflated, with every reason in plain words.
 */
export function machineLoad(before, after, cores = os.cpus().length) {
  const reasons = [];
  let steal;
  let busy;
  if (before.cpu && after.cpu) {
    const d = (k) => after.cpu[k] - before.cpu[k];
    const total = d('busy') + d('idle') + d('steal');
    if (total > 0) {
      steal = d('steal') / total;
      busy = d('busy') / total;
    }
  }
  const fmt = (x) => x.toFixed(2);
  if (before.load[0] > NOISE.loadBeforePerCore * cores) reasons.push(`load average ${fmt(before.load[0])} on ${cores} cores before the run (other work was running; quiet is ≤ ${fmt(NOISE.loadBeforePerCore * cores)})`);
  if (after.load[0] > NOISE.loadAfterPerCore * cores) reasons.push(`load average ${fmt(after.load[0])} on ${cores} cores at the end of the run (≤ ${fmt(NOISE.loadAfterPerCore * cores)} with the benchmark's own work)`);
  if (steal !== undefined && steal > NOISE.stealShare) reasons.push(`${(steal * 100).toFixed(1)} % of CPU time stolen by the hypervisor during the run (≤ ${(NOISE.stealShare * 100).toFixed(0)} %)`);
  if (steal === undefined) reasons.push('CPU steal could not be read (/proc/stat): the run is unverified');
  return { cores, before, after, steal, busy, trusted: reasons.length === 0, reasons };
}
