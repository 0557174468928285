// The built bundle (dist/dep-health/index.js) run as the composite action's node step runs it,
// against the GitHub API emulator, a local npm registry and a local OSV.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startEmulator, type Emulator } from '../support/emulator';
import { runBundle } from '../support/runner-harness';
import { createNpmFixture, disposeNpmFixture, type NpmFixture } from './support/npm-fixture';

let fixture: NpmFixture;
let gh: Emulator;

beforeAll(async () => {
  fixture = await createNpmFixture();
  gh = await startEmulator({ owner: 'acme', repo: 'widgets' });
  const files = Object.fromEntries(
    ['package.json', 'package-lock.json', 'test.js'].map((f) => [
      f,
      readFileSync(path.join(fixture.workspace, f), 'utf8'),
    ]),
  );
  gh.store.commitFiles('main', files, 'fixture project');
  // A workflow one major behind actions/checkout, and the action's tags on "GitHub".
  mkdirSync(path.join(fixture.workspace, '.github', 'workflows'), { recursive: true });
  writeFileSync(
    path.join(fixture.workspace, '.github', 'workflows', 'ci.yml'),
    'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm test\n',
  );
  gh.store.addPublicRepositoryTags('actions/checkout', ['v4.2.2', 'v4', 'v5.0.0', 'v5']);
  // Dependabot knows the advisory OSV reports, and one OSV does not (no fix yet).
  gh.store.addDependabotAlert({
    package: 'tend-fixture-vuln',
    ghsaId: 'GHSA-test-vuln-0001',
    severity: 'high',
    vulnerableVersionRange: '< 2.0.1',
    firstPatchedVersion: '2.0.1',
  });
  gh.store.addDependabotAlert({
    package: 'tend-fixture-bad',
    ghsaId: 'GHSA-only-dependabot',
    severity: 'low',
    vulnerableVersionRange: '<= 1.0.1',
    firstPatchedVersion: null,
  });
  gh.store.addCollaborator('maintainer', 'write');
  gh.store.addUser('passer-by');
}, 120_000);

afterAll(async () => {
  await gh?.close();
  await disposeNpmFixture(fixture);
});

const scheduled = (inputs: Record<string, string> = {}) =>
  runBundle('dep-health', {
    workspace: fixture.workspace,
    emulator: gh,
    inputs: {
      'osv-url': fixture.servers.url,
      'npm-registry': fixture.servers.url,
      ecosystems: 'npm, actions',
      'group-by': 'single',
      ...inputs,
    },
    env: { TEND_SPACE_WRITES: 'false', TEND_RETRY_BASE_MS: '10' },
    timeoutMs: 180_000,
  });

const healthIssue = () =>
  [...gh.store.issues.values()].find(
    (i) => i.pull === null && (i.body ?? '').includes('<!-- tend:dep-health:health -->'),
  )!;

/** The health issue edited by `login`, ticking the box of `key`, as the `issues: edited` event. */
async function tick(login: string, key: string) {
  const issue = healthIssue();
  const before = issue.body ?? '';
  const after = before
    .split('\n')
    .map((line) =>
      line.includes(`<!-- tend:approve:${key} -->`) ? line.replace('- [ ]', '- [x]') : line,
    )
    .join('\n');
  expect(after).not.toBe(before);
  issue.body = after;
  return runBundle('dep-health', {
    workspace: fixture.workspace,
    emulator: gh,
    eventName: 'issues',
    event: {
      action: 'edited',
      issue: { number: issue.number, body: after },
      changes: { body: { from: before } },
      sender: { login },
    },
    env: { TEND_SPACE_WRITES: 'false', TEND_RETRY_BASE_MS: '10' },
    timeoutMs: 60_000,
  });
}

describe('dep-health bundle', () => {
  it('opens the passing update PRs and the health issue through the API, with outputs and summary', async () => {
    const result = await scheduled();
    expect(result.stderr).not.toMatch(/Error:/);
    expect(result.exitCode).toBe(0);
    expect(result.outputs['updates-passed']).toBe('2');
    expect(result.outputs['updates-failed']).toBe('1');
    expect(result.outputs.high).toBe('1');
    const pulls = gh.store
      .pullRequests()
      .map((p) => p.title)
      .sort();
    expect(pulls).toEqual([
      'chore(deps): update tend-fixture-good to 1.1.0',
      'chore(deps): update tend-fixture-vuln to 2.0.1',
    ]);
    const issues = [...Array(10).keys()]
      .map((n) => gh.store.issue(n + 1))
      .filter((i) => i && i.pull === null);
    expect(issues.map((i) => i!.title)).toEqual([
      expect.stringMatching(/^Dependency health: \d+\/100$/),
    ]);
    expect(issues[0]!.body).toContain('breaks the tests');
    expect(result.summary).toContain('Health score');

    // The workflow's actions/checkout@v4 is a major behind v5.
    expect(result.outputs['outdated-actions']).toBe('1');
    expect(issues[0]!.body).toContain(
      '`actions/checkout@v4` in .github/workflows/ci.yml:6: 4.2.2 → **5.0.0**',
    );
    // Dependabot's alerts: one confirms OSV (counted once), one is added (low, no fix yet).
    expect(result.outputs.vulnerabilities).toBe('2');
    expect(issues[0]!.body).toContain('GHSA-only-dependabot');
    expect(issues[0]!.body).toMatch(/1 alert\(s\) confirm OSV's advisories, 1 added/);
  }, 240_000);

  it('approves a major only from someone with write access, then tests and proposes it', async () => {
    const key = 'npm:tend-fixture-vuln@3.0.0';
    const refused = await tick('passer-by', key);
    expect(refused.exitCode).toBe(0);
    expect(refused.outputs.approved).toBe('0');
    expect(healthIssue().body).toContain(`- [ ] `);
    expect(healthIssue().body).not.toMatch(
      /- \[x\][^\n]*tend:approve:npm:tend-fixture-vuln@3\.0\.0/,
    );
    expect(healthIssue().comments.at(-1)!.body).toMatch(/Only people with write access/);

    const accepted = await tick('maintainer', key);
    expect(accepted.stderr).not.toMatch(/Error:/);
    expect(accepted.outputs.approved).toBe('1');

    const result = await scheduled();
    expect(result.exitCode).toBe(0);
    expect(result.outputs['majors-awaiting-approval']).toBe('0');
    const major = gh.store
      .pullRequests()
      .find((p) => p.title === 'chore(deps): update tend-fixture-vuln to 3.0.0');
    expect(major).toBeDefined();
    // The box stays ticked, naming who approved it.
    expect(healthIssue().body).toMatch(
      /- \[x\] `tend-fixture-vuln` 2\.0\.0 → \*\*3\.0\.0\*\*.*approved by @maintainer/,
    );
  }, 300_000);

  it('closes an update PR whose group is no longer planned', async () => {
    const open = () =>
      gh.store
        .pullRequests()
        .filter((p) => p.state === 'open')
        .map((p) => p.title)
        .sort();
    expect(open()).toContain('chore(deps): update tend-fixture-good to 1.1.0');
    // The non-major group goes away once its packages are ignored.
    const result = await scheduled({
      update: 'false',
      ignore: 'tend-fixture-good, tend-fixture-bad',
    });
    expect(result.exitCode).toBe(0);
    expect(open()).not.toContain('chore(deps): update tend-fixture-good to 1.1.0');
    // The security PR's group is still planned: it stays open.
    expect(open()).toContain('chore(deps): update tend-fixture-vuln to 2.0.1');
  }, 240_000);
});
