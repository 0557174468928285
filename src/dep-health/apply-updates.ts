// Applies each planned group with the ecosystem's own tool in a temporary copy, runs the
// tests, and opens or updates one PR per group and project for the updates that passed.
import type { RunContext } from '../core/context';
import type { PublishOutcome } from '../core/types';
import type { CommandRunner } from './command-runner';
import type { NpmProject } from './discover';
import type { DepHealthOptions } from './inputs';
import { createNpmUpdater } from './npm-updater';
import { pullRequestBody, type UpdateOutcome } from './render';
import { rejectionKey, type UpdateGroup } from './update-plan';

function projectOf(projects: NpmProject[], file: string): NpmProject | undefined {
  return projects.find((p) => p.manifest === file);
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
  for (const group of groups.slice(0, options.maxUpdateGroups)) {
    const npmUpdates = group.updates.filter(
      (u) => u.dependency.ecosystem === 'npm' && projectOf(projects, u.dependency.file),
    );
    const others = group.updates.filter((u) => !npmUpdates.includes(u));
    if (others.length > 0) {
      outcomes.push({
        group: group.name,
        passed: [],
        failed: [],
        notTried: `${others.length} update(s) to apply by hand (${others.map((u) => `${u.dependency.name} ${u.to}`).join(', ')}): tend tests and applies npm updates automatically`,
      });
    }
    const byProject = new Map<NpmProject, typeof npmUpdates>();
    for (const u of npmUpdates) {
      const project = projectOf(projects, u.dependency.file)!;
      byProject.set(project, [...(byProject.get(project) ?? []), u]);
    }
    for (const [project, updates] of byProject) {
      const key = `update-${group.name}${project.dir ? `-${project.dir.replace(/[^A-Za-z0-9._-]+/g, '-')}` : ''}`;
      const testCommand = options.testCommand ?? 'npm test';
      const updater = createNpmUpdater({
        workspace: ctx.workspace,
        project,
        testCommand,
        registry: options.npmRegistry,
        run: runCommand,
      });
      ctx.logger.info(
        `dep-health: testing group ${key} (${updates.length} update(s)) with \`${testCommand}\``,
      );
      const result = await updater.testGroup(updates);
      const outcome: UpdateOutcome = { group: key, passed: result.passed, failed: result.failed };
      if (result.passed.length > 0) {
        const title = `chore(deps): update ${result.passed.length === 1 ? `${result.passed[0]!.dependency.name} to ${result.passed[0]!.to}` : `${result.passed.length} ${group.name} dependencies`}${project.dir ? ` in ${project.dir}` : ''}`;
        const pr = await ctx.publisher.upsertPullRequest({
          key,
          title,
          body: pullRequestBody(key, result.passed, testCommand),
          changes: result.changes,
          commitMessage: `${title}\n\n${result.passed.map((u) => `${u.dependency.name} ${u.from} -> ${u.to}`).join('\n')}`,
          labels: ['dependencies'],
        });
        published.push(pr);
        if (pr.status === 'rejected') {
          for (const u of result.passed) rejected.add(rejectionKey(u.dependency, u.to));
          outcome.pullRequest =
            'closed unmerged earlier: these versions will not be proposed again';
        } else {
          outcome.pullRequest = pr.url ?? pr.path ?? pr.status;
        }
      }
      outcomes.push(outcome);
    }
  }
  return outcomes;
}
