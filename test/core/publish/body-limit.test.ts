import {
  closingFor,
  CUT_MARKER,
  fitBody,
  GITHUB_BODY_LIMIT,
  openBlocks,
} from '../../../src/core/publish/body-limit';
import { allNodes, parseMarkdown } from './markdown-tree';

const CONTROLS = [
  '## tend weekly report',
  '',
  '| metric | this week | last week |',
  '|---|---|---|',
  '| first-submission approval rate | 61% | 55% |',
  '',
  '### Decisions needed',
  '',
  '- [ ] accept P-1: add a lint rule for naming',
  '- [ ] accept P-2: document the release steps',
  '',
].join('\n');

function detailsSection(index: number, lines: number): string {
  const code = Array.from(
    { length: lines },
    (_, i) => `  const value${i} = compute(${index}, ${i}); // evidence line`,
  );
  return [
    `<details><summary>Finding ${index}: evidence</summary>`,
    '',
    `Finding ${index} was seen in ${lines} places.`,
    '',
    '```ts',
    ...code,
    '```',
    '',
    '</details>',
    '',
  ].join('\n');
}

function report(targetLength: number, linesPerSection = 40): string {
  let body = CONTROLS;
  for (let i = 1; body.length < targetLength; i += 1) body += detailsSection(i, linesPerSection);
  return body;
}

/** The trimmed body is valid Markdown: every fence and <details> closed, the note last. */
function expectWellFormed(body: string): void {
  expect(openBlocks(body)).toEqual({ details: 0, comment: false });
  const tree = parseMarkdown(body);
  const last = tree.children[tree.children.length - 1];
  expect(last?.type).toBe('paragraph');
  expect(JSON.stringify(last)).toMatch(/characters of details omitted/);
  const html = allNodes(tree)
    .filter((node) => node.type === 'html')
    .map((node) => (node as { value: string }).value)
    .join('\n');
  expect((html.match(/<details/g) ?? []).length).toBe((html.match(/<\/details>/g) ?? []).length);
}

describe('fitBody', () => {
  it('returns a body under the limit unchanged', () => {
    const body = report(10_000);
    expect(fitBody(body)).toBe(body);
  });

  it('trims a 200,000-character report under 65,536 characters with its controls intact', () => {
    const body = report(200_000);
    expect(body.length).toBeGreaterThanOrEqual(200_000);
    const fitted = fitBody(body);
    expect(fitted.length).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
    expect(fitted.startsWith(CONTROLS)).toBe(true);
    expectWellFormed(fitted);
    // Trimmed from the end, on section boundaries: whole findings are kept, in order.
    expect(fitted).toContain('Finding 1:');
    const kept = [...fitted.matchAll(/<details><summary>Finding (\d+)/g)].map((m) => Number(m[1]));
    expect(kept).toEqual(kept.map((_, i) => i + 1));
    expect(fitted.length).toBeGreaterThan(GITHUB_BODY_LIMIT * 0.9);
  });

  it('says how many characters were omitted', () => {
    const body = report(100_000);
    const fitted = fitBody(body);
    const omitted = Number(
      /_([\d,]+) characters of details omitted/.exec(fitted)?.[1]?.replace(/,/g, ''),
    );
    expect(omitted).toBeGreaterThan(body.length - fitted.length);
    // The first (length - omitted) characters of the body are shown verbatim.
    const shown = body.slice(0, body.length - omitted).trimEnd();
    expect(fitted.startsWith(shown)).toBe(true);
    expect(fitted.slice(shown.length)).not.toContain('Finding');
  });

  it('closes a code fence and a <details> cut in the middle of one huge section', () => {
    const body = CONTROLS + detailsSection(1, 6000);
    expect(body.length).toBeGreaterThan(GITHUB_BODY_LIMIT * 3);
    const fitted = fitBody(body);
    expect(fitted.length).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
    expect(fitted.startsWith(CONTROLS)).toBe(true);
    expectWellFormed(fitted);
    const code = allNodes(parseMarkdown(fitted)).find((node) => node.type === 'code') as {
      value: string;
    };
    expect(code.value.split('\n').length).toBeGreaterThan(500);
    expect(code.value).not.toMatch(/omitted/);
  });

  it('keeps everything above an explicit cut marker even past the first <details>', () => {
    const top = `${CONTROLS}<details><summary>always shown</summary>\n\nkept\n\n</details>\n${CUT_MARKER}\n`;
    const body = top + report(150_000).slice(CONTROLS.length);
    const fitted = fitBody(body);
    expect(fitted.startsWith(top)).toBe(true);
    expect(fitted.length).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
    expectWellFormed(fitted);
  });

  it('fits a single 200,000-character line without splitting an HTML tag or a surrogate pair', () => {
    const body = `${CONTROLS}<details><summary>x</summary>\n\n${'😀 <b>bold</b> '.repeat(15_000)}\n</details>`;
    const fitted = fitBody(body, { limit: 10_000 });
    expect(fitted.length).toBeLessThanOrEqual(10_000);
    expect(fitted).not.toMatch(/<b?$/m);
    expect(fitted).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    expectWellFormed(fitted);
  });

  it('still fits when the controls alone exceed the limit', () => {
    const body = `${'- [ ] a control line that is far too long\n'.repeat(3000)}<details>\n\nx\n</details>`;
    const fitted = fitBody(body, { limit: 5000 });
    expect(fitted.length).toBeLessThanOrEqual(5000);
    expect(fitted.startsWith('- [ ] a control line')).toBe(true);
  });

  it('uses a custom note', () => {
    const fitted = fitBody(report(80_000), {
      note: (n) => `(${n} cut; full report on the tend-state branch)`,
    });
    expect(fitted.trimEnd()).toMatch(/cut; full report on the tend-state branch\)$/);
  });
});

describe('closingFor', () => {
  it('closes an open comment, fence and nested details in order', () => {
    expect(closingFor('<details>\n<details>\n\n```js\nx')).toBe(
      '\n```\n\n</details>\n\n</details>\n',
    );
    expect(closingFor('<!-- open')).toBe('\n-->\n');
    expect(closingFor('<details>\n\n```\n</details>\n```\n</details>')).toBe('');
  });
});
