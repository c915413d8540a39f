/**
 * The /v1 contract: zod/mini schemas of every request and response. Widgets should import the
 * domain file they need (`core/contract/quotes.js`) so bundles stay small; this index is for
 * the server, the OpenAPI generator and npm consumers (`prm-widgets/contract`).
 */
export * from './common.js';
export * from './theme.js';
export * from './config.js';
export * from './bootstrap.js';
export * from './catalog.js';
export * from './quotes.js';
export * from './booking.js';
export * from './feedback.js';
export * from './stories.js';
export * from './stories-file.js';
export * from './chat.js';
export * from './staff.js';
export * from './endpoints.js';
