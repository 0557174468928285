// The weekly snapshot kept in weekly-reflection/history/<week>.json, and its flat metric map
// (the names trends, bands and experiments use).
import type { FindingCounts } from '../../core/state-files';
import type { CiMetrics } from '../metrics/ci-metrics';
import type { ConversationMetrics } from '../metrics/conversation-metrics';
import type { PullRequestMetrics } from '../metrics/pull-request-metrics';
import type { TraceTotals } from '../traces/analyse-traces';
import type { Indicators } from './indicators';

export type MetricMap = Record<string, number | null>;

export interface OtherActionsSummary {
  /** Findings each other action reported in its latest run, by action. */
  findings: Record<string, number>;
  /** Open proposals (proposed or deferred) by action. */
  openProposals: Record<string, number>;
  /** Review themes and their comment counts this week (from review-miner). */
  reviewThemes: Record<string, number>;
}

export interface WeeklySnapshot {
  week: string;
  runAt: string;
  counts: FindingCounts;
  metrics: MetricMap;
  pullRequests: PullRequestMetrics | null;
  ci: CiMetrics | null;
  conversation: ConversationMetrics | null;
  traces: TraceTotals | null;
  others: OtherActionsSummary;
  indicators: Indicators;
  /** Ids of the proposals new in this week's report (kept so a rerun lists the same ones). */
  newProposals?: string[];
  /** Parts that could not be measured this week. */
  partial: string[];
}

/** Metrics and which way is better, for bands and experiments. */
export const METRIC_DIRECTIONS: Record<string, 'higher' | 'lower'> = {
  'first-submission-approval-rate': 'higher',
  'first-submission-approval-rate-agent': 'higher',
  'rework-rate': 'lower',
  'rework-rate-agent': 'lower',
  'review-rounds': 'lower',
  'human-review-comments-per-pr': 'lower',
  'time-to-first-review-median-hours': 'lower',
  'time-to-merge-median-hours': 'lower',
  'ci-failure-rate': 'lower',
  'ci-reruns': 'lower',
  'clarification-requests': 'lower',
  'agent-waste-share': 'lower',
};

export function directionOf(metric: string): 'higher' | 'lower' | undefined {
  if (METRIC_DIRECTIONS[metric]) return METRIC_DIRECTIONS[metric];
  if (
    metric.startsWith('review-theme:') ||
    metric.startsWith('inefficiency:') ||
    metric.endsWith('-findings')
  )
    return 'lower';
  return undefined;
}

export function flattenMetrics(parts: {
  pullRequests: PullRequestMetrics | null;
  ci: CiMetrics | null;
  conversation: ConversationMetrics | null;
  traces: TraceTotals | null;
  others: OtherActionsSummary;
}): MetricMap {
  const m: MetricMap = {};
  const pr = parts.pullRequests;
  if (pr) {
    Object.assign(m, {
      'prs-opened': pr.opened,
      'prs-merged': pr.merged,
      'prs-closed-unmerged': pr.closedUnmerged,
      'prs-opened-agent': pr.openedBy.agent,
      'prs-opened-human': pr.openedBy.human,
      'prs-opened-dependency-bot': pr.openedBy['dependency-bot'],
      'prs-merged-agent': pr.mergedBy.agent,
      'prs-merged-human': pr.mergedBy.human,
      'prs-merged-dependency-bot': pr.mergedBy['dependency-bot'],
      'first-submission-approval-rate': pr.firstSubmissionApproval.rate,
      'first-submission-approval-rate-agent': pr.firstSubmissionApprovalBy.agent.rate,
      'first-submission-approval-rate-human': pr.firstSubmissionApprovalBy.human.rate,
      'rework-rate': pr.rework.rate,
      'rework-rate-agent': pr.reworkBy.agent.rate,
      'rework-rate-human': pr.reworkBy.human.rate,
      'review-rounds': pr.reviewRounds.mean,
      'human-review-comments-per-pr': pr.humanReviewCommentsPerPr.value,
      'time-to-first-review-median-hours': pr.timeToFirstReviewHours.median,
      'time-to-first-review-p90-hours': pr.timeToFirstReviewHours.p90,
      'time-to-merge-median-hours': pr.timeToMergeHours.median,
      'time-to-merge-p90-hours': pr.timeToMergeHours.p90,
    });
  }
  if (parts.ci) {
    Object.assign(m, {
      'ci-failure-rate': parts.ci.all.failureRate,
      'ci-failure-rate-default-branch': parts.ci.defaultBranch.failureRate,
      'ci-failure-rate-pull-requests': parts.ci.pullRequests.failureRate,
      'ci-reruns': parts.ci.all.reruns,
    });
  }
  if (parts.conversation) {
    m['clarification-requests'] = parts.conversation.clarificationRequests;
    m['escalations-opened'] = parts.conversation.escalationsOpened;
  }
  const t = parts.traces;
  if (t && t.sessions > 0) {
    m['agent-sessions'] = t.sessions;
    m['agent-tokens'] = t.totalTokens;
    m['agent-wasted-tokens'] = t.wastedTokens;
    m['agent-waste-share'] = t.wasteShare;
    m['agent-cost-usd'] = t.costUsd;
    for (const [kind, v] of Object.entries(t.byKind)) m[`inefficiency:${kind}`] = v.count;
  }
  for (const [action, n] of Object.entries(parts.others.findings)) m[`${action}-findings`] = n;
  for (const [theme, n] of Object.entries(parts.others.reviewThemes))
    m[`review-theme:${theme}`] = n;
  return m;
}
