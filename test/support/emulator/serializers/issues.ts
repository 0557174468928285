// GitHub-shaped labels, issues (pull requests seen through the issues API too) and issue comments.
import type { IssueCommentRecord, IssueRecord } from '../store';
import { repoApiUrl, repoHtmlUrl, simpleUser, type SerializeContext } from './users-repos';

export function label(ctx: SerializeContext, name: string): Record<string, unknown> {
  const record = ctx.store.label(name) ?? ctx.store.addLabel(name);
  return {
    id: record.id,
    node_id: record.node_id,
    url: `${repoApiUrl(ctx)}/labels/${encodeURIComponent(record.name)}`,
    name: record.name,
    color: record.color,
    default: record.default,
    description: record.description,
  };
}

export function authorAssociation(ctx: SerializeContext, login: string): string {
  const permission = ctx.store.permissionOf(login);
  if (login.toLowerCase() === ctx.store.repository.owner.toLowerCase()) return 'OWNER';
  if (permission === 'admin' || permission === 'maintain' || permission === 'write')
    return 'COLLABORATOR';
  const contributed = ctx.store
    .pullRequests()
    .some((pr) => pr.user === login && pr.pull?.merged_at);
  return contributed ? 'CONTRIBUTOR' : 'NONE';
}

function reactions(url: string): Record<string, unknown> {
  return {
    url: `${url}/reactions`,
    total_count: 0,
    '+1': 0,
    '-1': 0,
    laugh: 0,
    confused: 0,
    heart: 0,
    hooray: 0,
    eyes: 0,
    rocket: 0,
  };
}

export function issue(ctx: SerializeContext, record: IssueRecord): Record<string, unknown> {
  const url = `${repoApiUrl(ctx)}/issues/${record.number}`;
  const kind = record.pull ? 'pull' : 'issues';
  const out: Record<string, unknown> = {
    id: record.id,
    node_id: record.node_id,
    url,
    repository_url: repoApiUrl(ctx),
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: `${repoHtmlUrl(ctx)}/${kind}/${record.number}`,
    number: record.number,
    state: record.state,
    state_reason: record.state_reason,
    title: record.title,
    body: record.body,
    user: simpleUser(ctx, record.user),
    labels: record.labels.map((name) => label(ctx, name)),
    assignee: record.assignees[0] ? simpleUser(ctx, record.assignees[0]) : null,
    assignees: record.assignees.map((login) => simpleUser(ctx, login)),
    milestone: null,
    locked: record.locked,
    active_lock_reason: null,
    comments: record.comments.length,
    closed_at: record.closed_at,
    created_at: record.created_at,
    updated_at: record.updated_at,
    closed_by: record.closed_by ? simpleUser(ctx, record.closed_by) : null,
    author_association: authorAssociation(ctx, record.user),
    reactions: reactions(url),
    timeline_url: `${url}/timeline`,
  };
  if (record.pull) {
    const pullUrl = `${repoApiUrl(ctx)}/pulls/${record.number}`;
    out.draft = record.pull.draft;
    out.pull_request = {
      url: pullUrl,
      html_url: `${repoHtmlUrl(ctx)}/pull/${record.number}`,
      diff_url: `${repoHtmlUrl(ctx)}/pull/${record.number}.diff`,
      patch_url: `${repoHtmlUrl(ctx)}/pull/${record.number}.patch`,
      merged_at: record.pull.merged_at,
    };
  }
  return out;
}

export function issueComment(
  ctx: SerializeContext,
  number: number,
  comment: IssueCommentRecord,
): Record<string, unknown> {
  const url = `${repoApiUrl(ctx)}/issues/comments/${comment.id}`;
  return {
    id: comment.id,
    node_id: comment.node_id,
    url,
    html_url: `${repoHtmlUrl(ctx)}/issues/${number}#issuecomment-${comment.id}`,
    issue_url: `${repoApiUrl(ctx)}/issues/${number}`,
    body: comment.body,
    user: simpleUser(ctx, comment.user),
    created_at: comment.created_at,
    updated_at: comment.updated_at,
    author_association: authorAssociation(ctx, comment.user),
    reactions: reactions(url),
  };
}
