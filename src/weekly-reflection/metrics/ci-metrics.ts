// CI health for the week: failure rate of completed workflow runs and re-runs (run_attempt > 1),
// on the default branch and on pull requests. Cancelled, skipped and neutral runs are not
// counted as completed; failure, timed_out and startup_failure are failures.
import type { WorkflowRunRecord } from './pull-request-record';
import { ratio } from './statistics';
import { inWindow, type WeekWindow } from './week-window';

export interface CiFigures {
  runs: number;
  completed: number;
  failed: number;
  failureRate: number | null;
  reruns: number;
}

export interface CiMetrics {
  all: CiFigures;
  defaultBranch: CiFigures;
  pullRequests: CiFigures;
}

const FAILED = new Set(['failure', 'timed_out', 'startup_failure']);
const NOT_COUNTED = new Set(['cancelled', 'skipped', 'neutral', 'stale', 'action_required']);
const PR_EVENTS = new Set([
  'pull_request',
  'pull_request_target',
  'pull_request_review',
  'merge_group',
]);

function figures(runs: WorkflowRunRecord[]): CiFigures {
  const completed = runs.filter(
    (r) => r.status === 'completed' && r.conclusion !== null && !NOT_COUNTED.has(r.conclusion),
  );
  const failed = completed.filter((r) => FAILED.has(r.conclusion as string)).length;
  return {
    runs: runs.length,
    completed: completed.length,
    failed,
    failureRate: ratio(failed, completed.length),
    reruns: runs.filter((r) => r.runAttempt > 1).length,
  };
}

export function ciMetrics(
  runs: WorkflowRunRecord[],
  window: WeekWindow,
  defaultBranch: string,
): CiMetrics {
  const week = runs.filter((r) => inWindow(window, r.createdAt));
  return {
    all: figures(week),
    defaultBranch: figures(
      week.filter((r) => !PR_EVENTS.has(r.event) && r.headBranch === defaultBranch),
    ),
    pullRequests: figures(week.filter((r) => PR_EVENTS.has(r.event))),
  };
}
