import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { compileErrors, validate } from '@readme/openapi-parser';
import { openApiText } from '../../scripts/openapi.js';
import { endpoints } from '../../src/core/contract/endpoints.js';
import { createMemoryServer } from '../../server/testing.js';

describe('OpenAPI document', () => {
  const committed = readFileSync(new URL('../../docs/openapi.json', import.meta.url), 'utf8');

  it('docs/openapi.json is what `npm run openapi` generates from the schemas now', () => {
    assert.ok(committed === openApiText(), 'docs/openapi.json is stale: run `npm run openapi` and commit it');
  });

  it('a maintained validator (@readme/openapi-parser) accepts it as OpenAPI 3.1', async () => {
    const doc = JSON.parse(committed);
    assert.equal(doc.openapi, '3.1.0');
    const result = await validate(structuredClone(doc));
    assert.ok(result.valid, result.valid ? '' : compileErrors(result));
    // …and it does reject a broken document, so the check above means something.
    const broken = structuredClone(doc);
    broken.paths['/v1/config'].get.responses = 'nope';
    assert.equal((await validate(broken)).valid, false);
  });

  it('documents every endpoint of the registry, with Idempotency-Key and staff auth where required', () => {
    const doc = JSON.parse(committed);
    for (const ep of endpoints) {
      const op = doc.paths['/v1' + ep.path.replace(/:(\w+)/g, '{$1}')]?.[ep.method];
      assert.ok(op, `${ep.method} ${ep.path} missing`);
      assert.equal(op.operationId, ep.id);
      const idem = (op.parameters ?? []).some((p: { name: string }) => p.name === 'Idempotency-Key');
      assert.equal(idem, !!('idempotent' in ep && ep.idempotent), ep.id);
      assert.equal(JSON.stringify(op.security).includes('staffToken'), !!('staff' in ep && ep.staff), ep.id);
    }
  });

  it('the reference server implements every documented operation (none falls through to "No route")', async () => {
    const s = await createMemoryServer();
    try {
      for (const ep of endpoints) {
        const path = '/v1' + ep.path.replace(':id', '00000000-0000-4000-8000-000000000000');
        const r = await s.app.request(path, { method: ep.method.toUpperCase(), headers: { 'X-PRM-Clinic': 'pk_demo_aurora' } });
        const body = r.headers.get('content-type')?.includes('json') ? ((await r.json()) as { error?: { message: string } }) : {};
        assert.ok(!body.error?.message.startsWith('No route'), `${ep.method} ${ep.path} is not implemented`);
      }
    } finally {
      await s.close();
    }
  });
});
