// Git Data API: blobs, trees, commits and refs with real object ids; ref updates refuse a
// non-fast-forward without `force` exactly as GitHub does (422 "Update is not a fast forward").
import type { TreeChange } from '../git-repository';
import type { TreeEntryMode } from '../git-objects';
import {
  bodyOf,
  HttpError,
  notFound,
  ok,
  validationFailed,
  type EmulatorRequest,
  type RouteTable,
} from '../http-types';
import { isoDate } from '../store';
import { gitBlob, gitCommit, gitRef, gitTree } from '../serializers/git';
import { repoApiUrl } from '../serializers/users-repos';

const SHA = /^[0-9a-f]{40}$/i;

/** A commit id for a sha, full ref, or branch / tag name. */
export function resolveCommitish(request: EmulatorRequest, name: string): string | undefined {
  const { git } = request.ctx.store;
  if (SHA.test(name) && git.get(name.toLowerCase(), 'commit')) return name.toLowerCase();
  return (
    git.refs.get(name) ?? git.refs.get(`refs/heads/${name}`) ?? git.refs.get(`refs/tags/${name}`)
  );
}

function fullRef(ref: string): string {
  return ref.startsWith('refs/') ? ref : `refs/${ref}`;
}

function createBlob(request: EmulatorRequest) {
  const body = bodyOf<{ content: string; encoding?: string }>(request);
  if (body.encoding && body.encoding !== 'utf-8' && body.encoding !== 'base64') {
    throw validationFailed(`encoding must be "utf-8" or "base64"`);
  }
  const payload = Buffer.from(body.content, body.encoding === 'base64' ? 'base64' : 'utf8');
  const sha = request.ctx.store.git.writeBlob(payload);
  return ok({ url: `${repoApiUrl(request.ctx)}/git/blobs/${sha}`, sha }, 201);
}

interface TreeInput {
  path: string;
  mode: TreeEntryMode;
  type?: 'blob' | 'tree' | 'commit';
  sha?: string | null;
  content?: string;
}

function createTree(request: EmulatorRequest) {
  const { git } = request.ctx.store;
  const body = bodyOf<{ tree: TreeInput[]; base_tree?: string }>(request);
  if (body.base_tree && !git.readTree(body.base_tree))
    throw validationFailed('Invalid tree info', [
      { resource: 'Tree', field: 'base_tree', code: 'invalid' },
    ]);
  const changes: TreeChange[] = body.tree.map((entry) => {
    if (entry.sha && entry.content !== undefined)
      throw validationFailed(
        'Must supply either tree.sha or tree.content. Request will be rejected if both are present.',
      );
    if (entry.sha && entry.mode !== '160000' && !git.get(entry.sha))
      throw validationFailed('Invalid tree info', [
        { resource: 'Tree', field: 'sha', code: 'invalid' },
      ]);
    if (entry.sha === null && !body.base_tree)
      return { path: entry.path, mode: entry.mode, sha: null };
    return { path: entry.path, mode: entry.mode, sha: entry.sha, content: entry.content };
  });
  const sha = git.buildTree(body.base_tree, changes);
  return ok(gitTree(request.ctx, sha, false), 201);
}

function getTree(request: EmulatorRequest) {
  const { git } = request.ctx.store;
  const name = request.pathParams.tree_sha ?? '';
  let sha = git.readTree(name) ? name : undefined;
  if (!sha) {
    const commit = resolveCommitish(request, name);
    sha = commit ? git.readCommit(commit)?.tree : undefined;
  }
  if (!sha) throw notFound();
  return ok(gitTree(request.ctx, sha, request.query.recursive !== undefined));
}

function createCommit(request: EmulatorRequest) {
  const { store } = request.ctx;
  type Person = { name?: string; email?: string; date?: string };
  const body = bodyOf<{
    message: string;
    tree: string;
    parents?: string[];
    author?: Person;
    committer?: Person;
  }>(request);
  if (!store.git.readTree(body.tree)) throw validationFailed('Tree SHA does not exist');
  for (const parent of body.parents ?? []) {
    if (!store.git.readCommit(parent))
      throw validationFailed('Parent SHA does not exist or is not a commit object');
  }
  const login = store.viewer;
  const defaults = { name: login, email: `${login}@users.noreply.github.com`, date: store.now() };
  const person = (p: Person | undefined, fallback: typeof defaults) => ({
    name: p?.name ?? fallback.name,
    email: p?.email ?? fallback.email,
    date: p?.date ? isoDate(p.date) : fallback.date,
  });
  const author = person(body.author, defaults);
  const sha = store.git.writeCommit({
    tree: body.tree,
    parents: body.parents ?? [],
    author,
    committer: person(body.committer, author),
    message: body.message,
  });
  return ok(gitCommit(request.ctx, sha), 201);
}

function getRef(request: EmulatorRequest) {
  const ref = fullRef(request.pathParams.ref ?? '');
  const sha = request.ctx.store.git.refs.get(ref);
  if (!sha) throw notFound();
  return ok(gitRef(request.ctx, ref, sha));
}

function matchingRefs(request: EmulatorRequest) {
  const prefix = fullRef(request.pathParams.ref ?? '');
  const { store } = request.ctx;
  const { owner, repo } = request.pathParams;
  const other = store.publicRepositoryRefs.get(`${owner}/${repo}`.toLowerCase());
  const source = other ?? store.git.refs;
  const refs = [...source.entries()]
    .filter(([name]) => name.startsWith(prefix))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, sha]) =>
      other
        ? {
            ...gitRef(request.ctx, name, sha),
            url: `${request.ctx.baseUrl}/repos/${owner}/${repo}/git/${name}`,
            object: {
              sha,
              type: 'commit',
              url: `${request.ctx.baseUrl}/repos/${owner}/${repo}/git/commits/${sha}`,
            },
          }
        : gitRef(request.ctx, name, sha),
    );
  return ok(refs);
}

function createRef(request: EmulatorRequest) {
  const { git } = request.ctx.store;
  const body = bodyOf<{ ref: string; sha: string }>(request);
  if (!/^refs\/[^/]+\/.+/.test(body.ref) || body.ref.endsWith('/') || body.ref.includes('..')) {
    throw validationFailed(`${body.ref} is not a valid ref name.`);
  }
  if (!git.get(body.sha)) throw validationFailed('Object does not exist');
  if (git.refs.has(body.ref)) throw validationFailed('Reference already exists');
  git.refs.set(body.ref, body.sha.toLowerCase());
  return ok(gitRef(request.ctx, body.ref, body.sha.toLowerCase()), 201);
}

function updateRef(request: EmulatorRequest) {
  const { git } = request.ctx.store;
  const ref = fullRef(request.pathParams.ref ?? '');
  const body = bodyOf<{ sha: string; force?: boolean }>(request);
  const current = git.refs.get(ref);
  if (!current) throw validationFailed('Reference does not exist');
  const target = body.sha.toLowerCase();
  if (!git.get(target, 'commit')) throw validationFailed('Object does not exist');
  if (!body.force && current !== target && !git.isAncestor(current, target)) {
    throw validationFailed('Update is not a fast forward');
  }
  git.refs.set(ref, target);
  return ok(gitRef(request.ctx, ref, target));
}

function deleteRef(request: EmulatorRequest) {
  const ref = fullRef(request.pathParams.ref ?? '');
  if (!request.ctx.store.git.refs.delete(ref)) throw validationFailed('Reference does not exist');
  return ok(undefined, 204);
}

function getObject<T>(value: T | undefined): T {
  if (value === undefined) throw new HttpError(404, 'Not Found');
  return value;
}

export const gitRoutes: RouteTable = {
  'git/create-blob': createBlob,
  'git/get-blob': (r) => ok(getObject(gitBlob(r.ctx, r.pathParams.file_sha ?? ''))),
  'git/create-tree': createTree,
  'git/get-tree': getTree,
  'git/create-commit': createCommit,
  'git/get-commit': (r) => ok(getObject(gitCommit(r.ctx, r.pathParams.commit_sha ?? ''))),
  'git/get-ref': getRef,
  'git/list-matching-refs': matchingRefs,
  'git/create-ref': createRef,
  'git/update-ref': updateRef,
  'git/delete-ref': deleteRef,
};
