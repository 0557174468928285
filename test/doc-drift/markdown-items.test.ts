// The Markdown reader: every kind of item, at its exact line and offset, wherever it is written.
import { markdownItems, type MarkdownItem } from '../../src/doc-drift/markdown-items';

/** `line:column` (1-based) of an offset. */
function where(source: string, offset: number | undefined): string {
  if (offset === undefined) return '-';
  const before = source.slice(0, offset);
  return `${before.split('\n').length}:${offset - before.lastIndexOf('\n')}`;
}

/** Items as `type value @line:column`, the position being the destination's (or the code's) when exact. */
function read(source: string): string[] {
  return markdownItems(source).map((item: MarkdownItem) => {
    switch (item.type) {
      case 'heading':
        return `heading ${JSON.stringify(item.text)} @${where(source, item.start)}`;
      case 'link':
      case 'image':
      case 'definition':
        return `${item.type} ${item.url} @${where(source, item.urlStart ?? item.start)}`;
      case 'html':
        return `html ${JSON.stringify(item.value)} @${where(source, item.start)}`;
      case 'inlineCode':
        return `inlineCode ${item.value} @${where(source, item.valueStart)}`;
      case 'code':
        return `code ${item.lang} @${where(source, item.start)}-${where(source, item.end)}`;
    }
  });
}

/** Every exact destination offset points at the destination as written. */
function expectExactSpans(source: string): void {
  for (const item of markdownItems(source)) {
    if ('urlStart' in item && item.urlStart !== undefined)
      expect(source.slice(item.urlStart, item.urlStart + item.url.length)).toBe(item.url);
    if (item.type === 'inlineCode' && item.valueStart !== undefined)
      expect(source.slice(item.valueStart, item.valueStart + item.value.length)).toBe(item.value);
  }
}

test('links in list items, nested lists, block quotes (lazy lines too) and tables are found at their line and column', () => {
  const source = [
    '- item [a](a.md)',
    '  1. nested [b](b.md)',
    '> quote [c](c.md)',
    'lazy [d](d.md)',
    '> > deeper [e](e.md)',
    '',
    '| x | y |',
    '|---|---|',
    '| [f](f.md) | \\| [g](g.md) |',
    '> | q |',
    '> |---|',
    '> | [h](h.md) |',
  ].join('\n');
  expect(read(source)).toEqual([
    'link a.md @1:12',
    'link b.md @2:17',
    'link c.md @3:13',
    'link d.md @4:10',
    'link e.md @5:16',
    'link f.md @9:7',
    'link g.md @9:22',
    'link h.md @12:9',
  ]);
  expectExactSpans(source);
});

test('links whose label or destination spans a line break are found where the destination is written', () => {
  const source =
    'Text [a label\nover two lines](\n  two.md "title\nspans") and [next](three.md).\n';
  expect(read(source)).toEqual(['link two.md @3:3', 'link three.md @4:20']);
  expectExactSpans(source);
});

test('reference definitions are items where their destination is written; reference links are not', () => {
  const source = [
    'Use [the ref][ref], [ref] and [collapsed][].',
    '',
    '[ref]: ./docs/ref.md "Title"',
    '[collapsed]:',
    '  <other file.md>',
    "  'title'",
    '[esc]: a\\_b.md',
  ].join('\n');
  expect(read(source)).toEqual([
    'definition ./docs/ref.md @3:8',
    'definition other file.md @5:4',
    // Written with an escape: no exact span, the definition's start instead.
    'definition a_b.md @7:1',
  ]);
  expectExactSpans(source);
});

test('ATX and setext headings keep the text GitHub slugs: code and link text in, images and HTML out', () => {
  const source = [
    '# Title with `code` and [a link](a.md) ![badge](b.svg) <span>x</span>y &amp; \\*',
    '',
    'Setext *heading*',
    'on two lines',
    '---',
  ].join('\n');
  expect(read(source)).toEqual([
    'inlineCode code @1:15',
    'link a.md @1:34',
    'image b.svg @1:49',
    'html "<span>" @1:56',
    'html "</span>" @1:63',
    // The image and the HTML leave their spaces around them.
    'heading "Title with code and a link  xy & *" @1:1',
    'heading "Setext heading\\non two lines" @3:1',
  ]);
});

test('HTML blocks and inline HTML keep their text and line, so `<a name>` anchors and `href`s can be read from them', () => {
  const source = [
    '# T',
    '',
    '<div align="center">',
    '  <a name="old-anchor"></a> <img src="logo.png">',
    '</div>',
    '',
    '> Text <a name="inline"></a>',
  ].join('\n');
  expect(read(source)).toEqual([
    'heading "T" @1:1',
    'html "<div align=\\"center\\">\\n  <a name=\\"old-anchor\\"></a> <img src=\\"logo.png\\">\\n</div>" @3:1',
    'html "<a name=\\"inline\\">" @7:8',
    'html "</a>" @7:25',
  ]);
});

test('code spans holding brackets are code, not links; fenced and indented code keep their lines', () => {
  const source = [
    'Call `run([a](b.md))` or `` a ` b `` then [real](real.md).',
    '',
    '- ```ts',
    '  createThing()',
    '  ```',
    '',
    '      indented()',
  ].join('\n');
  expect(read(source)).toEqual([
    'inlineCode run([a](b.md)) @1:7',
    'inlineCode a ` b @1:29',
    'link real.md @1:50',
    'code ts @3:3-5:6',
    // Inside the list item: after its indentation.
    'code  @7:3-7:17',
  ]);
  expectExactSpans(source);
});

test('autolinks are not repository links, but their text is part of a heading', () => {
  expect(read('## See <https://example.com/x>\n\nMail <a@b.co> or <https://e.com>.\n')).toEqual([
    'heading "See https://example.com/x" @1:1',
  ]);
});

test('images inside links and links inside image descriptions are both found', () => {
  const source = '[![badge](badge.svg)](target.md#Sec) ![alt [in](inner.md)](pic.png)\n';
  expect(read(source)).toEqual([
    'link target.md#Sec @1:23',
    'image badge.svg @1:11',
    'image pic.png @1:60',
    'link inner.md @1:49',
  ]);
  expectExactSpans(source);
});

test('offsets count in the doc as written when its lines end with CRLF', () => {
  const source =
    '# CRLF\r\n\r\nA [link](c.md) and `code`\r\nnext [l2](d.md)\r\n\r\n[def]: e.md\r\n';
  expect(read(source)).toEqual([
    'heading "CRLF" @1:1',
    'link c.md @3:10',
    'inlineCode code @3:21',
    'link d.md @4:11',
    'definition e.md @6:8',
  ]);
  expectExactSpans(source);
});

test('GFM footnotes are not definitions, and a footnote call leaves a heading text', () => {
  const source = '## Heading[^1]\n\n[^1]: ./not-a-link.md with [a link](f.md)\n';
  expect(read(source)).toEqual(['heading "Heading" @1:1', 'link f.md @3:37']);
});

test('code with an escaped pipe in a table cell reads as GitHub shows it, without an exact span', () => {
  const source = '| a | b |\n|---|---|\n| `x \\| y` | `z` |\n';
  expect(read(source)).toEqual(['inlineCode x | y @-', 'inlineCode z @3:15']);
  expectExactSpans(source);
});
