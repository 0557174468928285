// npm workspaces: the members' package.json files share the root's package-lock.json. The
// lockfile here is npm's own, written by `npm install --package-lock-only` against a local
// registry, with one dependency hoisted to the root and a conflicting version nested in a member.
import { exec } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { shellCommandRunner } from '../../src/dep-health/command-runner';
import { discoverDependencies } from '../../src/dep-health/discover';
import { createNpmUpdater } from '../../src/dep-health/npm-updater';
import { startFakeServers, type FakeServers } from './support/fake-registry';

let servers: FakeServers;
let workspace: string;

const write = (file: string, json: unknown) => {
  mkdirSync(path.dirname(path.join(workspace, file)), { recursive: true });
  writeFileSync(path.join(workspace, file), `${JSON.stringify(json, null, 2)}\n`);
};

beforeAll(async () => {
  const time = '2025-01-01T00:00:00.000Z';
  const release = (version: string) => ({ version, source: 'module.exports = 1;\n', time });
  servers = await startFakeServers({
    'ws-shared': [release('1.0.0'), release('1.1.0'), release('2.0.0')],
    'ws-only-api': [release('3.1.0'), release('3.2.0')],
    'ws-root-tool': [release('0.5.0')],
  });
  workspace = mkdtempSync(path.join(os.tmpdir(), 'tend-npm-workspaces-'));
  write('package.json', {
    name: 'monorepo',
    private: true,
    workspaces: ['packages/*'],
    devDependencies: { 'ws-root-tool': '^0.5.0' },
  });
  write('packages/web/package.json', {
    name: '@acme/web',
    version: '1.0.0',
    dependencies: { 'ws-shared': '^1.0.0' },
  });
  write('packages/api/package.json', {
    name: '@acme/api',
    version: '1.0.0',
    dependencies: { 'ws-shared': '^2.0.0', 'ws-only-api': '^3.0.0', '@acme/web': '*' },
  });
  // Not a member: its own project without a lockfile.
  write('tools/script/package.json', { name: 'script', dependencies: { 'ws-shared': '^2.0.0' } });
  servers.visible.set('ws-shared', new Set(['1.0.0', '2.0.0']));
  servers.visible.set('ws-only-api', new Set(['3.1.0']));
  await promisify(exec)('npm install --package-lock-only --no-audit --no-fund', {
    cwd: workspace,
    env: { ...process.env, npm_config_registry: servers.url },
  });
  // Published after the lockfile was written.
  servers.visible.set('ws-shared', new Set(['1.0.0', '1.1.0', '2.0.0']));
  servers.visible.set('ws-only-api', new Set(['3.1.0', '3.2.0']));
}, 120_000);

afterAll(async () => {
  await servers?.close();
  if (workspace) rmSync(workspace, { recursive: true, force: true });
});

describe('npm workspaces', () => {
  it("gives each member's dependencies the version npm installs for that member", () => {
    const inventory = discoverDependencies(workspace, ['npm']);
    const direct = inventory.dependencies
      .filter((d) => d.direct)
      .map((d) => [d.file, d.name, d.range, d.version, d.lockfile])
      .sort((a, b) => `${a[0]}${a[1]}`.localeCompare(`${b[0]}${b[1]}`));
    const versionOf = (file: string, name: string) =>
      direct.find((d) => d[0] === file && d[1] === name)?.[3];
    // One of the two ws-shared majors is hoisted to the root, the other nested in its member:
    // whichever npm chose, each member sees its own.
    expect(versionOf('packages/web/package.json', 'ws-shared')).toBe('1.0.0');
    expect(versionOf('packages/api/package.json', 'ws-shared')).toBe('2.0.0');
    expect(versionOf('packages/api/package.json', 'ws-only-api')).toBe('3.1.0');
    expect(versionOf('package.json', 'ws-root-tool')).toBe('0.5.0');
    for (const d of direct.filter((x) => String(x[0]).startsWith('packages/')))
      if (d[1] !== '@acme/web') expect(d[4]).toBe('package-lock.json');
    // The project outside the workspaces has no lockfile: ranges only.
    expect(versionOf('tools/script/package.json', 'ws-shared')).toBeUndefined();
  });

  it('lists each installed package once as transitive (from the root), not again per member', () => {
    const inventory = discoverDependencies(workspace, ['npm']);
    const transitive = inventory.dependencies.filter((d) => !d.direct);
    expect(transitive.every((d) => d.file === 'package-lock.json')).toBe(true);
    const keys = transitive.map((d) => `${d.name}@${d.version}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(inventory.problems).toEqual([]);
  });

  it("updates a member from the workspace root and runs the tests in the member's folder", async () => {
    const inventory = discoverDependencies(workspace, ['npm']);
    const web = inventory.npmProjects.find((p) => p.dir === 'packages/web')!;
    expect(web).toEqual({
      dir: 'packages/web',
      manifest: 'packages/web/package.json',
      lockfile: 'package-lock.json',
      workspaceRoot: '',
    });
    const dependency = inventory.dependencies.find(
      (d) => d.file === 'packages/web/package.json' && d.name === 'ws-shared',
    )!;
    const lockBefore = readFileSync(path.join(workspace, 'package-lock.json'), 'utf8');
    const updater = createNpmUpdater({
      workspace,
      projects: [web],
      // Passes only when the member itself resolves the new version.
      testCommand: `node -e "process.exit(require('ws-shared/package.json').version === '1.1.0' ? 0 : 1)"`,
      registry: servers.url,
      run: shellCommandRunner,
    });
    const result = await updater.testGroup([
      { dependency, from: '1.0.0', to: '1.1.0', type: 'minor', security: false, fixes: [] },
    ]);
    expect(result.failed).toEqual([]);
    expect(result.passed.map((u) => u.to)).toEqual(['1.1.0']);
    expect(result.changes.map((c) => c.path).sort()).toEqual([
      'package-lock.json',
      'packages/web/package.json',
    ]);
    const manifest = JSON.parse(
      result.changes.find((c) => c.path.startsWith('packages/'))!.content!,
    );
    expect(manifest.dependencies['ws-shared']).toBe('^1.1.0');
    const lock = JSON.parse(result.changes.find((c) => c.path === 'package-lock.json')!.content!);
    const versions = Object.entries(lock.packages as Record<string, { version?: string }>)
      .filter(([location]) => location.endsWith('node_modules/ws-shared'))
      .map(([, entry]) => entry.version)
      .sort();
    expect(versions).toEqual(['1.1.0', '2.0.0']);
    // The checkout is untouched.
    expect(readFileSync(path.join(workspace, 'package-lock.json'), 'utf8')).toBe(lockBefore);
  }, 120_000);

  it('updates two members in one go, from the root, and runs the tests in each member', async () => {
    const inventory = discoverDependencies(workspace, ['npm']);
    const member = (dir: string) => inventory.npmProjects.find((p) => p.dir === dir)!;
    const dep = (file: string, name: string) =>
      inventory.dependencies.find((d) => d.file === file && d.name === name)!;
    const log = path.join(workspace, '..', `${path.basename(workspace)}-tests.log`);
    const updater = createNpmUpdater({
      workspace,
      projects: [member('packages/web'), member('packages/api')],
      testCommand: `node -e "require('fs').appendFileSync(${JSON.stringify(JSON.stringify(log)).slice(1, -1)}, require('./package.json').name + '\\n')"`,
      registry: servers.url,
      run: shellCommandRunner,
    });
    const result = await updater.testGroup([
      {
        dependency: dep('packages/web/package.json', 'ws-shared'),
        from: '1.0.0',
        to: '1.1.0',
        type: 'minor',
        security: false,
        fixes: [],
      },
      {
        dependency: dep('packages/api/package.json', 'ws-only-api'),
        from: '3.1.0',
        to: '3.2.0',
        type: 'minor',
        security: false,
        fixes: [],
      },
    ]);
    try {
      expect(result.failed).toEqual([]);
      expect(result.changes.map((c) => c.path).sort()).toEqual([
        'package-lock.json',
        'packages/api/package.json',
        'packages/web/package.json',
      ]);
      const api = JSON.parse(
        result.changes.find((c) => c.path === 'packages/api/package.json')!.content!,
      );
      expect(api.dependencies['ws-only-api']).toBe('^3.2.0');
      // web's manifest did not gain api's dependency.
      const web = JSON.parse(
        result.changes.find((c) => c.path === 'packages/web/package.json')!.content!,
      );
      expect(web.dependencies['ws-only-api']).toBeUndefined();
      expect(readFileSync(log, 'utf8').trim().split('\n').sort()).toEqual([
        '@acme/api',
        '@acme/web',
      ]);
    } finally {
      rmSync(log, { force: true });
    }
  }, 120_000);
});
