// A markdown-it parser (CommonMark + GFM tables and strikethrough, raw HTML on) set up for
// reading positions rather than rendering: destinations are kept as written (no URL encoding,
// no scheme filter), the inline rules that make items note where in their text each item starts,
// and link reference definitions (which markdown-it only stores) become tokens in place.
import MarkdownIt from 'markdown-it';
import type { StateCore, StateInline, Token } from 'markdown-it';

/** A destination located in the text it was parsed from. */
export interface Destination {
  /** Decoded (backslash escapes and character references). */
  url: string;
  /** Offset of the destination as written (inside `<...>` when bracketed). */
  at: number;
  raw: string;
}

/** Where an inline item starts in the text it was parsed from (a block's inline text, or an image's alt). */
export interface InlineSpot {
  start: number;
  /** Links and images written with `(destination)`; references have none of their own. */
  destination?: Destination;
  /** Code spans on one line: where the code (without padding) starts. */
  valueAt?: number;
}

/** Token type of a link reference definition (`[label]: destination`); its `meta` is a `DefinitionMeta`. */
export const DEFINITION = 'tend_definition';

/** Offsets in the parsed (normalized) text. */
export interface DefinitionMeta {
  start: number;
  destination: Destination;
}

export interface ParsedMarkdown {
  tokens: Token[];
  spots: WeakMap<Token, InlineSpot>;
  /** Labels of GFM footnote definitions (`[^label]: ...`). */
  footnotes: Set<string>;
}

interface Env {
  spots: WeakMap<Token, InlineSpot>;
  footnotes: Set<string>;
}

const md = new MarkdownIt('default', { html: true, linkify: false, typographer: false });
md.validateLink = () => true;
md.normalizeLink = (url) => url;
md.normalizeLinkText = (text) => text;

type Rule<Args extends unknown[], Result> = (...args: Args) => Result;

interface RulerOf<Args extends unknown[], Result> {
  __rules__: { name: string; fn: Rule<Args, Result>; alt: string[] }[];
  at(name: string, fn: Rule<Args, Result>, options?: { alt: string[] }): void;
}

/** Replaces a rule by a wrapper around it (which keeps the rules it may interrupt). */
function wrap<Args extends unknown[], Result>(
  ruler: RulerOf<Args, Result>,
  name: string,
  wrapper: (rule: Rule<Args, Result>) => Rule<Args, Result>,
): void {
  const rule = ruler.__rules__.find((r) => r.name === name);
  if (!rule) throw new Error(`markdown-it has no "${name}" rule: its version is not supported`);
  ruler.at(name, wrapper(rule.fn), { alt: rule.alt });
}

const parseLinkDestination = md.helpers.parseLinkDestination;
const isBlank = (code: number) => code === 0x20 || code === 0x09 || code === 0x0a;

function destinationAt(src: string, from: number, max: number): Destination | undefined {
  let pos = from;
  while (pos < max && isBlank(src.charCodeAt(pos))) pos++;
  const parsed = parseLinkDestination(src, pos, max);
  if (!parsed.ok) return undefined;
  const bracketed = src.charCodeAt(pos) === 0x3c;
  const raw = bracketed ? src.slice(pos + 1, parsed.pos - 1) : src.slice(pos, parsed.pos);
  if (raw === '') return undefined;
  return { url: parsed.str, at: bracketed ? pos + 1 : pos, raw };
}

/** First token from `index` of `type` (text pending before an item is pushed ahead of it). */
function pushed(state: StateInline, index: number, type: string): Token | undefined {
  for (let i = index; i < state.tokens.length; i++)
    if (state.tokens[i]?.type === type) return state.tokens[i];
  return undefined;
}

/** What the parse under way collects (parsing is synchronous: one at a time). */
let current: Env = { spots: new WeakMap(), footnotes: new Set() };

// Links and images: where they start and, when written inline, their destination.
for (const [name, type, labelOffset] of [
  ['link', 'link_open', 0],
  ['image', 'image', 1],
] as const) {
  wrap(md.inline.ruler, name, (rule) => (state, silent) => {
    if (silent) return rule(state, silent);
    const start = state.pos;
    const count = state.tokens.length;
    if (!rule(state, false)) return false;
    const token = pushed(state, count, type);
    if (token) {
      const end = state.pos;
      const labelEnd = md.helpers.parseLinkLabel(state, start + labelOffset, name === 'link');
      const inline =
        labelEnd >= 0 && end > labelEnd + 1 && state.src.charCodeAt(labelEnd + 1) === 0x28;
      const destination = inline ? destinationAt(state.src, labelEnd + 2, end) : undefined;
      current.spots.set(token, destination ? { start, destination } : { start });
    }
    return true;
  });
}

wrap(md.inline.ruler, 'backticks', (rule) => (state, silent) => {
  if (silent) return rule(state, silent);
  const start = state.pos;
  const count = state.tokens.length;
  if (!rule(state, false)) return false;
  const token = pushed(state, count, 'code_inline');
  if (token) {
    const fence = token.markup.length;
    const raw = state.src.slice(start + fence, state.pos - fence);
    // One space or line ending is stripped from each side when both have one (CommonMark).
    const padded =
      raw.length > 1 &&
      (raw[0] === ' ' || raw[0] === '\n') &&
      (raw[raw.length - 1] === ' ' || raw[raw.length - 1] === '\n') &&
      /[^ \n]/.test(raw);
    const inner = padded ? raw.slice(1, -1) : raw;
    current.spots.set(
      token,
      inner.includes('\n') ? { start } : { start, valueAt: start + fence + (padded ? 1 : 0) },
    );
  }
  return true;
});

wrap(md.inline.ruler, 'html_inline', (rule) => (state, silent) => {
  if (silent) return rule(state, silent);
  const start = state.pos;
  const count = state.tokens.length;
  if (!rule(state, false)) return false;
  const token = pushed(state, count, 'html_inline');
  if (token) current.spots.set(token, { start });
  return true;
});

// Definitions: a token where each one is written. `[^label]:` is a GFM footnote, not a
// definition: left to the paragraph rule, so its text is read like any other.
wrap(md.block.ruler, 'reference', (rule) => (state, startLine, endLine, silent) => {
  const start = (state.bMarks[startLine] as number) + (state.tShift[startLine] as number);
  const src = state.src;
  if (src.charCodeAt(start) === 0x5b && src.charCodeAt(start + 1) === 0x5e) {
    const close = src.indexOf(']', start);
    if (close > start + 2 && src.charCodeAt(close + 1) === 0x3a)
      current.footnotes.add(src.slice(start + 2, close));
    return false;
  }
  if (silent) return rule(state, startLine, endLine, silent);
  // The rule parses one destination: note where.
  let destination: Destination | undefined;
  md.helpers.parseLinkDestination = (str, from, max) => {
    const result = parseLinkDestination(str, from, max);
    if (result.ok) destination = destinationAt(str, from, max);
    return result;
  };
  let ok: boolean;
  try {
    ok = rule(state, startLine, endLine, false);
  } finally {
    md.helpers.parseLinkDestination = parseLinkDestination;
  }
  if (ok && destination) {
    const token = state.push(DEFINITION, '', 0);
    token.map = [startLine, state.line];
    token.meta = { start, destination } satisfies DefinitionMeta;
  }
  return ok;
});

// Inline parsing only where it can find something: headings (their text makes the slug), and
// text with a link, code span or HTML tag in it.
const MAY_HOLD_ITEMS = /[[`<]/;
md.core.ruler.at('inline', (state: StateCore) => {
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.type !== 'inline') continue;
    if (tokens[i - 1]?.type === 'heading_open' || MAY_HOLD_ITEMS.test(token.content))
      md.inline.parse(token.content, md, state.env, (token.children ??= []));
  }
});

/** Block tokens (inline ones as their children) of normalized Markdown (`\n` line endings). */
export function parseMarkdown(src: string): ParsedMarkdown {
  const env: Env = { spots: new WeakMap(), footnotes: new Set() };
  current = env;
  const tokens = md.parse(src, {});
  return { tokens, spots: env.spots, footnotes: env.footnotes };
}

export const unescapeAll = md.utils.unescapeAll;
