// Every example workflow (and every job of the reusable workflow) works as written: the tend
// step's `with:` names real inputs, the job grants the permissions the action needs and no
// more, and the action's built bundle, given exactly those inputs, runs clean against the GitHub
// API emulator on a small repository.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmulator, type Emulator } from '../support/emulator';
import { readActionMetadata, ROOT, runBundle } from '../support/runner-harness';
import {
  evaluateExpressions,
  exampleFiles,
  readmePermissions,
  readWorkflow,
  REUSABLE_WORKFLOW,
  tendSteps,
  workflowInputDefaults,
  type TendStep,
} from './tend-workflows';

/** Any action that opens pull requests also needs this: the stand-in issue when Actions may not. */
const PULL_REQUEST_FALLBACK = { issues: 'write' };

const steps: TendStep[] = [...exampleFiles(), REUSABLE_WORKFLOW].flatMap((file) => tendSteps(file));
const label = (s: TendStep) => `${s.file} (job ${s.job}, ${s.action})`;

const WORKSPACE_FILES: Record<string, string> = {
  'README.md':
    '# Widgets\n\nRead [the guide](docs/guide.md#usage), then call `createWidget()` from `src/index.ts`.\n',
  'docs/guide.md': '# Guide\n\n## Usage\n\n```sh\nnpm test\n```\n',
  'src/index.ts': 'export function createWidget(): object {\n  return {};\n}\n',
  // No dependencies: nothing here may send an action to a real registry.
  'package.json': `${JSON.stringify({ name: 'widgets', version: '1.0.0', main: 'src/index.ts', scripts: { test: 'node -e ""' } }, null, 2)}\n`,
};

function seededWorkspace(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tend-example-ws-'));
  for (const [file, text] of Object.entries(WORKSPACE_FILES)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: 'Ada',
    GIT_AUTHOR_EMAIL: 'ada@example.com',
    GIT_COMMITTER_NAME: 'Ada',
    GIT_COMMITTER_EMAIL: 'ada@example.com',
    GIT_AUTHOR_DATE: '2026-01-05T10:00:00Z',
    GIT_COMMITTER_DATE: '2026-01-05T10:00:00Z',
  };
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir, env });
  execFileSync('git', ['add', '-A'], { cwd: dir, env });
  execFileSync('git', ['commit', '-q', '-m', 'Initial commit'], { cwd: dir, env });
  return dir;
}

function grants(permissions: TendStep['permissions']): Record<string, string> {
  if (permissions === undefined) return {};
  if (typeof permissions === 'string')
    throw new Error(`permissions: ${permissions} is not least privilege`);
  return permissions;
}

it('finds a tend step for every action in the examples and in the reusable workflow', () => {
  const examples = new Set(steps.filter((s) => s.file !== REUSABLE_WORKFLOW).map((s) => s.action));
  const reusable = new Set(steps.filter((s) => s.file === REUSABLE_WORKFLOW).map((s) => s.action));
  const all = ['dep-health', 'doc-drift', 'review-miner', 'weekly-reflection'];
  expect([...examples].sort()).toEqual(all);
  expect([...reusable].sort()).toEqual(all);
});

describe.each(steps.map((s) => [label(s), s] as const))('%s', (_name, step) => {
  const actionFile = path.join(ROOT, 'actions', step.action, 'action.yml');
  const hasMetadata = existsSync(actionFile);

  (hasMetadata ? it : it.skip)('passes only inputs its action.yml declares', () => {
    const declared = Object.keys(readActionMetadata(step.action).inputs ?? {});
    expect(Object.keys(step.with).filter((name) => !declared.includes(name))).toEqual([]);
  });

  it('declares job permissions that cover what the action needs and nothing more', () => {
    const granted = grants(step.permissions);
    const documented = readmePermissions(step.action);
    if (documented === undefined) {
      // Until the action's README has its permissions block, hold the job to the common set.
      expect(Object.keys(granted).sort()).toEqual(['contents', 'issues', 'pull-requests']);
      return;
    }
    const missing = Object.entries(documented.required).filter(
      ([scope, level]) => !(granted[scope] === level || granted[scope] === 'write'),
    );
    expect(missing).toEqual([]);
    const allowed = { ...documented.required, ...PULL_REQUEST_FALLBACK };
    const extra = Object.entries(granted).filter(
      ([scope, level]) => allowed[scope as keyof typeof allowed] !== level,
    );
    expect(extra).toEqual([]);
  });
});

describe('each example run by its bundle against the GitHub API emulator', () => {
  let gh: Emulator;
  const workspaces: string[] = [];

  beforeEach(async () => {
    gh = await startEmulator({ owner: 'acme', repo: 'widgets' });
  });
  afterEach(async () => {
    await gh.close();
  });
  afterAll(() => {
    for (const dir of workspaces) rmSync(dir, { recursive: true, force: true });
  });

  /** A seeded workspace, mirrored on the emulator, and the step's inputs as the runner sees them. */
  function prepare(step: TendStep): { workspace: string; inputs: Record<string, string> } {
    const workspace = seededWorkspace();
    workspaces.push(workspace);
    gh.store.commitFiles('main', WORKSPACE_FILES, 'Initial commit');
    const scope = {
      token: gh.token,
      inputs: workflowInputDefaults(readWorkflow(step.file)),
      workspace,
      temp: os.tmpdir(),
    };
    const inputs = Object.fromEntries(
      Object.entries(step.with).map(([k, v]) => [k, evaluateExpressions(v, scope)]),
    );
    return { workspace, inputs };
  }

  for (const step of steps) {
    const bundle = path.join(ROOT, 'dist', step.action, 'index.js');
    const title = `${label(step)} exits 0 with a step summary`;
    if (!existsSync(bundle) || !existsSync(path.join(ROOT, 'actions', step.action, 'action.yml'))) {
      it.skip(`${title} [skipped: dist/${step.action}/index.js or actions/${step.action}/action.yml is not built yet]`, () =>
        undefined);
      continue;
    }
    it(
      title,
      async () => {
        const { workspace, inputs } = prepare(step);

        const run = await runBundle(step.action, {
          workspace,
          emulator: gh,
          inputs,
          eventName: 'workflow_dispatch',
          timeoutMs: 150_000,
        });

        const log = `inputs ${JSON.stringify(inputs)}\nstdout:\n${run.stdout}\nstderr:\n${run.stderr}`;
        expect({ exitCode: run.exitCode, log }).toEqual({ exitCode: 0, log: expect.any(String) });
        expect(run.annotations.filter((a) => a.level === 'error')).toEqual([]);
        expect(run.summary.trim().length).toBeGreaterThan(0);
        if (inputs['dry-run'] !== 'true')
          expect(gh.store.branchSha(inputs['state-branch'] || 'tend-state')).toBeDefined();
      },
      180_000,
    );

    const triggers = readWorkflow(step.file).on ?? {};
    if (step.action !== 'weekly-reflection' || !('issue_comment' in triggers)) continue;
    it(`${label(step)} answers a /tend comment from someone without write access, changing nothing`, async () => {
      const { workspace, inputs } = prepare(step);
      gh.store.addUser('visitor');
      const issue = gh.store.addIssue({ title: 'Weekly report' });
      const comment = { body: '/tend accept P-1', user: { login: 'visitor' } };

      const run = await runBundle(step.action, {
        workspace,
        emulator: gh,
        inputs,
        eventName: 'issue_comment',
        event: {
          action: 'created',
          issue: { number: issue.number, body: '' },
          comment,
          sender: { login: 'visitor' },
        },
        timeoutMs: 150_000,
      });

      const log = `stdout:\n${run.stdout}\nstderr:\n${run.stderr}`;
      expect({ exitCode: run.exitCode, log }).toEqual({ exitCode: 0, log: expect.any(String) });
      expect(gh.store.issue(issue.number)?.comments.at(-1)?.body).toMatch(/write access/);
      expect(gh.store.branchSha('tend/weekly-reflection/P-1')).toBeUndefined();
    }, 180_000);
  }
});
