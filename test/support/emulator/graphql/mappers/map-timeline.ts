// timelineItems of a pull request or issue: the store's recorded events (ready for review,
// review requested, convert to draft, labels, close/reopen/merge, force pushes, assignments)
// plus the items GitHub interleaves (comments, reviews, commits), oldest first. Close and merge
// events the seed left out are derived from closed_at / merged_at, as GitHub always has them.
import { legacyNodeId, type IssueRecord, type TimelineEventRecord } from '../../store';
import type { GraphQLObject } from './map-actors';
import { issueCommentObject, reviewObject } from './map-comments';
import { commitObject, commitFacts } from './map-commits';
import type { MapScope } from './map-scope';

const TYPE_NAMES: Record<TimelineEventRecord['event'], string> = {
  ready_for_review: 'ReadyForReviewEvent',
  review_requested: 'ReviewRequestedEvent',
  review_request_removed: 'ReviewRequestRemovedEvent',
  convert_to_draft: 'ConvertToDraftEvent',
  labeled: 'LabeledEvent',
  unlabeled: 'UnlabeledEvent',
  closed: 'ClosedEvent',
  reopened: 'ReopenedEvent',
  merged: 'MergedEvent',
  head_ref_force_pushed: 'HeadRefForcePushedEvent',
  assigned: 'AssignedEvent',
};

export function labelObject(scope: MapScope, name: string): GraphQLObject {
  return scope.memo(`label:${name.toLowerCase()}`, () => {
    const label = scope.store.label(name);
    const id = label?.id ?? 0;
    return {
      __typename: 'Label',
      id: label?.node_id ?? legacyNodeId('Label', id),
      name: label?.name ?? name,
      color: label?.color ?? 'ededed',
      description: label?.description ?? null,
      isDefault: label?.default ?? false,
      url: `${scope.repoUrl}/labels/${encodeURIComponent(label?.name ?? name)}`,
      resourcePath: `/${scope.store.repository.full_name}/labels/${encodeURIComponent(label?.name ?? name)}`,
      createdAt: scope.store.repository.created_at,
      updatedAt: scope.store.repository.created_at,
      repository: () => scope.repository(),
      issues: () =>
        [...scope.store.issues.values()]
          .filter((i) => !i.pull && i.labels.includes(name))
          .map((i) => scope.issueOrPullRequest(i.number)),
      pullRequests: () =>
        [...scope.store.issues.values()]
          .filter((i) => i.pull && i.labels.includes(name))
          .map((i) => scope.issueOrPullRequest(i.number)),
    };
  });
}

function eventObject(
  scope: MapScope,
  issue: IssueRecord,
  event: TimelineEventRecord,
): GraphQLObject {
  const typename = TYPE_NAMES[event.event];
  const subject = () => scope.issueOrPullRequest(issue.number);
  const url = `${scope.issueUrl(issue.number)}#event-${event.id}`;
  const base: GraphQLObject = {
    __typename: typename,
    id: legacyNodeId(typename, event.id),
    databaseId: event.id,
    actor: scope.actor(event.actor),
    createdAt: event.created_at,
    pullRequest: subject,
    url,
    resourcePath: scope.resourcePath(url),
  };
  switch (event.event) {
    case 'review_requested':
    case 'review_request_removed':
      return { ...base, requestedReviewer: scope.actor(event.subject) };
    case 'labeled':
    case 'unlabeled':
      return { ...base, label: labelObject(scope, event.label ?? ''), labelable: subject };
    case 'closed':
      return {
        ...base,
        closable: subject,
        closer: null,
        stateReason: issue.state_reason ? issue.state_reason.toUpperCase() : null,
      };
    case 'reopened':
      return { ...base, closable: subject, stateReason: 'REOPENED' };
    case 'merged': {
      const sha = issue.pull?.merge_commit_sha;
      return {
        ...base,
        commit: sha ? commitObject(scope, sha) : null,
        mergeRef: null,
        mergeRefName: issue.pull?.base.ref ?? scope.store.repository.default_branch,
      };
    }
    case 'head_ref_force_pushed':
      return { ...base, afterCommit: null, beforeCommit: null, ref: null };
    case 'assigned':
      return { ...base, assignable: subject, assignee: scope.actor(event.subject) };
    default:
      return base;
  }
}

/** closed / merged events GitHub would have recorded but the seed did not list. */
function derivedEvents(issue: IssueRecord): TimelineEventRecord[] {
  const recorded = new Set((issue.pull?.timeline ?? []).map((e) => e.event));
  const derived: TimelineEventRecord[] = [];
  const mergedAt = issue.pull?.merged_at;
  if (mergedAt && !recorded.has('merged')) {
    derived.push({
      id: issue.id * 10 + 1,
      event: 'merged',
      created_at: mergedAt,
      actor: issue.pull?.merged_by ?? issue.user,
    });
  }
  if (issue.closed_at && !recorded.has('closed')) {
    derived.push({
      id: issue.id * 10 + 2,
      event: 'closed',
      created_at: issue.closed_at,
      actor: issue.closed_by ?? issue.user,
    });
  }
  return derived;
}

/** Every timeline item of the issue or pull request, oldest first, each with a createdAt to filter on. */
export function timelineItemObjects(scope: MapScope, issue: IssueRecord): GraphQLObject[] {
  const items: GraphQLObject[] = [];
  for (const event of [...(issue.pull?.timeline ?? []), ...derivedEvents(issue)]) {
    items.push(eventObject(scope, issue, event));
  }
  for (const comment of issue.comments) items.push(issueCommentObject(scope, issue, comment));
  for (const review of issue.pull?.reviews ?? []) items.push(reviewObject(scope, issue, review));
  for (const commit of issue.pull?.commits ?? []) {
    items.push({
      ...pullRequestCommitObject(scope, issue, commit),
      createdAt: commit.committed_at,
    });
  }
  return items
    .map((item, index) => ({ item, index }))
    .sort(
      (a, b) =>
        String(a.item.createdAt).localeCompare(String(b.item.createdAt)) || a.index - b.index,
    )
    .map(({ item }) => item);
}

/** A `PullRequestCommit` wrapping the pull request's commit record. */
export function pullRequestCommitObject(
  scope: MapScope,
  issue: IssueRecord,
  commit: NonNullable<IssueRecord['pull']>['commits'][number],
): GraphQLObject {
  const git = commitFacts(scope, commit.sha);
  const user = scope.store.users.get(commit.author.toLowerCase());
  const url = `${scope.issueUrl(issue.number)}/commits/${commit.sha}`;
  return {
    __typename: 'PullRequestCommit',
    id: Buffer.from(`017:PullRequestCommit${issue.id}:${commit.sha}`).toString('base64'),
    url,
    resourcePath: scope.resourcePath(url),
    pullRequest: () => scope.issueOrPullRequest(issue.number),
    commit: commitObject(scope, commit.sha, {
      message: commit.message,
      authorLogin: commit.author,
      authorName: user?.name ?? commit.author,
      authorEmail: user?.email ?? `${commit.author}@users.noreply.github.com`,
      authoredDate: commit.committed_at,
      committedDate: commit.committed_at,
      parents: git?.parents ?? [],
      tree: git?.tree,
    }),
  };
}
