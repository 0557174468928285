// Weekly pull request metrics. Definitions (also in actions/weekly-reflection/README.md):
// - "review": a submitted review (not PENDING) by someone other than the PR's author.
// - Quality and time metrics cover PRs not written by dependency bots.
// - first-submission approval: merged this week, at least one approval, no change request,
//   and no commit or force push after the first review.
// - rework: merged this week and a commit or force push came after the first review.
// - review rounds: runs of reviews not separated by a push, per merged PR that had a review.
// - human review comments: inline comments plus non-empty review bodies by humans other than
//   the author, on PRs merged this week, divided by those PRs.
// - time to first review: from ready for review (the earliest of the first ready-for-review
//   event, the first review request, and creation when the PR was never a draft) to the first
//   review after it, for PRs whose first review came this week and that are not drafts.
// - time to merge: from ready for review (creation when never a draft) to merge.
import { classifyAuthor, isHuman, type AuthorLists } from './classify-author';
import type { AuthorClass, PullRequestRecord, ReviewRecord } from './pull-request-record';
import { hoursBetween, mean, median, percentile, ratio } from './statistics';
import { inWindow, type WeekWindow } from './week-window';

export interface Rate {
  rate: number | null;
  count: number;
  of: number;
}

export interface Spread {
  median: number | null;
  p90: number | null;
  of: number;
}

export type ByAuthor<T> = Record<AuthorClass, T>;

export interface PullRequestMetrics {
  opened: number;
  merged: number;
  closedUnmerged: number;
  openedBy: ByAuthor<number>;
  mergedBy: ByAuthor<number>;
  firstSubmissionApproval: Rate;
  firstSubmissionApprovalBy: ByAuthor<Rate>;
  rework: Rate;
  reworkBy: ByAuthor<Rate>;
  reviewRounds: { mean: number | null; median: number | null; of: number };
  humanReviewCommentsPerPr: { value: number | null; comments: number; of: number };
  timeToFirstReviewHours: Spread;
  timeToMergeHours: Spread;
}

const CLASSES: AuthorClass[] = ['agent', 'human', 'dependency-bot'];

function byClass<T>(make: () => T): ByAuthor<T> {
  return { agent: make(), human: make(), 'dependency-bot': make() };
}

export function reviewsOf(pr: PullRequestRecord): ReviewRecord[] {
  const author = pr.author.login.toLowerCase();
  return pr.reviews
    .filter(
      (r) => r.state !== 'PENDING' && r.author.login.toLowerCase() !== author && r.submittedAt,
    )
    .sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
}

function pushes(pr: PullRequestRecord): string[] {
  return [...pr.commitDates, ...pr.forcePushDates].sort();
}

function pushedAfter(pr: PullRequestRecord, at: string): boolean {
  const t = new Date(at).getTime();
  return pushes(pr).some((p) => new Date(p).getTime() > t);
}

export function firstSubmissionApproved(pr: PullRequestRecord): boolean {
  const reviews = reviewsOf(pr);
  const first = reviews[0];
  if (!first) return false;
  return (
    reviews.some((r) => r.state === 'APPROVED') &&
    !reviews.some((r) => r.state === 'CHANGES_REQUESTED') &&
    !pushedAfter(pr, first.submittedAt)
  );
}

export function reworked(pr: PullRequestRecord): boolean {
  const first = reviewsOf(pr)[0];
  return first !== undefined && pushedAfter(pr, first.submittedAt);
}

export function reviewRounds(pr: PullRequestRecord): number {
  const events = [
    ...reviewsOf(pr).map((r) => ({ at: new Date(r.submittedAt).getTime(), review: true })),
    ...pushes(pr).map((p) => ({ at: new Date(p).getTime(), review: false })),
  ].sort((a, b) => a.at - b.at || Number(a.review) - Number(b.review));
  let rounds = 0;
  let inRound = false;
  for (const e of events) {
    if (e.review && !inRound) rounds += 1;
    inRound = e.review ? true : false;
  }
  return rounds;
}

export function humanReviewComments(pr: PullRequestRecord, lists: AuthorLists): number {
  return reviewsOf(pr)
    .filter((r) => isHuman(r.author, lists))
    .reduce(
      (sum, r) => sum + r.comments + (r.body.trim() !== '' && r.state !== 'APPROVED' ? 1 : 0),
      0,
    );
}

export function readyAt(pr: PullRequestRecord): string | undefined {
  const candidates = [...pr.reviewRequestDates];
  if (pr.readyForReviewDates.length > 0)
    candidates.push([...pr.readyForReviewDates].sort()[0] as string);
  else if (!pr.isDraft && pr.convertToDraftDates.length === 0) candidates.push(pr.createdAt);
  return candidates.sort()[0];
}

export function firstReviewAfterReady(
  pr: PullRequestRecord,
): { ready: string; review: string } | undefined {
  if (pr.isDraft) return undefined;
  const ready = readyAt(pr);
  if (!ready) return undefined;
  const review = reviewsOf(pr).find((r) => r.submittedAt >= ready);
  return review ? { ready, review: review.submittedAt } : undefined;
}

function spread(values: number[]): Spread {
  return { median: median(values) ?? null, p90: percentile(values, 90) ?? null, of: values.length };
}

function rate(count: number, of: number): Rate {
  return { rate: ratio(count, of), count, of };
}

export function pullRequestMetrics(
  prs: PullRequestRecord[],
  window: WeekWindow,
  lists: AuthorLists = {},
): PullRequestMetrics {
  const cls = (pr: PullRequestRecord) => classifyAuthor(pr.author, lists);
  const opened = prs.filter((pr) => inWindow(window, pr.createdAt));
  const merged = prs.filter((pr) => inWindow(window, pr.mergedAt));
  const closedUnmerged = prs.filter((pr) => !pr.mergedAt && inWindow(window, pr.closedAt));
  const quality = merged.filter((pr) => cls(pr) !== 'dependency-bot');

  const openedBy = byClass(() => 0);
  for (const pr of opened) openedBy[cls(pr)] += 1;
  const mergedBy = byClass(() => 0);
  for (const pr of merged) mergedBy[cls(pr)] += 1;

  const fsaBy = byClass<Rate>(() => rate(0, 0));
  const reworkBy = byClass<Rate>(() => rate(0, 0));
  for (const c of CLASSES) {
    const group = merged.filter((pr) => cls(pr) === c);
    fsaBy[c] = rate(group.filter(firstSubmissionApproved).length, group.length);
    reworkBy[c] = rate(group.filter(reworked).length, group.length);
  }

  const rounds = quality.filter((pr) => reviewsOf(pr).length > 0).map(reviewRounds);
  const comments = quality.reduce((sum, pr) => sum + humanReviewComments(pr, lists), 0);

  const firstReviewHours = prs
    .filter((pr) => cls(pr) !== 'dependency-bot')
    .map(firstReviewAfterReady)
    .filter(
      (x): x is { ready: string; review: string } => x !== undefined && inWindow(window, x.review),
    )
    .map((x) => hoursBetween(x.ready, x.review));
  const mergeHours = quality.map((pr) => {
    const start =
      pr.readyForReviewDates.length > 0
        ? ([...pr.readyForReviewDates].sort()[0] as string)
        : pr.createdAt;
    return Math.max(0, hoursBetween(start, pr.mergedAt as string));
  });

  return {
    opened: opened.length,
    merged: merged.length,
    closedUnmerged: closedUnmerged.length,
    openedBy,
    mergedBy,
    firstSubmissionApproval: rate(quality.filter(firstSubmissionApproved).length, quality.length),
    firstSubmissionApprovalBy: fsaBy,
    rework: rate(quality.filter(reworked).length, quality.length),
    reworkBy,
    reviewRounds: { mean: mean(rounds) ?? null, median: median(rounds) ?? null, of: rounds.length },
    humanReviewCommentsPerPr: {
      value: ratio(comments, quality.length),
      comments,
      of: quality.length,
    },
    timeToFirstReviewHours: spread(firstReviewHours),
    timeToMergeHours: spread(mergeHours),
  };
}
