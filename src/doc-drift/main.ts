// doc-drift: docs vs code. Gather (checkout + git history) -> analyse (pure checks) -> publish
// (one issue with open findings, one PR with certain fixes) -> record the run.
import type { ActionDefinition } from '../core/action-definition';
import type { RunContext } from '../core/context';
import { errorMessage } from '../core/errors';
import { buildProposal } from '../core/proposals';
import { linkTarget } from '../core/report';
import { recordRun } from '../core/run-record';
import type { ActionResult, Proposal, PublishOutcome } from '../core/types';
import { analyzeRepository } from './analyze';
import { applyFixes, isCertainFix } from './apply-fixes';
import { changedFiles, createGit } from './git';
import { parseInputs, type DocDriftOptions } from './inputs';
import type { DriftFinding } from './model';
import { failing, inPullRequestScope } from './pull-request-scope';
import { countByKind, issueBody, pullRequestBody, summary } from './render';
import { previousFixable, weeklySnapshot } from './snapshot';

export const ISSUE_KEY = 'drift';
export const PR_KEY = 'fixes';

interface PullRequestEvent {
  base: string;
  head: string;
  number?: number;
}

function pullRequestOf(ctx: RunContext): PullRequestEvent | undefined {
  if (ctx.event?.name !== 'pull_request' && ctx.event?.name !== 'pull_request_target')
    return undefined;
  const pr = ctx.event.payload.pull_request as
    { base?: { sha?: string }; head?: { sha?: string }; number?: number } | undefined;
  if (!pr?.base?.sha || !pr.head?.sha) return undefined;
  return { base: pr.base.sha, head: pr.head.sha, number: pr.number };
}

async function touchedFiles(
  ctx: RunContext,
  pr: PullRequestEvent,
  partial: string[],
): Promise<Set<string> | undefined> {
  try {
    return new Set(await changedFiles(createGit(ctx.workspace), pr.base, pr.head));
  } catch (error) {
    if (ctx.github && ctx.repo && pr.number !== undefined) {
      const files = await ctx.github.paginate(ctx.github.rest.pulls.listFiles, {
        ...ctx.repo,
        pull_number: pr.number,
        per_page: 100,
      });
      return new Set(
        files.flatMap((f) => [f.filename, ...(f.previous_filename ? [f.previous_filename] : [])]),
      );
    }
    partial.push(
      `could not list the pull request's changed files (${errorMessage(error)}); all findings are shown`,
    );
    return undefined;
  }
}

function proposalsFor(findings: DriftFinding[], fixes: DriftFinding[], now: Date): Proposal[] {
  const proposals: Proposal[] = [];
  const open = findings.filter((f) => !fixes.includes(f));
  const counts = countByKind(findings);
  const summaryLine = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  if (fixes.length > 0) {
    proposals.push(
      buildProposal(
        {
          key: PR_KEY,
          action: 'doc-drift',
          title: `Fix ${fixes.length} doc reference(s) to renamed targets`,
          pattern: `${fixes.length} doc reference(s) point at files, headings or names that were renamed.`,
          evidence: fixes
            .slice(0, 10)
            .map((f) => `${f.file}:${f.line} ${f.target ?? ''} -> ${f.fix ?? ''}`),
          impact: 'Readers and coding agents following these references hit dead ends.',
          fix: 'Merge the doc-drift fixes pull request (each edit is certain from git history).',
          decision: 'Merge or close the pull request.',
          metric: { name: 'doc-drift:findings', better: 'lower' },
        },
        now,
      ),
    );
  }
  if (open.length > 0) {
    proposals.push(
      buildProposal(
        {
          key: ISSUE_KEY,
          action: 'doc-drift',
          title: `Update ${open.length} drifted doc reference(s)`,
          pattern: `Docs no longer match the code: ${summaryLine}.`,
          evidence: open.slice(0, 10).map((f) => `${f.file}:${f.line} ${f.message}`),
          impact: 'Stale docs cost readers and agents time and trust.',
          fix: 'Edit the docs listed in the doc-drift issue (no certain automatic fix exists for these).',
          decision: 'Fix, suppress (`<!-- tend-ignore-next-line -->`), or ignore the paths.',
          metric: { name: 'doc-drift:findings', better: 'lower' },
        },
        now,
      ),
    );
  }
  return proposals;
}

export async function run(ctx: RunContext, options: DocDriftOptions): Promise<ActionResult> {
  const partial: string[] = [];
  const published: PublishOutcome[] = [];
  const now = ctx.clock.now();
  const repo = ctx.repo;
  const commitUrl = (sha: string) =>
    repo ? `${ctx.serverUrl}/${repo.owner}/${repo.repo}/commit/${sha}` : undefined;
  const analysis = await analyzeRepository(ctx.workspace, {
    docs: options.docs,
    publicGlobs: options.public,
    undocumentedExports: options.undocumentedExports,
    staleDays: options.staleDays,
    ignore: options.ignore,
    now,
    commitUrl,
  });
  const notes = analysis.notes;
  for (const note of notes) if (/shallow|not a git/.test(note)) partial.push(note);
  const target = linkTarget(ctx);
  let findings = analysis.findings;
  const extraLines = [
    `${analysis.stats.docs} doc(s), ${analysis.stats.links} relative link(s), ${analysis.stats.references} code reference(s) checked in ${analysis.stats.ms} ms${analysis.stats.parseThreads > 0 ? ` (docs parsed on ${analysis.stats.parseThreads} worker threads)` : ''}.`,
  ];

  const pr = pullRequestOf(ctx);
  if (pr) {
    const touched = await touchedFiles(ctx, pr, partial);
    if (touched) findings = inPullRequestScope(findings, touched);
    const failures = failing(findings, options.failOn);
    extraLines.push(
      `Pull-request mode: ${findings.length} finding(s) in files this pull request touches.`,
    );
    return {
      action: 'doc-drift',
      findings,
      proposals: [],
      summary: summary(findings, target, notes, extraLines),
      outputs: outputsOf(findings, 0),
      failure:
        failures.length > 0
          ? `${failures.length} finding(s) at or above \`fail-on: ${options.failOn}\` in files this pull request touches.`
          : undefined,
      partial,
      published,
    };
  }

  const sources = new Map([...analysis.docs].map(([file, doc]) => [file, doc.source]));
  const fixes = applyFixes(findings, sources);
  const fixable = fixes.applied;
  if (options.createPr && fixes.files.size > 0) {
    published.push(
      await ctx.publisher.upsertPullRequest({
        key: PR_KEY,
        title: `docs: fix ${fixable.length} reference(s) to renamed targets`,
        body: pullRequestBody(fixable, target),
        changes: [...fixes.files].map(([path, content]) => ({ path, content })),
        commitMessage: `docs: fix ${fixable.length} reference(s) to renamed targets\n\nMade by tend doc-drift from git history.`,
      }),
    );
  } else if (ctx.github) {
    published.push(
      await ctx.publisher.closePullRequest(PR_KEY, 'No certain doc fix remains: closing.'),
    );
  }
  if (options.createIssue && findings.length > 0) {
    published.push(
      await ctx.publisher.upsertIssue({
        key: ISSUE_KEY,
        title: `Doc drift: ${findings.length} place(s) where the docs no longer match the code`,
        body: issueBody(findings, target, notes, fixable.length),
        labels: ['documentation'],
      }),
    );
  } else if (ctx.github) {
    published.push(
      await ctx.publisher.closeIssue(ISSUE_KEY, 'The docs match the code again: closing.'),
    );
  }
  extraLines.push(
    `${fixable.length} certain fix(es) ${options.createPr ? 'proposed in the fixes pull request' : 'available (create-pr is off)'}.`,
  );
  if (!ctx.github)
    extraLines.push('Offline: issues and pull requests were written as files, not opened.');

  const result: ActionResult = {
    action: 'doc-drift',
    findings,
    proposals: proposalsFor(findings, fixable, now),
    summary: summary(findings, target, notes, extraLines),
    outputs: outputsOf(findings, fixable.length),
    partial,
    published,
    extra: { stats: analysis.stats, notes },
  };
  try {
    const previous = await previousFixable(ctx);
    const snapshot = weeklySnapshot(findings, fixable, previous);
    return await recordRun(ctx, result, {
      latest: { fixable: fixable.map((f) => f.id) },
      history: snapshot,
    });
  } catch (error) {
    partial.push(`the run could not be recorded on the state branch: ${errorMessage(error)}`);
    return result;
  }
}

function outputsOf(findings: DriftFinding[], fixable: number): Record<string, string> {
  const counts = countByKind(findings);
  return {
    findings: String(findings.length),
    'broken-links': String(counts['broken-link']),
    'broken-anchors': String(counts['broken-anchor']),
    'stale-references': String(counts['stale-reference']),
    'stale-docs': String(counts['stale-doc']),
    'undocumented-exports': String(counts['undocumented-export']),
    fixable: String(fixable),
    'certain-fixes': String(findings.filter(isCertainFix).length),
  };
}

export const definition: ActionDefinition<DocDriftOptions> = {
  name: 'doc-drift',
  parseInputs,
  run,
};
