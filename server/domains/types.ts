import type { Context } from 'hono';
import type * as z from 'zod/mini';
import type { ClinicConfig } from '../../src/core/contract/config.js';
import type { EndpointId, endpoints } from '../../src/core/contract/endpoints.js';
import type { Db } from '../db/types.js';
import type { Reply } from '../http.js';
import type { ChatHub } from './chat/hub.js';
import type { RequestCountry } from './chat/country.js';

export interface ClinicRow {
  id: string;
  name: string;
  time_zone: string;
  config: Omit<ClinicConfig, 'id' | 'name' | 'timeZone' | 'theme'>;
  theme: ClinicConfig['theme'];
  theme_updated_at: Date;
}

type EndpointOf<K extends EndpointId> = Extract<(typeof endpoints)[number], { id: K }>;
/** The parsed `params` / `query` / `body` of endpoint K, as its contract schemas define them. */
type Input<K extends EndpointId, F extends 'params' | 'query' | 'body'> = EndpointOf<K> extends { [P in F]: infer S extends z.ZodMiniType } ? z.infer<S> : undefined;

/** What every handler gets: the resolved clinic, the parsed inputs of its endpoint, the database. */
export interface HandlerCtx<K extends EndpointId = EndpointId> {
  db: Db;
  now: Date;
  clinic: ClinicRow;
  /** Origin of the API as the client sees it (for absolute asset URLs). */
  apiOrigin: string;
  /** The request's Origin header: a browser's page origin, which the tenant step allowed for writes. */
  origin?: string | undefined;
  /** The public key the request came with (staff requests: undefined). */
  clinicKey?: string | undefined;
  params: Input<K, 'params'>;
  query: Input<K, 'query'>;
  body: Input<K, 'body'>;
  staff?: { name: string };
  /** `upload` endpoints: the request body's raw bytes (at most the endpoint's `maxBytes`). */
  file?: Uint8Array;
  /** The visitor's country from a trusted proxy header, else the browser language's region (./chat/country.ts). */
  country?: RequestCountry;
}

/** A JSON (or ICS) endpoint: returns a Reply, or throws an ApiError. */
export type Handler<K extends EndpointId = EndpointId> = (ctx: HandlerCtx<K>) => Promise<Reply>;

/** What a stream handler gets beyond a HandlerCtx: the raw request context and the chat fan-out. */
export interface StreamDeps {
  c: Context;
  hub: ChatHub;
  /** SSE keep-alive comment interval in ms. */
  pingMs: number;
}
/** An SSE endpoint: may throw an ApiError before the stream starts; returns the stream. */
export type StreamHandler<K extends EndpointId = EndpointId> = (ctx: HandlerCtx<K>, deps: StreamDeps) => Promise<Response>;

type SseEndpointId = Extract<(typeof endpoints)[number], { kind: 'sse' }>['id'];
export type JsonEndpointId = Exclude<EndpointId, SseEndpointId>;
export type { SseEndpointId };

/** Handlers keyed by the registry's endpoint id; each domain provides a `Pick` of this. */
export type Handlers = { [K in JsonEndpointId]: Handler<K> };
export type Streams = { [K in SseEndpointId]: StreamHandler<K> };
