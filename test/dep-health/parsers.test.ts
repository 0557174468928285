import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { discoverDependencies } from '../../src/dep-health/discover';
import { parseGoMod } from '../../src/dep-health/parse/go-mod';
import { parseNpmProject } from '../../src/dep-health/parse/npm';
import { parseRequirement, poetryToPep440 } from '../../src/dep-health/parse/pep508';
import { parsePyproject } from '../../src/dep-health/parse/pyproject';
import { parseRequirementsFile } from '../../src/dep-health/parse/python-requirements';
import { parseWorkflow } from '../../src/dep-health/parse/workflows';

const FIXTURES = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../fixtures/dep-health',
);
const read = (rel: string) => readFileSync(path.join(FIXTURES, rel), 'utf8');
const file = (rel: string) => ({ file: rel, text: read(rel) });

describe('npm package.json + package-lock.json', () => {
  const result = parseNpmProject(file('npm-v2/package.json'), file('npm-v2/package-lock.json'));

  it('marks declared packages direct with their range and the top-level locked version', () => {
    const core = result.dependencies.find((d) => d.name === '@babel/core');
    expect(core).toMatchObject({
      direct: true,
      dev: true,
      range: '^7.4.5',
      version: '7.19.6',
      lockfile: 'npm-v2/package-lock.json',
    });
    expect(core?.line).toBe(12);
  });

  it('lists lockfile-only packages as transitive, including nested installs at their own version', () => {
    const transitive = result.dependencies
      .filter((d) => !d.direct)
      .map((d) => `${d.name}@${d.version}`);
    expect(transitive).toEqual(
      expect.arrayContaining([
        '@ampproject/remapping@2.2.0',
        '@babel/generator@7.19.6',
        '@jridgewell/gen-mapping@0.3.2',
      ]),
    );
    expect(result.dependencies.find((d) => d.name === '@jridgewell/gen-mapping')?.dev).toBe(true);
  });

  it('keeps a declared dependency that the lockfile lacks, without a version', () => {
    expect(result.dependencies.find((d) => d.name === 'express')).toMatchObject({
      direct: true,
      version: undefined,
    });
  });

  it('reads lockfileVersion 1 nested dependencies and skips git/file specs in the manifest', () => {
    const v1 = parseNpmProject(
      {
        file: 'package.json',
        text: JSON.stringify({
          dependencies: { a: '^1.0.0', local: 'file:../local', gh: 'user/repo' },
        }),
      },
      {
        file: 'package-lock.json',
        text: JSON.stringify({
          lockfileVersion: 1,
          dependencies: {
            a: { version: '1.2.0', dependencies: { b: { version: '2.0.0', dev: true } } },
          },
        }),
      },
    );
    expect(v1.dependencies.map((d) => `${d.name}@${d.version}:${d.direct}`)).toEqual([
      'a@1.2.0:true',
      'b@2.0.0:false',
    ]);
  });

  it('reports a corrupt lockfile by name and line and still lists the manifest dependencies', () => {
    const bad = parseNpmProject(file('bad/npm/package.json'), file('bad/npm/package-lock.json'));
    expect(bad.problems).toHaveLength(1);
    expect(bad.problems[0]!.file).toBe('bad/npm/package-lock.json');
    expect(bad.problems[0]!.message).toMatch(/bad\/npm\/package-lock\.json is not valid JSON/);
    expect(bad.problems[0]!.line).toBeGreaterThan(30);
    expect(bad.dependencies.filter((d) => d.direct)).toHaveLength(12);
  });
});

describe('Python requirements files', () => {
  const readRel = (rel: string) => {
    try {
      return read(rel);
    } catch {
      return undefined;
    }
  };

  it('follows -r includes, pins `==` versions and reads bare names as unpinned', () => {
    const result = parseRequirementsFile('requirements/requirements/requirements.dev.in', readRel);
    expect(result.problems).toEqual([]);
    const byName = new Map(result.dependencies.map((d) => [d.name, d]));
    expect(byName.get('pytest')).toMatchObject({ version: '8.2.0', direct: true });
    expect(byName.get('outcome')?.version).toBe('1.3.0.post0');
    expect(byName.get('django')).toMatchObject({
      version: '4.2.7',
      file: 'requirements/requirements/requirements.in',
    });
    expect(byName.get('pillow')?.version).toBe('10.0.1');
    expect(byName.get('requests-oauthlib')).toMatchObject({ version: undefined, range: undefined });
    expect(byName.get('requests-oauthlib')?.line).toBe(20);
  });

  it('reads pip-compile output with hashes, continuations and via comments', () => {
    const result = parseRequirementsFile('requirements/requirements/requirements.txt', readRel);
    expect(result.problems).toEqual([]);
    expect(result.dependencies.map((d) => `${d.name}==${d.version}`)).toEqual([
      'asgiref==3.6.0',
      'attrs==23.1.0',
      'boto3==1.26.133',
      'configparser==5.3.0',
    ]);
  });

  it('keeps extras and markers, and applies -c constraints as versions', () => {
    const files: Record<string, string> = {
      'requirements.txt':
        'requests[security,socks] >=2.8 ; python_version >= "3.8"\n-c constraints.txt\n-e ./local\n--index-url https://example.org\n',
      'constraints.txt': 'requests==2.31.0\n',
    };
    const result = parseRequirementsFile('requirements.txt', (f) => files[f]);
    expect(result.dependencies).toHaveLength(1);
    expect(result.dependencies[0]).toMatchObject({
      name: 'requests',
      range: '>=2.8',
      version: '2.31.0',
    });
    expect(result.dependencies[0]!.notes).toEqual([
      'extras: security, socks',
      'marker: python_version >= "3.8"',
    ]);
  });

  it('names a missing include and an unreadable line', () => {
    const result = parseRequirementsFile('requirements.txt', (f) =>
      f === 'requirements.txt' ? '-r missing.txt\n%%% not a requirement\n' : undefined,
    );
    expect(result.problems.map((p) => p.message)).toEqual([
      'missing.txt is included but cannot be read',
      'requirements.txt:2: cannot read requirement "%%% not a requirement"',
    ]);
  });
});

describe('pyproject.toml with poetry.lock and uv.lock', () => {
  it('reads Poetry dependencies and groups, converting caret constraints, with versions from poetry.lock', () => {
    const result = parsePyproject(file('poetry/pyproject.toml'), file('poetry/poetry.lock'));
    const byName = new Map(result.dependencies.map((d) => [d.name, d]));
    expect(byName.has('python')).toBe(false);
    expect(byName.get('pymodbus')).toMatchObject({ direct: true, dev: false, range: '>=2.5.3' });
    expect(byName.get('black')).toMatchObject({
      direct: true,
      dev: true,
      range: '>=22.12.0,<23',
      version: '24.3.0',
    });
    expect(byName.get('astroid')).toMatchObject({
      direct: false,
      version: '2.12.13',
      file: 'poetry/poetry.lock',
    });
  });

  it('reads PEP 621 dependencies and PEP 735 groups with exact versions from uv.lock', () => {
    const result = parsePyproject(file('uv/pyproject.toml'), file('uv/uv.lock'));
    const byName = new Map(result.dependencies.map((d) => [d.name, d]));
    expect(byName.get('google-auth')).toMatchObject({
      direct: true,
      dev: false,
      range: '>=2.40.3',
      version: '2.40.3',
      lockfile: 'uv/uv.lock',
    });
    expect(byName.get('pytest')).toMatchObject({ direct: true, dev: true });
    expect(byName.get('google-api-core')).toMatchObject({ direct: false, version: '2.25.0' });
  });

  it('reports a TOML syntax error with file and line', () => {
    const result = parsePyproject(file('bad/python/pyproject.toml'));
    expect(result.problems[0]).toMatchObject({ file: 'bad/python/pyproject.toml', line: 15 });
    expect(result.problems[0]!.message).toMatch(
      /^bad\/python\/pyproject\.toml is not valid TOML \(line 15\)/,
    );
  });

  it('converts Poetry constraints to PEP 440', () => {
    expect(poetryToPep440('^0.20.3')).toBe('>=0.20.3,<0.21');
    expect(poetryToPep440('~1.2.3')).toBe('>=1.2.3,<1.3');
    expect(poetryToPep440('*')).toBe('');
    expect(parseRequirement('name @ https://x/y.whl')?.url).toBe('https://x/y.whl');
  });
});

describe('Go modules', () => {
  it('reads require blocks and resolves module replacements, checking go.sum', () => {
    const result = parseGoMod(file('go-replace/go.mod'), file('go-replace/go.sum'));
    expect(result.problems).toEqual([]);
    expect(result.dependencies.map((d) => `${d.name}@${d.version}`)).toEqual([
      'github.com/pkg/errors@v0.9.1',
      'github.com/oklog/run@v1.1.0',
    ]);
    expect(result.dependencies[0]!.notes).toEqual([
      'replaces golang.org/x/crypto/openpgp/errors@v0.0.0-20201221181555-eec23a3978ad',
    ]);
  });

  it('marks // indirect requirements transitive and names versions missing from go.sum', () => {
    const result = parseGoMod(
      {
        file: 'go.mod',
        text: 'module m\n\ngo 1.21\n\nrequire (\n\tgithub.com/a/b v1.2.0\n\tgithub.com/c/d v0.3.0 // indirect\n)\nreplace github.com/a/b => ../b\n',
      },
      { file: 'go.sum', text: 'github.com/c/d v0.3.0 h1:x=\n' },
    );
    expect(result.dependencies.map((d) => [d.name, d.direct, d.version])).toEqual([
      ['github.com/a/b', true, undefined],
      ['github.com/c/d', false, 'v0.3.0'],
    ]);
    expect(result.problems).toEqual([]);
    const missing = parseGoMod(
      { file: 'go.mod', text: 'module m\nrequire github.com/e/f v1.0.0\nbogus line here\n' },
      { file: 'go.sum', text: '' },
    );
    expect(missing.problems.map((p) => p.message)).toEqual([
      'go.mod:3: unknown go.mod directive `bogus`',
      'go.sum has no checksum for github.com/e/f@v1.0.0: run `go mod tidy`',
    ]);
  });
});

describe('GitHub Actions workflows', () => {
  it('lists every step `uses:` with its line, skipping local and docker references', () => {
    const result = parseWorkflow(
      '.github/workflows/test.yml',
      read('workflows/.github/workflows/test.yml'),
    );
    expect(result.dependencies.map((d) => `${d.name}@${d.range}:${d.line}`)).toEqual([
      'actions/checkout@v2:33',
      'actions/setup-node@v1:40',
      'actions/upload-artifact@v1:61',
      'codecov/codecov-action@v1:66',
    ]);
  });

  it('reports invalid YAML with its line', () => {
    const result = parseWorkflow('.github/workflows/x.yml', 'jobs:\n  a:\n    steps: [\n');
    expect(result.problems[0]!.message).toMatch(
      /^\.github\/workflows\/x\.yml is not valid YAML \(line \d+\)/,
    );
  });
});

describe('discovery', () => {
  it('parses every fixture manifest and reports the broken ones without stopping', () => {
    const inventory = discoverDependencies(FIXTURES, ['npm', 'python', 'go', 'actions']);
    expect(inventory.problems.map((p) => p.file).sort()).toEqual([
      'bad/npm/package-lock.json',
      'bad/python/pyproject.toml',
    ]);
    const ecosystems = new Set(inventory.dependencies.map((d) => d.ecosystem));
    expect([...ecosystems].sort()).toEqual(['Go', 'PyPI', 'npm']);
    expect(inventory.npmProjects.map((p) => p.dir).sort()).toEqual(['bad/npm', 'npm-v2']);
  });

  it('takes direct dependencies and their ranges from the .in a pip-compile output came from', () => {
    const inventory = discoverDependencies(path.join(FIXTURES, 'requirements'), ['python']);
    const compiled = inventory.dependencies.filter(
      (d) => d.file === 'requirements/requirements.txt',
    );
    const row = (name: string) => compiled.find((d) => d.name === name);
    // Named in requirements.in (bare names: no range of their own).
    for (const name of ['attrs', 'boto3', 'configparser'])
      expect(row(name)).toMatchObject({ direct: true, range: '', version: expect.any(String) });
    // Only pulled in by django.
    expect(row('asgiref')).toMatchObject({ direct: false, version: '3.6.0' });
  });

  it('reads every requirements file in a requirements folder, but not prose kept there', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tend-requirements-dir-'));
    try {
      mkdirSync(path.join(dir, 'requirements'));
      writeFileSync(path.join(dir, 'requirements', 'base.txt'), 'Django==4.2.7\n');
      writeFileSync(path.join(dir, 'requirements', 'dev.txt'), '-r base.txt\npytest==8.0.0\n');
      writeFileSync(
        path.join(dir, 'requirements', 'README.txt'),
        'Install these with pip before running the app.\n',
      );
      const inventory = discoverDependencies(dir, ['python']);
      expect(inventory.dependencies.map((d) => `${d.file} ${d.name}@${d.version}`).sort()).toEqual([
        'requirements/base.txt django@4.2.7',
        'requirements/dev.txt pytest@8.0.0',
      ]);
      expect(inventory.problems).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reads the steps of composite actions' metadata files", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tend-action-metadata-'));
    try {
      mkdirSync(path.join(dir, '.github', 'actions', 'setup'), { recursive: true });
      writeFileSync(
        path.join(dir, '.github', 'actions', 'setup', 'action.yml'),
        "name: setup\nruns:\n  using: composite\n  steps:\n    - uses: actions/setup-node@v4\n      with:\n        node-version: '20'\n    - run: npm ci\n      shell: bash\n",
      );
      writeFileSync(
        path.join(dir, 'action.yml'),
        'name: x\nruns:\n  using: node24\n  main: dist/index.js\n',
      );
      const inventory = discoverDependencies(dir, ['actions']);
      expect(inventory.dependencies.map((d) => [d.file, d.line, d.name, d.range])).toEqual([
        ['.github/actions/setup/action.yml', 5, 'actions/setup-node', 'v4'],
      ]);
      expect(inventory.files.sort()).toEqual(['.github/actions/setup/action.yml', 'action.yml']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads workflows only from the repository root .github/workflows', () => {
    const inventory = discoverDependencies(path.join(FIXTURES, 'workflows'), ['actions']);
    expect(inventory.dependencies.map((d) => d.name)).toContain('codecov/codecov-action');
    expect(inventory.files).toEqual(['.github/workflows/test.yml']);
  });
});
