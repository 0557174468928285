// Offline input: what `GET /repos/{owner}/{repo}/pulls/comments` returns, as `gh api --paginate`
// writes it (one array, or several arrays back to back: `[...][...]`).
import { ConfigurationError } from '../core/errors';
import type { ReviewComment } from './review-comment';

interface RestUser {
  login?: string;
  type?: string;
}

interface RestReviewComment {
  id?: number | string;
  node_id?: string;
  body?: string | null;
  user?: RestUser | null;
  path?: string;
  line?: number | null;
  original_line?: number | null;
  diff_hunk?: string;
  pull_request_url?: string;
  html_url?: string;
  created_at?: string;
  in_reply_to_id?: number | string | null;
  author_association?: string;
}

/** Splits text holding one or more top-level JSON values written back to back. */
export function splitConcatenatedJson(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inString = false;
  let escaped = false;
  let start = -1;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      if (depth === 0) start = i;
      depth += 1;
    } else if (c === ']' || c === '}') {
      depth -= 1;
      if (depth === 0 && start >= 0) {
        parts.push(text.slice(start, i + 1));
        start = -1;
      }
    }
  }
  if (depth !== 0) throw new SyntaxError('unbalanced brackets (truncated file?)');
  return parts;
}

function prNumberFromUrl(url: string | undefined): number | undefined {
  const match = url ? /\/pulls?\/(\d+)(?:$|[/#?])/.exec(url) : null;
  return match ? Number(match[1]) : undefined;
}

function toComment(raw: RestReviewComment, file: string, index: number): ReviewComment {
  if (
    raw === null ||
    typeof raw !== 'object' ||
    (raw.id === undefined && raw.node_id === undefined)
  ) {
    throw new ConfigurationError(
      `${file}: item ${index} is not a review comment object (no \`id\`).`,
      'pass the output of `gh api --paginate repos/OWNER/REPO/pulls/comments` (a JSON array of review comments).',
    );
  }
  return {
    id: raw.id ?? (raw.node_id as string),
    kind: 'inline',
    body: raw.body ?? '',
    author: raw.user?.login ?? 'ghost',
    authorType: raw.user?.type,
    authorAssociation: raw.author_association,
    prNumber: prNumberFromUrl(raw.pull_request_url) ?? prNumberFromUrl(raw.html_url),
    path: raw.path,
    line: raw.line ?? raw.original_line ?? undefined,
    diffHunk: raw.diff_hunk,
    url: raw.html_url,
    createdAt: raw.created_at,
    inReplyToId: raw.in_reply_to_id ?? undefined,
  };
}

/** Parses the REST comments file text; `file` names it in errors. */
export function parseRestComments(text: string, file: string): ReviewComment[] {
  let values: unknown[];
  try {
    values = splitConcatenatedJson(text).map((part) => JSON.parse(part) as unknown);
  } catch (error) {
    throw new ConfigurationError(
      `${file} is not valid JSON: ${(error as Error).message}`,
      'pass the output of `gh api --paginate repos/OWNER/REPO/pulls/comments > comments.json`.',
    );
  }
  const items: unknown[] = [];
  for (const value of values) {
    if (Array.isArray(value)) items.push(...(value as unknown[]));
    else items.push(value);
  }
  return items.map((item, index) => toComment(item as RestReviewComment, file, index));
}
