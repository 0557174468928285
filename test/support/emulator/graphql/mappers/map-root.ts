// The `Query` root: repository(owner, name), viewer, user(login), rateLimit, node(id), nodes(ids).
import { GitHubTypedError } from '../github-errors';
import type { RateLimitState } from '../rate-limit';
import type { GraphQLObject } from './map-actors';
import { reviewThreadObjects } from './map-comments';
import type { MapScope } from './map-scope';

export interface QueryFigures {
  cost: number;
  nodeCount: number;
  rateLimit: RateLimitState;
}

function findNode(scope: MapScope, id: string): GraphQLObject | null {
  const { store } = scope;
  if (id === store.repository.node_id) return scope.repository();
  for (const issue of store.issues.values()) {
    if (issue.node_id === id) return scope.issueOrPullRequest(issue.number);
  }
  for (const user of store.users.values()) {
    if (user.node_id === id) return scope.actor(user.login);
  }
  if (Buffer.from(id, 'base64').toString().startsWith('020:PullRequestReviewThread')) {
    for (const issue of store.issues.values()) {
      const thread = issue.pull
        ? reviewThreadObjects(scope, issue).find((t) => t.id === id)
        : undefined;
      if (thread) return thread;
    }
  }
  return null;
}

export function queryRoot(scope: MapScope, figures: QueryFigures): Record<string, unknown> {
  const { store } = scope;
  return {
    repository: (args: { owner: string; name: string }) => {
      const repo = store.repository;
      if (
        args.owner.toLowerCase() === repo.owner.toLowerCase() &&
        args.name.toLowerCase() === repo.name.toLowerCase()
      ) {
        return scope.repository();
      }
      throw new GitHubTypedError(
        'NOT_FOUND',
        `Could not resolve to a Repository with the name '${args.owner}/${args.name}'.`,
      );
    },
    viewer: () => {
      const viewer = scope.user(scope.viewerLogin);
      // An installation token (GITHUB_TOKEN) has no user behind it: GitHub refuses `viewer`.
      if (!viewer)
        throw new GitHubTypedError('FORBIDDEN', 'Resource not accessible by integration');
      return viewer;
    },
    user: (args: { login: string }) => {
      const user = scope.user(args.login);
      if (!user)
        throw new GitHubTypedError(
          'NOT_FOUND',
          `Could not resolve to a User with the login of '${args.login}'.`,
        );
      return user;
    },
    rateLimit: () => ({
      __typename: 'RateLimit',
      cost: figures.cost,
      limit: figures.rateLimit.limit,
      nodeCount: figures.nodeCount,
      remaining: Math.max(0, figures.rateLimit.limit - figures.rateLimit.used),
      used: figures.rateLimit.used,
      resetAt: figures.rateLimit.resetAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    }),
    node: (args: { id: string }) => findNode(scope, args.id),
    nodes: (args: { ids: string[] }) => args.ids.map((id) => findNode(scope, id)),
  };
}
