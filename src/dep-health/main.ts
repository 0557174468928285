// dep-health: inventory (manifests + lockfiles) -> OSV + registries -> health score and update
// plan -> test-gated update PRs -> the weekly health issue -> state.
import path from 'node:path';
import type { ActionDefinition } from '../core/action-definition';
import type { RunContext } from '../core/context';
import { errorMessage } from '../core/errors';
import { recordRun } from '../core/run-record';
import type { ActionResult, PublishOutcome } from '../core/types';
import { shellCommandRunner, type CommandRunner } from './command-runner';
import { discoverDependencies } from './discover';
import { buildFindings } from './findings';
import { gather } from './gather';
import { repositoryScore, scoreDependency } from './health-score';
import { FAIL_ON, parseInputs, type DepHealthOptions } from './inputs';
import { isFirstParty, isFullSha } from './parse/workflows';
import {
  issueBody,
  severityCounts,
  summary,
  SEVERITIES,
  type HealthReport,
  type UpdateOutcome,
} from './render';
import { createHttpClient, type HttpClient } from './sources/http-client';
import {
  handleApprovalEvent,
  isHealthIssueEdit,
  readApprovals,
  unrecordedTicks,
} from './approvals';
import { mergeDependabotAlerts, readDependabotAlerts } from './dependabot-alerts';
import { applyUpdates, pullRequestKey } from './apply-updates';
import { planUpdates } from './update-plan';

export const ISSUE_KEY = 'health';

export interface RunDependencies {
  http?: HttpClient;
  runCommand?: CommandRunner;
}

interface LatestState {
  rejected?: string[];
  score?: number;
  /** Keys of the update PRs open after the run, so a later run can close the stale ones. */
  openPullRequests?: string[];
}

export async function run(
  ctx: RunContext,
  options: DepHealthOptions,
  deps: RunDependencies = {},
): Promise<ActionResult> {
  const now = ctx.clock.now();
  const published: PublishOutcome[] = [];
  const inventory = discoverDependencies(ctx.workspace, options.ecosystems, options.excludePaths);
  const retryBaseMs = Number(process.env.TEND_RETRY_BASE_MS) || 500;
  const http = deps.http ?? createHttpClient({ concurrency: options.concurrency, retryBaseMs });
  const gathered = await gather(inventory.dependencies, options, http, now, ctx.github);
  const partial = [...gathered.partial];
  const notes = [...gathered.notes];

  if (options.dependabotAlerts && ctx.github && ctx.repo) {
    const read = await readDependabotAlerts(ctx.github, ctx.repo);
    notes.push(read.note);
    if (read.alerts) {
      const merged = mergeDependabotAlerts(
        gathered.vulnerable,
        inventory.dependencies,
        read.alerts,
      );
      gathered.vulnerable = merged.vulnerable;
      notes.push(
        `Dependabot: ${merged.confirmed} alert(s) confirm OSV's advisories, ${merged.added} added that OSV did not report${merged.unmatched.length > 0 ? `, ${merged.unmatched.length} name a manifest tend did not read (${merged.unmatched.map((a) => `${a.dependency.package.name} in ${a.dependency.manifest_path}`).join(', ')})` : ''}.`,
      );
    }
  } else if (!ctx.github) {
    notes.push('Offline: Dependabot alerts and pull requests were not read.');
  }

  const latest = await ctx.state.read<LatestState>(`dep-health/latest.json`).catch(() => undefined);
  const rejected = new Set(latest?.rejected ?? []);
  const approvals = await readApprovals(ctx).catch((error: unknown) => {
    partial.push(`approvals could not be read from the state branch: ${errorMessage(error)}`);
    return [];
  });
  const approved = new Map(approvals.map((a) => [a.key, a.by]));
  const unrecorded = await unrecordedTicks(ctx, approvals).catch((error: unknown) => {
    notes.push(`The health issue's approval boxes could not be read: ${errorMessage(error)}`);
    return [];
  });
  if (unrecorded.length > 0)
    notes.push(
      `Ticked in the health issue but not recorded as approved: ${unrecorded.map((k) => `\`${k}\``).join(', ')}. Approvals are recorded when the workflow runs on \`issues: types: [edited]\` (see the dep-health README); tick the box again once it does.`,
    );

  const vulnsByDep = new Map(gathered.vulnerable.map((v) => [v.dependency, v.vulnerabilities]));
  const freshByDep = new Map(gathered.freshness.map((f) => [f.dependency, f]));
  const scores = inventory.dependencies.map((d) =>
    scoreDependency(d, vulnsByDep.get(d) ?? [], freshByDep.get(d)),
  );
  const score = repositoryScore(scores);

  const plan = planUpdates(gathered.freshness, gathered.vulnerable, {
    groupBy: options.groupBy,
    groups: options.groups,
    soakDays: options.soakDays,
    ignore: options.ignore,
    rejected,
    approved,
    now,
  });

  let outcomes: UpdateOutcome[] = [];
  if (options.update && plan.groups.length > 0) {
    try {
      outcomes = await applyUpdates(
        ctx,
        options,
        plan.groups,
        inventory.npmProjects,
        rejected,
        published,
        deps.runCommand ?? shellCommandRunner,
      );
    } catch (error) {
      partial.push(`updates could not be tested: ${errorMessage(error)}`);
    }
  } else if (!options.update && plan.groups.length > 0) {
    notes.push('`update` is off: planned updates were not applied.');
  }

  const openPullRequests = published
    .filter((p) => p.kind === 'pull' && p.status !== 'rejected')
    .map((p) => p.key);
  const plannedKeys = new Set(
    plan.groups.flatMap((g) =>
      g.updates.map((u) => pullRequestKey(g.name, u, inventory.npmProjects)),
    ),
  );
  const planned = (key: string) => plannedKeys.has(key);
  for (const key of latest?.openPullRequests ?? []) {
    // A group tend no longer plans (updated by hand, merged, now ignored): its PR is stale.
    if (planned(key) || openPullRequests.includes(key)) continue;
    try {
      const closed = await ctx.publisher.closePullRequest(
        key,
        'Nothing in this group needs updating any more, so tend closed this pull request.',
      );
      if (closed.status !== 'absent') published.push(closed);
    } catch (error) {
      partial.push(`the stale pull request ${key} could not be closed: ${errorMessage(error)}`);
      openPullRequests.push(key);
    }
  }
  // A PR whose group was planned but not opened this run (its tests failed) stays as it is.
  for (const key of latest?.openPullRequests ?? [])
    if (planned(key) && !openPullRequests.includes(key)) openPullRequests.push(key);

  const outdatedActions = gathered.freshness
    .filter((f) => f.dependency.ecosystem === 'GitHub Actions' && f.latestType === 'major')
    .map((f) => ({
      file: f.dependency.file,
      line: f.dependency.line,
      uses:
        f.dependency.notes?.[0]?.replace(/^uses: /, '') ??
        `${f.dependency.name}@${f.dependency.range}`,
      current: f.current!,
      latest: f.latest!,
      releaseUrl: `https://github.com/${f.dependency.name}/releases`,
    }));

  const unpinnedActions = inventory.dependencies
    .filter(
      (d) =>
        d.ecosystem === 'GitHub Actions' && d.range && !isFullSha(d.range) && !isFirstParty(d.name),
    )
    .map((d) => ({
      file: d.file,
      line: d.line,
      uses: d.notes?.[0]?.replace(/^uses: /, '') ?? `${d.name}@${d.range}`,
    }));

  const report: HealthReport = {
    score,
    previousScore: latest?.score,
    vulnerable: gathered.vulnerable,
    freshness: gathered.freshness,
    plan,
    outcomes,
    problems: inventory.problems,
    partial,
    notes,
    unpinnedActions,
    outdatedActions,
    approvals,
    dependencyCount: {
      direct: inventory.dependencies.filter((d) => d.direct).length,
      transitive: inventory.dependencies.filter((d) => !d.direct).length,
    },
  };
  for (const problem of inventory.problems) partial.push(problem.message);

  if (options.createIssue) {
    try {
      published.push(
        await ctx.publisher.upsertIssue({
          key: ISSUE_KEY,
          title: `Dependency health: ${score}/100${partial.length > 0 ? ' (partial)' : ''}`,
          body: issueBody(report),
          labels: ['dependencies'],
        }),
      );
    } catch (error) {
      partial.push(`the health issue could not be written: ${errorMessage(error)}`);
    }
  }

  const counts = severityCounts(gathered.vulnerable);
  const findings = buildFindings({
    vulnerable: gathered.vulnerable,
    freshness: gathered.freshness,
    problems: inventory.problems,
    unpinnedActions,
    outdatedActions,
    outcomes,
  });
  const threshold = FAIL_ON.indexOf(options.failOn);
  const failing =
    options.failOn === 'never'
      ? 0
      : SEVERITIES.slice(0, threshold + 1).reduce((n, s) => n + counts[s], 0);
  const result: ActionResult = {
    action: 'dep-health',
    findings,
    proposals: [],
    summary: summary(report),
    outputs: {
      'health-score': String(score),
      vulnerabilities: String(SEVERITIES.reduce((n, s) => n + counts[s], 0)),
      critical: String(counts.critical),
      high: String(counts.high),
      'updates-passed': String(outcomes.reduce((n, o) => n + o.passed.length, 0)),
      'updates-failed': String(outcomes.reduce((n, o) => n + o.failed.length, 0)),
      'majors-awaiting-approval': String(plan.majors.length),
      'outdated-actions': String(outdatedActions.length),
    },
    failure:
      failing > 0
        ? `${failing} vulnerabilit${failing === 1 ? 'y' : 'ies'} at or above \`fail-on: ${options.failOn}\`.`
        : undefined,
    partial,
    published,
    extra: {
      healthScore: score,
      dependencies: report.dependencyCount,
      vulnerabilities: counts,
      requests: Object.fromEntries(http.requests),
      plan: {
        groups: plan.groups.map((g) => ({
          name: g.name,
          updates: g.updates.map((u) => `${u.dependency.name}@${u.from}->${u.to}`),
        })),
        majors: plan.majors.map((u) => `${u.dependency.name}@${u.from}->${u.to}`),
      },
      outcomes: outcomes.map((o) => ({
        group: o.group,
        passed: o.passed.map((u) => `${u.dependency.name}@${u.to}`),
        failed: o.failed.map((f) => `${f.update.dependency.name}@${f.update.to}`),
        notTried: o.notTried,
      })),
      files: inventory.files.map((f) => f.split(path.sep).join('/')),
    },
  };
  try {
    return await recordRun(ctx, result, {
      latest: { rejected: [...rejected].sort(), score, openPullRequests: openPullRequests.sort() },
      history: {
        healthScore: score,
        /** Some sources could not be read: the score is not comparable with complete weeks. */
        partial: partial.length > 0,
        vulnerabilities: counts,
        dependencies: report.dependencyCount,
        updatesPassed: result.outputs['updates-passed'],
        updatesFailed: result.outputs['updates-failed'],
      },
    });
  } catch (error) {
    partial.push(`the run could not be recorded on the state branch: ${errorMessage(error)}`);
    return result;
  }
}

export const definition: ActionDefinition<DepHealthOptions> = {
  name: 'dep-health',
  parseInputs,
  run: (ctx, options) =>
    ctx.event && isHealthIssueEdit(ctx.event.name, ctx.event.payload, ISSUE_KEY)
      ? handleApprovalEvent(ctx, ctx.event.payload)
      : run(ctx, options),
};
