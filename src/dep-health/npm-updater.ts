// Applies a group of npm updates in a temporary copy of the project (the checkout is never
// touched), installs from the updated lockfile, runs the tests, and bisects a failing group
// to isolate the update that breaks them.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { outputExcerpt, type CommandRunner } from './command-runner';
import type { NpmProject } from './discover';
import type { PlannedUpdate } from './update-plan';

export interface GroupTestResult {
  passed: PlannedUpdate[];
  failed: { update: PlannedUpdate; excerpt: string }[];
  /** Changed files (repo-relative) when `passed` is non-empty and its tests passed. */
  changes: { path: string; content: string }[];
  /** Number of test runs, for the report. */
  runs: number;
  /** When applying itself failed (npm could not resolve), the reason. */
  error?: string;
}

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

interface Attempt {
  ok: boolean;
  excerpt: string;
  files?: { manifest: string; lock?: string };
}

export function createNpmUpdater(options: NpmUpdaterOptions) {
  const { project, run } = options;
  const projectDir = path.join(options.workspace, project.dir);
  const env = {
    npm_config_registry: options.registry,
    npm_config_prefer_online: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    CI: 'true',
  };
  let runs = 0;

  async function attempt(updates: PlannedUpdate[]): Promise<Attempt> {
    const tmp = mkdtempSync(path.join(options.tmpRoot ?? os.tmpdir(), 'tend-dep-health-'));
    try {
      cpSync(projectDir, tmp, { recursive: true, filter: (src) => !SKIP.has(path.basename(src)) });
      const specs = updates.map((u) => `${u.dependency.name}@${u.to}`).join(' ');
      const lockOnly = project.lockfile ? ' --package-lock-only' : '';
      const install = await run(
        `npm install --ignore-scripts --no-audit --no-fund${lockOnly} ${specs}`,
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
      runs++;
      const tests = await run(options.testCommand, { cwd: tmp, env: { CI: 'true' } });
      const lockName = project.lockfile ? path.posix.basename(project.lockfile) : undefined;
      return {
        ok: tests.code === 0,
        excerpt: `$ ${options.testCommand} (exit ${tests.code})\n${outputExcerpt(tests.output)}`,
        files: {
          manifest: readFileSync(path.join(tmp, 'package.json'), 'utf8'),
          lock: lockName ? readFileSync(path.join(tmp, lockName), 'utf8') : undefined,
        },
      };
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }

  /** The updates that fail on their own (or the whole set when only their combination fails). */
  async function culprits(
    updates: PlannedUpdate[],
    failure: Attempt,
  ): Promise<{ update: PlannedUpdate; excerpt: string }[]> {
    if (updates.length === 1) return [{ update: updates[0]!, excerpt: failure.excerpt }];
    const middle = Math.ceil(updates.length / 2);
    const found: { update: PlannedUpdate; excerpt: string }[] = [];
    for (const half of [updates.slice(0, middle), updates.slice(middle)]) {
      const result = await attempt(half);
      if (!result.ok) found.push(...(await culprits(half, result)));
    }
    return found.length > 0
      ? found
      : updates.map((update) => ({ update, excerpt: failure.excerpt }));
  }

  return {
    runs: () => runs,
    async testGroup(updates: PlannedUpdate[]): Promise<GroupTestResult> {
      runs = 0;
      const toChanges = (a: Attempt) => [
        { path: project.manifest, content: a.files!.manifest },
        ...(project.lockfile && a.files?.lock !== undefined
          ? [{ path: project.lockfile, content: a.files.lock }]
          : []),
      ];
      const first = await attempt(updates);
      if (first.ok) return { passed: updates, failed: [], changes: toChanges(first), runs };
      const failed = await culprits(updates, first);
      const remaining = updates.filter((u) => !failed.some((f) => f.update === u));
      if (remaining.length === 0) return { passed: [], failed, changes: [], runs };
      const retry = await attempt(remaining);
      if (retry.ok) return { passed: remaining, failed, changes: toChanges(retry), runs };
      return {
        passed: [],
        failed: [...failed, ...remaining.map((update) => ({ update, excerpt: retry.excerpt }))],
        changes: [],
        runs,
      };
    },
  };
}
