// Workflow runs created during the week through REST `actions/runs` (100 per page).
import type { GitHubClient } from '../../core/github-client';
import type { RepoRef } from '../../core/context';
import type { WorkflowRunRecord } from '../metrics/pull-request-record';
import type { WeekWindow } from '../metrics/week-window';

export interface WorkflowRunRead {
  runs: WorkflowRunRecord[];
  pages: number;
  totalCount: number;
  /** True when `maxPages` stopped the reading (then counts are from the first pages). */
  truncated: boolean;
}

export async function readWorkflowRuns(
  client: GitHubClient,
  repo: RepoRef,
  window: WeekWindow,
  maxPages: number,
): Promise<WorkflowRunRead> {
  const last = new Date(new Date(window.end).getTime() - 1).toISOString().slice(0, 10);
  const created = `${window.start.slice(0, 10)}..${last}`;
  const runs: WorkflowRunRecord[] = [];
  let totalCount = 0;
  let pages = 0;
  for (let page = 1; page <= maxPages; page++) {
    const { data } = await client.rest.actions.listWorkflowRunsForRepo({
      owner: repo.owner,
      repo: repo.repo,
      created,
      per_page: 100,
      page,
    });
    pages += 1;
    totalCount = data.total_count;
    for (const run of data.workflow_runs) {
      runs.push({
        id: run.id,
        event: run.event,
        headBranch: run.head_branch ?? '',
        status: run.status ?? '',
        conclusion: run.conclusion ?? null,
        runAttempt: run.run_attempt ?? 1,
        createdAt: run.created_at,
      });
    }
    if (data.workflow_runs.length < 100 || runs.length >= totalCount)
      return { runs, pages, totalCount, truncated: false };
  }
  return { runs, pages, totalCount, truncated: runs.length < totalCount };
}
