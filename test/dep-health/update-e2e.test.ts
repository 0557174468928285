// The test-gated update end to end: a fixture npm project, a local registry serving real
// `npm pack` tarballs, a local OSV, the real npm and the project's own `npm test`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { recordReader } from '../../src/core/inputs';
import { parseInputs } from '../../src/dep-health/inputs';
import { run } from '../../src/dep-health/main';
import { createNpmFixture, disposeNpmFixture, type NpmFixture } from './support/npm-fixture';
import { testContext } from './support/run-context';

let fixture: NpmFixture;
let servers: NpmFixture['servers'];
let workspace: string;
let now: Date;

beforeAll(async () => {
  fixture = await createNpmFixture();
  ({ servers, workspace, now } = fixture);
}, 120_000);

afterAll(() => disposeNpmFixture(fixture));
describe('dep-health test-gated npm updates', () => {
  it('opens a PR for the passing updates, isolates the breaking one and reports it without a PR', async () => {
    const lockBefore = readFileSync(path.join(workspace, 'package-lock.json'), 'utf8');
    const { ctx, publisher } = testContext(workspace, now);
    const options = parseInputs(
      recordReader({
        'osv-url': servers.url,
        'npm-registry': servers.url,
        ecosystems: 'npm',
        'group-by': 'single',
      }),
    );
    const result = await run(ctx, options);

    expect(result.partial).toEqual([]);
    // Security first: the lowest fixing version, in its own group, tested and proposed.
    const security = publisher.pulls.get('update-security');
    expect(security?.spec.title).toBe('chore(deps): update tend-fixture-vuln to 2.0.1');
    const securityLock = JSON.parse(
      security!.spec.changes.find((c) => c.path === 'package-lock.json')!.content!,
    );
    expect(securityLock.packages['node_modules/tend-fixture-vuln'].version).toBe('2.0.1');

    // The non-major group failed together; bisection isolated tend-fixture-bad; the rest passed.
    const nonMajor = publisher.pulls.get('update-non-major');
    expect(nonMajor).toBeDefined();
    const lock = JSON.parse(
      nonMajor!.spec.changes.find((c) => c.path === 'package-lock.json')!.content!,
    );
    expect(lock.packages['node_modules/tend-fixture-good'].version).toBe('1.1.0'); // 1.2.0 is still soaking
    expect(lock.packages['node_modules/tend-fixture-bad'].version).toBe('1.0.0');
    expect(nonMajor!.spec.body).not.toContain('tend-fixture-bad');
    expect(result.outputs['updates-failed']).toBe('1');
    const failed = result.findings.find((f) => f.kind === 'update-failed');
    expect(failed?.message).toBe('updating tend-fixture-bad 1.0.0 -> 1.0.1 breaks the tests');

    // The health issue: the vulnerability, the failure with its test output, the major awaiting approval.
    const issue = publisher.issues.get('health')!.spec.body;
    expect(issue).toContain('GHSA-test-vuln-0001');
    expect(issue).toContain('❌ `tend-fixture-bad` 1.0.0 → **1.0.1**');
    expect(issue).toMatch(/AssertionError/);
    expect(issue).toContain('- [ ] `tend-fixture-vuln` 2.0.0 → **3.0.0**');
    expect(issue).toContain('tend-fixture-good` 1.2.0: released less than 3 day(s) ago');
    expect(result.outputs.high).toBe('1');

    // The checkout was never touched.
    expect(readFileSync(path.join(workspace, 'package-lock.json'), 'utf8')).toBe(lockBefore);
  }, 240_000);

  it('marks the score partial, in the issue title and the weekly history, when OSV cannot be reached', async () => {
    const { ctx, publisher, state } = testContext(workspace, now);
    const options = parseInputs(
      recordReader({
        'osv-url': 'http://127.0.0.1:9',
        'npm-registry': servers.url,
        ecosystems: 'npm',
        update: 'false',
      }),
    );
    const result = await run(ctx, options);
    expect(result.partial.join('\n')).toMatch(/vulnerabilities were not checked: 127\.0\.0\.1:9/);
    expect(publisher.issues.get('health')!.spec.title).toMatch(
      /^Dependency health: \d+\/100 \(partial\)$/,
    );
    const history = Object.entries(state.files()).find(([file]) =>
      file.startsWith('dep-health/history/'),
    )?.[1];
    expect(history).toMatchObject({ partial: true });
  }, 60_000);
});
