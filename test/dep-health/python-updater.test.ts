// The Python updater with an injected CommandRunner: which tool is detected, which commands run
// where, what is reported when a tool is missing, and how a failing group is split.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { testUpdateGroup } from '../../src/dep-health/group-tester';
import type { Dependency } from '../../src/dep-health/model';
import { detectPythonProject, type PythonProject } from '../../src/dep-health/python-project';
import { createPythonUpdater } from '../../src/dep-health/python-updater';
import type { PlannedUpdate } from '../../src/dep-health/update-plan';
import { fakeRunner, type Call } from './support/fake-runner';

const FIXTURES = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../fixtures/dep-health',
);

function update(
  name: string,
  from: string,
  to: string,
  file: string,
  extra: Partial<Dependency> = {},
): PlannedUpdate {
  return {
    dependency: {
      ecosystem: 'PyPI',
      name,
      file,
      version: from,
      direct: true,
      dev: false,
      ...extra,
    },
    from,
    to,
    type: 'patch',
    security: false,
    fixes: [],
  };
}

const workspaces: string[] = [];
function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tend-py-updater-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  workspaces.push(dir);
  return dir;
}
afterAll(() => workspaces.forEach((d) => rmSync(d, { recursive: true, force: true })));

function detect(root: string, manifest: string): PythonProject {
  const dir = path.posix.dirname(manifest) === '.' ? '' : path.posix.dirname(manifest);
  const read = (f: string) => {
    try {
      return readFileSync(path.join(root, f), 'utf8');
    } catch {
      return undefined;
    }
  };
  const all = (d: string): string[] => {
    try {
      return readdirSync(path.join(root, d)).map((n) => (d ? `${d}/${n}` : n));
    } catch {
      return [];
    }
  };
  const project = detectPythonProject(manifest, read, (f) => read(f) !== undefined, all(dir));
  if ('error' in project) throw new Error(project.error);
  return project;
}

describe('detectPythonProject', () => {
  it('recognises pip-tools from the header of a real compiled file and finds its .in', () => {
    const project = detect(path.join(FIXTURES, 'requirements'), 'requirements/requirements.txt');
    expect(project).toEqual({
      tool: 'pip-tools',
      manifest: 'requirements/requirements.txt',
      source: 'requirements/requirements.in',
      root: '',
      compile: {
        cwd: '',
        args: [
          '--generate-hashes',
          '--output-file=requirements/requirements.txt',
          'requirements/requirements.in',
        ],
      },
      alsoInstall: [],
    });
  });

  it('tells uv, Poetry and a bare pyproject.toml apart by their lockfiles', () => {
    expect(detect(path.join(FIXTURES, 'uv'), 'pyproject.toml')).toMatchObject({
      tool: 'uv',
      lockfile: 'uv.lock',
    });
    expect(detect(path.join(FIXTURES, 'poetry'), 'pyproject.toml')).toMatchObject({
      tool: 'poetry',
      lockfile: 'poetry.lock',
    });
    const bare = workspace({
      'pyproject.toml': '[project]\nname = "x"\ndependencies = ["a==1.0"]\n',
    });
    expect(detect(bare, 'pyproject.toml')).toMatchObject({ tool: 'pyproject', root: '' });
  });

  it('treats hand-written pins as plain requirements, installing the dev file beside them', () => {
    const dir = workspace({
      'requirements.txt': 'flask==3.0.0\n',
      'requirements-dev.txt': 'pytest==8.0.0\n',
      'setup.cfg': '',
    });
    expect(detect(dir, 'requirements.txt')).toEqual({
      tool: 'requirements',
      manifest: 'requirements.txt',
      root: '',
      alsoInstall: ['requirements-dev.txt'],
    });
  });

  it('installs the dev file beside a pinned file in a requirements folder', () => {
    const dir = workspace({
      'requirements/base.txt': 'flask==3.0.0\n',
      'requirements/dev.txt': '-r base.txt\npytest==8.0.0\n',
      'requirements/prod.txt': '-r base.txt\ngunicorn==22.0.0\n',
      'manage.py': '',
    });
    expect(detect(dir, 'requirements/base.txt')).toMatchObject({
      tool: 'requirements',
      root: '',
      alsoInstall: ['requirements/dev.txt'],
    });
  });
});

describe('createPythonUpdater with pip-tools', () => {
  const root = path.join(FIXTURES, 'requirements');
  const project = () => detect(root, 'requirements/requirements.txt');
  const attrs = update('attrs', '23.1.0', '23.2.0', 'requirements/requirements.txt');

  it('recompiles with --upgrade-package where pip-compile first ran, installs into a fresh venv and proposes only the .txt', async () => {
    const { runner, calls } = fakeRunner([
      [
        /^pip-compile .*--upgrade-package/,
        ({ cwd }) => {
          const txt = path.join(cwd, 'requirements/requirements.txt');
          writeFileSync(txt, readFileSync(txt, 'utf8').replace('attrs==23.1.0', 'attrs==23.2.0'));
        },
      ],
    ]);
    const result = await createPythonUpdater({
      workspace: root,
      project: project(),
      testCommand: 'make test',
      run: runner,
    }).testGroup([attrs]);

    expect(result.passed).toEqual([attrs]);
    expect(result.changes.map((c) => c.path)).toEqual(['requirements/requirements.txt']);
    expect(result.changes[0]!.content).toContain('attrs==23.2.0 \\');
    const commands = calls.map((c) =>
      c.command.replace(/\/\S*tend-dep-health-py-[^/\s']*/g, '<tmp>'),
    );
    expect(commands).toEqual([
      'pip-compile --version',
      'pip-compile --generate-hashes --output-file=requirements/requirements.txt requirements/requirements.in --upgrade-package attrs==23.2.0',
      'python3 -m venv <tmp>/venv',
      '<tmp>/venv/bin/python -m pip install --no-input -r <tmp>/repo/requirements/requirements.txt',
      'make test',
    ]);
    expect(calls[1]!.cwd).toMatch(/tend-dep-health-py-[^/]+\/repo$/);
    expect(calls[4]!.env.PATH!.split(path.delimiter)[0]).toMatch(/\/venv\/bin$/);
    expect(calls[4]!.env.VIRTUAL_ENV).toMatch(/\/venv$/);
  });

  it('points pip and pip-compile at a mirror and keeps its URL out of the compiled file', async () => {
    const { runner, calls } = fakeRunner();
    await createPythonUpdater({
      workspace: root,
      project: project(),
      testCommand: 'make test',
      indexUrl: 'http://127.0.0.1:9/simple/',
      run: runner,
      env: { PATH: '/usr/bin' },
    }).testGroup([attrs]);
    const compile = calls.find((c) => c.command.includes('--upgrade-package'))!;
    expect(compile.command).toContain('--no-emit-index-url');
    expect(compile.env.PIP_INDEX_URL).toBe('http://127.0.0.1:9/simple/');
  });

  it('leaves an index URL the workflow set alone', async () => {
    const { runner, calls } = fakeRunner();
    await createPythonUpdater({
      workspace: root,
      project: project(),
      testCommand: 'make test',
      indexUrl: 'http://127.0.0.1:9/simple/',
      run: runner,
      env: { PATH: '/usr/bin', PIP_INDEX_URL: 'https://mirror.example/simple' },
    }).testGroup([attrs]);
    expect(calls.every((c) => c.env.PIP_INDEX_URL === undefined)).toBe(true);
    expect(calls.some((c) => c.command.includes('--no-emit-index-url'))).toBe(false);
  });

  it('reports a missing pip-compile with the setup step to add, and runs nothing else', async () => {
    const { runner, calls } = fakeRunner([
      [/^pip-compile --version/, () => ({ code: 127, output: 'pip-compile: command not found' })],
    ]);
    const result = await createPythonUpdater({
      workspace: root,
      project: project(),
      testCommand: 'make test',
      run: runner,
    }).testGroup([attrs]);
    expect(result.error).toBe(
      'pip-compile (pip-tools) is not on PATH, and requirements/requirements.txt is maintained with it: add a step `pip install pip-tools` (or `pipx install pip-tools`) before the dep-health step',
    );
    expect(result.passed).toEqual([]);
    expect(calls).toHaveLength(1);
  });

  it('widens a pin in the .in when the target is outside it, and lists the .in among the changes', async () => {
    const dir = workspace({
      'requirements.in': 'django==4.2.7\nrequests\n',
      'requirements.txt':
        '#\n# This file is autogenerated by pip-compile with Python 3.11\n# by the following command:\n#\n#    pip-compile\n#\ndjango==4.2.7\n    # via -r requirements.in\n',
    });
    const { runner, calls } = fakeRunner();
    const result = await createPythonUpdater({
      workspace: dir,
      project: detect(dir, 'requirements.txt'),
      testCommand: 't',
      run: runner,
    }).testGroup([update('django', '4.2.7', '4.2.8', 'requirements.txt')]);
    expect(result.changes).toEqual([
      { path: 'requirements.in', content: 'django==4.2.8\nrequests\n' },
    ]);
    expect(calls[1]!.command).toBe(
      'pip-compile --output-file=requirements.txt requirements.in --upgrade-package django==4.2.8',
    );
  });
});

describe('createPythonUpdater with uv and Poetry', () => {
  const uvFiles = () => ({
    'pyproject.toml': readFileSync(path.join(FIXTURES, 'uv/pyproject.toml'), 'utf8'),
    'uv.lock': readFileSync(path.join(FIXTURES, 'uv/uv.lock'), 'utf8'),
  });
  const bumpLock =
    (file: string, name: string, from: string, to: string) =>
    ({ cwd }: Call) => {
      const lock = path.join(cwd, file);
      writeFileSync(
        lock,
        readFileSync(lock, 'utf8').replace(
          `name = "${name}"\nversion = "${from}"`,
          `name = "${name}"\nversion = "${to}"`,
        ),
      );
    };

  it('locks with `uv lock --upgrade-package`, syncs the project venv and defaults to pytest from the dev group', async () => {
    const dir = workspace(uvFiles());
    const { runner, calls } = fakeRunner([
      [/^uv lock/, bumpLock('uv.lock', 'google-auth', '2.40.3', '2.41.1')],
    ]);
    const result = await createPythonUpdater({
      workspace: dir,
      project: detect(dir, 'pyproject.toml'),
      run: runner,
    }).testGroup([
      update('google-auth', '2.40.3', '2.41.1', 'pyproject.toml', { lockfile: 'uv.lock' }),
    ]);
    expect(calls.map((c) => c.command)).toEqual([
      'uv --version',
      'uv lock --upgrade-package google-auth==2.41.1',
      'uv sync --locked --all-extras',
      'python -m pytest',
    ]);
    expect(calls[3]!.env.PATH).toMatch(/repo\/\.venv\/bin/);
    expect(result.passed).toHaveLength(1);
    expect(result.changes.map((c) => c.path)).toEqual(['uv.lock']);
  });

  it('fails the attempt when the lock does not land on the target version', async () => {
    const dir = workspace(uvFiles());
    const { runner } = fakeRunner([
      [/^uv lock/, bumpLock('uv.lock', 'google-auth', '2.40.3', '2.40.9')],
    ]);
    const result = await createPythonUpdater({
      workspace: dir,
      project: detect(dir, 'pyproject.toml'),
      run: runner,
    }).testGroup([update('google-auth', '2.40.3', '2.41.1', 'pyproject.toml')]);
    expect(result.passed).toEqual([]);
    expect(result.failed[0]!.excerpt).toBe(
      'after `uv lock --upgrade-package google-auth==2.41.1`, google-auth is not at 2.41.1 (found 2.40.9)',
    );
  });

  it('leaves out, with the reason, an update whose target an upper bound excludes', async () => {
    const files = uvFiles();
    files['pyproject.toml'] = files['pyproject.toml'].replace(
      '"duckdb>=1.3.0"',
      '"duckdb>=1.3.0,<2"',
    );
    const dir = workspace(files);
    const { runner, calls } = fakeRunner();
    const duckdb = update('duckdb', '1.3.0', '2.0.0', 'pyproject.toml');
    const result = await createPythonUpdater({
      workspace: dir,
      project: detect(dir, 'pyproject.toml'),
      run: runner,
    }).testGroup([duckdb]);
    expect(result.notApplied).toEqual([
      {
        update: duckdb,
        reason:
          'pyproject.toml: the constraint `>=1.3.0,<2` excludes 2.0.0 (`<2`); widen it by hand',
      },
    ]);
    expect(calls.map((c) => c.command)).toEqual(['uv --version']);
  });

  it('reports a missing uv with the setup step to add', async () => {
    const dir = workspace(uvFiles());
    const { runner } = fakeRunner([
      [/^uv --version/, () => ({ code: 127, output: 'uv: not found' })],
    ]);
    const result = await createPythonUpdater({
      workspace: dir,
      project: detect(dir, 'pyproject.toml'),
      run: runner,
    }).testGroup([update('google-auth', '2.40.3', '2.41.1', 'pyproject.toml')]);
    expect(result.error).toMatch(
      /^uv is not on PATH, and pyproject.toml is maintained with it: add `astral-sh\/setup-uv`/,
    );
  });

  it.each([
    ['Poetry (version 1.8.3)', 'poetry lock --no-update --no-interaction'],
    ['Poetry (version 2.1.1)', 'poetry lock --no-interaction'],
  ])(
    'uses the lock command %s understands, locking twice to keep the constraint style',
    async (version, lock) => {
      const dir = workspace({
        'pyproject.toml':
          '[tool.poetry]\nname = "x"\n\n[tool.poetry.dependencies]\npython = "^3.9"\nrequests = "^2.31"\n\n[tool.poetry.group.dev.dependencies]\npytest = "^8.0"\n',
        'poetry.lock': '[[package]]\nname = "requests"\nversion = "2.31.0"\n',
      });
      const seen: string[] = [];
      const { runner, calls } = fakeRunner([
        [/^poetry --version/, () => ({ code: 0, output: version })],
        [
          /^poetry lock/,
          (call) => {
            seen.push(
              readFileSync(path.join(call.cwd, 'pyproject.toml'), 'utf8').match(
                /^requests = .*$/m,
              )![0],
            );
            bumpLock('poetry.lock', 'requests', '2.31.0', '2.32.3')(call);
          },
        ],
      ]);
      const result = await createPythonUpdater({
        workspace: dir,
        project: detect(dir, 'pyproject.toml'),
        run: runner,
      }).testGroup([update('requests', '2.31.0', '2.32.3', 'pyproject.toml')]);
      expect(calls.map((c) => c.command)).toEqual([
        'poetry --version',
        lock,
        lock,
        'poetry install --no-interaction --no-ansi',
        'python -m pytest',
      ]);
      // First locked at the exact target, then relocked with the user's caret constraint back.
      expect(seen).toEqual(['requests = "2.32.3"', 'requests = "^2.31"']);
      expect(result.changes.map((c) => c.path)).toEqual(['poetry.lock']);
    },
  );
});

describe('createPythonUpdater with plain requirements', () => {
  it('reports a hashed pin as not applied and tests the rest', async () => {
    const dir = workspace({
      'requirements.txt':
        'six==1.16.0\nidna==3.4 \\\n    --hash=sha256:90b77e79eaa3eba6de819a0c442c0b4ceefc341a7a2ab77d7562bf49f425c5c2\n',
      'requirements-dev.txt': 'pytest==8.0.0\n',
    });
    const { runner } = fakeRunner();
    const six = update('six', '1.16.0', '1.17.0', 'requirements.txt', { line: 1 });
    const idna = update('idna', '3.4', '3.7', 'requirements.txt', { line: 2 });
    const result = await createPythonUpdater({
      workspace: dir,
      project: detect(dir, 'requirements.txt'),
      run: runner,
    }).testGroup([six, idna]);
    expect(result.passed).toEqual([six]);
    expect(result.notApplied).toEqual([
      {
        update: idna,
        reason:
          'requirements.txt: idna is pinned with --hash: new hashes cannot be computed without a tool (compile the file with `pip-compile --generate-hashes` from a .in beside it)',
      },
    ]);
    expect(result.changes).toEqual([
      { path: 'requirements.txt', content: expect.stringContaining('six==1.17.0\nidna==3.4 \\') },
    ]);
  });

  it('asks for a test command when pytest is not declared', async () => {
    const dir = workspace({ 'requirements.txt': 'six==1.16.0\n' });
    const { runner, calls } = fakeRunner();
    const result = await createPythonUpdater({
      workspace: dir,
      project: detect(dir, 'requirements.txt'),
      run: runner,
    }).testGroup([update('six', '1.16.0', '1.17.0', 'requirements.txt')]);
    expect(result.error).toBe(
      'no test command: pytest is not declared in requirements.txt; set the `test-command` input (for example `python -m unittest`)',
    );
    expect(calls).toEqual([]);
  });

  it('isolates the breaking update of a group by bisecting, then proposes the others together', async () => {
    const dir = workspace({ 'requirements.txt': 'a==1.0\nb==1.0\nc==1.0\nd==1.0\n' });
    const { runner } = fakeRunner([
      [
        /^pytest$/,
        ({ cwd }) =>
          /^c==2\.0$/m.test(readFileSync(path.join(cwd, 'requirements.txt'), 'utf8'))
            ? { code: 1, output: 'FAILED test_c.py::test_c - AssertionError' }
            : undefined,
      ],
    ]);
    const updates = ['a', 'b', 'c', 'd'].map((n) => update(n, '1.0', '2.0', 'requirements.txt'));
    const result = await createPythonUpdater({
      workspace: dir,
      project: detect(dir, 'requirements.txt'),
      testCommand: 'pytest',
      run: runner,
    }).testGroup(updates);
    expect(result.failed.map((f) => f.update.dependency.name)).toEqual(['c']);
    expect(result.failed[0]!.excerpt).toContain('FAILED test_c.py::test_c');
    expect(result.passed.map((u) => u.dependency.name)).toEqual(['a', 'b', 'd']);
    expect(result.changes[0]!.content).toBe('a==2.0\nb==2.0\nc==1.0\nd==2.0\n');
    // all 4, halves [a b] and [c d], then [c] and [d], then the retry of a, b, d.
    expect(result.runs).toBe(6);
  });
});

describe('testUpdateGroup', () => {
  const names = (list: PlannedUpdate[]) => list.map((u) => u.dependency.name);
  const updates = ['a', 'b', 'c'].map((n) => update(n, '1', '2', 'requirements.txt'));

  it('blames the whole set when only the combination fails', async () => {
    const result = await testUpdateGroup(updates.slice(0, 2), async (list) => ({
      ok: list.length < 2,
      excerpt: `tried ${names(list)}`,
    }));
    expect(names(result.failed.map((f) => f.update))).toEqual(['a', 'b']);
    expect(result.failed[0]!.excerpt).toBe('tried a,b');
  });

  it('stops at a fatal attempt and reports it as the group error', async () => {
    let calls = 0;
    const result = await testUpdateGroup(
      updates,
      async () => (calls++, { ok: false, excerpt: '', fatal: 'tool missing' }),
    );
    expect(result).toEqual({ passed: [], failed: [], changes: [], runs: 0, error: 'tool missing' });
    expect(calls).toBe(1);
  });
});
