import * as z from 'zod/mini';
import {
  CountryCodeSchema,
  CurrencyCodeSchema,
  DateSchema,
  DateTimeInputSchema,
  DateTimeSchema,
  EmailSchema,
  ErrorBodySchema,
  HttpUrlSchema,
  IdSchema,
  KnownTimeZoneSchema,
  LocaleSchema,
  MinorUnitsSchema,
  MoneySchema,
  NonNegativeMinorUnitsSchema,
  PhoneSchema,
  TimeZoneSchema,
  UuidSchema,
} from './common.js';
import { ClinicConfigSchema, HHMM, TelegramSchema } from './config.js';
import { ThemeSchema } from './theme.js';
import { ExchangeRatesSchema, ProcedureSchema } from './catalog.js';
import { CreateQuoteBodySchema, EstimateSchema, QuoteResponseSchema, QuoteSelectionSchema } from './quotes.js';
import { BookingSchema, CreateBookingBodySchema } from './booking.js';
import { ChatMessageSchema, CreateConversationBodySchema } from './chat.js';
import { CreateFeedbackBodySchema } from './feedback.js';
import { StorySchema } from './stories.js';

/**
 * Names, descriptions and formats of contract schemas for the OpenAPI document. Kept apart from
 * the schemas so browser code never carries them: only `npm run openapi` (and its tests) import
 * this module. Registering twice is harmless (the registry keeps one entry per schema).
 */
const docs: Array<[z.core.$ZodType, Record<string, string>]> = [
  [CurrencyCodeSchema, { description: 'ISO 4217 currency code' }],
  [CountryCodeSchema, { description: 'ISO 3166-1 alpha-2 country code' }],
  [LocaleSchema, { description: 'BCP 47 language tag' }],
  [TimeZoneSchema, { description: 'IANA time zone name' }],
  [KnownTimeZoneSchema, { description: 'IANA time zone name the server knows (Intl); others are refused with 400' }],
  [IdSchema, { description: 'identifier (slug)' }],
  [UuidSchema, { format: 'uuid' }],
  [DateTimeSchema, { id: 'DateTime', description: 'UTC instant, ISO 8601', format: 'date-time' }],
  [DateTimeInputSchema, { id: 'DateTimeInput', description: 'ISO 8601 instant with Z or an offset', format: 'date-time' }],
  [DateSchema, { format: 'date' }],
  [MinorUnitsSchema, { description: 'integer amount in minor units of the currency' }],
  [NonNegativeMinorUnitsSchema, { description: 'non-negative integer amount in minor units' }],
  [MoneySchema, { id: 'Money', description: 'Integer amount in minor units plus ISO 4217 currency' }],
  [ErrorBodySchema, { id: 'Error' }],
  [PhoneSchema, { description: 'E.164 phone number' }],
  [EmailSchema, { format: 'email' }],
  [HttpUrlSchema, { format: 'uri' }],
  [TelegramSchema, { description: 'Telegram username without @' }],
  [HHMM, { description: 'local time HH:MM' }],
  [ClinicConfigSchema, { id: 'ClinicConfig' }],
  [ThemeSchema, { id: 'Theme' }],
  [ProcedureSchema, { id: 'Procedure' }],
  [ExchangeRatesSchema, { id: 'ExchangeRates' }],
  [QuoteSelectionSchema, { id: 'QuoteSelection' }],
  [EstimateSchema, { id: 'Estimate' }],
  [CreateQuoteBodySchema, { id: 'CreateQuoteBody' }],
  [QuoteResponseSchema, { id: 'Quote' }],
  [CreateBookingBodySchema, { id: 'CreateBookingBody' }],
  [BookingSchema, { id: 'Booking' }],
  [ChatMessageSchema, { id: 'ChatMessage' }],
  [CreateConversationBodySchema, { id: 'CreateConversationBody' }],
  [CreateFeedbackBodySchema, { id: 'CreateFeedbackBody' }],
  [StorySchema, { id: 'Story' }],
];

/** Adds the documentation metadata to zod's global registry (read by `z.toJSONSchema`). */
export function registerContractDocs(): void {
  for (const [schema, meta] of docs) if (!z.globalRegistry.has(schema)) z.globalRegistry.add(schema, meta);
}
