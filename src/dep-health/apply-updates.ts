// Applies each planned group with the ecosystem's own tool in a temporary copy, runs the
// tests, and opens or updates one PR per group and project (npm project, Python manifest, Go
// module) for the updates that passed.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { RunContext } from '../core/context';
import type { PublishOutcome } from '../core/types';
import type { CommandRunner } from './command-runner';
import type { NpmProject } from './discover';
import type { GroupTestResult } from './group-tester';
import { createGoUpdater } from './go-updater';
import type { DepHealthOptions } from './inputs';
import { createNpmUpdater, lockRoot } from './npm-updater';
import { detectPythonProject, type PythonProject, type PythonTool } from './python-project';
import { createPythonUpdater } from './python-updater';
import { pullRequestBody, type UpdateOutcome } from './render';
import { rejectionKey, type PlannedUpdate, type UpdateGroup } from './update-plan';

const DEFAULT_PYPI = 'https://pypi.org';
const slug = (text: string) => text.replace(/[^A-Za-z0-9._-]+/g, '-');
const list = (updates: PlannedUpdate[]) =>
  updates.map((u) => `${u.dependency.name} ${u.to}`).join(', ');

function npmProjectOf(projects: NpmProject[], file: string): NpmProject | undefined {
  return projects.find((p) => p.manifest === file);
}

/** How each Python manifest is updated, detected once per run. */
function pythonProjects(workspace: string) {
  const cache = new Map<string, PythonProject | { error: string }>();
  const read = (file: string) => {
    try {
      return readFileSync(path.join(workspace, file), 'utf8');
    } catch {
      return undefined;
    }
  };
  return (manifest: string) => {
    if (!cache.has(manifest)) {
      const dir = path.posix.dirname(manifest) === '.' ? '' : path.posix.dirname(manifest);
      let siblings: string[] = [];
      try {
        siblings = readdirSync(path.join(workspace, dir)).map((n) => (dir ? `${dir}/${n}` : n));
      } catch {
        // an unreadable directory: detection reports the manifest itself
      }
      cache.set(
        manifest,
        detectPythonProject(manifest, read, (f) => existsSync(path.join(workspace, f)), siblings),
      );
    }
    return cache.get(manifest)!;
  };
}

const TOOL_NAMES: Record<PythonTool, string> = {
  'pip-tools': 'pip-compile',
  requirements: 'pip',
  uv: 'uv',
  poetry: 'Poetry',
  pyproject: 'pip',
};

/** One tested unit: the group's updates for one project, with the tool that tests them. */
interface Unit {
  key: string;
  where?: string;
  /** What applies the updates, for the PR body. */
  tool: string;
  updates: PlannedUpdate[];
  testCommand: string;
  test: () => Promise<GroupTestResult>;
}

/**
 * The update PR an update goes to, `update-<group>[-<where>]`: one per lockfile root (npm), per
 * Python manifest and per go.mod. Undefined for an update tend does not apply (it is listed in
 * the issue instead). The same keys tell a later run which open PRs are still planned.
 */
export function pullRequestKey(
  group: string,
  update: PlannedUpdate,
  projects: NpmProject[],
): string | undefined {
  const { ecosystem, file } = update.dependency;
  const npm = ecosystem === 'npm' ? npmProjectOf(projects, file) : undefined;
  if (npm) return `update-${group}${lockRoot(npm) ? `-${slug(lockRoot(npm))}` : ''}`;
  if (ecosystem === 'PyPI') return `update-${group}-${slug(file)}`;
  if (ecosystem === 'Go' && path.posix.basename(file) === 'go.mod')
    return `update-${group}-${slug(file)}`;
  return undefined;
}

export async function applyUpdates(
  ctx: RunContext,
  options: DepHealthOptions,
  groups: UpdateGroup[],
  projects: NpmProject[],
  rejected: Set<string>,
  published: PublishOutcome[],
  runCommand: CommandRunner,
): Promise<UpdateOutcome[]> {
  const outcomes: UpdateOutcome[] = [];
  const pythonProjectOf = pythonProjects(ctx.workspace);
  const indexUrl =
    options.pypiUrl.replace(/\/+$/, '') === DEFAULT_PYPI ? undefined : `${options.pypiUrl}/simple/`;
  for (const group of groups.slice(0, options.maxUpdateGroups)) {
    const units: Unit[] = [];
    // npm projects sharing a lockfile (a workspace root and its members) are one unit.
    const byNpm = new Map<string, { projects: Set<NpmProject>; updates: PlannedUpdate[] }>();
    const byPython = new Map<string, PlannedUpdate[]>();
    const byGoMod = new Map<string, PlannedUpdate[]>();
    const others: PlannedUpdate[] = [];
    for (const u of group.updates) {
      const npm = u.dependency.ecosystem === 'npm' && npmProjectOf(projects, u.dependency.file);
      if (npm) {
        const unit = byNpm.get(lockRoot(npm)) ?? { projects: new Set(), updates: [] };
        unit.projects.add(npm);
        unit.updates.push(u);
        byNpm.set(lockRoot(npm), unit);
      } else if (u.dependency.ecosystem === 'PyPI')
        byPython.set(u.dependency.file, [...(byPython.get(u.dependency.file) ?? []), u]);
      else if (
        u.dependency.ecosystem === 'Go' &&
        path.posix.basename(u.dependency.file) === 'go.mod'
      )
        byGoMod.set(u.dependency.file, [...(byGoMod.get(u.dependency.file) ?? []), u]);
      else others.push(u);
    }
    if (others.length > 0) {
      outcomes.push({
        group: group.name,
        passed: [],
        failed: [],
        notTried: `${others.length} update(s) to apply by hand (${list(others)}): tend tests and applies npm, Python and Go updates automatically`,
      });
    }
    for (const [root, { projects: unitProjects, updates }] of byNpm) {
      const testCommand = options.testCommand ?? 'npm test';
      const updater = createNpmUpdater({
        workspace: ctx.workspace,
        projects: [...unitProjects],
        testCommand,
        registry: options.npmRegistry,
        run: runCommand,
      });
      units.push({
        key: pullRequestKey(group.name, updates[0]!, projects)!,
        where: root || undefined,
        tool: 'npm',
        updates,
        testCommand,
        test: () => updater.testGroup(updates),
      });
    }
    for (const [manifest, updates] of byPython) {
      const key = pullRequestKey(group.name, updates[0]!, projects)!;
      const project = pythonProjectOf(manifest);
      if ('error' in project) {
        outcomes.push({
          group: key,
          passed: [],
          failed: [],
          notTried: `${list(updates)} not applied: ${project.error}`,
        });
        continue;
      }
      const updater = createPythonUpdater({
        workspace: ctx.workspace,
        project,
        testCommand: options.testCommand,
        indexUrl,
        run: runCommand,
      });
      units.push({
        key,
        where: manifest,
        tool: TOOL_NAMES[project.tool],
        updates,
        testCommand: options.testCommand ?? 'python -m pytest',
        test: () => updater.testGroup(updates),
      });
    }
    for (const [goMod, updates] of byGoMod) {
      const updater = createGoUpdater({
        workspace: ctx.workspace,
        goMod,
        testCommand: options.testCommand,
        goProxy: options.goProxy,
        run: runCommand,
      });
      units.push({
        key: pullRequestKey(group.name, updates[0]!, projects)!,
        where: goMod,
        tool: 'go',
        updates,
        testCommand: updater.testCommand,
        test: () => updater.testGroup(updates),
      });
    }
    for (const unit of units)
      outcomes.push(await testAndPublish(ctx, group, unit, rejected, published));
  }
  return outcomes;
}

async function testAndPublish(
  ctx: RunContext,
  group: UpdateGroup,
  unit: Unit,
  rejected: Set<string>,
  published: PublishOutcome[],
): Promise<UpdateOutcome> {
  const { key, testCommand } = unit;
  ctx.logger.info(
    `dep-health: testing group ${key} (${unit.updates.length} update(s)) with \`${testCommand}\``,
  );
  const result = await unit.test();
  const outcome: UpdateOutcome = { group: key, passed: result.passed, failed: result.failed };
  const notTried = [
    ...(result.error ? [`${list(unit.updates)} not applied: ${result.error}`] : []),
    ...(result.notApplied ?? []).map(
      (n) => `${n.update.dependency.name} ${n.update.to} not applied: ${n.reason}`,
    ),
  ];
  if (result.passed.length > 0 && result.changes.length === 0) {
    notTried.push(
      `${list(result.passed)}: the tests passed but no file changed, so there is nothing to propose`,
    );
    outcome.passed = [];
  }
  if (notTried.length > 0) outcome.notTried = notTried.join('; ');
  if (result.passed.length > 0 && result.changes.length > 0) {
    const title = `chore(deps): update ${result.passed.length === 1 ? `${result.passed[0]!.dependency.name} to ${result.passed[0]!.to}` : `${result.passed.length} ${group.name} dependencies`}${unit.where ? ` in ${unit.where}` : ''}`;
    const pr = await ctx.publisher.upsertPullRequest({
      key,
      title,
      body: pullRequestBody(key, result.passed, testCommand, unit.tool),
      changes: result.changes,
      commitMessage: `${title}\n\n${result.passed.map((u) => `${u.dependency.name} ${u.from} -> ${u.to}`).join('\n')}`,
      labels: ['dependencies'],
    });
    published.push(pr);
    if (pr.status === 'rejected') {
      for (const u of result.passed) rejected.add(rejectionKey(u.dependency, u.to));
      outcome.pullRequest = 'closed unmerged earlier: these versions will not be proposed again';
    } else {
      outcome.pullRequest = pr.url ?? pr.path ?? pr.status;
    }
  }
  return outcome;
}
