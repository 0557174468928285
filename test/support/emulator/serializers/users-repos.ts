// GitHub-shaped users and repositories, built from store records.
import type { EmulatorStore, Permission, UserRecord } from '../store';

export const HTML_BASE = 'https://github.com';

/** What every serializer needs: the store and the API base URL that `url` fields point at. */
export interface SerializeContext {
  store: EmulatorStore;
  baseUrl: string;
}

export function simpleUser(ctx: SerializeContext, login: string): Record<string, unknown> {
  const user: UserRecord = ctx.store.user(login);
  const api = `${ctx.baseUrl}/users/${encodeURIComponent(user.login)}`;
  return {
    login: user.login,
    id: user.id,
    node_id: user.node_id,
    avatar_url: `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
    gravatar_id: '',
    url: api,
    html_url: `${HTML_BASE}/${user.type === 'Bot' ? `apps/${encodeURIComponent(user.login.replace(/\[bot\]$/, ''))}` : encodeURIComponent(user.login)}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: user.type,
    user_view_type: 'public',
    site_admin: false,
  };
}

export function repoApiUrl(ctx: SerializeContext): string {
  return `${ctx.baseUrl}/repos/${ctx.store.repository.full_name}`;
}

export function repoHtmlUrl(ctx: SerializeContext): string {
  return `${HTML_BASE}/${ctx.store.repository.full_name}`;
}

/** The fields shared by minimal-repository, repository and full-repository. */
export function minimalRepository(ctx: SerializeContext): Record<string, unknown> {
  const repo = ctx.store.repository;
  const api = repoApiUrl(ctx);
  return {
    id: repo.id,
    node_id: repo.node_id,
    name: repo.name,
    full_name: repo.full_name,
    owner: simpleUser(ctx, repo.owner),
    private: repo.private,
    html_url: repoHtmlUrl(ctx),
    description: repo.description,
    fork: false,
    url: api,
    archive_url: `${api}/{archive_format}{/ref}`,
    assignees_url: `${api}/assignees{/user}`,
    blobs_url: `${api}/git/blobs{/sha}`,
    branches_url: `${api}/branches{/branch}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    comments_url: `${api}/comments{/number}`,
    commits_url: `${api}/commits{/sha}`,
    compare_url: `${api}/compare/{base}...{head}`,
    contents_url: `${api}/contents/{+path}`,
    contributors_url: `${api}/contributors`,
    deployments_url: `${api}/deployments`,
    downloads_url: `${api}/downloads`,
    events_url: `${api}/events`,
    forks_url: `${api}/forks`,
    git_commits_url: `${api}/git/commits{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    hooks_url: `${api}/hooks`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    issue_events_url: `${api}/issues/events{/number}`,
    issues_url: `${api}/issues{/number}`,
    keys_url: `${api}/keys{/key_id}`,
    labels_url: `${api}/labels{/name}`,
    languages_url: `${api}/languages`,
    merges_url: `${api}/merges`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    pulls_url: `${api}/pulls{/number}`,
    releases_url: `${api}/releases{/id}`,
    stargazers_url: `${api}/stargazers`,
    statuses_url: `${api}/statuses/{sha}`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    tags_url: `${api}/tags`,
    teams_url: `${api}/teams`,
    trees_url: `${api}/git/trees{/sha}`,
  };
}

/** The `repository` schema (used in pull request heads and bases) and, with extras, full-repository. */
export function repository(ctx: SerializeContext, full = false): Record<string, unknown> {
  const repo = ctx.store.repository;
  const openIssues = [...ctx.store.issues.values()].filter((i) => i.state === 'open').length;
  const pushedAt = repo.updated_at;
  const base: Record<string, unknown> = {
    ...minimalRepository(ctx),
    clone_url: `${repoHtmlUrl(ctx)}.git`,
    git_url: `git://github.com/${repo.full_name}.git`,
    ssh_url: `git@github.com:${repo.full_name}.git`,
    svn_url: repoHtmlUrl(ctx),
    mirror_url: null,
    homepage: null,
    language: 'TypeScript',
    default_branch: repo.default_branch,
    forks: 0,
    forks_count: 0,
    stargazers_count: 0,
    watchers: 0,
    watchers_count: 0,
    size: 1,
    open_issues: openIssues,
    open_issues_count: openIssues,
    has_issues: true,
    has_projects: true,
    has_downloads: true,
    has_wiki: true,
    has_pages: false,
    has_discussions: false,
    archived: false,
    disabled: false,
    visibility: repo.private ? 'private' : 'public',
    license: null,
    topics: [],
    is_template: false,
    allow_forking: true,
    web_commit_signoff_required: false,
    pushed_at: pushedAt,
    created_at: repo.created_at,
    updated_at: repo.updated_at,
  };
  if (full) {
    Object.assign(base, {
      network_count: 0,
      subscribers_count: 0,
      permissions: { admin: true, maintain: true, push: true, triage: true, pull: true },
      allow_merge_commit: true,
      allow_squash_merge: true,
      allow_rebase_merge: true,
      delete_branch_on_merge: false,
    });
  }
  return base;
}

const PERMISSION_ORDER: Permission[] = ['read', 'triage', 'write', 'maintain', 'admin'];

/** The legacy `permission` value and the permissions map for a role. */
export function permissionView(permission: Permission | 'none'): {
  legacy: string;
  map: { pull: boolean; triage: boolean; push: boolean; maintain: boolean; admin: boolean };
} {
  const rank = permission === 'none' ? -1 : PERMISSION_ORDER.indexOf(permission);
  const legacy =
    permission === 'none'
      ? 'none'
      : rank >= 3
        ? rank === 4
          ? 'admin'
          : 'write'
        : rank === 2
          ? 'write'
          : 'read';
  return {
    legacy,
    map: {
      pull: rank >= 0,
      triage: rank >= 1,
      push: rank >= 2,
      maintain: rank >= 3,
      admin: rank >= 4,
    },
  };
}
