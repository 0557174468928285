// Applies a group of npm updates in a temporary copy of the project (the checkout is never
// touched), installs from the updated lockfile, runs the tests, and bisects a failing group
// to isolate the update that breaks them.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { outputExcerpt, quote, type CommandRunner } from './command-runner';
import type { NpmProject } from './discover';
import { testUpdateGroup, type Attempt, type GroupTestResult } from './group-tester';
import type { PlannedUpdate } from './update-plan';

export type { GroupTestResult } from './group-tester';

export interface NpmUpdaterOptions {
  workspace: string;
  /**
   * The projects whose updates this updater applies: one project, or the root of an npm
   * workspace with the members that have updates (they share the root's lockfile, so they are
   * updated and proposed together).
   */
  projects: NpmProject[];
  testCommand: string;
  registry: string;
  run: CommandRunner;
  /** Where temporary copies go (default: the OS temp dir). */
  tmpRoot?: string;
}

const SKIP = new Set(['node_modules', '.git']);

/** The folder that owns the lockfile: a member's workspace root, else the project itself. */
export function lockRoot(project: NpmProject): string {
  return project.workspaceRoot ?? project.dir;
}

export function createNpmUpdater(options: NpmUpdaterOptions) {
  const { projects, run } = options;
  const root = lockRoot(projects[0]!);
  if (projects.some((p) => lockRoot(p) !== root))
    throw new Error('an npm updater applies the updates of one lockfile root at a time');
  const copyDir = path.join(options.workspace, root);
  const lockfile = projects.find((p) => p.lockfile)?.lockfile;
  const env = {
    npm_config_registry: options.registry,
    npm_config_prefer_online: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    CI: 'true',
  };
  /** A member's folder relative to the root ('' for the root project itself). */
  const memberOf = (project: NpmProject) => path.posix.relative(root, project.dir);
  const projectOf = (update: PlannedUpdate) =>
    projects.find((p) => p.manifest === update.dependency.file) ?? projects[0]!;

  async function attempt(updates: PlannedUpdate[]): Promise<Attempt> {
    const tmp = mkdtempSync(path.join(options.tmpRoot ?? os.tmpdir(), 'tend-dep-health-'));
    try {
      cpSync(copyDir, tmp, { recursive: true, filter: (src) => !SKIP.has(path.basename(src)) });
      const touched = projects.filter((p) => updates.some((u) => projectOf(u) === p));
      const lockOnly = lockfile ? ' --package-lock-only' : '';
      // One install per project: a member's updates go through the root (`--workspace`).
      for (const project of touched) {
        const member = memberOf(project);
        const specs = updates
          .filter((u) => projectOf(u) === project)
          .map((u) => quote(`${u.dependency.name}@${u.to}`))
          .join(' ');
        const workspaceFlag = member ? ` --workspace ${quote(member)}` : '';
        const install = await run(
          `npm install --ignore-scripts --no-audit --no-fund${lockOnly}${workspaceFlag} ${specs}`,
          { cwd: tmp, env },
        );
        if (install.code !== 0)
          return {
            ok: false,
            excerpt: `npm install ${specs}${workspaceFlag} failed:\n${outputExcerpt(install.output)}`,
          };
      }
      if (lockfile) {
        const ci = await run('npm ci --no-audit --no-fund', { cwd: tmp, env });
        if (ci.code !== 0)
          return { ok: false, excerpt: `npm ci failed:\n${outputExcerpt(ci.output)}` };
      }
      // The tests of every project the updates touch, each in its own folder.
      for (const project of touched) {
        const member = memberOf(project);
        const tests = await run(options.testCommand, {
          cwd: path.join(tmp, member),
          env: { CI: 'true' },
        });
        if (tests.code !== 0)
          return {
            ok: false,
            excerpt: `$ ${options.testCommand}${member ? ` (in ${member})` : ''} (exit ${tests.code})\n${outputExcerpt(tests.output)}`,
          };
      }
      const lockName = lockfile ? path.posix.basename(lockfile) : undefined;
      return {
        ok: true,
        excerpt: '',
        changes: [
          ...touched.map((project) => ({
            path: project.manifest,
            content: readFileSync(path.join(tmp, memberOf(project), 'package.json'), 'utf8'),
          })),
          ...(lockfile && lockName
            ? [{ path: lockfile, content: readFileSync(path.join(tmp, lockName), 'utf8') }]
            : []),
        ],
      };
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }

  return {
    testGroup: (updates: PlannedUpdate[]): Promise<GroupTestResult> =>
      testUpdateGroup(updates, attempt),
  };
}
