// The repository as a GraphQL `Repository`: identity fields, refs and git objects, labels,
// issues and pull requests (number order, as GitHub lists them without orderBy), and the
// single-item lookups (pullRequest, issue, issueOrPullRequest, label, ref, object).
import { GitHubTypedError } from '../github-errors';
import type { GraphQLObject } from './map-actors';
import { commitObject } from './map-commits';
import { issueOrPullRequestObject } from './map-issues';
import { findRef, refObject } from './map-refs';
import { MapScope } from './map-scope';
import { labelObject } from './map-timeline';

/** `object(expression: "main:docs/README.md")`, `object(oid: ...)`: a Commit, Tree or Blob. */
function gitObject(
  scope: MapScope,
  args: { expression?: string | null; oid?: string | null },
): GraphQLObject | null {
  const git = scope.store.git;
  if (args.oid) return git.readCommit(args.oid) ? commitObject(scope, args.oid) : null;
  if (!args.expression) return null;
  const [rev = 'HEAD', path] = args.expression.split(/:(.*)/s);
  const headRef = rev === 'HEAD' ? scope.store.repository.default_branch : rev;
  const refSha =
    git.refs.get(`refs/heads/${headRef}`) ??
    git.refs.get(`refs/tags/${headRef}`) ??
    git.refs.get(headRef);
  const sha = refSha ?? (git.readCommit(rev) ? rev : undefined);
  if (!sha) return null;
  if (path === undefined) return commitObject(scope, sha);
  const commit = git.readCommit(sha);
  const entry =
    commit &&
    (path === '' ? { sha: commit.tree, mode: '040000' } : git.lookupPath(commit.tree, path));
  if (!entry) return null;
  const object = git.get(entry.sha);
  if (!object) return null;
  if (object.type === 'blob') {
    const isBinary = object.payload.includes(0);
    return {
      __typename: 'Blob',
      id: Buffer.from(`04:Blob${entry.sha}`).toString('base64'),
      oid: entry.sha,
      abbreviatedOid: entry.sha.slice(0, 7),
      byteSize: object.payload.length,
      isBinary,
      isTruncated: false,
      text: isBinary ? null : object.payload.toString('utf8'),
    };
  }
  return {
    __typename: 'Tree',
    id: Buffer.from(`04:Tree${entry.sha}`).toString('base64'),
    oid: entry.sha,
    abbreviatedOid: entry.sha.slice(0, 7),
    entries: (git.readTree(entry.sha) ?? []).map((e) => ({
      __typename: 'TreeEntry',
      name: e.name,
      path: path ? `${path}/${e.name}` : e.name,
      mode: parseInt(e.mode, 8),
      oid: e.sha,
      type: e.mode === '040000' ? 'tree' : e.mode === '160000' ? 'commit' : 'blob',
      isGenerated: false,
      extension: e.name.includes('.') ? `.${e.name.split('.').pop()}` : null,
      nameRaw: e.name,
      pathRaw: path ? `${path}/${e.name}` : e.name,
    })),
  };
}

function notFound(what: string, number: number): never {
  throw new GitHubTypedError(
    'NOT_FOUND',
    `Could not resolve to ${what} with the number of ${number}.`,
  );
}

export function repositoryObject(scope: MapScope): GraphQLObject {
  const { store } = scope;
  const repo = store.repository;
  const byNumber = () => [...store.issues.values()].sort((a, b) => a.number - b.number);
  return {
    __typename: 'Repository',
    id: repo.node_id,
    databaseId: repo.id,
    name: repo.name,
    nameWithOwner: repo.full_name,
    owner: scope.actor(repo.owner),
    description: repo.description,
    url: scope.repoUrl,
    resourcePath: `/${repo.full_name}`,
    homepageUrl: null,
    isPrivate: repo.private,
    visibility: repo.private ? 'PRIVATE' : 'PUBLIC',
    isArchived: false,
    isDisabled: false,
    isFork: false,
    isTemplate: false,
    isLocked: false,
    isMirror: false,
    isEmpty: store.git.refs.size === 0,
    isInOrganization: false,
    createdAt: repo.created_at,
    updatedAt: repo.updated_at,
    pushedAt: repo.updated_at,
    stargazerCount: 0,
    forkCount: 0,
    hasIssuesEnabled: true,
    hasWikiEnabled: false,
    hasProjectsEnabled: false,
    hasDiscussionsEnabled: false,
    mergeCommitAllowed: true,
    squashMergeAllowed: true,
    rebaseMergeAllowed: true,
    deleteBranchOnMerge: false,
    viewerPermission:
      store.permissionOf(scope.viewerLogin) === 'none'
        ? 'READ'
        : store.permissionOf(scope.viewerLogin).toUpperCase(),
    defaultBranchRef: () => findRef(scope, `refs/heads/${repo.default_branch}`),
    ref: (args: { qualifiedName: string }) => findRef(scope, args.qualifiedName),
    refs: (args: { refPrefix: string }) =>
      [...store.git.refs.entries()]
        .filter(([name]) => name.startsWith(args.refPrefix))
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, sha]) => ({
          ...refObject(scope, name, sha),
          name: name.slice(args.refPrefix.length),
        })),
    object: (args: { expression?: string; oid?: string }) => gitObject(scope, args),
    labels: () => [...store.labels.values()].map((label) => labelObject(scope, label.name)),
    label: (args: { name: string }) =>
      store.label(args.name) ? labelObject(scope, args.name) : null,
    pullRequests: () =>
      byNumber()
        .filter((i) => i.pull)
        .map((i) => scope.issueOrPullRequest(i.number)),
    issues: () =>
      byNumber()
        .filter((i) => !i.pull)
        .map((i) => scope.issueOrPullRequest(i.number)),
    pullRequest: (args: { number: number }) =>
      store.issue(args.number)?.pull
        ? scope.issueOrPullRequest(args.number)
        : notFound('a PullRequest', args.number),
    issue: (args: { number: number }) =>
      store.issue(args.number) && !store.issue(args.number)?.pull
        ? scope.issueOrPullRequest(args.number)
        : notFound('an Issue', args.number),
    issueOrPullRequest: (args: { number: number }) =>
      store.issue(args.number)
        ? scope.issueOrPullRequest(args.number)
        : notFound('an issue or pull request', args.number),
    assignableUsers: () =>
      [...store.collaborators.keys()].map((login) => scope.user(login)).filter(Boolean),
    mentionableUsers: () =>
      [...store.users.values()].map((user) => scope.user(user.login)).filter(Boolean),
  };
}

/** A mapping scope whose back references build repository, issue and pull request objects. */
export function createMapScope(store: MapScope['store'], viewerLogin: string): MapScope {
  return new MapScope(store, viewerLogin, (scope) => ({
    repository: () => repositoryObject(scope),
    issueOrPullRequest: (number) => {
      const issue = store.issue(number);
      return issue ? issueOrPullRequestObject(scope, issue) : null;
    },
  }));
}
