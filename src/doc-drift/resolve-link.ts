// Resolves a doc's relative link against the repository, as GitHub does for a file in a branch.
import path from 'node:path';

export interface ResolvedLink {
  /** Repository-relative target path ('' for the root, same file for `#x`). */
  path: string;
  fragment?: string;
  /** The link climbs above the repository root. */
  leaves: boolean;
  /** It climbs out to a GitHub page of the repository (`../../issues` from the root). */
  githubPage: boolean;
  /** Written from the repository root (`/docs/a.md`). */
  fromRoot?: boolean;
}

/** Pages of a repository on GitHub that a relative link climbing above the root may reach. */
const GITHUB_PAGES = new Set([
  'issues',
  'pulls',
  'pull',
  'wiki',
  'actions',
  'releases',
  'discussions',
  'security',
  'pulse',
  'graphs',
  'network',
  'tags',
  'branches',
  'compare',
  'commits',
  'commit',
  'tree',
  'blob',
  'raw',
  'labels',
  'milestones',
  'projects',
  'settings',
  'stargazers',
  'watchers',
  'forks',
  'packages',
  'deployments',
  'community',
  'contributors',
  'activity',
  'milestone',
  'issue',
  'discussion',
  'edit',
]);

export function resolveLink(docPath: string, url: string): ResolvedLink {
  const hash = url.indexOf('#');
  const fragment = hash === -1 ? undefined : url.slice(hash + 1);
  let target = hash === -1 ? url : url.slice(0, hash);
  const query = target.indexOf('?');
  if (query !== -1) target = target.slice(0, query);
  if (target === '') return { path: docPath, fragment, leaves: false, githubPage: false };
  const dir = path.posix.dirname(docPath);
  // GitHub serves the file at /<owner>/<repo>/blob/<branch>/<path>: resolve under that prefix.
  const root = '/o/r/blob/b';
  const fromRoot = target.startsWith('/');
  const joined = path.posix.normalize(
    path.posix.join(root, fromRoot || dir === '.' ? '' : dir, target),
  );
  if (joined === root || joined.startsWith(`${root}/`)) {
    return {
      path: joined.slice(root.length + 1).replace(/\/$/, ''),
      fragment,
      leaves: false,
      githubPage: false,
      ...(fromRoot ? { fromRoot } : {}),
    };
  }
  // Climbing two levels above the root lands on /<owner>/<repo>/<page> (`../../issues`).
  const parts = joined.split('/');
  const githubPage =
    !joined.startsWith('/o/r/blob/') &&
    parts[1] === 'o' &&
    parts[2] === 'r' &&
    GITHUB_PAGES.has(parts[3] ?? '');
  return { path: joined, fragment, leaves: true, githubPage };
}
