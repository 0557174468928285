// The Go updater with an injected CommandRunner: which commands run where and with which
// environment, what is reported when go is missing, which updates are refused, and how a
// failing group is split.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  createGoUpdater,
  goEnvironment,
  goVersion,
  majorPathProblem,
} from '../../src/dep-health/go-updater';
import type { Dependency } from '../../src/dep-health/model';
import type { PlannedUpdate } from '../../src/dep-health/update-plan';
import { fakeRunner, type Handler } from './support/fake-runner';

/** `go get mod@ver` as the go command does it, for the require line in go.mod. */
const fakeGoGet: [RegExp, Handler] = [
  /^go get /,
  ({ command, cwd }) => {
    const [name, version] = command
      .replace(/^go get /, '')
      .replace(/'/g, '')
      .split('@');
    const file = path.join(cwd, 'go.mod');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(new RegExp(`(${name} )\\S+`), `$1${version}`));
    writeFileSync(path.join(cwd, 'go.sum'), `${readFileSync(file, 'utf8')}\n(sum)\n`);
  },
];

function update(name: string, from: string, to: string, extra: Partial<Dependency> = {}) {
  const dependency: Dependency = {
    ecosystem: 'Go',
    name,
    file: 'service/go.mod',
    version: from,
    direct: true,
    dev: false,
    ...extra,
  };
  const u: PlannedUpdate = { dependency, from, to, type: 'minor', security: false, fixes: [] };
  return u;
}

const GO_MOD = `module example.com/app

go 1.21

require (
\texample.com/good v1.0.0
\texample.com/bad v1.0.0
\tgithub.com/old/thing v1.4.0
)

replace example.com/lib => ../lib
`;

const workspaces: string[] = [];
function workspace(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tend-go-updater-'));
  const all = {
    'service/go.mod': GO_MOD,
    'service/go.sum': 'example.com/good v1.0.0 h1:x=\n',
    'service/main.go': 'package main\n',
    'service/.git/HEAD': 'ref: refs/heads/main\n',
    'service/vendor/example.com/good/good.go': 'package good\n',
    'lib/lib.go': 'package lib\n',
    'docs/big.txt': 'not needed\n',
    ...files,
  };
  for (const [file, text] of Object.entries(all)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  workspaces.push(dir);
  return dir;
}
afterAll(() => workspaces.forEach((d) => rmSync(d, { recursive: true, force: true })));

const DEFAULT_PROXY = 'https://proxy.golang.org';

describe('createGoUpdater', () => {
  it('runs go get per update, go mod tidy and go test ./... in a copy of the module, and returns go.mod and go.sum', async () => {
    const root = workspace();
    const seen: Record<string, boolean> = {};
    const { runner, calls } = fakeRunner([
      fakeGoGet,
      [
        /^go test/,
        ({ cwd }) => {
          seen.goMod = existsSync(path.join(cwd, 'go.mod'));
          seen.git = existsSync(path.join(cwd, '.git'));
          seen.vendor = existsSync(path.join(cwd, 'vendor'));
          seen.replaceTarget = existsSync(path.join(cwd, '../lib/lib.go'));
          seen.unrelated = existsSync(path.join(cwd, '../docs'));
        },
      ],
    ]);
    const updater = createGoUpdater({
      workspace: root,
      goMod: 'service/go.mod',
      goProxy: DEFAULT_PROXY,
      run: runner,
      env: {},
    });
    const result = await updater.testGroup([
      update('example.com/good', 'v1.0.0', 'v1.1.0'),
      update('example.com/bad', 'v1.0.0', '1.0.2'),
    ]);

    expect(calls.map((c) => c.command)).toEqual([
      'go version',
      'go get example.com/good@v1.1.0',
      'go get example.com/bad@v1.0.2',
      'go mod tidy',
      'go test ./...',
    ]);
    expect(calls[0]!.cwd).toBe(root);
    const copy = calls[1]!.cwd;
    expect(copy).not.toContain(root);
    expect(path.basename(copy)).toBe('service');
    expect(calls.slice(1).every((c) => c.cwd === copy)).toBe(true);
    expect(seen).toEqual({
      goMod: true,
      git: false,
      vendor: false,
      replaceTarget: true,
      unrelated: false,
    });
    expect(result.passed).toHaveLength(2);
    expect(result.changes.map((c) => c.path)).toEqual(['service/go.mod', 'service/go.sum']);
    expect(result.changes[0]!.content).toContain('example.com/good v1.1.0');
    expect(result.changes[0]!.content).toContain('example.com/bad v1.0.2');
    // The checkout is untouched and the copy is gone.
    expect(readFileSync(path.join(root, 'service/go.mod'), 'utf8')).toBe(GO_MOD);
    expect(existsSync(copy)).toBe(false);
  });

  it('runs the test-command input instead of go test and proposes only the files that changed', async () => {
    const root = workspace();
    const { runner, calls } = fakeRunner([
      [
        /^go get /,
        ({ cwd }) => {
          const file = path.join(cwd, 'go.mod');
          writeFileSync(file, readFileSync(file, 'utf8').replace('good v1.0.0', 'good v1.0.1'));
        },
      ],
    ]);
    const updater = createGoUpdater({
      workspace: root,
      goMod: 'service/go.mod',
      testCommand: 'make test',
      goProxy: DEFAULT_PROXY,
      run: runner,
      env: {},
    });
    const result = await updater.testGroup([update('example.com/good', 'v1.0.0', 'v1.0.1')]);
    expect(calls.at(-1)!.command).toBe('make test');
    expect(updater.testCommand).toBe('make test');
    expect(result.changes.map((c) => c.path)).toEqual(['service/go.mod']);
  });

  it('quotes a module version that carries shell syntax', async () => {
    const root = workspace();
    const { runner, calls } = fakeRunner();
    await createGoUpdater({
      workspace: root,
      goMod: 'service/go.mod',
      goProxy: DEFAULT_PROXY,
      run: runner,
      env: {},
    }).testGroup([update('example.com/good', 'v1.0.0', 'v1.0.1;touch x')]);
    expect(calls[1]!.command).toBe(`go get 'example.com/good@v1.0.1;touch x'`);
  });

  it('reports a group as not applied, naming setup-go and the go-version input, when go is missing', async () => {
    const root = workspace();
    const { runner, calls } = fakeRunner([
      [/^go version/, () => ({ code: 127, output: 'go: command not found' })],
    ]);
    const result = await createGoUpdater({
      workspace: root,
      goMod: 'service/go.mod',
      goProxy: DEFAULT_PROXY,
      run: runner,
      env: {},
    }).testGroup([update('example.com/good', 'v1.0.0', 'v1.0.1')]);
    expect(calls.map((c) => c.command)).toEqual(['go version']);
    expect(result.passed).toEqual([]);
    expect(result.error).toMatch(/`go` command is not on PATH, and service\/go\.mod needs it/);
    expect(result.error).toContain('`go-version` input');
    expect(result.error).toContain('actions/setup-go');
  });

  it('refuses a module that vendors its dependencies, since vendor/ would go stale', async () => {
    const root = workspace({ 'service/vendor/modules.txt': '# example.com/good v1.0.0\n' });
    const { runner, calls } = fakeRunner();
    const result = await createGoUpdater({
      workspace: root,
      goMod: 'service/go.mod',
      goProxy: DEFAULT_PROXY,
      run: runner,
      env: {},
    }).testGroup([update('example.com/good', 'v1.0.0', 'v1.0.1')]);
    expect(result.error).toContain('service/vendor holds vendored copies');
    expect(calls.map((c) => c.command)).toEqual(['go version']);
  });

  it('leaves out a major that changes the module path and a replaced module, and applies the rest', async () => {
    const root = workspace();
    const { runner, calls } = fakeRunner();
    const pathChange = update('github.com/old/thing', 'v1.4.0', 'v2.0.0');
    const replaced = update('example.com/fork', 'v1.0.0', 'v1.1.0', {
      notes: ['replaces example.com/good@v1.0.0'],
    });
    const good = update('example.com/good', 'v1.0.0', 'v1.0.1');
    const result = await createGoUpdater({
      workspace: root,
      goMod: 'service/go.mod',
      goProxy: DEFAULT_PROXY,
      run: runner,
      env: {},
    }).testGroup([pathChange, replaced, good]);
    expect(calls.filter((c) => c.command.startsWith('go get')).map((c) => c.command)).toEqual([
      'go get example.com/good@v1.0.1',
    ]);
    expect(result.passed).toEqual([good]);
    expect(result.notApplied?.map((n) => n.update)).toEqual([pathChange, replaced]);
    expect(result.notApplied![0]!.reason).toContain('the module github.com/old/thing/v2');
    expect(result.notApplied![1]!.reason).toContain('`replace` directive');
  });

  it('bisects a failing group to the update that breaks the tests and proposes the rest', async () => {
    const root = workspace();
    const { runner } = fakeRunner([
      fakeGoGet,
      [
        /^go test/,
        ({ cwd }) =>
          readFileSync(path.join(cwd, 'go.mod'), 'utf8').includes('example.com/bad v1.1.0')
            ? { code: 1, output: '--- FAIL: TestGreet\nFAIL\texample.com/app\t0.01s' }
            : undefined,
      ],
    ]);
    const good = update('example.com/good', 'v1.0.0', 'v1.1.0');
    const bad = update('example.com/bad', 'v1.0.0', 'v1.1.0');
    const result = await createGoUpdater({
      workspace: root,
      goMod: 'service/go.mod',
      goProxy: DEFAULT_PROXY,
      run: runner,
      env: {},
    }).testGroup([good, bad]);
    expect(result.passed).toEqual([good]);
    expect(result.failed.map((f) => f.update)).toEqual([bad]);
    expect(result.failed[0]!.excerpt).toContain('--- FAIL: TestGreet');
    expect(result.runs).toBe(4);
    const goMod = result.changes.find((c) => c.path === 'service/go.mod')!.content;
    expect(goMod).toContain('example.com/good v1.1.0');
    expect(goMod).toContain('example.com/bad v1.0.0');
  });

  it('reports a go get failure with its output as the update failure', async () => {
    const root = workspace();
    const { runner, calls } = fakeRunner([
      [
        /^go get /,
        () => ({ code: 1, output: 'go: example.com/good@v9.9.9: invalid version: not found' }),
      ],
    ]);
    const result = await createGoUpdater({
      workspace: root,
      goMod: 'service/go.mod',
      goProxy: DEFAULT_PROXY,
      run: runner,
      env: {},
    }).testGroup([update('example.com/good', 'v1.0.0', 'v1.9.9')]);
    expect(result.failed[0]!.excerpt).toMatch(
      /^`go get example.com\/good@v1.9.9` failed \(exit 1\)/,
    );
    expect(calls.some((c) => c.command === 'go mod tidy')).toBe(false);
  });

  it('sends every go command to the go-proxy mirror, leaving checksum verification on', async () => {
    const root = workspace();
    const { runner, calls } = fakeRunner();
    await createGoUpdater({
      workspace: root,
      goMod: 'service/go.mod',
      goProxy: 'https://goproxy.example.com/',
      run: runner,
      env: {},
    }).testGroup([update('example.com/good', 'v1.0.0', 'v1.0.1')]);
    for (const call of calls) {
      expect(call.env).toMatchObject({
        GOPROXY: 'https://goproxy.example.com/',
        GOFLAGS: '-mod=mod',
      });
      expect(call.env).not.toHaveProperty('GOSUMDB');
    }
  });
});

describe('goEnvironment', () => {
  it('leaves GOPROXY and the sum database alone with the default proxy', () => {
    const env = goEnvironment('https://proxy.golang.org/', {});
    expect(env.GOFLAGS).toBe('-mod=mod');
    expect(env).not.toHaveProperty('GOPROXY');
    expect(env).not.toHaveProperty('GOSUMDB');
  });

  it("replaces the runner's -mod flag with -mod=mod and keeps its other GOFLAGS", () => {
    expect(
      goEnvironment('https://proxy.golang.org', { GOFLAGS: '-mod=vendor -tags=integration' })
        .GOFLAGS,
    ).toBe('-tags=integration -mod=mod');
  });

  it('never turns the sum database off, with a mirror or without', () => {
    for (const proxy of ['https://goproxy.example.com', 'https://proxy.golang.org']) {
      const env = goEnvironment(proxy, {});
      expect(env).not.toHaveProperty('GOSUMDB');
      expect(env).not.toHaveProperty('GONOSUMDB');
    }
  });
});

describe('Go versions and module paths', () => {
  it('spells versions with the v the go command needs', () => {
    expect(goVersion('1.2.3')).toBe('v1.2.3');
    expect(goVersion('v1.2.3')).toBe('v1.2.3');
    expect(goVersion('2.0.0+incompatible')).toBe('v2.0.0+incompatible');
  });

  it('accepts updates that keep the module path: same major, /vN majors, +incompatible, gopkg.in', () => {
    expect(majorPathProblem('github.com/a/b', 'v1.9.0')).toBeUndefined();
    expect(majorPathProblem('github.com/a/b', 'v0.3.0')).toBeUndefined();
    expect(majorPathProblem('github.com/a/b', 'v1.0.0')).toBeUndefined();
    expect(majorPathProblem('github.com/a/b/v3', 'v3.2.0')).toBeUndefined();
    expect(majorPathProblem('github.com/a/b', '4.0.1+incompatible')).toBeUndefined();
    expect(majorPathProblem('gopkg.in/yaml.v2', 'v2.4.0')).toBeUndefined();
  });

  it('refuses a major that lives at another module path, naming that path', () => {
    expect(majorPathProblem('github.com/a/b', 'v2.0.0')).toContain('the module github.com/a/b/v2');
    expect(majorPathProblem('github.com/a/b/v2', 'v3.0.0')).toContain(
      'the module github.com/a/b/v3',
    );
    expect(majorPathProblem('gopkg.in/yaml.v2', 'v3.0.1')).toContain('the module gopkg.in/yaml.v3');
    expect(majorPathProblem('github.com/a/b/v2', 'v2.1.0+incompatible')).toBeDefined();
  });
});
