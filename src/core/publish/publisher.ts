import type { PublishOutcome } from '../types';

export interface IssueSpec {
  /** Fingerprint key within the action: the marker is `<!-- tend:<action>:<key> -->`. */
  key: string;
  title: string;
  /** Markdown; the publisher adds the marker and trims to GitHub's limit. */
  body: string;
  /** Extra labels; `tend` and `tend:<action>` are always added. */
  labels?: string[];
}

export interface PullRequestSpec extends IssueSpec {
  /** Files to write on `tend/<action>/<key>`, on top of the base branch; null deletes. */
  changes: { path: string; content: string | null }[];
  commitMessage: string;
  /** Base branch; defaults to the repository's default branch. */
  base?: string;
}

/**
 * Create-or-update of tend's issues and PRs, found by hidden fingerprint marker; never a
 * duplicate, whatever the reruns, races or lost answers.
 *
 * - Issues are found among those labelled `tend:<action>`; when none carries the marker (a
 *   maintainer removed the label), among the 300 most recent issues, and tend's labels are put
 *   back. PRs are found by their branch `tend/<action>/<key>`.
 * - An issue closed as completed comes back (reopened) when the problem does.
 * - Rejection: an issue a maintainer closed as not planned (or as a duplicate), or a PR closed
 *   without merging, is "rejected" for good: never reopened or reopened as a new item, even when
 *   the findings change, so tend does not nag. The outcome has status `rejected` with
 *   `rejectedAt` (when it was closed) and `rejectionReason`, so an action can decide to publish
 *   under a new key (for example when the content differs and the rejection is old).
 * - Items tend closed itself are no rejection: an issue closed as a duplicate of a concurrent
 *   run's (`<!-- tend:duplicate -->`), a PR closed as resolved (`<!-- tend:resolved -->`, a new
 *   PR is opened when the problem comes back).
 */
export interface Publisher {
  upsertIssue(spec: IssueSpec): Promise<PublishOutcome>;
  /** Closes the open issue with this key (comment first); `absent` when there is none. */
  closeIssue(key: string, comment: string): Promise<PublishOutcome>;
  upsertPullRequest(spec: PullRequestSpec): Promise<PublishOutcome>;
  closePullRequest(key: string, comment: string): Promise<PublishOutcome>;
}
