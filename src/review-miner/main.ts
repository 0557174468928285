// review-miner: recurring human review feedback -> automated checks, then measure the effect.
import type { ActionDefinition } from '../core/action-definition';
import type { RunContext } from '../core/context';
import { recordRun } from '../core/run-record';
import type { ActionResult, Finding, Proposal } from '../core/types';
import { analyseComments, type Analysis } from './analyse-comments';
import { gatherFeedback } from './gather-feedback';
import { parseInputs, type ReviewMinerOptions } from './inputs';
import { proposeThemes } from './propose-themes';
import { renderSummary } from './render-summary';
import {
  LATEST,
  readRememberedComments,
  recordCommentWeeks,
  type LatestState,
} from './review-miner-state';
import { applyThemePullOutcomes } from './theme-lifecycle';

function toFindings(analysis: Analysis): Finding[] {
  return analysis.classified.map(({ comment, theme, cues, cluster }) => ({
    id: comment.id,
    kind: 'review-comment',
    severity: 'notice',
    file: comment.path,
    line: comment.line,
    message: `${theme}: ${comment.body.replace(/\s+/g, ' ').trim().slice(0, 160)}`,
    evidence: [
      comment.url,
      comment.prNumber !== undefined ? `PR #${comment.prNumber}` : undefined,
    ].filter((x): x is string => !!x),
    theme,
    cues,
    author: comment.author,
    pull: comment.prNumber,
    ...(cluster ? { cluster } : {}),
  }));
}

/**
 * Open proposals of earlier runs this run did not publish again (a cursor run only sees new PRs):
 * kept as they are, so the registry does not withdraw them; a merged or closed PR moves them on.
 */
function carriedForward(
  latest: LatestState & { proposals?: unknown },
  current: Proposal[],
): Proposal[] {
  const previous = Array.isArray(latest.proposals) ? (latest.proposals as Proposal[]) : [];
  const keys = new Set(current.map((p) => p.key));
  return previous.filter(
    (p) => !keys.has(p.key) && ['proposed', 'accepted', 'deferred'].includes(p.status),
  );
}

async function run(ctx: RunContext, options: ReviewMinerOptions): Promise<ActionResult> {
  const now = ctx.clock.now();
  const partial: string[] = [];
  const latest = (await ctx.state.read<LatestState>(LATEST)) ?? {};
  const gathered = await gatherFeedback(ctx, options, latest, partial);
  const analysis = await analyseComments(gathered.comments, options, partial);
  const findings = toFindings(analysis);

  const windowStart = new Date(now.getTime() - options.lookbackDays * 86_400_000);
  const remembered = await readRememberedComments(ctx.state, windowStart);
  // What happened to tend's own PRs since the cursor, before deciding what to propose.
  const knownKeys: Record<string, string> = Object.fromEntries(
    Object.entries(latest.proposed ?? {}).map(([t, p]) => [t, p.key]),
  );
  const rejectedBefore = { ...(latest.rejected ?? {}) };
  for (const [theme, event] of Object.entries(gathered.closedUnmerged)) {
    const known = [...remembered.values()].filter((r) => r.theme === theme).length;
    rejectedBefore[theme] = {
      count: latest.proposed?.[theme]?.count ?? known,
      at: event.at,
      pull: event.pull,
    };
  }
  const themes = await proposeThemes(
    ctx,
    options,
    { ...latest, rejected: rejectedBefore },
    analysis.classified,
    remembered,
  );
  const proposals = [...themes.proposals, ...carriedForward(latest, themes.proposals)];

  const themeCounts: Record<string, number> = {};
  for (const c of analysis.classified) themeCounts[c.theme] = (themeCounts[c.theme] ?? 0) + 1;
  const clusters = analysis.clusters
    .slice(0, 20)
    .map((c) => ({ name: c.name, terms: c.terms, size: c.members.length }));
  const summary = renderSummary({
    source: gathered.source,
    analysis,
    proposals: themes.proposals,
    published: themes.published,
    skipped: themes.skipped,
    partial,
    calls: gathered.calls,
  });
  const result: ActionResult = {
    action: 'review-miner',
    findings,
    proposals,
    summary,
    outputs: {
      kept: String(analysis.filter.counts.kept),
      dropped: String(analysis.filter.counts.dropped),
      proposals: String(themes.proposals.length),
      themes: JSON.stringify(themeCounts),
    },
    partial,
    published: themes.published,
    extra: {
      filter: analysis.filter.counts,
      themeCounts,
      clusters,
      graphqlCalls: gathered.calls,
      skipped: themes.skipped,
    },
  };
  const next: Omit<LatestState, 'proposals'> = {
    // Offline file runs re-read the whole file: the cursor only moves for GitHub collection.
    // The next run re-reads a few minutes before this one started: GitHub's timestamps are
    // whole seconds and a PR may close while this run reads; comments are kept by id, so the
    // overlap never counts one twice.
    cursor:
      gathered.since !== undefined && partial.length === 0
        ? new Date(now.getTime() - CURSOR_OVERLAP_MS).toISOString()
        : latest.cursor,
    counts: analysis.filter.counts,
    themeCounts,
    rejected: themes.rejected,
    merged: { ...(latest.merged ?? {}), ...gathered.merged },
    proposed: themes.proposed,
    clusters: clusters.map(({ name, size }) => ({ name, size })),
  };
  const items = analysis.classified
    .filter((c) => c.comment.createdAt)
    .map((c) => ({
      id: c.comment.id,
      record: {
        theme: c.theme,
        author: c.comment.author,
        pull: c.comment.prNumber,
        at: c.comment.createdAt as string,
      },
    }));
  return recordRun(ctx, result, {
    latest: next,
    transaction: (tx, runWeek) => {
      recordCommentWeeks(tx, items, runWeek);
      applyThemePullOutcomes(
        tx,
        {
          ...knownKeys,
          ...Object.fromEntries(Object.entries(themes.proposed).map(([t, p]) => [t, p.key])),
        },
        gathered.merged,
        gathered.closedUnmerged,
      );
    },
  });
}

/** How far before its start the next run's collection begins again. */
const CURSOR_OVERLAP_MS = 10 * 60_000;

export const definition: ActionDefinition<ReviewMinerOptions> = {
  name: 'review-miner',
  parseInputs,
  run,
};
