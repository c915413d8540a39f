import { bookingHandlers } from './booking/handlers.js';
import { bootstrapHandlers } from './bootstrap/handlers.js';
import { catalogHandlers } from './catalog/handlers.js';
import { chatHandlers, chatStreams } from './chat/handlers.js';
import { chatStaffHandlers } from './chat/staff-handlers.js';
import { configHandlers } from './config/handlers.js';
import { feedbackHandlers } from './feedback/handlers.js';
import { quoteHandlers } from './quotes/handlers.js';
import { staffHandlers, staffStreams } from './staff/handlers.js';
import { storyHandlers } from './stories/handlers.js';
import type { Handlers, Streams } from './types.js';

/**
 * Every endpoint of the registry (src/core/contract/endpoints.ts) mapped to its domain's handler.
 * The types make a missing or misspelt id a compile error: add an endpoint to the registry, then
 * its handler to its domain's object.
 */
export const handlers: Handlers = {
  ...configHandlers,
  ...bootstrapHandlers,
  ...catalogHandlers,
  ...quoteHandlers,
  ...bookingHandlers,
  ...feedbackHandlers,
  ...storyHandlers,
  ...chatHandlers,
  ...chatStaffHandlers,
  ...staffHandlers,
};

/** The SSE endpoints of the registry (`kind: 'sse'`). */
export const streams: Streams = { ...chatStreams, ...staffStreams };
