// The built bundle (dist/dep-health/index.js) run as the composite action's node step runs it,
// against the GitHub API emulator, a local npm registry and a local OSV.
import { readFileSync } from 'node:fs';
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
}, 120_000);

afterAll(async () => {
  await gh?.close();
  await disposeNpmFixture(fixture);
});

describe('dep-health bundle', () => {
  it('opens the passing update PRs and the health issue through the API, with outputs and summary', async () => {
    const result = await runBundle('dep-health', {
      workspace: fixture.workspace,
      emulator: gh,
      inputs: {
        'osv-url': fixture.servers.url,
        'npm-registry': fixture.servers.url,
        ecosystems: 'npm',
        'group-by': 'single',
        'dependabot-alerts': 'false',
      },
      env: { TEND_SPACE_WRITES: 'false', TEND_RETRY_BASE_MS: '10' },
      timeoutMs: 180_000,
    });
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
  }, 240_000);
});
