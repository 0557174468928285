// The release process: one runtime for every action, a changelog that matches package.json,
// references to tend that resolve, and a release workflow that really moves the major tag.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import semver from 'semver';
import { parse as parseYaml } from 'yaml';
import { ACTION_NAMES } from '../../src/core/types';
import { ROOT } from '../support/runner-harness';
import {
  exampleFiles,
  PLACEHOLDER_REPO,
  readWorkflow,
  tendReferencesIn,
  type Workflow,
} from './tend-workflows';

interface ActionYaml {
  runs?: {
    using?: string;
    main?: string;
    steps?: {
      uses?: string;
      run?: string;
      with?: Record<string, unknown>;
      env?: Record<string, unknown>;
    }[];
  };
  inputs?: Record<string, unknown>;
}

const RUNTIME = 'node24';
const NODE_MAJOR = RUNTIME.replace('node', '');

function actionYaml(name: string): ActionYaml | undefined {
  const file = path.join(ROOT, 'actions', name, 'action.yml');
  return existsSync(file) ? (parseYaml(readFileSync(file, 'utf8')) as ActionYaml) : undefined;
}

describe('action runtime', () => {
  it.each(ACTION_NAMES.map((n) => [n]))(
    'actions/%s/action.yml runs the shared runtime (node24)',
    (name) => {
      const metadata = actionYaml(name);
      expect(metadata).toBeDefined();
      const runs = metadata?.runs ?? {};
      if (runs.using === 'composite') {
        // A composite action sets up the same Node and runs its bundle with it.
        const steps = runs.steps ?? [];
        const setupNode = steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
        expect(String(setupNode?.with?.['node-version'] ?? '')).toMatch(
          new RegExp(`^${NODE_MAJOR}(\\.|$|\\.x)`),
        );
        expect(
          steps.some((s) =>
            new RegExp(`(\\bnode\\b|\\$TEND_NODE\\b)[^\\n]*dist/${name}/index\\.js`).test(
              s.run ?? '',
            ),
          ),
        ).toBe(true);
      } else {
        expect(runs.using).toBe(RUNTIME);
        expect(runs.main).toBe(`../../dist/${name}/index.js`);
      }
    },
  );

  const composite = ACTION_NAMES.filter((n) => actionYaml(n)?.runs?.using === 'composite');
  if (composite.length === 0)
    it.skip('composite actions hand every input to their bundle [skipped: no composite action.yml yet]', () =>
      undefined);
  else
    it.each(composite.map((n) => [n]))(
      'actions/%s/action.yml (composite) hands every input to its bundle',
      (name) => {
        const runs = actionYaml(name)?.runs ?? {};
        // A composite action's inputs are not in the environment: the node step must pass them on,
        // one INPUT_<NAME> each (what @actions/core reads) or all at once with toJSON(inputs).
        const step = (runs.steps ?? []).find((s) => /dist\/[\w-]+\/index\.js/.test(s.run ?? ''));
        const env = Object.fromEntries(
          Object.entries(step?.env ?? {}).map(([k, v]) => [k, String(v)]),
        );
        expect(step).toBeDefined();
        const viaJson = Object.values(env).some((v) => /toJSON\(\s*inputs\s*\)/.test(v));
        const forwards = (input: string) => {
          const value = env[`INPUT_${input.toUpperCase()}`] ?? '';
          return (
            value.includes(`inputs.${input} `) ||
            value.includes(`inputs.${input}}`) ||
            value.includes(`inputs['${input}']`)
          );
        };
        const inputs = Object.keys(actionYaml(name)?.inputs ?? {});
        expect(viaJson ? [] : inputs.filter((input) => !forwards(input))).toEqual([]);
      },
    );

  it('matches the Node version the project builds with (.node-version)', () => {
    const pinned = readFileSync(path.join(ROOT, '.node-version'), 'utf8').trim();
    expect(pinned.split('.')[0]).toBe(NODE_MAJOR);
  });
});

describe('CHANGELOG.md', () => {
  const changelog = readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8');
  const version = (
    JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }
  ).version;
  const releases = [
    ...changelog.matchAll(/^## \[(\d+\.\d+\.\d+(?:-[\w.]+)?)\](?: - (\d{4}-\d{2}-\d{2}))?/gm),
  ].map((m) => ({
    version: m[1] as string,
    date: m[2],
  }));

  it("has an [Unreleased] section, or its latest release is package.json's version", () => {
    const unreleased = /^## \[Unreleased\]/m.test(changelog);
    expect(unreleased || releases[0]?.version === version).toBe(true);
  });

  it("lists releases newest first, none newer than package.json's version, each dated", () => {
    const versions = releases.map((r) => r.version);
    expect(versions).toEqual([...versions].sort((a, b) => semver.rcompare(a, b)));
    expect(versions.filter((v) => semver.gt(v, version))).toEqual([]);
    expect(releases.filter((r) => r.date === undefined).map((r) => r.version)).toEqual([]);
  });

  it('keeps [Unreleased] above every release', () => {
    const unreleased = changelog.search(/^## \[Unreleased\]/m);
    const firstRelease = changelog.search(/^## \[\d/m);
    if (unreleased >= 0 && firstRelease >= 0) expect(unreleased).toBeLessThan(firstRelease);
  });
});

describe('references to tend', () => {
  const sources = [
    ...exampleFiles(),
    '.github/workflows/tend.yml',
    'README.md',
    ...ACTION_NAMES.map((n) => `actions/${n}/README.md`).filter((f) =>
      existsSync(path.join(ROOT, f)),
    ),
  ];

  it('exist in the examples and the docs', () => {
    const count = sources.reduce(
      (n, f) => n + tendReferencesIn(readFileSync(path.join(ROOT, f), 'utf8')).length,
      0,
    );
    expect(count).toBeGreaterThanOrEqual(8);
  });

  it.each(sources.map((f) => [f]))(
    '%s names existing actions or workflows of tend-dev/tend at @v1',
    (file) => {
      const refs = tendReferencesIn(readFileSync(path.join(ROOT, file), 'utf8'));
      const bad = refs
        .filter((r) => {
          const target = /^actions\/[\w-]+$/.test(r.path)
            ? path.join(r.path, 'action.yml')
            : r.path;
          const known = /^(actions\/[\w-]+|\.github\/workflows\/[\w.-]+\.ya?ml)$/.test(r.path);
          return (
            r.repository !== PLACEHOLDER_REPO ||
            r.ref !== 'v1' ||
            !known ||
            !existsSync(path.join(ROOT, target))
          );
        })
        .map((r) => r.raw);
      expect(bad).toEqual([]);
    },
  );

  it('points the reusable workflow at a workflow_call workflow', () => {
    const workflow = readWorkflow('.github/workflows/tend.yml');
    expect(workflow.on && 'workflow_call' in workflow.on).toBe(true);
  });
});

describe('release workflow', () => {
  const file = '.github/workflows/release.yml';
  const workflow = readWorkflow(file) as Workflow & {
    on: { push?: { tags?: string[] }; release?: { types?: string[] } };
  };

  it('runs on semver tags and published releases', () => {
    expect(workflow.on.push?.tags).toEqual(['v[0-9]+.[0-9]+.[0-9]+']);
    expect(workflow.on.release?.types).toEqual(['published']);
  });

  it('may only write contents', () => {
    expect(workflow.permissions).toEqual({});
    const jobs = Object.values(workflow.jobs);
    expect(jobs.map((j) => j.permissions)).toEqual(jobs.map(() => ({ contents: 'write' })));
  });

  describe('its tag-moving step, run in a clone with a real remote', () => {
    const step = Object.values(workflow.jobs)
      .flatMap((j) => j.steps ?? [])
      .find((s) => s.run?.includes('git push'));
    let dir: string;
    const git = (cwd: string, ...args: string[]) =>
      execFileSync('git', args, {
        cwd,
        encoding: 'utf8',
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: 'r',
          GIT_AUTHOR_EMAIL: 'r@example.com',
          GIT_COMMITTER_NAME: 'r',
          GIT_COMMITTER_EMAIL: 'r@example.com',
        },
      }).trim();

    beforeEach(() => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'tend-release-'));
      git(dir, 'init', '-q', '--bare', 'origin.git');
      git(dir, 'init', '-q', '-b', 'main', 'work');
      const work = path.join(dir, 'work');
      git(work, 'remote', 'add', 'origin', path.join(dir, 'origin.git'));
      const release = (version: string) => {
        writeFileSync(path.join(work, 'package.json'), JSON.stringify({ name: 'tend', version }));
        writeFileSync(
          path.join(work, 'CHANGELOG.md'),
          `# Changelog\n\n## [Unreleased]\n\n## [${version}] - 2026-01-05\n\n- Things.\n`,
        );
        git(work, 'add', '-A');
        git(work, 'commit', '-q', '-m', `Release ${version}`);
        git(work, 'tag', `v${version}`);
      };
      release('1.0.0');
      git(work, 'tag', 'v1');
      release('1.1.0');
      git(work, 'push', '-q', 'origin', 'main', '--tags');
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    const runStep = (tag: string) => {
      const summary = path.join(dir, 'summary.md');
      writeFileSync(summary, '');
      return spawnSync('bash', ['-c', step?.run ?? 'exit 99'], {
        cwd: path.join(dir, 'work'),
        encoding: 'utf8',
        env: { ...process.env, TAG: tag, GITHUB_STEP_SUMMARY: summary },
      });
    };

    it('moves v1 on the remote to the released commit', () => {
      const run = runStep('v1.1.0');
      expect({ status: run.status, stderr: run.stderr }).toEqual({
        status: 0,
        stderr: expect.any(String),
      });
      const origin = path.join(dir, 'origin.git');
      expect(git(origin, 'rev-parse', 'refs/tags/v1^{commit}')).toBe(
        git(origin, 'rev-parse', 'refs/tags/v1.1.0^{commit}'),
      );
    });

    it('refuses a tag whose package.json says another version, leaving v1 where it was', () => {
      const work = path.join(dir, 'work');
      git(work, 'tag', 'v1.2.0');
      git(work, 'push', '-q', 'origin', 'v1.2.0');
      const origin = path.join(dir, 'origin.git');
      const before = git(origin, 'rev-parse', 'refs/tags/v1^{commit}');
      const run = runStep('v1.2.0');
      expect(run.status).toBe(1);
      expect(run.stdout).toContain('package.json at v1.2.0 says version 1.1.0');
      expect(git(origin, 'rev-parse', 'refs/tags/v1^{commit}')).toBe(before);
    });

    it('refuses a pre-release tag', () => {
      const run = runStep('v1.1.0-rc.1');
      expect(run.status).toBe(1);
      expect(run.stdout).toContain('not a stable semver tag');
    });
  });
});
