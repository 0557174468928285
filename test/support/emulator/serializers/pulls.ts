// GitHub-shaped pull requests, reviews and review comments.
import type { IssueRecord, ReviewCommentRecord, ReviewRecord } from '../store';
import { authorAssociation, label } from './issues';
import {
  repoApiUrl,
  repoHtmlUrl,
  repository,
  simpleUser,
  type SerializeContext,
} from './users-repos';

function branchRef(ctx: SerializeContext, ref: string, sha: string): Record<string, unknown> {
  const owner = ctx.store.repository.owner;
  return {
    label: `${owner}:${ref}`,
    ref,
    sha,
    user: simpleUser(ctx, owner),
    repo: repository(ctx),
  };
}

/** The pull-request-simple shape (list endpoint); `full` adds the counters of GET pulls/{n}. */
export function pullRequest(
  ctx: SerializeContext,
  record: IssueRecord,
  full = false,
): Record<string, unknown> {
  const pull = record.pull;
  if (!pull) throw new Error(`#${record.number} is not a pull request`);
  const api = `${repoApiUrl(ctx)}/pulls/${record.number}`;
  const html = `${repoHtmlUrl(ctx)}/pull/${record.number}`;
  const issueUrl = `${repoApiUrl(ctx)}/issues/${record.number}`;
  const statuses = `${repoApiUrl(ctx)}/statuses/${pull.head.sha}`;
  const out: Record<string, unknown> = {
    url: api,
    id: record.id,
    node_id: record.node_id,
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: issueUrl,
    commits_url: `${api}/commits`,
    review_comments_url: `${api}/comments`,
    review_comment_url: `${repoApiUrl(ctx)}/pulls/comments{/number}`,
    comments_url: `${issueUrl}/comments`,
    statuses_url: statuses,
    number: record.number,
    state: record.state,
    locked: record.locked,
    title: record.title,
    user: simpleUser(ctx, record.user),
    body: record.body,
    labels: record.labels.map((name) => label(ctx, name)),
    milestone: null,
    active_lock_reason: null,
    created_at: record.created_at,
    updated_at: record.updated_at,
    closed_at: record.closed_at,
    merged_at: pull.merged_at,
    merge_commit_sha: pull.merge_commit_sha,
    assignee: record.assignees[0] ? simpleUser(ctx, record.assignees[0]) : null,
    assignees: record.assignees.map((login) => simpleUser(ctx, login)),
    requested_reviewers: pull.requested_reviewers.map((login) => simpleUser(ctx, login)),
    requested_teams: [],
    head: branchRef(ctx, pull.head.ref, pull.head.sha),
    base: branchRef(ctx, pull.base.ref, pull.base.sha),
    _links: {
      self: { href: api },
      html: { href: html },
      issue: { href: issueUrl },
      comments: { href: `${issueUrl}/comments` },
      review_comments: { href: `${api}/comments` },
      review_comment: { href: `${repoApiUrl(ctx)}/pulls/comments{/number}` },
      commits: { href: `${api}/commits` },
      statuses: { href: statuses },
    },
    author_association: authorAssociation(ctx, record.user),
    auto_merge: null,
    draft: pull.draft,
  };
  if (full) {
    Object.assign(out, {
      merged: pull.merged_at !== null,
      mergeable: record.state === 'open' ? true : null,
      rebaseable: record.state === 'open' ? true : null,
      mergeable_state: record.state === 'open' ? 'clean' : 'unknown',
      merged_by: pull.merged_by ? simpleUser(ctx, pull.merged_by) : null,
      comments: record.comments.length,
      review_comments: pull.review_comments.length,
      maintainer_can_modify: false,
      commits: pull.commits.length,
      additions: pull.additions,
      deletions: pull.deletions,
      changed_files: pull.changed_files,
    });
  }
  return out;
}

export function review(
  ctx: SerializeContext,
  number: number,
  record: ReviewRecord,
): Record<string, unknown> {
  const html = `${repoHtmlUrl(ctx)}/pull/${number}#pullrequestreview-${record.id}`;
  const pullUrl = `${repoApiUrl(ctx)}/pulls/${number}`;
  return {
    id: record.id,
    node_id: record.node_id,
    user: simpleUser(ctx, record.user),
    body: record.body,
    state: record.state,
    html_url: html,
    pull_request_url: pullUrl,
    _links: { html: { href: html }, pull_request: { href: pullUrl } },
    submitted_at: record.submitted_at,
    commit_id: record.commit_id,
    author_association: authorAssociation(ctx, record.user),
  };
}

export function reviewComment(
  ctx: SerializeContext,
  number: number,
  record: ReviewCommentRecord,
): Record<string, unknown> {
  const url = `${repoApiUrl(ctx)}/pulls/comments/${record.id}`;
  const html = `${repoHtmlUrl(ctx)}/pull/${number}#discussion_r${record.id}`;
  const pullUrl = `${repoApiUrl(ctx)}/pulls/${number}`;
  return {
    url,
    id: record.id,
    node_id: record.node_id,
    pull_request_review_id: record.pull_request_review_id,
    diff_hunk: record.diff_hunk,
    path: record.path,
    position: record.line,
    original_position: record.line,
    commit_id: record.commit_id,
    original_commit_id: record.commit_id,
    ...(record.in_reply_to_id ? { in_reply_to_id: record.in_reply_to_id } : {}),
    user: simpleUser(ctx, record.user),
    body: record.body,
    created_at: record.created_at,
    updated_at: record.updated_at,
    html_url: html,
    pull_request_url: pullUrl,
    author_association: authorAssociation(ctx, record.user),
    _links: { self: { href: url }, html: { href: html }, pull_request: { href: pullUrl } },
    start_line: null,
    original_start_line: null,
    start_side: null,
    line: record.line,
    original_line: record.line,
    side: record.side,
    subject_type: record.line === null ? 'file' : 'line',
  };
}
