// Go freshness: go.mod's version is a minimum, so a module's updates stay within its major and a
// new major (a new module path from v2 on, or +incompatible) waits for approval.
import { computeFreshness } from '../../src/dep-health/freshness';
import type { Dependency } from '../../src/dep-health/model';
import type { PackageInfo } from '../../src/dep-health/sources/package-info';
import { planUpdates } from '../../src/dep-health/update-plan';

const now = new Date('2025-06-01T00:00:00Z');
const dependency: Dependency = {
  ecosystem: 'Go',
  name: 'github.com/spf13/cobra',
  file: 'go.mod',
  range: 'v1.7.0',
  version: 'v1.7.0',
  direct: true,
  dev: false,
};
const info: PackageInfo = {
  ecosystem: 'Go',
  name: dependency.name,
  versions: ['v1.7.0', 'v1.8.0', 'v1.8.1', 'v1.9.0-rc.1', 'v2.0.0+incompatible'],
  latest: 'v2.0.0+incompatible',
  time: { 'v1.7.0': '2023-03-20T00:00:00Z', 'v1.8.1': '2024-06-01T00:00:00Z' },
  deprecated: {},
};

describe('Go freshness and plan', () => {
  it('takes the newest stable release of the same major as the latest in range', () => {
    const fresh = computeFreshness(dependency, info, now, 730);
    expect(fresh.latestInRange).toBe('v1.8.1');
    expect(fresh.latestType).toBe('major');
  });

  it('plans the in-major update and holds the +incompatible major for approval', () => {
    const fresh = computeFreshness(dependency, info, now, 730);
    const plan = planUpdates([fresh], [], {
      groupBy: 'update-type',
      groups: [],
      soakDays: 3,
      ignore: [],
      rejected: new Set(),
      now,
    });
    expect(plan.groups).toEqual([
      { name: 'minor', updates: [expect.objectContaining({ from: 'v1.7.0', to: 'v1.8.1' })] },
    ]);
    expect(plan.majors.map((m) => m.to)).toEqual(['v2.0.0+incompatible']);
  });
});
