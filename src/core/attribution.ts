/** Where a patient came from, carried into submissions (never stored by the SDK). */
export interface Attribution {
  utm?: Record<string, string>;
  referrer?: string;
  agent?: string;
  page?: string;
}

const UTM = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content'];

export function attribution(agent?: string, loc: Location = location, referrer = document.referrer): Attribution {
  const params = new URLSearchParams(loc.search);
  const utm: Record<string, string> = {};
  for (const k of UTM) {
    const v = params.get(k);
    if (v) utm[k.slice(4)] = v.slice(0, 200);
  }
  const out: Attribution = { page: `${loc.origin}${loc.pathname}`.slice(0, 500) };
  if (Object.keys(utm).length) out.utm = utm;
  if (referrer) out.referrer = referrer.slice(0, 500);
  if (agent) out.agent = agent;
  return out;
}
