import {
  escapeMarkdownInline,
  neutraliseForTitle,
  neutraliseReferences,
  quoteUserText,
  TITLE_LIMIT,
} from '../../../src/core/publish/neutralise';
import { allNodes, parseMarkdown, visibleText } from './markdown-tree';

// What GitHub looks for in rendered text. A quote is safe when none of these match what a
// reader sees (zero-width spaces are part of what GitHub sees, so they are kept here).
const MENTION = /(^|[^\w`])@[A-Za-z0-9]/m;
const CLOSING =
  /\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)[\s:]*(?:[\w.-]+\/[\w.-]+)?#\d|\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)[\s:]*https?:\/\//i;
const CROSS_REFERENCE = /[\w.-]+\/[\w.-]+#\d/;

const HOSTILE = [
  'Thanks @alice and @acme/reviewers! cc @bob.',
  'This fixes #1, Closes acme/widgets#2 and resolved: #3; FIXED https://github.com/acme/widgets/issues/4',
  'close #5 fix: #6 resolves other-org/other.repo#7',
  'See evil/repo#12 and https://github.com/evil/repo/pull/13 for spam backlinks.',
  '<img src=x onerror=alert(1)><script>alert(2)</script> &#64;carol &lt;b&gt;',
  '<details><summary>x</summary>',
  '</details></blockquote>',
  '```js',
  'const s = "@dave fixes #8";',
  '```',
  '~~~',
  '    indented code with <b>',
  '# Heading',
  '- [ ] task',
  '1. ordered',
  '| a | b |',
  '|---|---|',
  '> nested quote',
  '[link](javascript:alert(1)) ![pixel](https://tracker.example/p.png)',
  '<!-- tend:doc-drift:forged -->',
  '---',
].join('\n');

function withoutInvisibles(text: string): string {
  return text.replace(/\u200b/g, '').replace(/\u00a0/g, ' ');
}

describe('quoteUserText', () => {
  const quoted = quoteUserText(HOSTILE);
  const tree = parseMarkdown(quoted);
  const seen = visibleText(tree);

  it('renders hostile text as one blockquote with nothing outside it', () => {
    expect(tree.children).toHaveLength(1);
    expect(tree.children[0]?.type).toBe('blockquote');
  });

  it('lets no raw HTML, code block, heading, list, table, image or hidden link through', () => {
    const kinds = new Set(allNodes(tree).map((node) => node.type));
    for (const kind of ['html', 'code', 'heading', 'list', 'table', 'image', 'thematicBreak']) {
      expect(kinds.has(kind as never)).toBe(false);
    }
    expect(quoted).not.toMatch(/</);
    // Bare URLs are still autolinked, but a link never hides its target behind other text.
    for (const link of allNodes(tree).filter((node) => node.type === 'link')) {
      expect(visibleText(link)).toBe((link as { url: string }).url);
    }
  });

  it('keeps every @-mention from pinging', () => {
    expect(HOSTILE).toMatch(MENTION);
    expect(seen).not.toMatch(MENTION);
  });

  it('keeps closing keywords from closing issues, with #n, owner/repo#n or an issue URL', () => {
    expect(HOSTILE).toMatch(CLOSING);
    expect(seen).not.toMatch(CLOSING);
  });

  it('keeps owner/repo#n cross-references from creating backlinks', () => {
    expect(seen).not.toMatch(CROSS_REFERENCE);
  });

  it('shows issue URLs as code, where GitHub creates no cross-reference', () => {
    const codes = allNodes(tree).filter((node) => node.type === 'inlineCode');
    expect(codes.map((node) => (node as { value: string }).value)).toContain(
      'https://github.com/evil/repo/pull/13',
    );
  });

  it('still reads as the original text once rendered', () => {
    const expected = HOSTILE.split('\n')
      .map((line) => line.trim())
      .join('\n');
    expect(withoutInvisibles(seen).replace(/^ +/gm, '')).toBe(expected);
  });

  it('cannot be used to forge a tend fingerprint marker', () => {
    expect(quoted).not.toContain('<!-- tend:');
  });

  it('truncates 100 KB of hostile text with a marker and stays a single safe blockquote', () => {
    const huge = `${HOSTILE}\n`.repeat(Math.ceil(100_000 / HOSTILE.length));
    expect(huge.length).toBeGreaterThan(100_000);
    const out = quoteUserText(huge, { maxLength: 2000 });
    const hugeTree = parseMarkdown(out);
    expect(hugeTree.children).toHaveLength(1);
    expect(hugeTree.children[0]?.type).toBe('blockquote');
    expect(out).toMatch(/more characters not shown/);
    expect(out.length).toBeLessThan(6000);
    const text = visibleText(hugeTree);
    expect(text).not.toMatch(MENTION);
    expect(text).not.toMatch(CLOSING);
  });

  it('does not truncate text under the limit', () => {
    expect(quoteUserText('short note')).toBe('> short note');
  });

  it('never splits a surrogate pair when truncating', () => {
    const out = quoteUserText('😀'.repeat(10), { maxLength: 5 });
    expect(out).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  it('in code style uses a fence longer than any fence inside the text', () => {
    const text = 'before\n````\n@erin fixes #9\n````\nafter';
    const out = quoteUserText(text, { style: 'code' });
    const codeTree = parseMarkdown(out);
    expect(codeTree.children).toHaveLength(1);
    const code = codeTree.children[0];
    expect(code?.type).toBe('code');
    const value = (code as { value: string }).value;
    expect(withoutInvisibles(value)).toBe(text);
    expect(value).not.toMatch(MENTION);
    expect(value).not.toMatch(CLOSING);
  });
});

describe('escapeMarkdownInline', () => {
  it('keeps a table cell in its cell and its text literal', () => {
    const cell = escapeMarkdownInline('a | b *c* <i>d</i>\nnext `e`');
    const tree = parseMarkdown(`| h |\n|---|\n| ${cell} |`);
    const table = tree.children[0];
    expect(table?.type).toBe('table');
    const rows = (table as { children: { children: unknown[] }[] }).children;
    expect(rows[1]?.children).toHaveLength(1);
    expect(visibleText(tree)).toContain('a | b *c* <i>d</i> next `e`');
  });

  it('neutralises mentions and closing keywords in one-line text', () => {
    const out = escapeMarkdownInline('@frank fixes #10 via o/r#3');
    const text = visibleText(parseMarkdown(out));
    expect(text).not.toMatch(MENTION);
    expect(text).not.toMatch(CLOSING);
    expect(text).not.toMatch(CROSS_REFERENCE);
  });

  it('truncates with a marker when given a maximum length', () => {
    expect(escapeMarkdownInline('x'.repeat(50), { maxLength: 10 })).toMatch(/^x{10} … \(40 more/);
  });
});

describe('neutraliseForTitle', () => {
  it('makes one plain line without pings or closing keywords', () => {
    const title = neutraliseForTitle('Fixes #12:\n@grace review\tthis');
    expect(title).not.toMatch(/\n|\t/);
    expect(title).not.toMatch(MENTION);
    expect(title).not.toMatch(CLOSING);
    expect(withoutInvisibles(title)).toBe('Fixes #12: @grace review this');
  });

  it('stays within GitHub’s 256-character title limit', () => {
    const title = neutraliseForTitle('word '.repeat(200));
    expect(title.length).toBeLessThanOrEqual(TITLE_LIMIT);
    expect(title.endsWith('…')).toBe(true);
  });
});

describe('neutraliseReferences', () => {
  it('leaves ordinary words that merely contain a keyword alone', () => {
    expect(neutraliseReferences('prefix #1 and a fixture, closed door')).toBe(
      'prefix #1 and a fixture, closed door',
    );
  });

  it('breaks every GitHub closing keyword, whatever the case', () => {
    for (const word of [
      'close',
      'closes',
      'closed',
      'fix',
      'fixes',
      'fixed',
      'resolve',
      'resolves',
      'resolved',
    ]) {
      for (const variant of [word, word.toUpperCase(), word[0]?.toUpperCase() + word.slice(1)]) {
        expect(neutraliseReferences(`${variant} #1`)).not.toMatch(CLOSING);
        expect(neutraliseReferences(`${variant}: owner/repo#2`)).not.toMatch(CLOSING);
      }
    }
  });
});
