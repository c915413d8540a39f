/**
 * `npm run openapi` → docs/openapi.json (OpenAPI 3.1), generated from the contract's zod schemas and
 * the endpoint registry. Never edit the JSON by hand; `--check` exits 1 when the file is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { endpoints, type Endpoint } from '../src/core/contract/endpoints.js';
import { ErrorBodySchema } from '../src/core/contract/common.js';
import { registerContractDocs } from '../src/core/contract/docs.js';

registerContractDocs();

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- free-form JSON Schema / OpenAPI nodes
type Json = Record<string, any>;
const OUT = new URL('../docs/openapi.json', import.meta.url);
const REF_PREFIX = '#/components/schemas/';

/** zod → JSON Schema 2020-12 (OpenAPI 3.1's dialect), with named schemas hoisted into `components`. */
function converter() {
  const components: Record<string, Json> = {};
  const convert = (schema: z.ZodMiniType): Json => {
    const js = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output', unrepresentable: 'any' }) as Json;
    const defs: Record<string, Json> = js['$defs'] ?? {};
    delete js['$defs'];
    delete js['$schema'];
    const rewrite = (node: unknown): unknown => {
      if (Array.isArray(node)) return node.map(rewrite);
      if (node && typeof node === 'object') {
        const out: Json = {};
        for (const [k, v] of Object.entries(node)) out[k] = k === '$ref' && typeof v === 'string' ? v.replace('#/$defs/', REF_PREFIX) : rewrite(v);
        return out;
      }
      return node;
    };
    for (const [name, def] of Object.entries(defs)) {
      const d = rewrite(def) as Json;
      delete d['id'];
      if (components[name] && JSON.stringify(components[name]) !== JSON.stringify(d)) throw new Error(`Two different schemas share the id "${name}"`);
      components[name] = d;
    }
    const root = rewrite(js) as Json;
    delete root['id'];
    // A schema that is itself named becomes a $ref.
    const meta = z.globalRegistry.get(schema) as { id?: string } | undefined;
    if (meta?.id) {
      components[meta.id] ??= root;
      return { $ref: REF_PREFIX + meta.id };
    }
    return root;
  };
  return { convert, components };
}

const ERROR_STATUS: Record<number, string> = {
  400: 'Invalid request: `fields` maps each invalid field to a message',
  401: 'Unknown or missing clinic key / staff token',
  403: 'Origin not allowed, or wrong manage/conversation token',
  404: 'Not found (or belongs to another clinic)',
  409: '`slot_taken`, or an idempotent request still in progress',
  413: 'Body larger than 64 KiB',
  415: 'Body is not application/json',
  422: 'Well-formed but not acceptable (unknown tier, slot not on the schedule, Idempotency-Key reused with another body)',
  429: 'Rate limited; wait `Retry-After` seconds',
};

function errorsFor(ep: Endpoint): number[] {
  const s = new Set<number>([401]);
  if (ep.query || ep.body || ep.params) s.add(400);
  if (ep.params) s.add(404);
  if (ep.path.startsWith('/bookings/') || ep.path.startsWith('/chat/conversations/')) s.add(403);
  if (ep.body || ep.kind === 'upload') [413, 415].forEach((x) => s.add(x));
  if (ep.id === 'createBooking' || ep.id === 'rescheduleBooking' || ep.idempotent) s.add(409);
  if ((ep.body || ep.kind === 'upload') && !ep.staff) s.add(422);
  if (ep.rateLimited) s.add(429);
  return [...s].sort();
}

export function buildOpenApi(version: string): Json {
  const { convert, components } = converter();
  const errorRef = convert(ErrorBodySchema);
  const paths: Json = {};
  for (const ep of endpoints as readonly Endpoint[]) {
    const path = '/v1' + ep.path.replace(/:(\w+)/g, '{$1}');
    const parameters: Json[] = [];
    for (const [where, schema] of [['path', ep.params], ['query', ep.query]] as const) {
      if (!schema) continue;
      const js = convert(schema);
      for (const [name, prop] of Object.entries<Json>(js['properties'] ?? {})) {
        parameters.push({ name, in: where, required: where === 'path' || (js['required'] ?? []).includes(name), schema: prop, ...(prop['description'] ? { description: prop['description'] } : {}) });
      }
    }
    if (ep.idempotent) {
      parameters.push({ name: 'Idempotency-Key', in: 'header', required: true, description: 'Unique per logical request (e.g. a UUID). A retry with the same key and body returns the first response and writes nothing; the same key with another body → 422. Keys expire after 24 h.', schema: { type: 'string', minLength: 1, maxLength: 255 } });
    }
    if (ep.kind === 'sse') {
      parameters.push({ name: 'Last-Event-ID', in: 'header', required: false, description: 'Resume after this message id (sent automatically by EventSource on reconnect).', schema: { type: 'string', pattern: '^\\d+$' } });
      if (!ep.staff) parameters.push({ name: 'clinic', in: 'query', required: true, description: 'Clinic public key (EventSource cannot send headers).', schema: { type: 'string' } });
    }
    const ok: Json = { description: ep.summary };
    if (ep.kind === 'sse') {
      const first = ep.staff ? '`event: ready` first' : '`event: status` first (data: ChatStatusEvent JSON)';
      ok['content'] = { 'text/event-stream': { schema: { type: 'string', description: `${first}, then \`event: message\` (data: ChatMessage JSON, \`id:\` = message id); \`: ping\` comments every 15 s.` }, 'x-prm-event-data': convert(ep.response) } };
    } else if (ep.kind === 'ics') {
      ok['content'] = { 'text/calendar': { schema: { type: 'string', description: 'iCalendar (RFC 5545) VCALENDAR with one VEVENT, times in UTC' } } };
    } else if (ep.kind === 'file') {
      ok['content'] = { 'application/octet-stream': { schema: { type: 'string', contentMediaType: 'application/octet-stream', description: 'The file as attached (Content-Type: its checked media type; Content-Disposition: attachment)' } } };
    } else {
      ok['content'] = { 'application/json': { schema: convert(ep.response) } };
    }
    const responses: Json = { [String(ep.status)]: ok };
    for (const status of errorsFor(ep)) {
      responses[String(status)] = {
        description: ERROR_STATUS[status],
        content: { 'application/json': { schema: errorRef } },
        ...(status === 429 ? { headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer', minimum: 1 } } } } : {}),
      };
    }
    const op: Json = {
      operationId: ep.id,
      summary: ep.summary,
      tags: [ep.tag],
      security: ep.staff ? [{ staffToken: [] }] : [{ clinicKey: [] }, { clinicKeyQuery: [] }],
      ...(parameters.length ? { parameters } : {}),
      ...(ep.body ? { requestBody: { required: true, content: { 'application/json': { schema: convert(ep.body) } } } } : {}),
      ...(ep.kind === 'upload'
        ? { requestBody: { required: true, description: `The file's raw bytes, at most ${ep.maxBytes} bytes; its type is read from its content`, content: { 'application/octet-stream': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } } } } }
        : {}),
      responses,
    };
    if (ep.rateLimited) op['x-prm-rate-limited'] = true;
    paths[path] ??= {};
    paths[path][ep.method] = op;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'prm-widgets backend contract',
      version,
      summary: 'The /v1 API the prm-widgets web components talk to.',
      description:
        'Generated from the zod schemas in src/core/contract by `npm run openapi`; do not edit. Money is integer minor units plus an ISO 4217 code; instants are UTC ISO 8601 with an IANA zone alongside. Errors are `{ error: { code, message, fields? } }`. See docs/backend.md.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: 'http://localhost:8787', description: 'Reference server (npm run server)' }],
    tags: [...new Set(endpoints.map((e) => e.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        clinicKey: { type: 'apiKey', in: 'header', name: 'X-PRM-Clinic', description: 'Public clinic key; the key decides which origins get CORS.' },
        clinicKeyQuery: { type: 'apiKey', in: 'query', name: 'clinic', description: 'Same key as a query parameter (for EventSource and links).' },
        staffToken: { type: 'http', scheme: 'bearer', description: 'Staff token; stored as a SHA-256 hash.' },
      },
      schemas: Object.fromEntries(Object.entries(components).sort(([a], [b]) => a.localeCompare(b))),
    },
  };
}

export function openApiText(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return JSON.stringify(buildOpenApi(pkg.version), null, 2) + '\n';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const text = openApiText();
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(OUT, 'utf8');
    } catch {
      /* missing */
    }
    if (current !== text) {
      console.error('docs/openapi.json is stale: run `npm run openapi`');
      process.exit(1);
    }
    console.log('docs/openapi.json is current');
  } else {
    writeFileSync(OUT, text);
    console.log(`wrote docs/openapi.json (${endpoints.length} operations)`);
  }
}
