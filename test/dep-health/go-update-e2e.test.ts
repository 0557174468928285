// The test-gated Go update end to end: a fixture module, a local module proxy serving real
// module zips, a local OSV, the real go command (`go get`, `go mod tidy`) and the module's own
// `go test ./...`.
import { exec } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { recordReader } from '../../src/core/inputs';
import { parseInputs } from '../../src/dep-health/inputs';
import { run } from '../../src/dep-health/main';
import { startGoProxy, type GoProxy } from './support/go-proxy';
import { testContext } from './support/run-context';

const DAY = 24 * 3600 * 1000;
const now = new Date();
const ago = (days: number) => new Date(now.getTime() - days * DAY).toISOString();
const GOOD = 'example.com/fixture/good';
const BAD = 'example.com/fixture/bad';
const SAFE = 'example.com/fixture/safe';

let proxy: GoProxy;
let workspace: string;
const modCache = mkdtempSync(path.join(os.tmpdir(), 'tend-go-modcache-'));
const savedModCache = process.env.GOMODCACHE;
// The fixture modules are not in sum.golang.org: this workflow's own setting, as a repository
// with private modules would make it.
const savedNoSumDb = process.env.GONOSUMDB;

/** The module cache is read-only, as the go command leaves it. */
function removeTree(dir: string) {
  const unlock = (p: string) => {
    chmodSync(p, 0o755);
    for (const entry of readdirSync(p, { withFileTypes: true }))
      if (entry.isDirectory()) unlock(path.join(p, entry.name));
  };
  try {
    unlock(dir);
  } catch {
    // already gone
  }
  rmSync(dir, { recursive: true, force: true });
}

const source = (pkg: string, body: string) => ({ [`${pkg}.go`]: `package ${pkg}\n\n${body}\n` });

beforeAll(async () => {
  await promisify(exec)('go version').catch(() => {
    throw new Error('go is not installed: `apt-get install golang-go` (.ci/run installs it)');
  });
  // good v1.1.0 keeps Add's result; bad v1.0.1 changes Greet's (breaks the tests); safe
  // v1.0.1 is the security fix OSV names (spelled without the v, as OSV does for Go).
  proxy = await startGoProxy({
    [GOOD]: [
      {
        version: 'v1.0.0',
        time: ago(400),
        files: source('good', 'func Add(a, b int) int { return a + b }'),
      },
      {
        version: 'v1.1.0',
        time: ago(10),
        files: source('good', 'func Add(a, b int) int { return b + a }'),
      },
    ],
    [BAD]: [
      {
        version: 'v1.0.0',
        time: ago(300),
        files: source('bad', 'func Greet(n string) string { return "hello " + n }'),
      },
      {
        version: 'v1.0.1',
        time: ago(20),
        files: source('bad', 'func Greet(n string) string { return "HELLO " + n }'),
      },
    ],
    [SAFE]: [
      {
        version: 'v1.0.0',
        time: ago(200),
        files: source('safe', 'func Quote(s string) string { return "\'" + s + "\'" }'),
      },
      {
        version: 'v1.0.1',
        time: ago(1),
        files: source('safe', 'func Quote(s string) string { return "\'" + s + "\'" }'),
      },
    ],
  });
  proxy.osv.affected.push({ name: SAFE, ecosystem: 'Go', version: '1.0.0', id: 'GO-2099-0001' });
  proxy.osv.vulns.set('GO-2099-0001', {
    id: 'GO-2099-0001',
    summary: 'Quote does not escape quotes',
    aliases: ['CVE-2099-0001'],
    affected: [
      {
        package: { name: SAFE, ecosystem: 'Go' },
        ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.0.1' }] }],
      },
    ],
  });

  workspace = mkdtempSync(path.join(os.tmpdir(), 'tend-dep-health-go-e2e-'));
  mkdirSync(path.join(workspace, 'service'));
  const files: Record<string, string> = {
    'service/go.mod': `module example.com/app\n\ngo 1.18\n\nrequire (\n\t${BAD} v1.0.0\n\t${GOOD} v1.0.0\n\t${SAFE} v1.0.0\n)\n`,
    'service/go.sum':
      [GOOD, BAD, SAFE]
        .flatMap((m) => proxy.goSumLines(m, 'v1.0.0'))
        .sort()
        .join('\n') + '\n',
    'service/app.go': `package app\n\nimport (\n\t"${BAD}"\n\t"${GOOD}"\n\t"${SAFE}"\n)\n\nfunc Sum(a, b int) int { return good.Add(a, b) }\n\nfunc Hello(n string) string { return safe.Quote(bad.Greet(n)) }\n`,
    'service/app_test.go': `package app\n\nimport "testing"\n\nfunc TestSum(t *testing.T) {\n\tif got := Sum(2, 3); got != 5 {\n\t\tt.Fatalf("Sum(2, 3) = %d, want 5", got)\n\t}\n}\n\nfunc TestHello(t *testing.T) {\n\tif got := Hello("x"); got != "'hello x'" {\n\t\tt.Fatalf("Hello(x) = %q, want 'hello x'", got)\n\t}\n}\n`,
  };
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(workspace, file), text);
  process.env.GOMODCACHE = modCache;
  process.env.GONOSUMDB = 'example.com';
}, 60_000);

afterAll(async () => {
  if (savedModCache === undefined) delete process.env.GOMODCACHE;
  else process.env.GOMODCACHE = savedModCache;
  if (savedNoSumDb === undefined) delete process.env.GONOSUMDB;
  else process.env.GONOSUMDB = savedNoSumDb;
  await proxy?.close();
  if (workspace) rmSync(workspace, { recursive: true, force: true });
  removeTree(modCache);
});

describe('dep-health test-gated Go updates', () => {
  it('applies the updates with go get through the module proxy, proposes the passing ones and isolates the one that breaks', async () => {
    const goModBefore = readFileSync(path.join(workspace, 'service/go.mod'), 'utf8');
    const { ctx, publisher } = testContext(workspace, now);
    const options = parseInputs(
      recordReader({
        'osv-url': proxy.url,
        'go-proxy': proxy.url,
        ecosystems: 'go',
        'group-by': 'single',
      }),
    );
    const result = await run(ctx, options);

    expect(result.partial).toEqual([]);
    // The security fix (OSV writes "1.0.1"; go.mod and the proxy spell it v1.0.1) is tested and proposed on its own.
    const security = publisher.pulls.get('update-security-service-go.mod');
    expect(security?.spec.title).toBe(`chore(deps): update ${SAFE} to v1.0.1 in service/go.mod`);
    const securityMod = security!.spec.changes.find((c) => c.path === 'service/go.mod')!.content!;
    expect(securityMod).toContain(`${SAFE} v1.0.1`);
    expect(securityMod).toContain(`${GOOD} v1.0.0`);
    const securitySum = security!.spec.changes.find((c) => c.path === 'service/go.sum')!.content!;
    expect(securitySum).toContain(proxy.goSumLines(SAFE, 'v1.0.1')[0]);

    // The non-major group failed together; bisection isolated bad; good alone passed.
    const nonMajor = publisher.pulls.get('update-non-major-service-go.mod');
    expect(nonMajor?.spec.title).toBe(`chore(deps): update ${GOOD} to v1.1.0 in service/go.mod`);
    expect(nonMajor!.spec.body).toContain('applied with go in a clean copy');
    expect(nonMajor!.spec.body).toContain('`go test ./...` passed');
    expect(nonMajor!.spec.body).not.toContain(BAD);
    const goMod = nonMajor!.spec.changes.find((c) => c.path === 'service/go.mod')!.content!;
    expect(goMod).toContain(`${GOOD} v1.1.0`);
    expect(goMod).toContain(`${BAD} v1.0.0`);
    expect(nonMajor!.spec.changes.map((c) => c.path).sort()).toEqual([
      'service/go.mod',
      'service/go.sum',
    ]);
    expect(publisher.pulls.size).toBe(2);

    expect(result.outputs['updates-passed']).toBe('2');
    expect(result.outputs['updates-failed']).toBe('1');
    const failed = result.findings.find((f) => f.kind === 'update-failed');
    expect(failed?.message).toBe(`updating ${BAD} v1.0.0 -> v1.0.1 breaks the tests`);
    const issue = publisher.issues.get('health')!.spec.body;
    expect(issue).toContain('GO-2099-0001');
    expect(issue).toContain(`❌ \`${BAD}\` v1.0.0 → **v1.0.1**`);
    expect(issue).toContain("Hello(x) = \"'HELLO x'\", want 'hello x'");

    // The go command fetched the zips from the local proxy; the checkout was never touched.
    expect(proxy.requests).toContain(`GET /${GOOD}/@v/v1.1.0.zip`);
    expect(proxy.requests).toContain(`GET /${SAFE}/@v/v1.0.1.zip`);
    expect(readFileSync(path.join(workspace, 'service/go.mod'), 'utf8')).toBe(goModBefore);
  }, 300_000);
});
