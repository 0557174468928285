// `npm ci` must accept the lockfile on a clean machine whose registry serves only this
// platform's binaries: every optional dependency needs an entry (see scripts/fix-lockfile.mjs).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../support/runner-harness';

describe('package-lock.json', () => {
  it('has an entry for every optional dependency, so npm ci accepts it everywhere', () => {
    expect(() =>
      execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'fix-lockfile.mjs'), '--check'], {
        stdio: 'pipe',
      }),
    ).not.toThrow();
  });
});
