// The test-gated Python update end to end: fixture projects, a local package index serving
// real wheels, a local OSV, real pip (and Poetry) in fresh virtual environments, and the
// project's own tests.
import { exec } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { recordReader } from '../../src/core/inputs';
import { parseInputs } from '../../src/dep-health/inputs';
import { run } from '../../src/dep-health/main';
import { osvRecord, startPythonIndex, type PythonIndex } from './support/python-index';
import { testContext } from './support/run-context';

const DAY = 24 * 3600 * 1000;
const now = new Date();
const ago = (days: number) => new Date(now.getTime() - days * DAY).toISOString();
const FIXTURES = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../fixtures/dep-health',
);

let index: PythonIndex;
const poetryCache = mkdtempSync(path.join(os.tmpdir(), 'tend-poetry-cache-'));
const workspaces: string[] = [];

function workspaceFrom(fixture: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tend-dep-health-py-e2e-'));
  cpSync(path.join(FIXTURES, fixture), dir, { recursive: true });
  workspaces.push(dir);
  return dir;
}

beforeAll(async () => {
  // good 1.0.1 keeps the API (its fix passes the tests); bad 1.0.1 changes greet() (breaks them).
  index = await startPythonIndex({
    'tend-fixture-good': [
      { version: '1.0.0', source: 'def add(a, b):\n    return a + b\n', time: ago(400) },
      { version: '1.0.1', source: 'def add(a, b):\n    return b + a\n', time: ago(10) },
    ],
    'tend-fixture-bad': [
      { version: '1.0.0', source: 'def greet(n):\n    return "hello " + n\n', time: ago(300) },
      { version: '1.0.1', source: 'def greet(n):\n    return "HELLO " + n\n', time: ago(20) },
    ],
  });
  for (const [id, name] of [
    ['PYSEC-test-good-0001', 'tend-fixture-good'],
    ['PYSEC-test-bad-0001', 'tend-fixture-bad'],
  ] as const) {
    index.osv.affected.push({ name, ecosystem: 'PyPI', version: '1.0.0', id });
    index.osv.vulns.set(id, osvRecord(id, name, '1.0.1', `Flaw in ${name}`));
  }
}, 60_000);

afterAll(async () => {
  await index?.close();
  rmSync(poetryCache, { recursive: true, force: true });
  for (const dir of workspaces) rmSync(dir, { recursive: true, force: true });
});

const inputs = (extra: Record<string, string> = {}) =>
  parseInputs(
    recordReader({
      'osv-url': index.url,
      'pypi-url': index.url,
      ecosystems: 'python',
      'test-command': 'python -m unittest -v',
      ...extra,
    }),
  );

describe('dep-health test-gated Python updates', () => {
  it('rewrites a hand-pinned requirements.txt, proposes the fix that passes and isolates the one that breaks', async () => {
    const workspace = workspaceFrom('python-pinned');
    const before = readFileSync(path.join(workspace, 'requirements.txt'), 'utf8');
    const { ctx, publisher } = testContext(workspace, now);
    const result = await run(ctx, inputs());

    expect(result.partial).toEqual([]);
    const pr = publisher.pulls.get('update-security-requirements.txt');
    expect(pr?.spec.title).toBe(
      'chore(deps): update tend-fixture-good to 1.0.1 in requirements.txt',
    );
    // Only the pin moved: the comment, the spelling, the spacing and the marker stay.
    expect(pr!.spec.changes).toEqual([
      {
        path: 'requirements.txt',
        content: before.replace('tend-fixture-good==1.0.0', 'tend-fixture-good==1.0.1'),
      },
    ]);
    expect(result.outputs['updates-passed']).toBe('1');
    expect(result.outputs['updates-failed']).toBe('1');
    const failed = result.findings.find((f) => f.kind === 'update-failed');
    expect(failed?.message).toBe('updating tend-fixture-bad 1.0.0 -> 1.0.1 breaks the tests');
    const issue = publisher.issues.get('health')!.spec.body;
    expect(issue).toContain('❌ `tend-fixture-bad` 1.0.0 → **1.0.1**');
    expect(issue).toMatch(/AssertionError: 'HELLO x' != 'hello x'/);
    // The pip installs really went to the local index.
    expect(index.requests).toContain('GET /packages/tend_fixture_good-1.0.1-py3-none-any.whl');
    expect(readFileSync(path.join(workspace, 'requirements.txt'), 'utf8')).toBe(before);
  }, 300_000);

  it('updates a Poetry project with poetry itself: the lock moves, an exact constraint is widened, the breaking update is isolated', async () => {
    await promisify(exec)('poetry --version').catch(() => {
      throw new Error(
        'poetry is not installed: `apt-get install python3-poetry` (.ci/run installs it)',
      );
    });
    const workspace = workspaceFrom('python-poetry');
    const manifest = path.join(workspace, 'pyproject.toml');
    writeFileSync(
      manifest,
      readFileSync(manifest, 'utf8').replace('http://127.0.0.1:1/simple/', `${index.url}/simple/`),
    );
    // The project as first locked: only the old releases were published then.
    const later = new Map([...index.visible].map(([name, versions]) => [name, new Set(versions)]));
    for (const name of index.visible.keys()) index.visible.set(name, new Set(['1.0.0']));
    await promisify(exec)('poetry lock --no-interaction', {
      cwd: workspace,
      env: { ...process.env, ...poetryEnv() },
    });
    for (const [name, versions] of later) index.visible.set(name, versions);
    const pyprojectBefore = readFileSync(manifest, 'utf8');
    const lockBefore = readFileSync(path.join(workspace, 'poetry.lock'), 'utf8');
    expect(lockBefore).toMatch(/name = "tend-fixture-good"\nversion = "1.0.0"/);

    const { ctx, publisher } = testContext(workspace, now);
    const previous = { ...process.env };
    Object.assign(process.env, poetryEnv());
    const result = await run(ctx, inputs()).finally(() => {
      for (const key of Object.keys(poetryEnv())) {
        if (previous[key] === undefined) delete process.env[key];
        else process.env[key] = previous[key];
      }
    });

    expect(result.partial).toEqual([]);
    const pr = publisher.pulls.get('update-security-pyproject.toml');
    expect(pr?.spec.title).toBe('chore(deps): update tend-fixture-good to 1.0.1 in pyproject.toml');
    const changed = new Map(pr!.spec.changes.map((c) => [c.path, c.content!]));
    expect([...changed.keys()].sort()).toEqual(['poetry.lock', 'pyproject.toml']);
    // The exact constraint moved to the fixed version; nothing else in the manifest did.
    expect(changed.get('pyproject.toml')).toBe(
      pyprojectBefore.replace('tend-fixture-good = "1.0.0"', 'tend-fixture-good = "1.0.1"'),
    );
    expect(changed.get('poetry.lock')).toMatch(/name = "tend-fixture-good"\nversion = "1.0.1"/);
    expect(changed.get('poetry.lock')).toMatch(/name = "tend-fixture-bad"\nversion = "1.0.0"/);
    const failed = result.findings.find((f) => f.kind === 'update-failed');
    expect(failed?.message).toBe('updating tend-fixture-bad 1.0.0 -> 1.0.1 breaks the tests');
    expect(readFileSync(path.join(workspace, 'poetry.lock'), 'utf8')).toBe(lockBefore);
  }, 600_000);
});

/** Poetry isolated from the machine: its own cache, no keyring prompts. */
function poetryEnv(): Record<string, string> {
  return {
    POETRY_CACHE_DIR: poetryCache,
    PYTHON_KEYRING_BACKEND: 'keyring.backends.null.Keyring',
  };
}
