import type { Attribution } from './contract/common.js';

export type { Attribution } from './contract/common.js';

const UTM = ['source', 'medium', 'campaign', 'term', 'content'] as const;

/**
 * Where a patient came from, in the contract's shape (what every submission carries): UTM
 * parameters of the page, the referrer, the landing page (no query: it may hold personal data)
 * and the agent code from the config. Cut to the contract's limits; never stored by the SDK.
 */
export function attribution(agent?: string, loc: Location = location, referrer = document.referrer): Attribution {
  const params = new URLSearchParams(loc.search);
  const out: Attribution = {};
  if (agent) out.agent = agent.slice(0, 64);
  for (const k of UTM) {
    const v = params.get(`utm_${k}`);
    if (v) out[k] = v.slice(0, 200);
  }
  if (referrer) out.referrer = referrer.slice(0, 2000);
  out.landingPage = `${loc.origin}${loc.pathname}`.slice(0, 2000);
  return out;
}
