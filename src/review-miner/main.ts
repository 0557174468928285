// review-miner: recurring human review feedback -> automated checks, then measure the effect.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ActionDefinition } from '../core/action-definition';
import { ConfigurationError } from '../core/errors';
import type { ActionResult, Finding, PublishOutcome } from '../core/types';
import { analyseComments } from './analyse-comments';
import { buildThemeProposal, pullRequestBody, themeKey } from './build-theme-proposal';
import { collectReviewFeedback } from './collect-graphql';
import { workspaceReader } from './detect-linters';
import { recurs, themeEvidence } from './find-recurring-themes';
import { parseInputs, type ReviewMinerOptions } from './inputs';
import { planCheck } from './plan-check';
import { parseRestComments } from './read-rest-comments';
import type { ReviewComment } from './review-comment';
import { LATEST, mayProposeAgain, recordWeeks, type LatestState } from './review-miner-state';
import { renderSummary } from './render-summary';
import type { Theme } from './taxonomy';

async function gather(
  ctx: Parameters<ActionDefinition<ReviewMinerOptions>['run']>[0],
  options: ReviewMinerOptions,
  latest: LatestState,
  partial: string[],
): Promise<{ comments: ReviewComment[]; source: string; calls: number; merged: Record<string, { at: string; pull?: number }> }> {
  const merged: Record<string, { at: string; pull?: number }> = {};
  if (options.commentsFile) {
    const file = path.resolve(options.commentsFile);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      throw new ConfigurationError(`Cannot read the comments file ${file}.`, 'pass `--comments FILE` with a file written by `gh api --paginate repos/OWNER/REPO/pulls/comments`.');
    }
    return { comments: parseRestComments(text, options.commentsFile), source: `file ${options.commentsFile}`, calls: 0, merged };
  }
  if (!ctx.github || !ctx.repo) {
    partial.push('No `comments` file and no GitHub access: no review feedback was collected.');
    return { comments: [], source: 'nothing (offline)', calls: 0, merged };
  }
  const lookback = new Date(ctx.clock.now().getTime() - options.lookbackDays * 86_400_000);
  const since = latest.cursor ? new Date(latest.cursor) : lookback;
  const github = ctx.github;
  const collection = await collectReviewFeedback((q, v) => github.graphql(q, v), ctx.repo, since, { maxPulls: options.maxPulls });
  const own = new Set<number>();
  for (const pull of collection.pulls) {
    const match = /^tend\/review-miner\/theme-(.+)$/.exec(pull.headRefName);
    if (!match) continue;
    own.add(pull.number);
    if (pull.merged && pull.closedAt) merged[match[1] as string] = { at: pull.closedAt, pull: pull.number };
  }
  return {
    comments: collection.comments.filter((c) => c.prNumber === undefined || !own.has(c.prNumber)),
    source: `${collection.pulls.length} PRs closed since ${since.toISOString().slice(0, 10)}`,
    calls: collection.calls,
    merged,
  };
}

async function run(ctx: Parameters<ActionDefinition<ReviewMinerOptions>['run']>[0], options: ReviewMinerOptions): Promise<ActionResult> {
  const now = ctx.clock.now();
  const partial: string[] = [];
  const latest = (await ctx.state.read<LatestState>(LATEST)) ?? {};
  const gathered = await gather(ctx, options, latest, partial);
  const analysis = await analyseComments(gathered.comments, options, partial);
  const findings: Finding[] = analysis.classified.map(({ comment, theme, cues, cluster }) => ({
    id: comment.id,
    kind: 'review-comment',
    severity: 'notice',
    file: comment.path,
    line: comment.line,
    message: `${theme}: ${comment.body.replace(/\s+/g, ' ').trim().slice(0, 160)}`,
    evidence: [comment.url, comment.prNumber !== undefined ? `PR #${comment.prNumber}` : undefined].filter((x): x is string => !!x),
    theme,
    cues,
    author: comment.author,
    pull: comment.prNumber,
    ...(cluster ? { cluster } : {}),
  }));

  const read = workspaceReader(ctx.workspace);
  const repoName = ctx.repo ? `${ctx.repo.owner}/${ctx.repo.repo}` : undefined;
  const proposals: ActionResult['proposals'] = [];
  const published: PublishOutcome[] = [];
  const skipped: string[] = [];
  const rejected = { ...(latest.rejected ?? {}) };
  for (const theme of options.themes) {
    const members = analysis.classified.filter((c) => c.theme === theme).map((c) => c.comment);
    const evidence = themeEvidence(theme, members);
    if (!recurs(evidence, options)) continue;
    if (!mayProposeAgain(latest, theme, members.length)) {
      skipped.push(`${theme}: rejected before at ${latest.rejected?.[theme]?.count} comments; now ${members.length}`);
      continue;
    }
    const plan = planCheck(theme as Theme, read, evidence.pulls, options.instructionFile);
    if (plan.kind === 'none') {
      skipped.push(`${theme}: ${plan.summary}`);
      continue;
    }
    const proposal = buildThemeProposal(theme, theme, evidence, plan, { serverUrl: ctx.serverUrl, repo: repoName, now });
    // A theme rejected once and grown markedly since gets a fresh key (the old PR stays closed).
    if (latest.rejected?.[theme]) proposal.key = `${themeKey(theme)}-regrown-${members.length}`;
    proposals.push(proposal);
    const outcome = await ctx.publisher.upsertPullRequest({
      key: proposal.key,
      title: proposal.title,
      body: pullRequestBody(proposal, plan),
      labels: ['tend:proposal'],
      changes: plan.changes,
      commitMessage: `review-miner: ${plan.summary.replace(/`/g, '')}`,
    });
    published.push(outcome);
    if (outcome.status === 'rejected') {
      rejected[theme] = { count: latest.rejected?.[theme]?.count ?? members.length, at: now.toISOString() };
      proposal.status = 'rejected';
    }
  }

  const themeCounts: Record<string, number> = {};
  for (const c of analysis.classified) themeCounts[c.theme] = (themeCounts[c.theme] ?? 0) + 1;
  const next: LatestState = {
    cursor: options.commentsFile ? latest.cursor : now.toISOString(),
    lastRunAt: now.toISOString(),
    counts: analysis.filter.counts,
    themeCounts,
    rejected,
    merged: { ...(latest.merged ?? {}), ...gathered.merged },
    proposals: proposals.map((p) => p.key),
    clusters: analysis.clusters.slice(0, 20).map((c) => ({ name: c.name, size: c.members.length })),
  };
  await ctx.state.update(`review-miner: ${findings.length} comments, ${proposals.length} proposals`, (tx) => {
    tx.set(LATEST, next);
    recordWeeks(
      tx,
      analysis.classified.map((c) => ({ id: c.comment.id, theme: c.theme, createdAt: c.comment.createdAt })),
    );
  });

  const summary = renderSummary({ source: gathered.source, analysis, proposals, published, skipped, partial, calls: gathered.calls });
  return {
    action: 'review-miner',
    findings,
    proposals,
    summary,
    outputs: {
      kept: String(analysis.filter.counts.kept),
      dropped: String(analysis.filter.counts.dropped),
      proposals: String(proposals.length),
      themes: JSON.stringify(themeCounts),
    },
    partial,
    published,
    extra: {
      filter: analysis.filter.counts,
      themeCounts,
      clusters: analysis.clusters.slice(0, 20).map((c) => ({ name: c.name, terms: c.terms, size: c.members.length })),
      graphqlCalls: gathered.calls,
      skipped,
    },
  };
}

export const definition: ActionDefinition<ReviewMinerOptions> = {
  name: 'review-miner',
  parseInputs,
  run,
};
