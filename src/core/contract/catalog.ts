import * as z from 'zod/mini';
import { int, num, list } from './checked.js';
import {
  CountryCodeSchema,
  CurrencyCodeSchema,
  DateSchema,
  IdSchema,
  LocaleSchema,
  NonNegativeMinorUnitsSchema,
} from './common.js';

/** Estimate groups, in display order. */
export const PriceGroupSchema = /* @__PURE__ */ z.enum(['medical', 'stay', 'travel']);
export type PriceGroup = z.infer<typeof PriceGroupSchema>;

/**
 * One itemised component of a package tier, in the catalog currency. `amountMax` makes the line a
 * range (e.g. grafts counted on the day); absent means the price is fixed.
 */
export const PriceComponentSchema = /* @__PURE__ */ z.object({
  id: IdSchema,
  label: z.string(),
  group: PriceGroupSchema,
  amount: NonNegativeMinorUnitsSchema,
  amountMax: z.optional(NonNegativeMinorUnitsSchema),
});
export type PriceComponent = z.infer<typeof PriceComponentSchema>;

/** A package tier (standard / premium / VIP...). */
export const PackageTierSchema = /* @__PURE__ */ z.object({
  id: IdSchema,
  name: z.string(),
  description: z.optional(z.string()),
  /** Medical components billed for this tier. */
  components: list(PriceComponentSchema, z.minLength(1)),
  /** Nights in hospital / hotel already paid for by the tier; extra nights are billed at unit price. */
  includedHospitalNights: int(z.minimum(0)),
  includedHotelNights: int(z.minimum(0)),
  includesTransfers: z.boolean(),
  includesInterpreter: z.boolean(),
  /** What the tier includes, as shown to the patient. */
  includes: z.array(z.string()),
});
export type PackageTier = z.infer<typeof PackageTierSchema>;

/** An optional extra the patient can add (e.g. PRP session, sinus lift). */
export const AddOnSchema = /* @__PURE__ */ z.object({
  id: IdSchema,
  label: z.string(),
  group: PriceGroupSchema,
  amount: NonNegativeMinorUnitsSchema,
  /** `once` per stay, or per `night` of hotel stay. */
  per: z.enum(['once', 'night']),
});
export type AddOn = z.infer<typeof AddOnSchema>;

/** What the same procedure typically costs in a patient's home country (for savings only). */
export const BenchmarkSchema = /* @__PURE__ */ z.object({
  country: CountryCodeSchema,
  amount: NonNegativeMinorUnitsSchema,
  currency: CurrencyCodeSchema,
  /** Where the figure comes from, shown beside the saving. */
  source: z.string(),
  year: int(z.minimum(2000), z.maximum(2100)),
});
export type Benchmark = z.infer<typeof BenchmarkSchema>;

const Range = /* @__PURE__ */ z.object({ min: int(z.minimum(0)), max: int(z.minimum(0)) });

/** A procedure of the catalog: prices in `currency` (the catalog currency), minor units. */
export const ProcedureSchema = /* @__PURE__ */ z
  .object({
    id: IdSchema,
    specialty: IdSchema,
    name: z.string(),
    description: z.string(),
    currency: CurrencyCodeSchema,
    tiers: list(PackageTierSchema, z.minLength(1)),
    addOns: z.array(AddOnSchema),
    /** Unit prices of the adjustable options. */
    unitPrices: z.object({
      hospitalNight: NonNegativeMinorUnitsSchema,
      hotelNight: NonNegativeMinorUnitsSchema,
      /** Per companion per night (hospital or hotel). */
      companionNight: NonNegativeMinorUnitsSchema,
      /** Airport ↔ hotel ↔ clinic transfers for the stay (round trip). */
      transfers: NonNegativeMinorUnitsSchema,
      /** Per day of interpreter; days = `treatmentDays`. */
      interpreterDay: NonNegativeMinorUnitsSchema,
    }),
    treatmentDays: int(z.minimum(1), z.maximum(60)),
    /** Contingency reserve on the medical subtotal, in percent (0 for none). */
    contingencyPercent: num(z.minimum(0), z.maximum(50)),
    defaults: z.object({
      tier: IdSchema,
      hospitalNights: int(z.minimum(0)),
      hotelNights: int(z.minimum(0)),
      companions: int(z.minimum(0)),
      transfers: z.boolean(),
      interpreter: z.boolean(),
    }),
    limits: z.object({ hospitalNights: Range, hotelNights: Range, companions: Range }),
    included: z.array(z.string()),
    notIncluded: z.array(z.string()),
    benchmarks: z.array(BenchmarkSchema),
    /** Days an estimate stays valid. */
    validityDays: int(z.minimum(1), z.maximum(365)),
    imageUrl: z.optional(z.string()),
  });
export type Procedure = z.infer<typeof ProcedureSchema>;

export const SpecialtySchema = /* @__PURE__ */ z.object({ id: IdSchema, name: z.string() });
export type Specialty = z.infer<typeof SpecialtySchema>;

/** `GET /v1/procedures?specialty&locale` */
export const ProceduresQuerySchema = /* @__PURE__ */ z.object({
  specialty: z.optional(IdSchema),
  locale: z.optional(LocaleSchema),
});
export const ProceduresResponseSchema = /* @__PURE__ */ z.object({
  specialties: z.array(SpecialtySchema),
  procedures: z.array(ProcedureSchema),
});
export type ProceduresResponse = z.infer<typeof ProceduresResponseSchema>;

/**
 * One procedure as the first screen lists it: enough to find it (name, description, specialty)
 * and to show "from …" beside it. Its tiers, lines and lists come on demand with
 * `GET /v1/procedures/{id}` once the patient picks it.
 */
export const ProcedureSummarySchema = /* @__PURE__ */ z.object({
  id: IdSchema,
  specialty: IdSchema,
  name: z.string(),
  description: z.string(),
  /**
   * The total of the default package, as the estimate would show it, in each currency the
   * clinic offers (minor units): computed by the server with the same pricing as the estimate.
   */
  from: z.record(CurrencyCodeSchema, NonNegativeMinorUnitsSchema),
});
export type ProcedureSummary = z.infer<typeof ProcedureSummarySchema>;

/** `GET /v1/catalog?specialty&locale`: the catalog as the quote calculator's first screen needs it. */
export const CatalogResponseSchema = /* @__PURE__ */ z.object({
  specialties: z.array(SpecialtySchema),
  procedures: z.array(ProcedureSummarySchema),
});
export type CatalogResponse = z.infer<typeof CatalogResponseSchema>;

/** `GET /v1/procedures/{id}?locale`: one procedure in full. */
export const ProcedureParamsSchema = /* @__PURE__ */ z.object({ id: IdSchema });
export const ProcedureQuerySchema = /* @__PURE__ */ z.object({ locale: z.optional(LocaleSchema) });
export const ProcedureResponseSchema = /* @__PURE__ */ z.object({ procedure: ProcedureSchema });
export type ProcedureResponse = z.infer<typeof ProcedureResponseSchema>;

/**
 * `GET /v1/exchange-rates`: units of each currency per one unit of `base`, as decimals exact to 8
 * places (`rates[base]` is 1). Amounts convert as `amount / rates[from] * rates[to]`.
 */
export const ExchangeRatesSchema = /* @__PURE__ */ z
  .object({
    base: CurrencyCodeSchema,
    date: DateSchema,
    rates: z.record(CurrencyCodeSchema, num(z.positive())),
  });
export type ExchangeRates = z.infer<typeof ExchangeRatesSchema>;
