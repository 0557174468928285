// The health issue's wording where trust is at stake: a score computed without some sources
// says so, and each thing that could not be checked is listed once.
import { issueBody, summary, type HealthReport } from '../../src/dep-health/render';

const report = (over: Partial<HealthReport> = {}): HealthReport => ({
  score: 100,
  vulnerable: [],
  freshness: [],
  plan: { groups: [], majors: [], skipped: [], unfixable: [] },
  outcomes: [],
  problems: [],
  partial: [],
  notes: [],
  unpinnedActions: [],
  outdatedActions: [],
  approvals: [],
  dependencyCount: { direct: 3, transitive: 0 },
  ...over,
});

describe('health issue', () => {
  it('shows a complete score without a caveat', () => {
    expect(issueBody(report())).toContain('**Health score: 100/100** · 3 direct');
    expect(issueBody(report())).not.toContain('Could not check');
  });

  it('marks the score partial when a source could not be read, and lists each problem once', () => {
    const problem = { file: 'package-lock.json', message: 'package-lock.json is not valid JSON' };
    const body = issueBody(
      report({
        problems: [problem],
        partial: [problem.message, 'vulnerabilities were not checked: api.osv.dev is unreachable'],
      }),
    );
    expect(body).toContain('**Health score: 100/100** (partial: see "Could not check")');
    const section = body.slice(body.indexOf('### Could not check'));
    expect(section.match(/not valid JSON/g)).toHaveLength(1);
    expect(section).toContain('api.osv.dev is unreachable');
    expect(summary(report({ partial: ['x unreachable'] }))).toContain('(partial: see');
  });

  it('lists outdated actions with the release link and says workflow files are left to people', () => {
    const body = issueBody(
      report({
        outdatedActions: [
          {
            file: '.github/workflows/ci.yml',
            line: 9,
            uses: 'actions/setup-node@v3',
            current: '3.9.1',
            latest: '4.1.0',
            releaseUrl: 'https://github.com/actions/setup-node/releases',
          },
        ],
      }),
    );
    expect(body).toContain(
      '- `actions/setup-node@v3` in .github/workflows/ci.yml:9: 3.9.1 → **4.1.0** ([releases](https://github.com/actions/setup-node/releases))',
    );
    expect(body).toContain('Workflow files are not changed by tend');
  });
});
