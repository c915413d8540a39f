import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { describe, it } from 'node:test';
import { build } from 'esbuild';
import { ThemeSchema } from '../../src/core/contract/theme.js';
import { MoneySchema } from '../../src/core/contract/common.js';
import { CreateBookingBodySchema } from '../../src/core/contract/booking.js';

const root = new URL('../../', import.meta.url).pathname;
async function bundle(code: string): Promise<string> {
  const r = await build({ stdin: { contents: code, resolveDir: root, loader: 'ts' }, bundle: true, write: false, format: 'esm', minify: true, treeShaking: true, logLevel: 'silent' });
  return r.outputFiles[0]!.text;
}

describe('contract schemas', () => {
  it('are tree-shakable: the quote schemas pull no chat, staff or booking schemas (even through the index)', async () => {
    for (const from of ['./src/core/contract/quotes.ts', './src/core/contract/index.ts']) {
      const js = await bundle(`import { QuoteResponseSchema } from '${from}'; console.log(QuoteResponseSchema);`);
      assert.ok(js.includes('priceChanged'), 'sanity: quote schema is in the bundle');
      for (const foreign of ['staffOnline', 'manageToken', 'lastMessage', 'youSaid', 'nextCursor']) assert.ok(!js.includes(foreign), `${from} pulled "${foreign}"`);
      console.log(`  quote schemas via ${from.split('/').pop()}: ${(gzipSync(js).length / 1024).toFixed(1)} KiB gzip including zod/mini`);
    }
    const chat = await bundle(`import { ChatMessageSchema } from './src/core/contract/chat.ts'; console.log(ChatMessageSchema);`);
    assert.ok(chat.includes('authorName') && !chat.includes('priceChanged'));
  });

  it('money is integer minor units with an ISO 4217 code', () => {
    assert.ok(MoneySchema.safeParse({ amount: 12345, currency: 'EUR' }).success);
    assert.ok(!MoneySchema.safeParse({ amount: 123.45, currency: 'EUR' }).success);
    assert.ok(!MoneySchema.safeParse({ amount: 100, currency: 'eur' }).success);
  });

  it('theme tokens cannot break out of a declaration or load resources', () => {
    assert.ok(ThemeSchema.safeParse({ mode: 'auto', tokens: { '--prm-color-primary': '#0b5f5a', '--prm-font-family': "'Inter', system-ui" } }).success);
    for (const bad of ['red; background: red', 'url(https://evil.example/x.png)', 'red}</style>', 'a\\62 c']) {
      assert.ok(!ThemeSchema.safeParse({ mode: 'auto', tokens: { '--prm-color-primary': bad } }).success, bad);
    }
    assert.ok(!ThemeSchema.safeParse({ mode: 'auto', tokens: { color: 'red' } }).success, 'only --prm-* names');
  });

  it('requests accept instants with an offset; consent must be explicitly true', () => {
    const base = { service: 'video-consultation', doctor: 'any', start: '2026-12-01T09:00:00+03:00', contact: { name: 'A', email: 'a@example.org' }, timeZone: 'Asia/Dubai', locale: 'ar', consent: { accepted: true, version: '1' } };
    assert.ok(CreateBookingBodySchema.safeParse(base).success);
    assert.ok(!CreateBookingBodySchema.safeParse({ ...base, consent: { accepted: false, version: '1' } }).success);
    assert.ok(!CreateBookingBodySchema.safeParse({ ...base, start: '2026-12-01 09:00' }).success);
  });
});
