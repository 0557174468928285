// The test-gated update end to end: a fixture npm project, a local registry serving real
// `npm pack` tarballs, a local OSV, the real npm and the project's own `npm test`.
import { exec } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseInputs } from '../../src/dep-health/inputs';
import { run } from '../../src/dep-health/main';
import { recordReader } from '../../src/core/inputs';
import { startFakeServers, type FakeServers } from './support/fake-registry';
import { testContext } from './support/run-context';



const DAY = 24 * 3600 * 1000;
const now = new Date();
const ago = (days: number) => new Date(now.getTime() - days * DAY).toISOString();

let servers: FakeServers;
let workspace: string;

beforeAll(async () => {
  servers = await startFakeServers({
    'tend-fixture-good': [
      { version: '1.0.0', source: "module.exports = { add: (a, b) => a + b };\n", time: ago(400) },
      { version: '1.1.0', source: "module.exports = { add: (a, b) => a + b, sub: (a, b) => a - b };\n", time: ago(10) },
      { version: '1.2.0', source: "module.exports = { add: (a, b) => a + b };\n", time: ago(1) },
    ],
    'tend-fixture-bad': [
      { version: '1.0.0', source: "module.exports = { greet: (n) => 'hello ' + n };\n", time: ago(300) },
      { version: '1.0.1', source: "module.exports = { greet: (n) => 'HELLO ' + n };\n", time: ago(20) },
    ],
    'tend-fixture-vuln': [
      { version: '2.0.0', source: 'module.exports = {};\n', time: ago(500) },
      { version: '2.0.1', source: 'module.exports = {};\n', time: ago(30) },
      { version: '3.0.0', source: 'module.exports = { v3: true };\n', time: ago(25) },
    ],
  });
  servers.osv.affected.push({ name: 'tend-fixture-vuln', ecosystem: 'npm', version: '2.0.0', id: 'GHSA-test-vuln-0001' });
  servers.osv.vulns.set('GHSA-test-vuln-0001', {
    id: 'GHSA-test-vuln-0001',
    aliases: ['CVE-2099-0001'],
    summary: 'Prototype pollution in tend-fixture-vuln',
    severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N' }],
    affected: [{ package: { ecosystem: 'npm', name: 'tend-fixture-vuln' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '2.0.1' }] }] }],
  });
  // The project as it was first installed: only the old versions were published then.
  for (const [name, version] of [['tend-fixture-good', '1.0.0'], ['tend-fixture-bad', '1.0.0'], ['tend-fixture-vuln', '2.0.0']] as const) {
    servers.visible.set(name, new Set([version]));
  }
  workspace = mkdtempSync(path.join(os.tmpdir(), 'tend-dep-health-e2e-'));
  writeFileSync(
    path.join(workspace, 'package.json'),
    JSON.stringify({ name: 'fixture-app', version: '1.0.0', private: true, scripts: { test: 'node test.js' }, dependencies: { 'tend-fixture-good': '^1.0.0', 'tend-fixture-bad': '^1.0.0', 'tend-fixture-vuln': '^2.0.0' } }, null, 2),
  );
  writeFileSync(
    path.join(workspace, 'test.js'),
    "const assert = require('assert');\nassert.strictEqual(require('tend-fixture-good').add(2, 3), 5);\nassert.strictEqual(require('tend-fixture-bad').greet('x'), 'hello x');\nconsole.log('2 passed, 0 failed');\n",
  );
  // Asynchronously: the fake registry answers from this process's event loop.
  await promisify(exec)('npm install --no-audit --no-fund', { cwd: workspace, env: { ...process.env, npm_config_registry: servers.url } });
  rmSync(path.join(workspace, 'node_modules'), { recursive: true, force: true });
  // Later releases.
  servers.visible.set('tend-fixture-good', new Set(['1.0.0', '1.1.0', '1.2.0']));
  servers.visible.set('tend-fixture-bad', new Set(['1.0.0', '1.0.1']));
  servers.visible.set('tend-fixture-vuln', new Set(['2.0.0', '2.0.1', '3.0.0']));
}, 120_000);

afterAll(async () => {
  await servers?.close();
  if (workspace) rmSync(workspace, { recursive: true, force: true });
});

describe('dep-health test-gated npm updates', () => {
  it('opens a PR for the passing updates, isolates the breaking one and reports it without a PR', async () => {
    const lockBefore = readFileSync(path.join(workspace, 'package-lock.json'), 'utf8');
    const { ctx, publisher } = testContext(workspace, now);
    const options = parseInputs(recordReader({ 'osv-url': servers.url, 'npm-registry': servers.url, ecosystems: 'npm', 'group-by': 'single' }));
    const result = await run(ctx, options);

    expect(result.partial).toEqual([]);
    // Security first: the lowest fixing version, in its own group, tested and proposed.
    const security = publisher.pulls.get('update-security');
    expect(security?.spec.title).toBe('chore(deps): update tend-fixture-vuln to 2.0.1');
    const securityLock = JSON.parse(security!.spec.changes.find((c) => c.path === 'package-lock.json')!.content!);
    expect(securityLock.packages['node_modules/tend-fixture-vuln'].version).toBe('2.0.1');

    // The non-major group failed together; bisection isolated tend-fixture-bad; the rest passed.
    const nonMajor = publisher.pulls.get('update-non-major');
    expect(nonMajor).toBeDefined();
    const lock = JSON.parse(nonMajor!.spec.changes.find((c) => c.path === 'package-lock.json')!.content!);
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
});
