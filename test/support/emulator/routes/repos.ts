// Repository metadata, branches, file contents, comparisons, collaborator permissions,
// workflow runs and Dependabot alerts.
import { HttpError, notFound, ok, type EmulatorRequest, type RouteTable } from '../http-types';
import { paginate, paginateByCursor } from '../pagination';
import { collaboratorPermission, dependabotAlert, workflowRun } from '../serializers/actions';
import { branch, contentDirectory, contentFile, restCommit } from '../serializers/git';
import { repoApiUrl, repoHtmlUrl, repository } from '../serializers/users-repos';
import { resolveCommitish } from './git';

function getBranch(request: EmulatorRequest) {
  const name = request.pathParams.branch ?? '';
  const sha = request.ctx.store.branchSha(name);
  if (!sha) throw new HttpError(404, 'Branch not found');
  return ok(branch(request.ctx, name, sha));
}

function getContent(request: EmulatorRequest) {
  const { store } = request.ctx;
  const ref = request.query.ref ?? store.repository.default_branch;
  const commit = resolveCommitish(request, ref);
  const tree = commit ? store.git.readCommit(commit)?.tree : undefined;
  if (!tree) throw new HttpError(404, `No commit found for the ref ${ref}`);
  const path = (request.pathParams.path ?? '').replace(/^\/+|\/+$/g, '');
  const entry = path === '' ? { mode: '040000', sha: tree } : store.git.lookupPath(tree, path);
  if (!entry) throw notFound();
  if (entry.mode === '040000') return ok(contentDirectory(request.ctx, path, ref, entry.sha));
  return ok(contentFile(request.ctx, path, ref, entry.sha));
}

function compare(request: EmulatorRequest) {
  const basehead = request.pathParams.basehead ?? '';
  const split = basehead.indexOf('...');
  if (split < 0) throw notFound();
  const base = resolveCommitish(request, basehead.slice(0, split));
  const head = resolveCommitish(request, basehead.slice(split + 3));
  if (!base || !head) throw notFound();
  const { git } = request.ctx.store;
  const mergeSha = git.mergeBase(base, head) ?? base;
  const ahead = git.commitsBetween(mergeSha, head);
  const behind = git.commitsBetween(mergeSha, base);
  const status =
    ahead.length === 0 && behind.length === 0
      ? 'identical'
      : behind.length === 0
        ? 'ahead'
        : ahead.length === 0
          ? 'behind'
          : 'diverged';
  const html = `${repoHtmlUrl(request.ctx)}/compare/${basehead}`;
  return ok({
    url: `${repoApiUrl(request.ctx)}/compare/${basehead}`,
    html_url: html,
    permalink_url: `${repoHtmlUrl(request.ctx)}/compare/${base}...${head}`,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    base_commit: restCommit(request.ctx, base),
    merge_base_commit: restCommit(request.ctx, mergeSha),
    status,
    ahead_by: ahead.length,
    behind_by: behind.length,
    total_commits: ahead.length,
    commits: ahead.slice(0, 250).map((sha) => restCommit(request.ctx, sha)),
    files: [],
  });
}

/** GitHub's `created` filter: `>=DATE`, `<=DATE`, `>DATE`, `<DATE`, `DATE..DATE` or a plain date. */
export function matchesDateFilter(value: string, filter: string): boolean {
  const time = new Date(value).getTime();
  const range = /^(.+)\.\.(.+)$/.exec(filter);
  if (range) {
    const from = range[1] === '*' ? -Infinity : new Date(range[1] as string).getTime();
    const to = range[2] === '*' ? Infinity : endOf(range[2] as string);
    return time >= from && time <= to;
  }
  const op = /^(>=|<=|>|<)?(.+)$/.exec(filter);
  const bound = op?.[2] ?? filter;
  switch (op?.[1]) {
    case '>=':
      return time >= new Date(bound).getTime();
    case '>':
      return time > endOf(bound);
    case '<=':
      return time <= endOf(bound);
    case '<':
      return time < new Date(bound).getTime();
    default:
      return time >= new Date(bound).getTime() && time <= endOf(bound);
  }
}

/** A date-only bound covers its whole day. */
function endOf(bound: string): number {
  const time = new Date(bound).getTime();
  return /^\d{4}-\d{2}-\d{2}$/.test(bound) ? time + 86_399_999 : time;
}

function listRuns(request: EmulatorRequest) {
  const q = request.query;
  const runs = request.ctx.store.workflowRuns
    .filter((run) => !q.branch || run.head_branch === q.branch)
    .filter((run) => !q.event || run.event === q.event)
    .filter((run) => !q.actor || run.actor === q.actor)
    .filter((run) => !q.head_sha || run.head_sha === q.head_sha)
    .filter((run) => !q.status || run.status === q.status || run.conclusion === q.status)
    .filter((run) => !q.created || matchesDateFilter(run.created_at, q.created))
    .sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id - a.id);
  return paginate(request, runs, (page) => ({
    total_count: runs.length,
    workflow_runs: page.map((run) => workflowRun(request.ctx, run)),
  }));
}

function listAlerts(request: EmulatorRequest) {
  const q = request.query;
  const list = (value: string | undefined) =>
    value ? value.split(',').map((s) => s.trim()) : undefined;
  const states = list(q.state);
  const severities = list(q.severity);
  const ecosystems = list(q.ecosystem);
  const packages = list(q.package);
  const alerts = request.ctx.store.dependabotAlerts
    .filter((a) => !states || states.includes(a.state))
    .filter((a) => !severities || severities.includes(a.severity))
    .filter((a) => !ecosystems || ecosystems.includes(a.ecosystem))
    .filter((a) => !packages || packages.includes(a.package))
    .filter((a) => !q.scope || a.scope === q.scope)
    .sort((a, b) => (q.direction === 'asc' ? 1 : -1) * a.created_at.localeCompare(b.created_at));
  return paginateByCursor(
    request,
    alerts,
    (a) => String(a.number),
    (page) => page.map((alert) => dependabotAlert(request.ctx, alert)),
  );
}

/** Commits reachable from `sha` (default branch by default), newest first, with GitHub's filters. */
function listCommits(request: EmulatorRequest) {
  const { store } = request.ctx;
  const q = request.query;
  const start = resolveCommitish(request, q.sha ?? store.repository.default_branch);
  if (!start) throw new HttpError(404, `No commit found for SHA: ${q.sha ?? ''}`);
  const seen = new Set<string>();
  const stack = [start];
  const commits: Array<{ sha: string; date: string }> = [];
  while (stack.length > 0) {
    const sha = stack.pop() as string;
    if (seen.has(sha)) continue;
    seen.add(sha);
    const commit = store.git.readCommit(sha);
    if (!commit) continue;
    stack.push(...commit.parents);
    const date = commit.committer.date;
    if (q.since && date < q.since) continue;
    if (q.until && date > q.until) continue;
    if (q.author && !commit.author.email.includes(q.author) && commit.author.name !== q.author)
      continue;
    if (q.path) {
      const path = q.path.replace(/^\/+/, '');
      const parentTree = commit.parents[0]
        ? store.git.readCommit(commit.parents[0])?.tree
        : undefined;
      const before = parentTree ? store.git.lookupPath(parentTree, path)?.sha : undefined;
      if (store.git.lookupPath(commit.tree, path)?.sha === before) continue;
    }
    commits.push({ sha, date });
  }
  commits.sort((a, b) => b.date.localeCompare(a.date));
  return paginate(request, commits, (page) => page.map((c) => restCommit(request.ctx, c.sha)));
}

function listBranches(request: EmulatorRequest) {
  const branches = [...request.ctx.store.git.refs.entries()]
    .filter(([ref]) => ref.startsWith('refs/heads/'))
    .map(([ref, sha]) => ({ name: ref.slice('refs/heads/'.length), sha }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return paginate(request, branches, (page) =>
    page.map((b) => ({
      name: b.name,
      commit: { sha: b.sha, url: `${repoApiUrl(request.ctx)}/commits/${b.sha}` },
      protected: false,
    })),
  );
}

export const repoRoutes: RouteTable = {
  'repos/list-commits': listCommits,
  'repos/list-branches': listBranches,
  'repos/get': (r) => ok(repository(r.ctx, true)),
  'repos/get-branch': getBranch,
  'repos/get-content': getContent,
  'repos/compare-commits-with-basehead': compare,
  'repos/get-collaborator-permission-level': (r) => {
    const login = r.pathParams.username ?? '';
    if (!r.ctx.store.users.has(login.toLowerCase())) throw notFound();
    return ok(collaboratorPermission(r.ctx, login));
  },
  'actions/list-workflow-runs-for-repo': listRuns,
  'dependabot/list-alerts-for-repo': listAlerts,
};
