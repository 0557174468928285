// The parts of a Markdown doc the checks read (headings, links, images, definitions, HTML,
// inline code, code blocks), taken straight from micromark's token events (CommonMark + GFM).
// Building the full mdast tree costs as much again as tokenizing, and nothing here needs it.
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { parse, postprocess, preprocess } from 'micromark';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { decodeString } from 'micromark-util-decode-string';
import type { Event, Token } from 'micromark-util-types';

export type MarkdownItem =
  | { type: 'heading'; text: string; start: number }
  /** `urlStart` is the exact offset of the destination when it is written as `url` (no escapes). */
  | { type: 'link' | 'image' | 'definition'; url: string; start: number; urlStart?: number }
  | { type: 'html'; value: string; start: number }
  | { type: 'inlineCode'; value: string; start: number; valueStart?: number }
  | { type: 'code'; start: number; end: number; lang: string };

// GFM without autolink literals: those are URLs (`www.x.com`), never repository links, and
// looking for them at every character is a third of the tokenizing time.
const extensions = [gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem()];

function characterReference(raw: string, kind: string | undefined): string {
  if (
    kind === 'characterReferenceMarkerNumeric' ||
    kind === 'characterReferenceMarkerHexadecimal'
  ) {
    const code = Number.parseInt(raw, kind === 'characterReferenceMarkerHexadecimal' ? 16 : 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff
      ? String.fromCodePoint(code)
      : '\uFFFD';
  }
  return decodeNamedCharacterReference(raw) || `&${raw};`;
}

/** Items in document order. */
export function micromarkItems(source: string): MarkdownItem[] {
  const events: Event[] = postprocess(
    parse({ extensions })
      .document()
      .write(preprocess()(source, undefined, true)),
  );
  const items: MarkdownItem[] = [];
  const slice = (token: Token) => source.slice(token.start.offset, token.end.offset);

  // Open link-like constructs (a link may sit inside an image's label, or the reverse).
  const open: {
    type: 'link' | 'image' | 'definition';
    start: number;
    url?: string;
    urlStart?: number;
    index: number;
  }[] = [];
  let heading: { start: number; parts: string[] } | undefined;
  let headingText = false;
  /** Inside something a heading's slug leaves out: image alt, HTML, link destinations, footnote calls. */
  let skip = 0;
  let referenceKind: string | undefined;
  let code: { start: number; parts: string[]; valueStart?: number; multiline: boolean } | undefined;
  let fence: { start: number; end: number; lang: string } | undefined;

  for (const [phase, token] of events) {
    const type = token.type as string;
    if (phase === 'enter') {
      switch (type) {
        case 'atxHeading':
        case 'setextHeading':
          heading = { start: token.start.offset, parts: [] };
          break;
        case 'atxHeadingText':
        case 'setextHeadingText':
          headingText = true;
          break;
        case 'resource':
        case 'reference':
        case 'gfmFootnoteCall':
          skip++;
          break;
        case 'link':
        case 'image':
        case 'definition':
          if (type === 'image') skip++;
          open.push({ type, start: token.start.offset, index: items.length });
          items.push({ type, url: '', start: token.start.offset });
          break;
        case 'resourceDestinationString':
        case 'definitionDestinationString': {
          const current = open[open.length - 1];
          if (current) {
            const raw = slice(token);
            current.url = decodeString(raw);
            if (current.url === raw) current.urlStart = token.start.offset;
          }
          break;
        }
        case 'htmlFlow':
        case 'htmlText':
          skip++;
          items.push({ type: 'html', value: slice(token), start: token.start.offset });
          break;
        case 'codeText':
          code = { start: token.start.offset, parts: [], multiline: false };
          break;
        case 'codeFenced':
        case 'codeIndented':
          fence = { start: token.start.offset, end: token.end.offset, lang: '' };
          break;
        case 'codeFencedFenceInfo':
          if (fence && fence.lang === '') fence.lang = decodeString(slice(token));
          break;
        case 'characterReferenceMarkerNumeric':
        case 'characterReferenceMarkerHexadecimal':
          referenceKind = type;
          break;
        default:
          break;
      }
      continue;
    }
    // exit
    switch (type) {
      case 'atxHeading':
      case 'setextHeading':
        if (heading)
          items.push({ type: 'heading', text: heading.parts.join(''), start: heading.start });
        heading = undefined;
        break;
      case 'atxHeadingText':
      case 'setextHeadingText':
        headingText = false;
        break;
      case 'resource':
      case 'reference':
      case 'gfmFootnoteCall':
        skip--;
        break;
      case 'link':
      case 'image':
      case 'definition': {
        if (type === 'image') skip--;
        const current = open.pop();
        if (current) {
          // A reference (`[a][b]`) has no destination of its own: leave it to its definition.
          if (current.url === undefined)
            items.splice(current.index, 1, { type: 'html', value: '', start: current.start });
          else
            items[current.index] = {
              type: current.type,
              url: current.url,
              start: current.start,
              ...(current.urlStart === undefined ? {} : { urlStart: current.urlStart }),
            };
        }
        break;
      }
      case 'htmlFlow':
      case 'htmlText':
        skip--;
        break;
      case 'codeText':
        if (code) {
          const value = code.parts.join('');
          items.push({
            type: 'inlineCode',
            value,
            start: code.start,
            ...(code.multiline ? {} : { valueStart: code.valueStart }),
          });
          if (heading && headingText && skip === 0) heading.parts.push(value);
        }
        code = undefined;
        break;
      case 'codeTextData':
        if (code) {
          code.valueStart ??= token.start.offset;
          code.parts.push(slice(token));
        }
        break;
      case 'codeFenced':
      case 'codeIndented':
        if (fence)
          items.push({
            type: 'code',
            start: fence.start,
            end: fence.end,
            lang: fence.lang.split(/[ \t]/)[0] ?? '',
          });
        fence = undefined;
        break;
      case 'lineEnding':
        if (code) {
          code.parts.push(' ');
          code.multiline = true;
        } else if (heading && headingText && skip === 0) heading.parts.push('\n');
        break;
      case 'data':
      case 'characterEscapeValue':
        if (heading && headingText && !code && skip === 0) heading.parts.push(slice(token));
        break;
      case 'characterReferenceValue':
        if (heading && headingText && !code && skip === 0)
          heading.parts.push(characterReference(slice(token), referenceKind));
        referenceKind = undefined;
        break;
      case 'autolinkProtocol':
      case 'autolinkEmail':
        if (heading && headingText && skip === 0) heading.parts.push(slice(token));
        break;
      default:
        break;
    }
  }
  // References without a destination were turned into empty HTML items: drop them.
  return items.filter((item) => item.type !== 'html' || item.value !== '');
}
