// Everything weekly-reflection reads from the GitHub API for one week; a part that fails is
// reported as partial, never fatal.
import type { RunContext } from '../../core/context';
import { errorMessage } from '../../core/errors';
import { readIssues } from '../github/read-issues';
import { readPullRequests } from '../github/read-pull-requests';
import { readWorkflowRuns } from '../github/read-workflow-runs';
import type {
  IssueRecord,
  PullRequestRecord,
  WorkflowRunRecord,
} from '../metrics/pull-request-record';
import type { WeekWindow } from '../metrics/week-window';

export const MAX_RUN_PAGES = 10;

export interface GitHubData {
  pulls: PullRequestRecord[] | null;
  issues: IssueRecord[] | null;
  runs: WorkflowRunRecord[] | null;
  partial: string[];
  notes: string[];
}

export async function readGitHub(
  ctx: RunContext,
  window: WeekWindow,
  maxPullRequests: number,
): Promise<GitHubData> {
  const data: GitHubData = { pulls: null, issues: null, runs: null, partial: [], notes: [] };
  if (!ctx.github || !ctx.repo) {
    data.notes.push(
      'Offline run: pull request, CI and issue metrics need the GitHub API and were skipped.',
    );
    return data;
  }
  const { github, repo } = ctx;
  try {
    const read = await readPullRequests(github, repo, window.start, maxPullRequests);
    data.pulls = read.pulls;
    if (read.truncated)
      data.partial.push(
        `pull requests: stopped after ${read.pulls.length} (max-pull-requests); older ones in the week were not read`,
      );
  } catch (error) {
    data.partial.push(`pull requests could not be read: ${errorMessage(error)}`);
  }
  try {
    data.issues = (await readIssues(github, repo, window.start)).issues;
  } catch (error) {
    data.partial.push(`issues could not be read: ${errorMessage(error)}`);
  }
  try {
    const read = await readWorkflowRuns(github, repo, window, MAX_RUN_PAGES);
    data.runs = read.runs;
    if (read.truncated)
      data.notes.push(
        `CI: ${read.runs.length} of ${read.totalCount} workflow runs read; figures are from the most recent ones.`,
      );
  } catch (error) {
    data.partial.push(`workflow runs could not be read: ${errorMessage(error)}`);
  }
  return data;
}
