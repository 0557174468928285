// Opt-in (npm run test:live): the npm client against the real registry.
import { createHttpClient } from '../../src/dep-health/sources/http-client';
import { npmRegistry } from '../../src/dep-health/sources/npm-registry';
import { computeFreshness } from '../../src/dep-health/freshness';

const live = process.env.TEND_LIVE === '1' ? describe : describe.skip;

live('npm registry (live)', () => {
  it('reads versions, release times and dist-tags of real packages, scoped names included', async () => {
    const client = npmRegistry(createHttpClient(), 'https://registry.npmjs.org');
    const semver = await client.fetch('semver');
    expect(semver?.versions).toContain('7.5.4');
    expect(Number.isFinite(Date.parse(semver!.time['7.5.4']!))).toBe(true);
    expect(Date.parse(semver!.time['7.5.4']!)).toBeLessThan(
      Date.parse(semver!.time[semver!.latest!]!) + 1,
    );
    const fresh = computeFreshness(
      {
        ecosystem: 'npm',
        name: 'semver',
        version: '7.5.4',
        range: '^7.5.4',
        file: 'package.json',
        direct: true,
        dev: false,
      },
      semver!,
      new Date(),
      730,
    );
    expect(fresh.releasesBehind).toBeGreaterThan(0);
    expect(fresh.libyears).toBeGreaterThan(0);
    expect(await client.fetch('@types/node')).toMatchObject({ name: '@types/node' });
    expect(await client.fetch('this-package-does-not-exist-tend-0000')).toBeUndefined();
  }, 60_000);
});
