// Git commits as GraphQL `Commit` objects, from the store's git objects (or a pull request's
// commit record), with `history` walking parents newest first and honouring path/since/until.
import type { GraphQLObject } from './map-actors';
import type { MapScope } from './map-scope';

export interface CommitFacts {
  message: string;
  /** Login of the author when known (pull request commit records carry one). */
  authorLogin?: string;
  authorName: string;
  authorEmail: string;
  authoredDate: string;
  committedDate: string;
  parents: string[];
  tree?: string;
}

function loginFromEmail(email: string): string | undefined {
  const match = email.match(/^(?:\d+\+)?([^@]+)@users\.noreply\.github\.com$/i);
  return match?.[1];
}

function gitActor(
  scope: MapScope,
  name: string,
  email: string,
  date: string,
  login?: string,
): GraphQLObject {
  const user = scope.user(login ?? loginFromEmail(email) ?? name);
  return {
    __typename: 'GitActor',
    name,
    email,
    date,
    user,
    avatarUrl:
      (user?.avatarUrl as string | undefined) ?? 'https://avatars.githubusercontent.com/u/0?v=4',
  };
}

/** What the store knows about a commit id, or undefined when the id is not a git object. */
export function commitFacts(scope: MapScope, sha: string): CommitFacts | undefined {
  const data = scope.store.git.readCommit(sha);
  if (!data) return undefined;
  return {
    message: data.message,
    authorName: data.author.name,
    authorEmail: data.author.email,
    authoredDate: data.author.date,
    committedDate: data.committer.date,
    parents: data.parents,
    tree: data.tree,
  };
}

function changesPath(scope: MapScope, facts: CommitFacts, path: string): boolean {
  const git = scope.store.git;
  const mine = facts.tree ? git.lookupPath(facts.tree, path)?.sha : undefined;
  const parent = facts.parents[0] ? git.readCommit(facts.parents[0]) : undefined;
  const theirs = parent ? git.lookupPath(parent.tree, path)?.sha : undefined;
  return mine !== theirs;
}

interface HistoryArgs {
  path?: string | null;
  since?: string | null;
  until?: string | null;
  author?: { emails?: string[] | null } | null;
}

function history(scope: MapScope, start: string, args: HistoryArgs): GraphQLObject[] {
  const out: GraphQLObject[] = [];
  const seen = new Set<string>();
  const queue = [start];
  while (queue.length > 0) {
    const sha = queue.shift() as string;
    if (seen.has(sha)) continue;
    seen.add(sha);
    const facts = commitFacts(scope, sha);
    if (!facts) continue;
    queue.push(...facts.parents);
    if (args.since && facts.committedDate < args.since) continue;
    if (args.until && facts.committedDate > args.until) continue;
    if (args.path && !changesPath(scope, facts, args.path)) continue;
    if (args.author?.emails?.length && !args.author.emails.includes(facts.authorEmail)) continue;
    out.push(commitObject(scope, sha, facts));
  }
  return out.sort((a, b) => String(b.committedDate).localeCompare(String(a.committedDate)));
}

/** A `Commit`; `facts` override what the git objects say (pull request commit records). */
export function commitObject(scope: MapScope, sha: string, facts?: CommitFacts): GraphQLObject {
  const known = facts ?? commitFacts(scope, sha);
  const message = known?.message ?? '';
  const [headline = '', ...rest] = message.split('\n');
  const url = scope.commitUrl(sha);
  const author = known
    ? gitActor(scope, known.authorName, known.authorEmail, known.authoredDate, known.authorLogin)
    : null;
  return {
    __typename: 'Commit',
    id: Buffer.from(`06:Commit${scope.store.repository.id}:${sha}`).toString('base64'),
    oid: sha,
    abbreviatedOid: sha.slice(0, 7),
    message,
    messageHeadline: headline,
    messageBody: rest.join('\n').trim(),
    messageHeadlineHTML: headline,
    messageBodyHTML: rest.join('\n').trim(),
    committedDate: known?.committedDate ?? scope.store.repository.created_at,
    authoredDate: known?.authoredDate ?? scope.store.repository.created_at,
    committedViaWeb: false,
    author,
    committer: author,
    authors: author ? [author] : [],
    url,
    commitUrl: url,
    resourcePath: scope.resourcePath(url),
    commitResourcePath: scope.resourcePath(url),
    treeUrl: `${scope.repoUrl}/tree/${sha}`,
    treeResourcePath: `/${scope.store.repository.full_name}/tree/${sha}`,
    tree: known?.tree
      ? { __typename: 'Tree', oid: known.tree, abbreviatedOid: known.tree.slice(0, 7) }
      : null,
    parents: () => (known?.parents ?? []).map((parent) => commitObject(scope, parent)),
    history: (args: HistoryArgs) => history(scope, sha, args),
    changedFilesIfAvailable: null,
    signature: null,
    status: null,
    statusCheckRollup: null,
    repository: () => scope.repository(),
  };
}
