// Where the review feedback comes from: the offline REST comments file, or GraphQL over the PRs
// closed since the cursor. Also notices what happened to tend's own theme PRs (merged: the
// "after" period starts; closed unmerged: the theme was rejected).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { RunContext } from '../core/context';
import { ConfigurationError } from '../core/errors';
import { collectReviewFeedback } from './collect-graphql';
import type { ReviewMinerOptions } from './inputs';
import { parseRestComments } from './read-rest-comments';
import type { ReviewComment } from './review-comment';
import type { LatestState } from './review-miner-state';

export interface ThemePullEvent {
  at: string;
  pull: number;
}

export interface Gathered {
  comments: ReviewComment[];
  source: string;
  calls: number;
  /** Theme -> its tend PR merged since the cursor. */
  merged: Record<string, ThemePullEvent>;
  /** Theme -> its tend PR closed unmerged since the cursor. */
  closedUnmerged: Record<string, ThemePullEvent>;
  /** Start of the window read (ISO), when the window is a date range. */
  since?: string;
}

/** The theme of a tend review-miner branch (`tend/review-miner/theme-naming`, `...-regrown-8`). */
export function themeOfBranch(branch: string): string | undefined {
  const match = /^tend\/review-miner\/theme-(.+?)(?:-regrown-\d+)?$/.exec(branch);
  return match?.[1];
}

async function readCommentsFile(file: string): Promise<ReviewComment[]> {
  const full = path.resolve(file);
  let text: string;
  try {
    text = await readFile(full, 'utf8');
  } catch {
    throw new ConfigurationError(
      `Cannot read the comments file ${full}.`,
      'pass `--comments FILE` with a file written by `gh api --paginate repos/OWNER/REPO/pulls/comments`.',
    );
  }
  return parseRestComments(text, file);
}

export async function gatherFeedback(
  ctx: RunContext,
  options: ReviewMinerOptions,
  latest: LatestState,
  partial: string[],
): Promise<Gathered> {
  const none = { calls: 0, merged: {}, closedUnmerged: {} };
  if (options.commentsFile) {
    return {
      ...none,
      comments: await readCommentsFile(options.commentsFile),
      source: `file ${options.commentsFile}`,
    };
  }
  if (!ctx.github || !ctx.repo) {
    partial.push('No `comments` file and no GitHub access: no review feedback was collected.');
    return { ...none, comments: [], source: 'nothing (offline)' };
  }
  const lookback = new Date(ctx.clock.now().getTime() - options.lookbackDays * 86_400_000);
  const cursor = latest.cursor ? new Date(latest.cursor) : undefined;
  const since = cursor && cursor > lookback ? cursor : lookback;
  const github = ctx.github;
  const collection = await collectReviewFeedback((q, v) => github.graphql(q, v), ctx.repo, since, {
    maxPulls: options.maxPulls,
  });
  for (const gap of collection.incomplete) partial.push(`Review feedback incomplete: ${gap}.`);
  const own = new Set<number>();
  const merged: Record<string, ThemePullEvent> = {};
  const closedUnmerged: Record<string, ThemePullEvent> = {};
  for (const pull of collection.pulls) {
    const theme = themeOfBranch(pull.headRefName);
    if (!theme) continue;
    own.add(pull.number);
    if (!pull.closedAt) continue;
    (pull.merged ? merged : closedUnmerged)[theme] = { at: pull.closedAt, pull: pull.number };
  }
  return {
    comments: collection.comments.filter((c) => c.prNumber === undefined || !own.has(c.prNumber)),
    source: `${collection.pulls.length} PRs closed since ${since.toISOString().slice(0, 10)}`,
    calls: collection.calls,
    merged,
    closedUnmerged,
    since: since.toISOString(),
  };
}
