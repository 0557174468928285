// broken-link and broken-anchor on parsed docs against an in-memory repository.
import { findBrokenLinks } from '../../src/doc-drift/find-broken-links';
import type { ParsedDoc } from '../../src/doc-drift/model';
import { parseDoc } from '../../src/doc-drift/parse-doc';
import { memoryRepoIndex } from '../../src/doc-drift/repo-index';

function check(files: Record<string, string>) {
  const repo = memoryRepoIndex(files);
  const docs = new Map<string, ParsedDoc>();
  for (const [file, text] of Object.entries(files))
    if (/\.mdx?$/.test(file)) docs.set(file, parseDoc(file, text));
  return findBrokenLinks({ docs, repo, anchorsOf: () => undefined, commitUrl: () => undefined });
}

test('headings are slugged as GitHub does, duplicates get -1, and explicit anchors count', () => {
  const doc = parseDoc(
    'a.md',
    '# Hello, World!\n\n## `code` Heading\n\n## Hello, World!\n\n<a name="Custom-Spot"></a>\n\n<div id="box"></div>\n',
  );
  expect([...doc.anchors].sort()).toEqual([
    'box',
    'code-heading',
    'custom-spot',
    'hello-world',
    'hello-world-1',
  ]);
});

test('anchors that match no heading are broken; duplicate-heading and user-content anchors are not', () => {
  const findings = check({
    'README.md':
      '# Intro\n\n## Intro\n\n[a](#intro-1) [b](#user-content-intro) [c](#nope) [d](#Intro)\n',
  });
  expect(findings.map((f) => [f.kind, f.target, f.line])).toEqual([['broken-anchor', '#nope', 5]]);
});

test('line anchors past the end of the target file are broken, inside it they are not', () => {
  const findings = check({
    'src/a.ts': 'one\ntwo\nthree\n',
    'README.md':
      '[ok](src/a.ts#L3) [range](src/a.ts#L2-L3) [past](src/a.ts#L4) [past range](src/a.ts#L1-L9)\n',
  });
  expect(findings.map((f) => f.target)).toEqual(['src/a.ts#L4', 'src/a.ts#L1-L9']);
  expect(findings[0]?.message).toContain('3 lines');
});

test('a link differing only in letter case is broken with a certain fix', () => {
  const findings = check({
    'docs/Guide.md': '# G\n',
    'README.md': 'See [guide](./docs/guide.md#g).\n',
  });
  expect(findings).toMatchObject([
    { kind: 'broken-link', confidence: 'case-mismatch', fix: './docs/Guide.md#g' },
  ]);
});

test('links leaving the repository are broken, except GitHub repository pages', () => {
  const findings = check({
    'README.md':
      '[issues](../../issues) [out](../../../elsewhere/file.md) [up](../sibling/README.md)\n',
  });
  expect(findings.map((f) => f.target)).toEqual([
    '../../../elsewhere/file.md',
    '../sibling/README.md',
  ]);
  expect(findings[0]?.message).toContain('leaves the repository');
});

test('external links, site routes from the root and existing links, images, definitions and HTML links are handled', () => {
  const findings = check({
    'img/logo.png': 'x',
    'docs/a.md': '# A\n',
    'README.md': [
      '[web](https://example.com) [mail](mailto:a@b.c) [site](/docs/a) ![logo](img/logo.png)',
      '[ref][r] <a href="docs/missing.html">x</a> <img src="img/none.png">',
      '',
      '[r]: docs/a.md#a',
      '[folder](docs/) [encoded](docs/a%2Emd)',
      '',
    ].join('\n'),
  });
  expect(findings.map((f) => [f.target, f.line])).toEqual([
    ['docs/missing.html', 2],
    ['img/none.png', 2],
  ]);
});

test('link offsets point exactly at the destination in the source', () => {
  const source = '# T\n\nA [link [nested]](docs/old.md "title") and [def][d].\n\n[d]: <other.md>\n';
  const doc = parseDoc('README.md', source);
  const [inline] = doc.links;
  expect(source.slice(inline?.start, inline?.end)).toBe('docs/old.md');
  expect(doc.links[1]?.url).toBe('other.md');
});

test('MDX docs parse JSX anchors and accept extension-less doc-site links', () => {
  const findings = check({
    'docs/intro.mdx':
      '# Intro\n\n<section id="deep" />\n\n[next](./next) [deep](#deep) [gone](./gone)\n',
    'docs/next.md': '# Next\n',
  });
  expect(findings.map((f) => f.target)).toEqual(['./gone']);
});

test('MDX that does not compile is read as Markdown with a warning', () => {
  const doc = parseDoc('a.mdx', '# A {#custom}\n\n[x](b.md)\n');
  expect(doc.parseWarning).toContain('MDX parse error');
  expect(doc.links.map((l) => l.url)).toEqual(['b.md']);
});

test('links from the repository root (`/docs/a.md`) resolve against the root, as GitHub renders them', () => {
  const findings = check({
    'docs/a.md': '# A\n',
    'pkg/README.md':
      '[ok](/docs/a.md#a) [gone](/docs/missing.md) [anchor](/docs/a.md#nope) [case](/Docs/a.md)\n',
  });
  expect(findings.map((f) => [f.kind, f.target])).toEqual([
    ['broken-link', '/docs/missing.md'],
    ['broken-anchor', '/docs/a.md#nope'],
    ['broken-link', '/Docs/a.md'],
  ]);
  expect(findings[2]?.fix).toBe('/docs/a.md');
});

test('an extension-less root link in a docs-site folder is a site route, not a broken link', () => {
  const findings = check({
    'site/guide/intro.md': '# Intro\n',
    'site/guide/setup.md': 'Read [intro](/guide/intro) and [missing](/guide/nowhere).\n',
    'site/page.mdx': "Routes like [home](/nowhere/at-all) are the site's business in MDX.\n",
  });
  expect(findings.map((f) => f.target)).toEqual(['/guide/nowhere']);
});

test('Markdown is read from the token stream exactly: heading slugs, destinations, positions and code', () => {
  const doc = parseDoc(
    'x.md',
    [
      'Setext *Title* &amp; `code`',
      '===',
      '## [Linked](a.md) ![alt](img.png) &#169; \\*esc\\*',
      '[ref][r] [![badge](b.svg)](c.md#Sec) [esc](a\\_b.md) [ang](<sp ace.md>)',
      '',
      '[r]: ./docs/ref.md "Title"',
      '',
      '| a | b |',
      '|---|---|',
      '| [t](t.md) | `x` |',
      '',
      '> ```ts',
      '> createThing()',
      '> ```',
    ].join('\n'),
  );
  expect([...doc.anchors]).toEqual(['setext-title--code', 'linked---esc']);
  expect(doc.links.map((l) => `${l.url}@${l.line}:${l.column}`)).toEqual([
    'a.md@3:13',
    'img.png@3:26',
    'c.md#Sec@4:28',
    'b.svg@4:20',
    'a_b.md@4:38',
    'sp ace.md@4:60',
    './docs/ref.md@6:6',
    't.md@10:7',
  ]);
  // Exact spans only where the destination is written as it reads (no escapes).
  expect(doc.links.filter((l) => l.start !== undefined).map((l) => l.url)).not.toContain('a_b.md');
  expect(doc.references.map((r) => [r.kind, r.name, r.line])).toEqual([
    ['symbol', 'createThing', 13],
  ]);
});
