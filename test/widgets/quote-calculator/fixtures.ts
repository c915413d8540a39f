import type { ClinicConfig } from '../../../src/core/contract/config.js';
import type { CatalogResponse, ExchangeRates, Procedure, ProceduresResponse } from '../../../src/core/contract/catalog.js';
import { computeEstimate, defaultSelection } from '../../../src/shared/pricing.js';
import type { QuoteResponse } from '../../../src/core/contract/quotes.js';

/** A small, contract-valid catalog; `t(s)` lets a test replace every backend string. */
export function catalog(t: (s: string) => string = (s) => s): ProceduresResponse {
  const proc = (id: string, specialty: string, name: string): Procedure => ({
    id,
    specialty,
    name: t(name),
    description: t(`${name} description`),
    currency: 'EUR',
    tiers: [
      {
        id: 'standard',
        name: t('Standard'),
        description: t('The essentials'),
        components: [
          { id: 'surgery', label: t('Surgery'), group: 'medical', amount: 200000 },
          { id: 'grafts', label: t('Grafts'), group: 'medical', amount: 100000, amountMax: 150000 },
        ],
        includedHospitalNights: 1,
        includedHotelNights: 0,
        includesTransfers: false,
        includesInterpreter: false,
        includes: [t('Blood tests')],
      },
      {
        id: 'premium',
        name: t('Premium'),
        components: [{ id: 'surgery', label: t('Surgery premium'), group: 'medical', amount: 300000 }],
        includedHospitalNights: 2,
        includedHotelNights: 3,
        includesTransfers: true,
        includesInterpreter: true,
        includes: [t('VIP transfer')],
      },
    ],
    addOns: [{ id: 'prp', label: t('PRP session'), group: 'medical', amount: 15000, per: 'once' }],
    unitPrices: { hospitalNight: 20000, hotelNight: 9000, companionNight: 4000, transfers: 12000, interpreterDay: 8000 },
    treatmentDays: 3,
    contingencyPercent: 5,
    defaults: { tier: 'standard', hospitalNights: 1, hotelNights: 4, companions: 0, transfers: true, interpreter: false },
    limits: { hospitalNights: { min: 0, max: 10 }, hotelNights: { min: 0, max: 20 }, companions: { min: 0, max: 3 } },
    included: [t('Aftercare kit')],
    notIncluded: [t('Flights')],
    benchmarks: [
      { country: 'GB', amount: 900000, currency: 'GBP', source: t('NHS private list'), year: 2025 },
      { country: 'DE', amount: 1000000, currency: 'EUR', source: t('GKV'), year: 2025 },
    ],
    validityDays: 30,
  });
  return {
    specialties: [
      { id: 'hair', name: t('Hair') },
      { id: 'dental', name: t('Dental') },
    ],
    procedures: [proc('fue', 'hair', 'FUE hair transplant'), proc('implant', 'dental', 'Dental implant'), proc('veneers', 'dental', 'Veneers')],
  };
}

/** The summary of {@link catalog} that `GET /v1/catalog` answers, priced as the reference server prices it. */
export function catalogSummary(t: (s: string) => string = (s) => s): CatalogResponse {
  const full = catalog(t);
  return {
    specialties: full.specialties,
    procedures: full.procedures.map((p) => ({
      id: p.id,
      specialty: p.specialty,
      name: p.name,
      description: p.description,
      from: Object.fromEntries(Object.keys(rates.rates).map((c) => [c, computeEstimate(p, defaultSelection(p), rates, c).total])),
    })),
  };
}

/** `GET /v1/catalog` and `GET /v1/procedures/{id}` answered from {@link catalog}; undefined for other paths. */
export function catalogAnswer(url: URL, t: (s: string) => string = (s) => s): Response | undefined {
  if (url.pathname === '/v1/catalog') return json(catalogSummary(t));
  const m = /^\/v1\/procedures\/([^/]+)$/.exec(url.pathname);
  if (!m) return undefined;
  const p = catalog(t).procedures.find((x) => x.id === decodeURIComponent(m[1]!));
  return p ? json({ procedure: p }) : json({ error: { code: 'not_found', message: 'No such procedure' } }, 404);
}

export function clinicConfig(t: (s: string) => string = (s) => s): ClinicConfig {
  return {
    id: 'aurora',
    name: t('Aurora'),
    timeZone: 'Europe/Istanbul',
    currencies: ['EUR', 'GBP', 'USD'],
    defaultCurrency: 'EUR',
    locales: ['en', 'ar'],
    defaultLocale: 'en',
    theme: { mode: 'light', tokens: {} },
    channels: { whatsapp: '+905551234567' },
    officeHours: { timeZone: 'Europe/Istanbul', days: [] },
    privacyUrl: 'https://clinic.example/privacy',
    consent: { version: 'v1', text: { en: t('I agree that the clinic processes my health data.') } },
  };
}

export const rates: ExchangeRates = { base: 'EUR', date: '2026-11-20', rates: { EUR: 1, GBP: 0.8461, USD: 1.0842 } };

export function quoteResponse(reference: string, t: (s: string) => string = (s) => s): QuoteResponse {
  return {
    id: '7d8e9f00-1234-4abc-8def-0123456789ab',
    reference: t(reference),
    estimate: {
      procedureId: 'fue',
      tier: 'standard',
      currency: 'EUR',
      groups: [{ group: 'medical', lines: [{ id: 'surgery', label: t('Surgery'), group: 'medical', quantity: 1, unitAmount: 200000, amount: 200000, amountMax: 200000 }], subtotal: 200000, subtotalMax: 200000 }],
      total: 200000,
      totalMax: 200000,
      isRange: false,
      rounding: 'half-up-per-line-after-conversion',
      ratesDate: '2026-11-20',
      savings: null,
      included: [t('Included thing')],
      notIncluded: [],
    },
    priceChanged: false,
    validUntil: '2026-12-24T00:00:00.000Z',
    createdAt: '2026-11-24T00:00:00.000Z',
  };
}

type Handler = (url: URL, init: { method: string; body?: string; headers: Headers }) => Response | Promise<Response>;
export const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** Replaces window.fetch for /v1 calls (the rest goes through); returns a restore function. */
export function stubFetch(handler: Handler): () => void {
  const real = window.fetch;
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = input instanceof Request ? input : new Request(input, init);
    const url = new URL(req.url);
    if (!url.pathname.startsWith('/v1/')) return real(input, init);
    const body = req.method === 'GET' ? undefined : await req.clone().text();
    return handler(url, { method: req.method, body, headers: req.headers });
  };
  return () => {
    window.fetch = real;
  };
}

export interface Seen {
  url: URL;
  method: string;
  body?: string;
  key: string | null;
}

/**
 * Watches (and optionally overrides) the widget's /v1 calls while everything else reaches the real
 * reference server: `override` returns a Response to answer instead, `undefined` to pass through.
 */
export function interceptFetch(override: (url: URL, method: string, n: number) => Response | Promise<Response | undefined> | undefined = () => undefined) {
  const real = window.fetch;
  const seen: Seen[] = [];
  const counts = new Map<string, number>();
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = input instanceof Request ? input : new Request(input, init);
    const url = new URL(req.url);
    if (!url.pathname.startsWith('/v1/')) return real(input, init);
    const body = req.method === 'GET' ? undefined : await req.clone().text();
    seen.push({ url, method: req.method, body, key: req.headers.get('Idempotency-Key') });
    const id = `${req.method} ${url.pathname}`;
    const n = (counts.get(id) ?? 0) + 1;
    counts.set(id, n);
    const res = await override(url, req.method, n);
    return res ?? real(req);
  };
  return {
    seen,
    restore: () => {
      window.fetch = real;
    },
  };
}
