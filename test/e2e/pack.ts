import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

let cached: string[] | undefined;
/** The files `npm pack` would put in the tarball (after `npm run build`). */
export function packedFiles(): string[] {
  if (cached) return cached;
  const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  cached = (JSON.parse(r.stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
  return cached;
}
