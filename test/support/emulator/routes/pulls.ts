// Pull requests: create (head must exist, one open PR per head), get, update, list, merge,
// reviews, review comments and commits.
import {
  bodyOf,
  HttpError,
  intParam,
  notFound,
  ok,
  validationFailed,
  type EmulatorRequest,
  type RouteTable,
} from '../http-types';
import { diffLines } from '../line-diff';
import { paginate } from '../pagination';
import { restCommit } from '../serializers/git';
import { pullRequest, review, reviewComment } from '../serializers/pulls';
import { repoApiUrl, simpleUser } from '../serializers/users-repos';
import type { IssueRecord, PullCommitRecord, ReviewCommentRecord } from '../store';

function findPull(request: EmulatorRequest): IssueRecord {
  const record = request.ctx.store.issue(intParam(request, 'pull_number'));
  if (!record?.pull) throw notFound();
  request.ctx.store.refreshPull(record.number);
  return record;
}

/** `owner:branch` or `branch` -> branch name (undefined when the owner is another account). */
function headBranch(request: EmulatorRequest, head: string): string | undefined {
  const split = head.indexOf(':');
  if (split < 0) return head;
  return head.slice(0, split).toLowerCase() === request.ctx.store.repository.owner.toLowerCase()
    ? head.slice(split + 1)
    : undefined;
}

function listPulls(request: EmulatorRequest) {
  const q = request.query;
  const state = q.state ?? 'open';
  const head = q.head ? headBranch(request, q.head) : undefined;
  const records = request.ctx.store.pullRequests().filter((r) => {
    request.ctx.store.refreshPull(r.number);
    if (state !== 'all' && r.state !== state) return false;
    if (q.head && r.pull?.head.ref !== head) return false;
    if (q.base && r.pull?.base.ref !== q.base) return false;
    return true;
  });
  const key = (r: IssueRecord) => (q.sort === 'updated' ? r.updated_at : r.created_at);
  const sign =
    q.direction === 'asc' || (q.direction === undefined && q.sort === 'long-running') ? 1 : -1;
  records.sort((a, b) => sign * (key(a).localeCompare(key(b)) || a.number - b.number));
  return paginate(request, records, (page) => page.map((r) => pullRequest(request.ctx, r)));
}

function createPull(request: EmulatorRequest) {
  const { store } = request.ctx;
  const body = bodyOf<{
    title?: string;
    head: string;
    base: string;
    body?: string;
    draft?: boolean;
  }>(request);
  const head = headBranch(request, body.head);
  const headSha = head ? store.branchSha(head) : undefined;
  const baseSha = store.branchSha(body.base);
  if (!headSha || !head)
    throw validationFailed('Validation Failed', [
      { resource: 'PullRequest', field: 'head', code: 'invalid' },
    ]);
  if (!baseSha)
    throw validationFailed('Validation Failed', [
      { resource: 'PullRequest', field: 'base', code: 'invalid' },
    ]);
  const existing = store
    .pullRequests()
    .find((r) => r.state === 'open' && r.pull?.head.ref === head && r.pull.base.ref === body.base);
  if (existing) {
    throw validationFailed('Validation Failed', [
      {
        resource: 'PullRequest',
        code: 'custom',
        message: `A pull request already exists for ${store.repository.owner}:${head}.`,
      },
    ]);
  }
  if (store.git.isAncestor(headSha, baseSha)) {
    throw validationFailed('Validation Failed', [
      {
        resource: 'PullRequest',
        code: 'custom',
        message: `No commits between ${body.base} and ${head}`,
      },
    ]);
  }
  if (!body.title)
    throw validationFailed('Validation Failed', [
      { resource: 'PullRequest', field: 'title', code: 'missing_field' },
    ]);
  const record = store.addPullRequest({
    author: store.viewer,
    title: body.title,
    body: body.body ?? null,
    head,
    headSha,
    base: body.base,
    draft: body.draft ?? false,
    commits: [],
  });
  store.refreshPull(record.number, true);
  return ok(pullRequest(request.ctx, record, true), 201, {
    location: `${repoApiUrl(request.ctx)}/pulls/${record.number}`,
  });
}

function updatePull(request: EmulatorRequest) {
  const { store } = request.ctx;
  const record = findPull(request);
  const pull = record.pull as NonNullable<IssueRecord['pull']>;
  const body = bodyOf<{ title?: string; body?: string; state?: 'open' | 'closed'; base?: string }>(
    request,
  );
  const now = store.now();
  if (body.title !== undefined) record.title = body.title;
  if (body.body !== undefined) record.body = body.body;
  if (body.base !== undefined) {
    const baseSha = store.branchSha(body.base);
    if (!baseSha)
      throw validationFailed('Validation Failed', [
        { resource: 'PullRequest', field: 'base', code: 'invalid' },
      ]);
    pull.base = { ref: body.base, sha: baseSha };
  }
  if (body.state === 'closed' && record.state === 'open') {
    record.state = 'closed';
    record.closed_at = now;
    record.closed_by = store.viewer;
  } else if (body.state === 'open' && record.state === 'closed') {
    if (pull.merged_at)
      throw validationFailed('Validation Failed', [
        {
          resource: 'PullRequest',
          code: 'custom',
          message: 'state cannot be changed. The pull request has been merged.',
        },
      ]);
    if (!store.branchSha(pull.head.ref))
      throw validationFailed('Validation Failed', [
        {
          resource: 'PullRequest',
          code: 'custom',
          message: 'state cannot be changed. The head branch was deleted.',
        },
      ]);
    record.state = 'open';
    record.closed_at = null;
    record.closed_by = null;
  }
  record.updated_at = now;
  return ok(pullRequest(request.ctx, record, true));
}

function mergePull(request: EmulatorRequest) {
  const { store } = request.ctx;
  const record = findPull(request);
  const pull = record.pull as NonNullable<IssueRecord['pull']>;
  const body = bodyOf<{
    commit_title?: string;
    commit_message?: string;
    sha?: string;
    merge_method?: string;
  }>(request);
  if (record.state !== 'open') throw new HttpError(405, 'Pull Request is not mergeable');
  if (body.sha && body.sha !== pull.head.sha)
    throw new HttpError(409, 'Head branch was modified. Review and try the merge again.');
  const baseSha = store.branchSha(pull.base.ref) ?? pull.base.sha;
  const headTree = store.git.readCommit(pull.head.sha)?.tree;
  if (!headTree) throw new HttpError(405, 'Pull Request is not mergeable');
  const now = store.now();
  const signature = {
    name: store.viewer,
    email: `${store.viewer}@users.noreply.github.com`,
    date: now,
  };
  const title =
    body.commit_title ??
    `Merge pull request #${record.number} from ${store.repository.owner}/${pull.head.ref}`;
  const sha = store.git.writeCommit({
    tree: headTree,
    parents:
      body.merge_method === 'squash' || body.merge_method === 'rebase'
        ? [baseSha]
        : [baseSha, pull.head.sha],
    author: signature,
    committer: signature,
    message: body.commit_message ? `${title}\n\n${body.commit_message}` : title,
  });
  store.git.refs.set(`refs/heads/${pull.base.ref}`, sha);
  Object.assign(pull, { merged_at: now, merged_by: store.viewer, merge_commit_sha: sha });
  Object.assign(record, {
    state: 'closed',
    closed_at: now,
    closed_by: store.viewer,
    updated_at: now,
  });
  return ok({ sha, merged: true, message: 'Pull Request successfully merged' });
}

function pullCommit(request: EmulatorRequest, commit: PullCommitRecord): Record<string, unknown> {
  if (request.ctx.store.git.readCommit(commit.sha)) return restCommit(request.ctx, commit.sha);
  const api = repoApiUrl(request.ctx);
  const user = request.ctx.store.user(commit.author);
  const person = {
    name: user.login,
    email: `${user.login}@users.noreply.github.com`,
    date: commit.committed_at,
  };
  return {
    url: `${api}/commits/${commit.sha}`,
    sha: commit.sha,
    node_id: Buffer.from(`Commit:${commit.sha}`).toString('base64'),
    html_url: `https://github.com/${request.ctx.store.repository.full_name}/commit/${commit.sha}`,
    comments_url: `${api}/commits/${commit.sha}/comments`,
    commit: {
      url: `${api}/git/commits/${commit.sha}`,
      author: person,
      committer: person,
      message: commit.message,
      tree: {
        sha: '4b825dc642cb6eb9a060e54bf8d69288fbee4904',
        url: `${api}/git/trees/4b825dc642cb6eb9a060e54bf8d69288fbee4904`,
      },
      comment_count: 0,
    },
    author: simpleUser(request.ctx, user.login),
    committer: simpleUser(request.ctx, user.login),
    parents: [],
  };
}

function allReviewComments(
  request: EmulatorRequest,
): Array<{ number: number; comment: ReviewCommentRecord }> {
  return request.ctx.store
    .pullRequests()
    .flatMap((r) =>
      (r.pull?.review_comments ?? []).map((comment) => ({ number: r.number, comment })),
    );
}

function listRepoReviewComments(request: EmulatorRequest) {
  const q = request.query;
  const since = q.since ? new Date(q.since).getTime() : -Infinity;
  const key = (c: ReviewCommentRecord) => (q.sort === 'updated' ? c.updated_at : c.created_at);
  const sign = q.direction === 'desc' ? -1 : 1;
  const items = allReviewComments(request)
    .filter(({ comment }) => new Date(comment.updated_at).getTime() >= since)
    .sort(
      (a, b) =>
        sign * (key(a.comment).localeCompare(key(b.comment)) || a.comment.id - b.comment.id),
    );
  return paginate(request, items, (page) =>
    page.map(({ number, comment }) => reviewComment(request.ctx, number, comment)),
  );
}

/** The files a pull request changes: base tip (as of the PR's base sha) against head, blobs only. */
function listFiles(request: EmulatorRequest) {
  const { store } = request.ctx;
  const record = findPull(request);
  const pull = record.pull as NonNullable<IssueRecord['pull']>;
  const tree = (sha: string) => {
    const treeSha = store.git.readCommit(sha)?.tree;
    const entries = treeSha ? store.git.flattenTree(treeSha).filter((e) => e.type === 'blob') : [];
    return new Map(entries.map((e) => [e.path, e.sha]));
  };
  const before = tree(store.git.mergeBase(pull.base.sha, pull.head.sha) ?? pull.base.sha);
  const after = tree(pull.head.sha);
  const text = (sha: string | undefined) =>
    sha ? (store.git.get(sha)?.payload.toString('utf8') ?? '') : '';
  const paths = [...new Set([...before.keys(), ...after.keys()])]
    .filter((p) => before.get(p) !== after.get(p))
    .sort();
  const full = store.repository.full_name;
  const files = paths.map((filename) => {
    const oldSha = before.get(filename);
    const newSha = after.get(filename);
    const diff = diffLines(text(oldSha), text(newSha));
    const ref = newSha ? pull.head.sha : pull.base.sha;
    return {
      sha: newSha ?? oldSha,
      filename,
      status: !oldSha ? 'added' : !newSha ? 'removed' : 'modified',
      additions: diff.additions,
      deletions: diff.deletions,
      changes: diff.additions + diff.deletions,
      blob_url: `https://github.com/${full}/blob/${ref}/${filename}`,
      raw_url: `https://github.com/${full}/raw/${ref}/${filename}`,
      contents_url: `${repoApiUrl(request.ctx)}/contents/${filename}?ref=${ref}`,
      patch: diff.patch,
    };
  });
  return paginate(request, files);
}

export const pullRoutes: RouteTable = {
  'pulls/list-files': listFiles,
  'pulls/list': listPulls,
  'pulls/create': createPull,
  'pulls/get': (r) => ok(pullRequest(r.ctx, findPull(r), true)),
  'pulls/update': updatePull,
  'pulls/merge': mergePull,
  'pulls/check-if-merged': (r) => {
    if (!findPull(r).pull?.merged_at) throw notFound();
    return ok(undefined, 204);
  },
  'pulls/list-reviews': (r) => {
    const record = findPull(r);
    return paginate(r, record.pull?.reviews ?? [], (page) =>
      page.map((x) => review(r.ctx, record.number, x)),
    );
  },
  'pulls/list-review-comments': (r) => {
    const record = findPull(r);
    return paginate(r, record.pull?.review_comments ?? [], (page) =>
      page.map((c) => reviewComment(r.ctx, record.number, c)),
    );
  },
  'pulls/list-review-comments-for-repo': listRepoReviewComments,
  'pulls/list-commits': (r) => {
    const record = findPull(r);
    return paginate(r, record.pull?.commits ?? [], (page) => page.map((c) => pullCommit(r, c)));
  },
};
