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
  project: NpmProject;
  testCommand: string;
  registry: string;
  run: CommandRunner;
  /** Where temporary copies go (default: the OS temp dir). */
  tmpRoot?: string;
}

const SKIP = new Set(['node_modules', '.git']);

export function createNpmUpdater(options: NpmUpdaterOptions) {
  const { project, run } = options;
  const copyDir = path.join(options.workspace, project.workspaceRoot ?? project.dir);
  const env = {
    npm_config_registry: options.registry,
    npm_config_prefer_online: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    CI: 'true',
  };

  // A workspace member is updated from its root (`--workspace`), which owns the lockfile.
  const member =
    project.workspaceRoot !== undefined
      ? path.posix.relative(project.workspaceRoot, project.dir)
      : '';
  async function attempt(updates: PlannedUpdate[]): Promise<Attempt> {
    const tmp = mkdtempSync(path.join(options.tmpRoot ?? os.tmpdir(), 'tend-dep-health-'));
    try {
      cpSync(copyDir, tmp, { recursive: true, filter: (src) => !SKIP.has(path.basename(src)) });
      const specs = updates.map((u) => quote(`${u.dependency.name}@${u.to}`)).join(' ');
      const lockOnly = project.lockfile ? ' --package-lock-only' : '';
      const workspaceFlag = member ? ` --workspace ${quote(member)}` : '';
      const install = await run(
        `npm install --ignore-scripts --no-audit --no-fund${lockOnly}${workspaceFlag} ${specs}`,
        { cwd: tmp, env },
      );
      if (install.code !== 0)
        return {
          ok: false,
          excerpt: `npm install ${specs} failed:\n${outputExcerpt(install.output)}`,
        };
      if (project.lockfile) {
        const ci = await run('npm ci --no-audit --no-fund', { cwd: tmp, env });
        if (ci.code !== 0)
          return { ok: false, excerpt: `npm ci failed:\n${outputExcerpt(ci.output)}` };
      }
      const tests = await run(options.testCommand, {
        cwd: path.join(tmp, member),
        env: { CI: 'true' },
      });
      const lockName = project.lockfile ? path.posix.basename(project.lockfile) : undefined;
      return {
        ok: tests.code === 0,
        excerpt: `$ ${options.testCommand} (exit ${tests.code})\n${outputExcerpt(tests.output)}`,
        changes: [
          {
            path: project.manifest,
            content: readFileSync(path.join(tmp, member, 'package.json'), 'utf8'),
          },
          ...(project.lockfile && lockName
            ? [{ path: project.lockfile, content: readFileSync(path.join(tmp, lockName), 'utf8') }]
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
