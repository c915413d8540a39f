import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pick } from '../../server/domains/shared.js';
import { localized } from '../../src/core/i18n/localized.js';

test("the server's pick is the browser's localized: one fallback order for both", () => {
  assert.equal(pick, localized);
  assert.equal(pick({ en: 'E', de: 'D' }, 'de-AT'), 'D');
  assert.equal(pick({ en: 'E', default: 'X' }, 'fr'), 'X');
});
