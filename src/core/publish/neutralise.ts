// Quoting text written by other people (review comments, commit messages, PR titles)
// inside tend's Markdown without side effects on GitHub: no @-mention pings, no closing
// keywords, no cross-reference backlinks on other repositories, no raw HTML, and no
// Markdown that escapes the quote.

/** U+200B ZERO WIDTH SPACE: invisible, and it breaks GitHub's mention and reference parsers. */
export const ZWSP = '\u200b';

const DEFAULT_QUOTE_LENGTH = 4000;
/** GitHub refuses issue and PR titles longer than 256 characters. */
export const TITLE_LIMIT = 256;

const CLOSING_KEYWORD =
  /\b(close[sd]?|fix(?:e[sd])?|resolve[sd]?)(?=[\s\u00a0]*:?[\s\u00a0]*(?:[\w.-]+\/[\w.-]+)?#\d|[\s\u00a0]*:?[\s\u00a0]*(?:GH-\d|https?:\/\/))/gi;
const MENTION = /@(?=[A-Za-z0-9])/g;
const CROSS_REFERENCE = /([A-Za-z0-9][\w.-]*\/[\w.-]+)#(?=\d)/g;
const ISSUE_URL =
  /https?:\/\/[^\s/<>()|]+\/[\w.-]+\/[\w.-]+\/(?:issues|pull|discussions)\/\d+[^\s<>()|`]*/gi;
// C0/C1 controls other than tab and newline, and bidirectional overrides that can disguise text.
const UNSAFE_CONTROLS =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Breaks the word in the middle so GitHub no longer sees a keyword; the reader sees no change. */
function breakWord(word: string): string {
  return `${word.slice(0, 2)}${ZWSP}${word.slice(2)}`;
}

/**
 * Neutralises GitHub's side effects in plain text without escaping Markdown:
 * `@alice` no longer pings, `fixes #1` no longer closes, `owner/repo#2` creates no backlink.
 */
export function neutraliseReferences(text: string): string {
  return neutraliseMentions(neutraliseKeywords(text));
}

function neutraliseKeywords(text: string): string {
  return text.replace(CLOSING_KEYWORD, (keyword: string) => breakWord(keyword));
}

function neutraliseMentions(text: string): string {
  return text.replace(MENTION, `@${ZWSP}`).replace(CROSS_REFERENCE, `$1#${ZWSP}`);
}

function normalise(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(UNSAFE_CONTROLS, '');
}

/** Cuts to `max` UTF-16 units without splitting a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max);
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return text.slice(0, end);
}

/** Truncates to `maxLength` characters (plus the marker) and says how much was left out. */
export function truncateWithMarker(
  text: string,
  maxLength: number,
): { text: string; omitted: number } {
  if (text.length <= maxLength) return { text, omitted: 0 };
  const kept = cut(text, maxLength);
  return { text: kept, omitted: text.length - kept.length };
}

function omittedMarker(omitted: number): string {
  return `… (${omitted.toLocaleString('en-US')} more characters not shown)`;
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Escapes `&`, `<` and `>` so no HTML (and no entity that decodes to `@`) reaches the page. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>]/g, (c) => HTML_ENTITIES[c] ?? c);
}

/** Inline Markdown punctuation, escaped with a backslash. */
function escapeInlinePunctuation(text: string): string {
  return text.replace(/[\\`*_[\]{}|~!#+=$-]/g, (c) => `\\${c}`);
}

/** Escapes Markdown and HTML in one line of plain text (URLs aside, see escapeSegment). */
function escapePlain(text: string): string {
  return escapeInlinePunctuation(escapeHtml(text)).replace(/^(\s*)(\d+)([.)])/, '$1$2\\$3');
}

/**
 * Issue and PR URLs become code spans: GitHub creates no backlink from code, and the link
 * stays readable and copyable.
 */
function codeSpan(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

function escapeLine(raw: string): string {
  const line = neutraliseKeywords(raw);
  let out = '';
  let last = 0;
  for (const match of line.matchAll(ISSUE_URL)) {
    const index = match.index ?? 0;
    out += escapePlain(neutraliseMentions(line.slice(last, index)));
    out += codeSpan(match[0]);
    last = index + match[0].length;
  }
  return out + escapePlain(neutraliseMentions(line.slice(last)));
}

/** Leading spaces become no-break spaces: kept on screen, never an indented code block. */
function keepIndent(line: string): string {
  const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
  const visible = indent.replace(/\t/g, '    ').replace(/ /g, '\u00a0');
  return visible + escapeLine(line.slice(indent.length));
}

/**
 * Escapes text for one line of Markdown: titles in tables, table cells, list items.
 * Newlines become spaces, `|` is escaped, mentions/keywords/cross-references neutralised.
 */
export function escapeMarkdownInline(text: string, options: { maxLength?: number } = {}): string {
  const flat = normalise(text).replace(/\s+/g, ' ').trim();
  const { text: kept, omitted } =
    options.maxLength === undefined
      ? { text: flat, omitted: 0 }
      : truncateWithMarker(flat, options.maxLength);
  return escapeLine(kept) + (omitted > 0 ? ` ${omittedMarker(omitted)}` : '');
}

/**
 * Makes user text safe for an issue or PR title (plain text, not Markdown): one line,
 * no controls, mentions and keywords neutralised, at most 256 characters.
 */
export function neutraliseForTitle(text: string, options: { maxLength?: number } = {}): string {
  const max = Math.min(options.maxLength ?? TITLE_LIMIT, TITLE_LIMIT);
  const flat = neutraliseReferences(normalise(text).replace(/\s+/g, ' ').trim());
  if (flat.length <= max) return flat;
  return `${cut(flat, max - 1).trimEnd()}…`;
}

export interface QuoteOptions {
  /** Longest quoted text kept, in characters (default 4,000); the rest is replaced by a marker. */
  maxLength?: number;
  /** `blockquote` (default) renders the text as escaped plain text; `code` as a fenced block. */
  style?: 'blockquote' | 'code';
}

/**
 * Quotes user-written text inside tend's Markdown. The result is a self-contained block
 * (blockquote or fenced code) that no input can break out of: HTML and Markdown are
 * escaped, `@mentions` do not ping, closing keywords close nothing, and cross-repository
 * references create no backlinks. Long text is truncated with a marker.
 */
export function quoteUserText(text: string, options: QuoteOptions = {}): string {
  const clean = normalise(text).replace(/\s+$/, '');
  const { text: kept, omitted } = truncateWithMarker(
    clean,
    options.maxLength ?? DEFAULT_QUOTE_LENGTH,
  );
  const lines = kept.split('\n');
  if (options.style === 'code') {
    const body = lines.map((line) => neutraliseReferences(line));
    const longest = Math.max(0, ...[...kept.matchAll(/`{3,}/g)].map((m) => m[0].length));
    const fence = '`'.repeat(Math.max(3, longest + 1));
    const block = [`${fence}text`, ...body, fence].join('\n');
    return omitted > 0 ? `${block}\n\n${omittedMarker(omitted)}` : block;
  }
  const quoted = lines.map((line) => (line.trim() === '' ? '>' : `> ${keepIndent(line)}`));
  if (omitted > 0) quoted.push('>', `> ${omittedMarker(omitted)}`);
  return quoted.join('\n');
}
