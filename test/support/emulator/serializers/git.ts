// GitHub-shaped Git Data API objects (refs, commits, trees, blobs) and the REST commit,
// branch and file-content views built on them.
import { entryType } from '../git-objects';
import { legacyNodeId } from '../store';
import { repoApiUrl, repoHtmlUrl, simpleUser, type SerializeContext } from './users-repos';

function nodeId(kind: string, sha: string): string {
  return Buffer.from(`${kind}:${sha}`).toString('base64');
}

export function gitRef(ctx: SerializeContext, ref: string, sha: string): Record<string, unknown> {
  return {
    ref,
    node_id: nodeId('Ref', ref),
    url: `${repoApiUrl(ctx)}/git/${ref}`,
    object: { sha, type: 'commit', url: `${repoApiUrl(ctx)}/git/commits/${sha}` },
  };
}

export function gitCommit(ctx: SerializeContext, sha: string): Record<string, unknown> | undefined {
  const commit = ctx.store.git.readCommit(sha);
  if (!commit) return undefined;
  const api = repoApiUrl(ctx);
  return {
    sha,
    node_id: nodeId('Commit', sha),
    url: `${api}/git/commits/${sha}`,
    html_url: `${repoHtmlUrl(ctx)}/commit/${sha}`,
    author: commit.author,
    committer: commit.committer,
    tree: { sha: commit.tree, url: `${api}/git/trees/${commit.tree}` },
    message: commit.message,
    parents: commit.parents.map((p) => ({
      sha: p,
      url: `${api}/git/commits/${p}`,
      html_url: `${repoHtmlUrl(ctx)}/commit/${p}`,
    })),
    verification: {
      verified: false,
      reason: 'unsigned',
      signature: null,
      payload: null,
      verified_at: null,
    },
  };
}

export function gitTree(
  ctx: SerializeContext,
  sha: string,
  recursive: boolean,
): Record<string, unknown> | undefined {
  if (!ctx.store.git.readTree(sha)) return undefined;
  const api = repoApiUrl(ctx);
  return {
    sha,
    url: `${api}/git/trees/${sha}`,
    tree: ctx.store.git.flattenTree(sha, recursive).map((entry) => ({
      path: entry.path,
      mode: entry.mode,
      type: entry.type,
      sha: entry.sha,
      ...(entry.size === undefined ? {} : { size: entry.size }),
      url: `${api}/git/${entry.type === 'tree' ? 'trees' : 'blobs'}/${entry.sha}`,
    })),
    truncated: false,
  };
}

export function gitBlob(ctx: SerializeContext, sha: string): Record<string, unknown> | undefined {
  const blob = ctx.store.git.get(sha, 'blob');
  if (!blob) return undefined;
  return {
    sha,
    node_id: nodeId('Blob', sha),
    url: `${repoApiUrl(ctx)}/git/blobs/${sha}`,
    size: blob.payload.length,
    content: wrapBase64(blob.payload),
    encoding: 'base64',
  };
}

/** GitHub wraps base64 content at 60 characters per line. */
export function wrapBase64(payload: Buffer): string {
  const encoded = payload.toString('base64');
  return encoded.length === 0 ? '' : `${encoded.match(/.{1,60}/g)?.join('\n') ?? ''}\n`;
}

function accountFor(ctx: SerializeContext, email: string): Record<string, unknown> {
  const login = /^(?:\d+\+)?([^@]+)@users\.noreply\.github\.com$/.exec(email)?.[1];
  return login && ctx.store.users.has(login.toLowerCase()) ? simpleUser(ctx, login) : {};
}

/** The REST `commit` schema (compare, branches). */
export function restCommit(ctx: SerializeContext, sha: string): Record<string, unknown> {
  const commit = ctx.store.git.readCommit(sha);
  if (!commit) throw new Error(`no commit ${sha}`);
  const api = repoApiUrl(ctx);
  return {
    url: `${api}/commits/${sha}`,
    sha,
    node_id: legacyNodeId('Commit', parseInt(sha.slice(0, 8), 16)),
    html_url: `${repoHtmlUrl(ctx)}/commit/${sha}`,
    comments_url: `${api}/commits/${sha}/comments`,
    commit: {
      url: `${api}/git/commits/${sha}`,
      author: commit.author,
      committer: commit.committer,
      message: commit.message,
      tree: { sha: commit.tree, url: `${api}/git/trees/${commit.tree}` },
      comment_count: 0,
      verification: {
        verified: false,
        reason: 'unsigned',
        signature: null,
        payload: null,
        verified_at: null,
      },
    },
    author: accountFor(ctx, commit.author.email),
    committer: accountFor(ctx, commit.committer.email),
    parents: commit.parents.map((p) => ({
      sha: p,
      url: `${api}/commits/${p}`,
      html_url: `${repoHtmlUrl(ctx)}/commit/${p}`,
    })),
  };
}

export function branch(ctx: SerializeContext, name: string, sha: string): Record<string, unknown> {
  const api = repoApiUrl(ctx);
  return {
    name,
    commit: restCommit(ctx, sha),
    _links: { self: `${api}/branches/${name}`, html: `${repoHtmlUrl(ctx)}/tree/${name}` },
    protected: false,
    protection: {
      enabled: false,
      required_status_checks: { enforcement_level: 'off', contexts: [], checks: [] },
    },
    protection_url: `${api}/branches/${name}/protection`,
  };
}

export function contentFile(
  ctx: SerializeContext,
  path: string,
  ref: string,
  blobSha: string,
): Record<string, unknown> {
  const blob = ctx.store.git.get(blobSha, 'blob');
  const api = repoApiUrl(ctx);
  const self = `${api}/contents/${path}?ref=${encodeURIComponent(ref)}`;
  const html = `${repoHtmlUrl(ctx)}/blob/${ref}/${path}`;
  const git = `${api}/git/blobs/${blobSha}`;
  return {
    type: 'file',
    encoding: 'base64',
    size: blob?.payload.length ?? 0,
    name: path.split('/').pop() ?? path,
    path,
    content: wrapBase64(blob?.payload ?? Buffer.alloc(0)),
    sha: blobSha,
    url: self,
    git_url: git,
    html_url: html,
    download_url: `https://raw.githubusercontent.com/${ctx.store.repository.full_name}/${ref}/${path}`,
    _links: { self, git, html },
  };
}

/** Directory listing entries for `contents/{path}` on a tree. */
export function contentDirectory(
  ctx: SerializeContext,
  dir: string,
  ref: string,
  treeSha: string,
): Record<string, unknown>[] {
  const api = repoApiUrl(ctx);
  return (ctx.store.git.readTree(treeSha) ?? []).map((entry) => {
    const path = dir ? `${dir}/${entry.name}` : entry.name;
    const type =
      entryType(entry.mode) === 'tree'
        ? 'dir'
        : entryType(entry.mode) === 'commit'
          ? 'submodule'
          : 'file';
    const self = `${api}/contents/${path}?ref=${encodeURIComponent(ref)}`;
    const git = `${api}/git/${type === 'dir' ? 'trees' : 'blobs'}/${entry.sha}`;
    const html = `${repoHtmlUrl(ctx)}/${type === 'dir' ? 'tree' : 'blob'}/${ref}/${path}`;
    return {
      type,
      size: type === 'file' ? (ctx.store.git.get(entry.sha)?.payload.length ?? 0) : 0,
      name: entry.name,
      path,
      sha: entry.sha,
      url: self,
      git_url: git,
      html_url: html,
      download_url:
        type === 'file'
          ? `https://raw.githubusercontent.com/${ctx.store.repository.full_name}/${ref}/${path}`
          : null,
      _links: { self, git, html },
    };
  });
}
