// Git refs as GraphQL `Ref` objects and a pull request's changed files (base tree vs head tree).
import type { IssueRecord } from '../../store';
import type { GraphQLObject } from './map-actors';
import { commitObject } from './map-commits';
import type { MapScope } from './map-scope';

export function refObject(scope: MapScope, qualifiedName: string, sha: string): GraphQLObject {
  const match = qualifiedName.match(/^(refs\/(?:heads|tags)\/)(.+)$/);
  const prefix = match?.[1] ?? 'refs/';
  const name = match?.[2] ?? qualifiedName;
  return {
    __typename: 'Ref',
    id: Buffer.from(`03:Ref${scope.store.repository.id}:${qualifiedName}`).toString('base64'),
    name,
    prefix,
    target: commitObject(scope, sha),
    repository: () => scope.repository(),
    associatedPullRequests: () =>
      scope.store
        .pullRequests()
        .filter((pr) => prefix === 'refs/heads/' && pr.pull?.head.ref === name)
        .map((pr) => scope.issueOrPullRequest(pr.number)),
  };
}

/** A ref by short or qualified name (`main`, `refs/heads/main`, `v1`), or null. */
export function findRef(scope: MapScope, name: string): GraphQLObject | null {
  const refs = scope.store.git.refs;
  for (const candidate of [name, `refs/heads/${name}`, `refs/tags/${name}`]) {
    const sha = refs.get(candidate);
    if (sha) return refObject(scope, candidate, sha);
  }
  return null;
}

function lines(scope: MapScope, blobSha: string | undefined): string[] {
  if (!blobSha) return [];
  const text = scope.store.git.get(blobSha, 'blob')?.payload.toString('utf8') ?? '';
  return text === '' ? [] : text.replace(/\n$/, '').split('\n');
}

/** Lines only in `after` (additions) and only in `before` (deletions), counted as a multiset. */
function lineChanges(before: string[], after: string[]): { additions: number; deletions: number } {
  const remaining = new Map<string, number>();
  for (const line of before) remaining.set(line, (remaining.get(line) ?? 0) + 1);
  let additions = 0;
  for (const line of after) {
    const left = remaining.get(line) ?? 0;
    if (left > 0) remaining.set(line, left - 1);
    else additions += 1;
  }
  const deletions = [...remaining.values()].reduce((sum, n) => sum + n, 0);
  return { additions, deletions };
}

/** `PullRequest.files`: each path whose blob differs between the base and head commits. */
export function changedFileObjects(scope: MapScope, issue: IssueRecord): GraphQLObject[] {
  const pull = issue.pull;
  const git = scope.store.git;
  const treeOf = (sha: string | undefined) => (sha ? git.readCommit(sha)?.tree : undefined);
  const blobs = (tree: string | undefined) =>
    new Map(
      (tree ? git.flattenTree(tree) : [])
        .filter((e) => e.type === 'blob')
        .map((e) => [e.path, e.sha]),
    );
  const before = blobs(treeOf(pull?.base.sha));
  const after = blobs(treeOf(pull?.head.sha));
  const paths = [...new Set([...before.keys(), ...after.keys()])].sort();
  return paths
    .filter((path) => before.get(path) !== after.get(path))
    .map((path) => {
      const changeType = !before.has(path) ? 'ADDED' : !after.has(path) ? 'DELETED' : 'MODIFIED';
      return {
        __typename: 'PullRequestChangedFile',
        path,
        changeType,
        ...lineChanges(lines(scope, before.get(path)), lines(scope, after.get(path))),
        viewerViewedState: 'UNVIEWED',
      };
    });
}
