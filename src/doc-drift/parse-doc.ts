// Parses one Markdown or MDX doc with remark (GFM; MDX through remark-mdx) and keeps what the
// checks need: relative links with their exact source positions, anchors (GitHub heading
// slugs and explicit ids), code references, words, and suppressed lines.
import GithubSlugger from 'github-slugger';
import type { Html, Nodes, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { markdownItems } from './markdown-items';
import { locate, referencesInCodeLine, referencesInCodeSpan } from './extract-references';
import { countLines, lineIndex } from './line-index';
import type { CodeReference, DocLink, ParsedDoc } from './model';
import { suppressedLines } from './suppressions';

const markdown = unified().use(remarkParse).use(remarkGfm);
const mdx = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/**
 * A destination that points into the repository: relative, or from the repository root (`/docs`,
 * which GitHub resolves against the root); not a URL, not protocol-relative, not empty.
 */
export function isRepositoryLink(url: string): boolean {
  return url !== '' && !EXTERNAL.test(url) && !url.startsWith('{');
}

function walk(
  node: Nodes,
  visit: (node: Nodes, parent: Nodes | undefined) => void,
  parent?: Nodes,
): void {
  visit(node, parent);
  if ('children' in node) for (const child of node.children as Nodes[]) walk(child, visit, node);
}

/** A heading's text as GitHub renders it: raw HTML tags and image alt text contribute nothing. */
function headingText(node: Nodes): string {
  if (node.type === 'html' || node.type === 'image' || node.type === 'imageReference') return '';
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(headingText).join('');
  return '';
}

const HTML_HEADING = /<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1\s*>/gi;

const ATTRIBUTE = /\b(href|src|name|id)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;

interface JsxAttribute {
  type: string;
  name?: string;
  value?: unknown;
}

function decode(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

interface MdastHandlers {
  anchors: Set<string>;
  slugger: GithubSlugger;
  addLink: (url: string, at: number | undefined, fallback: number) => void;
  html: (value: string, base: number) => void;
  inlineCode: (value: string, at: number) => void;
  codeBlock: (start: number, end: number, lang: string) => void;
}

/** MDX docs: the mdast tree (JSX attributes need it). */
function walkMdast(tree: Root, source: string, on: MdastHandlers): void {
  walk(tree, (node) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    switch (node.type) {
      case 'heading':
        on.anchors.add(on.slugger.slug(headingText(node)));
        break;
      case 'link':
      case 'image':
      case 'definition': {
        if (start === undefined || end === undefined) break;
        const slice = source.slice(start, end);
        const at =
          node.type === 'definition'
            ? slice.indexOf(node.url, slice.indexOf(']:') + 2)
            : slice.lastIndexOf(node.url);
        on.addLink(node.url, at >= 0 ? start + at : undefined, start);
        break;
      }
      case 'html':
        if (start !== undefined) on.html((node as Html).value, start);
        break;
      case 'inlineCode': {
        if (start === undefined || end === undefined) break;
        const at = source.slice(start, end).indexOf(node.value);
        if (at >= 0) on.inlineCode(node.value, start + at);
        break;
      }
      case 'code':
        if (start !== undefined && end !== undefined) on.codeBlock(start, end, node.lang ?? '');
        break;
      default:
        if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
          for (const attribute of node.attributes as JsxAttribute[]) {
            if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.value !== 'string')
              continue;
            const name = attribute.name?.toLowerCase();
            if (name === 'id' || name === 'name') on.anchors.add(attribute.value.toLowerCase());
            if ((name === 'href' || name === 'src') && start !== undefined && end !== undefined) {
              const at = source.slice(start, end).indexOf(attribute.value);
              on.addLink(attribute.value, at >= 0 ? start + at : undefined, start);
            }
          }
        }
    }
  });
}

export function parseDoc(path: string, source: string): ParsedDoc {
  const isMdx = path.toLowerCase().endsWith('.mdx');
  let parseWarning: string | undefined;
  const lineOf = lineIndex(source);
  const links: DocLink[] = [];
  const anchors = new Set<string>();
  const references: CodeReference[] = [];
  const slugger = new GithubSlugger();

  /** `at` is the exact offset of the destination when known, else `fallback` locates the line. */
  const addLink = (url: string, at: number | undefined, fallback: number) => {
    // In MDX (a docs site) `/x` is a route of the site, not a path in the repository.
    if (!isRepositoryLink(url) || (isMdx && url.startsWith('/'))) return;
    const offset = at ?? fallback;
    const column = offset - source.lastIndexOf('\n', offset - 1);
    const exact = at === undefined ? {} : { start: at, end: at + url.length, raw: url };
    links.push({ url: decode(url), line: lineOf(offset), column, ...exact });
  };

  const html = (value: string, base: number) => {
    for (const m of value.matchAll(HTML_HEADING))
      anchors.add(slugger.slug((m[2] as string).replace(/<[^>]*>/g, '')));
    for (const m of value.matchAll(ATTRIBUTE)) {
      const attr = (m[1] as string).toLowerCase();
      const v = m[2] ?? m[3] ?? '';
      const at = base + (m.index ?? 0) + m[0].indexOf(v, m[0].indexOf('=') + 1);
      if (attr === 'href' || attr === 'src') addLink(v, at, at);
      else anchors.add(v.toLowerCase());
    }
  };

  const inlineCode = (value: string, at: number) => {
    references.push(...locate(referencesInCodeSpan(value), at, lineOf));
  };

  const codeBlock = (start: number, end: number, lang: string) => {
    const lines = source.slice(start, end).split('\n');
    let offset = start + (lines[0] as string).length + 1;
    const fenced = /^\s*(```|~~~)/.test(lines[0] as string);
    const body = fenced
      ? lines.slice(1, /^\s*(```|~~~)/.test(lines[lines.length - 1] as string) ? -1 : undefined)
      : lines;
    if (!fenced) offset = start;
    for (const line of body) {
      references.push(...locate(referencesInCodeLine(line, lang.toLowerCase()), offset, lineOf));
      offset += line.length + 1;
    }
  };

  if (!isMdx) {
    for (const item of markdownItems(source)) {
      switch (item.type) {
        case 'heading':
          anchors.add(slugger.slug(item.text));
          break;
        case 'link':
        case 'image':
        case 'definition':
          addLink(item.url, item.urlStart, item.start);
          break;
        case 'html':
          html(item.value, item.start);
          break;
        case 'inlineCode':
          if (item.valueStart !== undefined) inlineCode(item.value, item.valueStart);
          break;
        case 'code':
          codeBlock(item.start, item.end, item.lang);
          break;
      }
    }
  } else {
    let tree: Root;
    try {
      tree = mdx.parse(source);
    } catch (error) {
      // MDX that does not compile is still mostly Markdown: read it as such.
      parseWarning = `MDX parse error (${error instanceof Error ? error.message : String(error)}); read as Markdown`;
      tree = markdown.parse(source);
    }
    walkMdast(tree, source, { anchors, slugger, addLink, html, inlineCode, codeBlock });
  }

  return {
    path,
    source,
    lineCount: countLines(source),
    links,
    anchors,
    references,
    suppressed: suppressedLines(source),
    parseWarning,
  };
}
