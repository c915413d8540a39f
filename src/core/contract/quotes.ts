import * as z from 'zod/mini';
import { str, int, list } from './checked.js';
import {
  AttributionSchema,
  ConsentSchema,
  ContactSchema,
  CountryCodeSchema,
  CurrencyCodeSchema,
  DateSchema,
  DateTimeSchema,
  IdSchema,
  LocaleSchema,
  MinorUnitsSchema,
  MoneySchema,
  NonNegativeMinorUnitsSchema,
  PatientTextSchema,
  PreferredChannelSchema,
  UuidSchema,
} from './common.js';
import { PriceGroupSchema } from './catalog.js';

/** What the patient chose; the options' ranges come from the procedure's `limits`. */
export const QuoteSelectionSchema = /* @__PURE__ */ z
  .object({
    procedureId: IdSchema,
    tier: IdSchema,
    hospitalNights: int(z.minimum(0), z.maximum(60)),
    hotelNights: int(z.minimum(0), z.maximum(90)),
    companions: int(z.minimum(0), z.maximum(6)),
    transfers: z.boolean(),
    interpreter: z.boolean(),
    addOns: list(IdSchema, z.maxLength(20)),
  });
export type QuoteSelection = z.infer<typeof QuoteSelectionSchema>;

/** One line of an estimate, already converted to the estimate currency. */
export const EstimateLineSchema = /* @__PURE__ */ z.object({
  id: z.string(),
  label: z.string(),
  group: PriceGroupSchema,
  quantity: int(z.minimum(0)),
  /** Converted unit price (informative; `amount` is what is summed). */
  unitAmount: NonNegativeMinorUnitsSchema,
  amount: NonNegativeMinorUnitsSchema,
  /** Upper bound when the line is a range, else equal to `amount`. */
  amountMax: NonNegativeMinorUnitsSchema,
  /** E.g. "2 nights included in the package". */
  note: z.optional(z.string()),
});
export type EstimateLine = z.infer<typeof EstimateLineSchema>;

export const EstimateGroupSchema = /* @__PURE__ */ z.object({
  group: PriceGroupSchema,
  lines: z.array(EstimateLineSchema),
  subtotal: NonNegativeMinorUnitsSchema,
  subtotalMax: NonNegativeMinorUnitsSchema,
});
export type EstimateGroup = z.infer<typeof EstimateGroupSchema>;

/** Saving against the home-country benchmark; absent (null) where no benchmark exists. */
export const SavingsSchema = /* @__PURE__ */ z.object({
  country: CountryCodeSchema,
  /** The benchmark converted to the estimate currency. */
  benchmark: MoneySchema,
  /** Benchmark as published, in its own currency. */
  benchmarkOriginal: MoneySchema,
  source: z.string(),
  year: z.int(),
  /** Conservative saving: benchmark − totalMax. Negative means no saving (widgets then hide it). */
  amount: MinorUnitsSchema,
  /** Best-case saving: benchmark − total (equals `amount` when the estimate is not a range). */
  amountMax: MinorUnitsSchema,
  /** Saving in percent of the benchmark, one decimal, using the conservative figure. */
  percent: z.number(),
});
export type Savings = z.infer<typeof SavingsSchema>;

/** The itemised estimate produced by `computeEstimate` (shared by widget and server). */
export const EstimateSchema = /* @__PURE__ */ z
  .object({
    procedureId: IdSchema,
    tier: IdSchema,
    currency: CurrencyCodeSchema,
    groups: z.array(EstimateGroupSchema),
    total: NonNegativeMinorUnitsSchema,
    totalMax: NonNegativeMinorUnitsSchema,
    /** True when `totalMax > total`. */
    isRange: z.boolean(),
    /** Stated rounding rule, machine-readable. */
    rounding: z.literal('half-up-per-line-after-conversion'),
    ratesDate: z.nullable(DateSchema),
    savings: z.nullable(SavingsSchema),
    included: z.array(z.string()),
    notIncluded: z.array(z.string()),
  });
export type Estimate = z.infer<typeof EstimateSchema>;

/** The month the patient would like to travel, `YYYY-MM`. */
export const TravelMonthSchema = /* @__PURE__ */ str(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/));

/** `POST /v1/quotes` (Idempotency-Key required): turns an estimate into a lead. */
export const CreateQuoteBodySchema = /* @__PURE__ */ z
  .object({
    selection: QuoteSelectionSchema,
    currency: CurrencyCodeSchema,
    homeCountry: z.optional(CountryCodeSchema),
    /** Total the widget showed; the server recomputes and reports `priceChanged`. */
    shownTotal: z.optional(NonNegativeMinorUnitsSchema),
    contact: ContactSchema,
    preferredChannel: PreferredChannelSchema,
    travelMonth: z.optional(TravelMonthSchema),
    notes: z.optional(PatientTextSchema),
    consent: ConsentSchema,
    locale: LocaleSchema,
    attribution: z.optional(AttributionSchema),
  });
export type CreateQuoteBody = z.infer<typeof CreateQuoteBodySchema>;

export const QuoteResponseSchema = /* @__PURE__ */ z
  .object({
    id: UuidSchema,
    /** Human reference the patient quotes on WhatsApp / by phone, e.g. `Q-7K3F9M`. */
    reference: z.string(),
    /** The server's authoritative estimate. */
    estimate: EstimateSchema,
    priceChanged: z.boolean(),
    validUntil: DateTimeSchema,
    createdAt: DateTimeSchema,
  });
export type QuoteResponse = z.infer<typeof QuoteResponseSchema>;
