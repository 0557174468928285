// The parts of a Markdown doc the checks read (headings, links, images, definitions, HTML,
// inline code, code blocks) with their exact offsets, from markdown-it's tokens (CommonMark +
// GFM tables and strikethrough; `[^label]:` footnotes are not definitions). Nothing is rendered.
import type { Token } from 'markdown-it';
import {
  atxHeadingOffsets,
  paragraphOffsets,
  SourceText,
  tableCellOffsets,
  type ToOffset,
} from './markdown-offsets';
import {
  DEFINITION,
  parseMarkdown,
  unescapeAll,
  type DefinitionMeta,
  type InlineSpot,
  type ParsedMarkdown,
} from './markdown-parser';

export type MarkdownItem =
  | { type: 'heading'; text: string; start: number }
  /** `urlStart` is the exact offset of the destination when it is written as `url` (no escapes). */
  | { type: 'link' | 'image' | 'definition'; url: string; start: number; urlStart?: number }
  | { type: 'html'; value: string; start: number }
  | { type: 'inlineCode'; value: string; start: number; valueStart?: number }
  | { type: 'code'; start: number; end: number; lang: string };

interface Reader {
  text: SourceText;
  parsed: ParsedMarkdown;
  items: MarkdownItem[];
  /** Calls of footnotes (`[^label]`) leave a heading's slug, as GitHub renders them as links. */
  footnoteCalls: RegExp | undefined;
}

function spot(reader: Reader, token: Token): InlineSpot | undefined {
  return reader.parsed.spots.get(token);
}

/** Items of an inline text, and the heading text it adds (`heading`: the heading's parts). */
function readInline(
  reader: Reader,
  children: Token[],
  at: ToOffset,
  heading: string[] | undefined,
): void {
  const { items, text } = reader;
  const offset = (position: number) => text.original(at(position));
  for (const child of children) {
    switch (child.type) {
      case 'text':
      case 'text_special':
        heading?.push(
          reader.footnoteCalls ? child.content.replace(reader.footnoteCalls, '') : child.content,
        );
        break;
      case 'softbreak':
      case 'hardbreak':
        heading?.push('\n');
        break;
      case 'code_inline': {
        const where = spot(reader, child);
        if (!where) break;
        const value = child.content;
        const valueStart = where.valueAt === undefined ? undefined : offset(where.valueAt);
        items.push({
          type: 'inlineCode',
          value,
          start: offset(where.start),
          // Only where the code is written as it reads (not `\|` in a table cell).
          ...(valueStart !== undefined && text.source.startsWith(value, valueStart)
            ? { valueStart }
            : {}),
        });
        heading?.push(value);
        break;
      }
      case 'html_inline': {
        const where = spot(reader, child);
        if (where) items.push({ type: 'html', value: child.content, start: offset(where.start) });
        break;
      }
      case 'link_open':
      case 'image': {
        // Autolinks (`<https://...>`) are never repository links.
        const where = child.markup === 'autolink' ? undefined : spot(reader, child);
        const destination = where?.destination;
        if (where && destination)
          items.push({
            type: child.type === 'image' ? 'image' : 'link',
            url: destination.url,
            start: offset(where.start),
            ...(destination.url === destination.raw ? { urlStart: offset(destination.at) } : {}),
          });
        // An image's alt text is parsed on its own: its positions start after `![`.
        if (child.type === 'image' && where && child.children)
          readInline(reader, child.children, (p) => at(where.start + 2 + p), undefined);
        break;
      }
      default:
        break;
    }
  }
}

function closesFence(text: SourceText, line: number, markup: string, opening: number): boolean {
  if (line === opening) return false;
  const content = text.normalized.slice(text.lineStart(line), text.lineEndTrimmed(line));
  const at = content.indexOf(markup);
  return at !== -1 && /^[`~]*$/.test(content.slice(at)) && content[at] === markup[0];
}

function codeBlock(reader: Reader, token: Token): void {
  const { text } = reader;
  const [first, after] = token.map as [number, number];
  const src = text.normalized;
  let start: number;
  let end = text.lineEnd(after - 1);
  if (token.type === 'fence') {
    start = src.indexOf(token.markup, text.lineStart(first));
    // A fence left open at the end of the doc runs to its very end.
    if (after >= text.lineCount && !closesFence(text, after - 1, token.markup, first))
      end = src.length;
  } else {
    // Indented code starts with its indentation (after any container markers).
    start = text.lineTextStart(first, token.content.slice(0, token.content.indexOf('\n')));
    for (let columns = 0; columns < 4 && start > text.lineStart(first); start--) {
      const code = src.charCodeAt(start - 1);
      if (code === 0x09) columns = 4;
      else if (code === 0x20) columns++;
      else break;
    }
  }
  const info = token.info.trim().split(/[ \t]/)[0] ?? '';
  reader.items.push({
    type: 'code',
    start: text.original(start),
    end: text.original(end),
    lang: token.type === 'fence' ? unescapeAll(info) : '',
  });
}

function htmlBlock(reader: Reader, token: Token): void {
  const { text } = reader;
  const [first, after] = token.map as [number, number];
  // From the block's indentation (up to 3 spaces, kept in its text), after container markers.
  const newline = token.content.indexOf('\n');
  const line = newline === -1 ? token.content : token.content.slice(0, newline);
  const start = text.lineTextStart(first, line);
  let last = after - 1;
  while (last > first && text.lineEndTrimmed(last) === text.lineStart(last)) last--;
  const from = text.original(start);
  reader.items.push({
    type: 'html',
    value: text.source.slice(from, text.original(text.lineEnd(last))),
    start: from,
  });
}

/** Offsets of the cells of the table row opened at `index` (`tr_open`). */
function rowOffsets(reader: Reader, tokens: Token[], index: number): (ToOffset | undefined)[] {
  const cells: string[] = [];
  for (let i = index + 1; i < tokens.length && tokens[i]?.type !== 'tr_close'; i++)
    if (tokens[i]?.type === 'inline') cells.push((tokens[i] as Token).content);
  return tableCellOffsets(reader.text, (tokens[index] as Token).map?.[0] ?? 0, cells);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Items in document order (a heading after the items in its text). */
export function markdownItems(source: string): MarkdownItem[] {
  const text = new SourceText(source);
  const parsed = parseMarkdown(text.normalized);
  const footnotes = [...parsed.footnotes];
  const reader: Reader = {
    text,
    parsed,
    items: [],
    footnoteCalls:
      footnotes.length > 0
        ? new RegExp(`\\[\\^(?:${footnotes.map(escapeRegExp).join('|')})\\]`, 'g')
        : undefined,
  };
  const { tokens } = parsed;
  let heading: { atx: boolean; start: number; parts: string[] } | undefined;
  let row: { index: number; cell: number; offsets?: (ToOffset | undefined)[] } | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    switch (token.type) {
      case 'heading_open': {
        const line = token.map?.[0] ?? 0;
        const atx = token.markup.startsWith('#');
        heading = {
          atx,
          // An ATX heading starts at its first `#`; a setext one with its text.
          start: atx ? text.original(text.normalized.indexOf('#', text.lineStart(line))) : 0,
          parts: [],
        };
        break;
      }
      case 'heading_close':
        if (heading)
          reader.items.push({
            type: 'heading',
            text: heading.parts.join(''),
            start: heading.start,
          });
        heading = undefined;
        break;
      case 'tr_open':
        row = { index: i, cell: 0 };
        break;
      case 'inline': {
        const previous = tokens[i - 1]?.type;
        const inCell = row !== undefined && (previous === 'th_open' || previous === 'td_open');
        const cell = inCell && row ? row.cell++ : -1;
        const setext = heading !== undefined && !heading.atx;
        if (!token.children?.length && !setext) break;
        let at: ToOffset | undefined;
        const line = token.map?.[0] ?? 0;
        if (inCell && row) {
          row.offsets ??= rowOffsets(reader, tokens, row.index);
          at = row.offsets[cell];
        } else if (heading?.atx) at = atxHeadingOffsets(text, line);
        else at = paragraphOffsets(text, token.content, line);
        if (heading && setext && at) heading.start = text.original(at(0));
        if (token.children && at) readInline(reader, token.children, at, heading?.parts);
        break;
      }
      case 'fence':
      case 'code_block':
        codeBlock(reader, token);
        break;
      case 'html_block':
        htmlBlock(reader, token);
        break;
      case DEFINITION: {
        const meta = token.meta as unknown as DefinitionMeta;
        const { url, raw, at } = meta.destination;
        reader.items.push({
          type: 'definition',
          url,
          start: text.original(meta.start),
          ...(url === raw ? { urlStart: text.original(at) } : {}),
        });
        break;
      }
      default:
        break;
    }
  }
  return reader.items;
}
