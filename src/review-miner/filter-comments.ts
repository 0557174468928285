// Keeps reviewer feedback; drops what is not (bots, the PR author, acknowledgements, approvals,
// quote-only replies) and counts why.
import type { ReviewComment } from './review-comment';

export const DROP_REASONS = [
  'empty',
  'bot',
  'pr-author',
  'author-reply',
  'acknowledgement',
  'approval-or-emoji',
  'quote-only',
] as const;
export type DropReason = (typeof DROP_REASONS)[number];

export interface FilterResult {
  kept: ReviewComment[];
  dropped: { comment: ReviewComment; reason: DropReason }[];
  counts: { kept: number; dropped: number; byReason: Record<DropReason, number> };
}

const KNOWN_BOTS = new Set([
  'dependabot',
  'dependabot-preview',
  'renovate',
  'github-actions',
  'codecov',
  'codecov-commenter',
  'codecov-io',
  'coveralls',
  'sonarcloud',
  'sonarqubecloud',
  'netlify',
  'vercel',
  'coderabbitai',
  'copilot',
  'copilot-pull-request-reviewer',
  'gemini-code-assist',
  'cla-bot',
  'claassistant',
  'k8s-ci-robot',
  'mergify',
  'pre-commit-ci',
  'allcontributors',
  'stale',
  'changeset-bot',
  'cursor',
]);

export function isBot(comment: Pick<ReviewComment, 'author' | 'authorType'>): boolean {
  if (comment.authorType === 'Bot') return true;
  const login = comment.author.toLowerCase();
  if (login.endsWith('[bot]')) return true;
  return KNOWN_BOTS.has(login);
}

/** Text without quoted lines, fenced blocks and HTML comments (what the reviewer wrote). */
export function ownText(body: string): string {
  return body
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/```[\s\S]*?(```|$)/g, ' ')
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('>'))
    .join('\n')
    .trim();
}

const EMOJI = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\u200d\ufe0f]/gu;
const SHORTCODE = /:[a-z0-9_+-]+:/gi;
const APPROVAL =
  /^(lgtm|\+1|\+💯|ship ?it|looks (good|great|fine)( to me)?|approved?|nice( work| one)?|great( work| job)?|awesome|perfect|thanks?( you| a lot)?|ty|cool|👍|✅)([,.! ]+(lgtm|thanks?( you)?|merging|!+))*$/i;
const ACK_START =
  /^(done|fixed|addressed|resolved|updated|changed|removed|added|renamed|reverted|good (catch|point|call|idea)|nice catch|agreed?|will do|sure|ok(ay)?|yes|yep|yup|makes sense|thanks?( you)?|ack|fair( enough| point)?)\b/i;
const COMMIT_REF = /\b(in|with|by|at|via)\s+`?[0-9a-f]{7,40}`?\b/i;

function normalised(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** `LGTM`, `+1`, emoji-only and thanks-only comments. */
export function isApprovalOrEmoji(body: string): boolean {
  const text = normalised(ownText(body));
  const stripped = text
    .replace(SHORTCODE, '')
    .replace(EMOJI, '')
    .replace(/[\s!.,:;)(-]+/g, '');
  if (stripped === '') return true;
  return APPROVAL.test(text.replace(SHORTCODE, '').replace(EMOJI, '').trim());
}

/** `done`, `fixed in abc123`, `good catch, updated`: a short reply saying the change was made. */
export function isAcknowledgement(body: string): boolean {
  const text = normalised(ownText(body));
  if (text === '' || text.length > 120) return false;
  if (
    /^(done|fixed|addressed|updated|changed|removed|reverted|disabled|reduced|renamed)\b/i.test(
      text,
    ) &&
    COMMIT_REF.test(text)
  )
    return true;
  if (text.includes('?')) return false;
  if (!ACK_START.test(text)) return false;
  // "Done, but ..." with more than a short tail is a new point, not an acknowledgement.
  return text.split(/\s+/).length <= 8 || COMMIT_REF.test(text);
}

export function isQuoteOnly(body: string): boolean {
  const lines = body.split('\n').filter((line) => line.trim() !== '');
  return lines.length > 0 && lines.every((line) => line.trimStart().startsWith('>'));
}

function threadRoots(comments: ReviewComment[]): Map<string, ReviewComment> {
  const byId = new Map(comments.map((c) => [String(c.id), c]));
  const roots = new Map<string, ReviewComment>();
  for (const comment of comments) {
    let root = comment;
    const seen = new Set<string>();
    while (root.inReplyToId !== undefined && !seen.has(String(root.id))) {
      seen.add(String(root.id));
      const parent = byId.get(String(root.inReplyToId));
      if (!parent) break;
      root = parent;
    }
    roots.set(String(comment.id), root);
  }
  return roots;
}

function dropReason(
  comment: ReviewComment,
  root: ReviewComment | undefined,
): DropReason | undefined {
  if (comment.body.trim() === '') return 'empty';
  if (isBot(comment)) return 'bot';
  if (
    comment.prAuthor !== undefined &&
    comment.author.toLowerCase() === comment.prAuthor.toLowerCase()
  ) {
    return 'pr-author';
  }
  // A reply in a review thread by someone other than the reviewer who opened it: without the
  // PR author at hand (REST file), this is the author answering (or a bystander), not feedback.
  if (
    comment.prAuthor === undefined &&
    comment.inReplyToId !== undefined &&
    root &&
    root !== comment
  ) {
    if (root.author.toLowerCase() !== comment.author.toLowerCase()) return 'author-reply';
  }
  if (isQuoteOnly(comment.body)) return 'quote-only';
  if (isApprovalOrEmoji(comment.body)) return 'approval-or-emoji';
  if (isAcknowledgement(comment.body)) return 'acknowledgement';
  return undefined;
}

export function filterComments(comments: ReviewComment[]): FilterResult {
  const roots = threadRoots(comments);
  const kept: ReviewComment[] = [];
  const dropped: FilterResult['dropped'] = [];
  const byReason = Object.fromEntries(DROP_REASONS.map((r) => [r, 0])) as Record<
    DropReason,
    number
  >;
  for (const comment of comments) {
    const reason = dropReason(comment, roots.get(String(comment.id)));
    if (reason) {
      dropped.push({ comment, reason });
      byReason[reason] += 1;
    } else kept.push(comment);
  }
  return { kept, dropped, counts: { kept: kept.length, dropped: dropped.length, byReason } };
}
