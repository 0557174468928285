// A fixture npm project installed from a local registry, plus later releases published.
import { exec } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startFakeServers, type FakeServers } from './fake-registry';

const DAY = 24 * 3600 * 1000;

export interface NpmFixture {
  servers: FakeServers;
  workspace: string;
  now: Date;
}

/**
 * `tend-fixture-good` 1.0.0 -> 1.1.0 (passes) and 1.2.0 (one day old: soaking);
 * `tend-fixture-bad` 1.0.0 -> 1.0.1 (breaks the project's test);
 * `tend-fixture-vuln` 2.0.0 (OSV: GHSA-test-vuln-0001, fixed in 2.0.1) -> 3.0.0 (a major).
 */
export async function createNpmFixture(now = new Date()): Promise<NpmFixture> {
  const ago = (days: number) => new Date(now.getTime() - days * DAY).toISOString();
  const servers: FakeServers = await startFakeServers({
    'tend-fixture-good': [
      { version: '1.0.0', source: 'module.exports = { add: (a, b) => a + b };\n', time: ago(400) },
      {
        version: '1.1.0',
        source: 'module.exports = { add: (a, b) => a + b, sub: (a, b) => a - b };\n',
        time: ago(10),
      },
      { version: '1.2.0', source: 'module.exports = { add: (a, b) => a + b };\n', time: ago(1) },
    ],
    'tend-fixture-bad': [
      {
        version: '1.0.0',
        source: "module.exports = { greet: (n) => 'hello ' + n };\n",
        time: ago(300),
      },
      {
        version: '1.0.1',
        source: "module.exports = { greet: (n) => 'HELLO ' + n };\n",
        time: ago(20),
      },
    ],
    'tend-fixture-vuln': [
      { version: '2.0.0', source: 'module.exports = {};\n', time: ago(500) },
      { version: '2.0.1', source: 'module.exports = {};\n', time: ago(30) },
      { version: '3.0.0', source: 'module.exports = { v3: true };\n', time: ago(25) },
    ],
  });
  servers.osv.affected.push({
    name: 'tend-fixture-vuln',
    ecosystem: 'npm',
    version: '2.0.0',
    id: 'GHSA-test-vuln-0001',
  });
  servers.osv.vulns.set('GHSA-test-vuln-0001', {
    id: 'GHSA-test-vuln-0001',
    aliases: ['CVE-2099-0001'],
    summary: 'Prototype pollution in tend-fixture-vuln',
    severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N' }],
    affected: [
      {
        package: { ecosystem: 'npm', name: 'tend-fixture-vuln' },
        ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '2.0.1' }] }],
      },
    ],
  });
  // The project as it was first installed: only the old versions were published then.
  for (const [name, version] of [
    ['tend-fixture-good', '1.0.0'],
    ['tend-fixture-bad', '1.0.0'],
    ['tend-fixture-vuln', '2.0.0'],
  ] as const) {
    servers.visible.set(name, new Set([version]));
  }
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'tend-dep-health-e2e-'));
  writeFileSync(
    path.join(workspace, 'package.json'),
    JSON.stringify(
      {
        name: 'fixture-app',
        version: '1.0.0',
        private: true,
        scripts: { test: 'node test.js' },
        dependencies: {
          'tend-fixture-good': '^1.0.0',
          'tend-fixture-bad': '^1.0.0',
          'tend-fixture-vuln': '^2.0.0',
        },
      },
      null,
      2,
    ),
  );
  writeFileSync(
    path.join(workspace, 'test.js'),
    "const assert = require('assert');\nassert.strictEqual(require('tend-fixture-good').add(2, 3), 5);\nassert.strictEqual(require('tend-fixture-bad').greet('x'), 'hello x');\nconsole.log('2 passed, 0 failed');\n",
  );
  // Asynchronously: the fake registry answers from this process's event loop.
  await promisify(exec)('npm install --no-audit --no-fund', {
    cwd: workspace,
    env: { ...process.env, npm_config_registry: servers.url },
  });
  rmSync(path.join(workspace, 'node_modules'), { recursive: true, force: true });
  // Later releases.
  servers.visible.set('tend-fixture-good', new Set(['1.0.0', '1.1.0', '1.2.0']));
  servers.visible.set('tend-fixture-bad', new Set(['1.0.0', '1.0.1']));
  servers.visible.set('tend-fixture-vuln', new Set(['2.0.0', '2.0.1', '3.0.0']));
  return { servers, workspace, now };
}

export async function disposeNpmFixture(fixture: NpmFixture | undefined): Promise<void> {
  if (!fixture) return;
  await fixture.servers.close();
  rmSync(fixture.workspace, { recursive: true, force: true });
}
