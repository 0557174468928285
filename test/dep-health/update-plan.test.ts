import { computeFreshness, pythonUpdateRange } from '../../src/dep-health/freshness';
import { repositoryScore, scoreDependency } from '../../src/dep-health/health-score';
import type { Dependency } from '../../src/dep-health/model';
import type { PackageInfo } from '../../src/dep-health/sources/package-info';
import { planUpdates, rejectionKey, type PlanOptions } from '../../src/dep-health/update-plan';

const now = new Date('2025-06-01T00:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86400000).toISOString();
const dep = (name: string, version: string, range: string): Dependency => ({
  ecosystem: 'npm',
  name,
  version,
  range,
  file: 'package.json',
  direct: true,
  dev: false,
});
const info = (
  name: string,
  times: Record<string, number>,
  latest?: string,
  homepage?: string,
): PackageInfo => ({
  ecosystem: 'npm',
  name,
  versions: Object.keys(times),
  latest: latest ?? Object.keys(times).at(-1),
  time: Object.fromEntries(Object.entries(times).map(([v, d]) => [v, daysAgo(d)])),
  deprecated: {},
  homepage,
});
const options = (over: Partial<PlanOptions> = {}): PlanOptions => ({
  groupBy: 'update-type',
  groups: [],
  soakDays: 3,
  ignore: [],
  rejected: new Set(),
  now,
  ...over,
});

describe('update plan', () => {
  const a = computeFreshness(
    dep('a', '1.0.0', '^1.0.0'),
    info(
      'a',
      { '1.0.0': 100, '1.0.1': 50, '1.1.0': 10, '1.2.0': 1, '2.0.0': 5 },
      '2.0.0',
      'https://github.com/o/a',
    ),
    now,
    730,
  );
  const b = computeFreshness(
    dep('b', '3.1.0', '~3.1.0'),
    info('b', { '3.1.0': 40, '3.1.4': 20 }),
    now,
    730,
  );

  it('groups patch and minor updates, holds back unsoaked versions and reports majors with release notes', () => {
    const plan = planUpdates([a, b], [], options());
    expect(
      plan.groups.map((g) => [g.name, g.updates.map((u) => `${u.dependency.name}@${u.to}`)]),
    ).toEqual([
      ['minor', ['a@1.1.0']],
      ['patch', ['b@3.1.4']],
    ]);
    expect(plan.skipped).toEqual([
      expect.objectContaining({ to: '1.2.0', reason: 'released less than 3 day(s) ago' }),
    ]);
    expect(plan.majors.map((m) => [m.to, m.releaseUrl])).toEqual([
      ['2.0.0', 'https://github.com/o/a/releases'],
    ]);
  });

  it('never proposes a rejected version, honours ignore rules and named groups', () => {
    const plan = planUpdates(
      [a, b],
      [],
      options({
        rejected: new Set([rejectionKey(a.dependency, '1.1.0')]),
        ignore: ['b@3.1.x'],
        groups: [{ name: 'letters', patterns: ['a*'] }],
      }),
    );
    expect(
      plan.groups.map((g) => [g.name, g.updates.map((u) => `${u.dependency.name}@${u.to}`)]),
    ).toEqual([['letters', ['a@1.0.1']]]);
    expect(plan.skipped.map((s) => s.reason)).toContain('its pull request was closed unmerged');
    expect(plan.skipped.map((s) => s.reason)).toContain('ignored by the `ignore` input');
  });

  it('puts security fixes first at the lowest version fixing every advisory, without a soak', () => {
    const vuln = (id: string, fixedIn?: string) => ({
      id,
      aliases: [],
      summary: '',
      severity: 'high' as const,
      affected: [],
      fixedIn,
      url: '',
    });
    const plan = planUpdates(
      [a],
      [
        {
          dependency: a.dependency,
          vulnerabilities: [vuln('G1', '1.0.1'), vuln('G2', '1.2.0'), vuln('G3')],
        },
      ],
      options(),
    );
    expect(plan.groups[0]).toMatchObject({
      name: 'security',
      updates: [expect.objectContaining({ to: '1.2.0', fixes: ['G1', 'G2'] })],
    });
    expect(plan.unfixable).toEqual([
      expect.objectContaining({ ids: ['G3'], reason: 'no fixed version published' }),
    ]);
  });

  it('tests an approved major on its own, keeps unapproved ones for approval, drops rejected ones', () => {
    const approved = new Map([[rejectionKey(a.dependency, '2.0.0'), 'maintainer']]);
    const plan = planUpdates([a, b], [], options({ approved }));
    const major = plan.groups.find((g) => g.name === 'major-a');
    expect(major?.updates).toEqual([
      expect.objectContaining({
        from: '1.0.0',
        to: '2.0.0',
        type: 'major',
        approvedBy: 'maintainer',
      }),
    ]);
    expect(plan.majors).toEqual([]);
    // Not approved: still awaiting approval.
    expect(planUpdates([a, b], [], options()).majors.map((u) => u.to)).toEqual(['2.0.0']);
    // Approved once, then its pull request was closed unmerged: no box, no group.
    const rejected = planUpdates(
      [a, b],
      [],
      options({ approved, rejected: new Set([rejectionKey(a.dependency, '2.0.0')]) }),
    );
    expect(rejected.groups.map((g) => g.name)).not.toContain('major-a');
    expect(rejected.majors).toEqual([]);
    expect(rejected.skipped).toContainEqual(
      expect.objectContaining({ to: '2.0.0', reason: 'its pull request was closed unmerged' }),
    );
  });
});

describe('health score', () => {
  it('subtracts vulnerabilities, deprecation, majors, libyears and staleness, and averages direct dependencies', () => {
    const fresh = computeFreshness(
      dep('a', '1.0.0', '^1.0.0'),
      info('a', { '1.0.0': 1000, '2.0.0': 900 }),
      now,
      730,
    );
    fresh.deprecated = 'use b';
    const score = scoreDependency(
      fresh.dependency,
      [{ id: 'G', aliases: [], summary: '', severity: 'critical', affected: [], url: '' }],
      fresh,
    );
    expect(score.score).toBe(100 - 40 - 30 - 10 - 1 - 15);
    expect(
      repositoryScore([score, { dependency: dep('c', '1.0.0', '^1'), score: 100, reasons: [] }]),
    ).toBe(Math.round((score.score + 100) / 2));
  });
});

describe('Python update range', () => {
  it('keeps a declared range and lets an exact pin or a bare name move within its major', () => {
    expect(pythonUpdateRange('>=3.2,<5', '4.2.7')).toBe('>=3.2,<5');
    expect(pythonUpdateRange('==4.2.7', '4.2.7')).toBe('>=4.2.7,<5');
    expect(pythonUpdateRange('', '1.26.133')).toBe('>=1.26.133,<2');
    expect(pythonUpdateRange(undefined, undefined)).toBeUndefined();
  });

  it('plans a minor update for a hand-pinned requirement and keeps the next major for approval', () => {
    const pinned: Dependency = {
      ecosystem: 'PyPI',
      name: 'django',
      version: '4.2.7',
      range: '==4.2.7',
      file: 'requirements.txt',
      direct: true,
      dev: false,
    };
    const fresh = computeFreshness(
      pinned,
      {
        ecosystem: 'PyPI',
        name: 'django',
        versions: ['4.2.7', '4.2.16', '5.1.3'],
        latest: '5.1.3',
        time: { '4.2.7': daysAgo(400), '4.2.16': daysAgo(30), '5.1.3': daysAgo(20) },
        deprecated: {},
      },
      now,
      730,
    );
    const plan = planUpdates([fresh], [], options());
    expect(plan.groups.flatMap((g) => g.updates.map((u) => u.to))).toEqual(['4.2.16']);
    expect(plan.majors.map((u) => u.to)).toEqual(['5.1.3']);
  });
});
