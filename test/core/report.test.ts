import {
  bulletList,
  code,
  details,
  fileLink,
  fileUrl,
  heading,
  inline,
  lineChart,
  link,
  linkTarget,
  md,
  quote,
  readTaskList,
  table,
  taskList,
} from '../../src/core/report';

const online = {
  serverUrl: 'https://github.com',
  repo: { owner: 'octo', repo: 'app' },
  ref: '0123abc',
};
const offline = { serverUrl: 'https://github.com' };

describe('inline text', () => {
  it('neutralises user text: no mention, no closing keyword, no HTML, no Markdown', () => {
    const out = inline('@alice fixes #12 <img src=x> **bold** [x](javascript:y)');
    expect(out).not.toMatch(/@alice/);
    expect(out).not.toMatch(/fixes #12/);
    expect(out).not.toContain('<img');
    expect(out).not.toContain('**bold**');
    expect(out).not.toContain('[x](');
  });

  it("passes tend's own Markdown through, on one line", () => {
    expect(inline(md('**3** broken\nlinks'))).toBe('**3** broken links');
    expect(inline(42)).toBe('42');
  });
});

describe('heading', () => {
  it('escapes the title and clamps the level', () => {
    expect(heading(2, 'Weekly report')).toBe('## Weekly report\n');
    expect(heading(9, md('x'))).toBe('###### x\n');
    expect(heading(3, '# not a second heading')).toBe('### \\# not a second heading\n');
  });
});

describe('table', () => {
  it('keeps every row one line even with pipes and newlines in cells', () => {
    const out = table(
      ['File', 'Problem'],
      [
        ['a|b.md', 'line one\nline two'],
        [code('x | y'), md('[link](https://example.com/a|b)')],
      ],
    );
    const rows = out.trimEnd().split('\n');
    expect(rows).toHaveLength(4);
    expect(rows[1]).toBe('| --- | --- |');
    for (const row of rows) expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(4);
    expect(rows[2]).toContain('line one line two');
  });

  it('aligns columns and pads short rows', () => {
    expect(table(['a', 'n'], [['x']], { align: ['left', 'right'] })).toBe(
      '| a | n |\n| --- | ---: |\n| x |  |\n',
    );
  });

  it('says so when there are no rows', () => {
    expect(table(['a'], [], { empty: 'No findings.' })).toBe('No findings.\n');
  });
});

describe('taskList', () => {
  it('writes a checkbox per proposal with a hidden marker, and reads the ticks back', () => {
    const body = taskList([
      { id: 'P-3', title: 'Add a lint rule' },
      { id: 'P-7', title: 'Close @bob fixes #1', checked: true },
    ]);
    expect(body.split('\n')[0]).toBe('- [ ] P-3 Add a lint rule <!-- tend:proposal:P-3 -->');
    expect(body).not.toContain('@bob');
    const edited = body.replace('- [ ] P-3', '- [x] P-3');
    expect(readTaskList(`intro\n\n${edited}\n- [x] not ours`)).toEqual([
      { id: 'P-3', checked: true },
      { id: 'P-7', checked: true },
    ]);
  });

  it('refuses an id that could break the marker', () => {
    expect(() => taskList([{ id: 'P-1 -->', title: 'x' }])).toThrow(/invalid id/);
  });
});

describe('details', () => {
  it('folds Markdown under an escaped summary', () => {
    expect(details('12 <more> findings', '| a |\n| - |')).toBe(
      '<details><summary>12 &lt;more&gt; findings</summary>\n\n| a |\n| - |\n\n</details>\n',
    );
    expect(details(md('More'), 'x', { open: true })).toContain('<details open>');
  });
});

describe('links to repository files', () => {
  it('points at the line on GitHub', () => {
    expect(fileUrl(online, 'src/a b.ts', 12)).toBe(
      'https://github.com/octo/app/blob/0123abc/src/a%20b.ts#L12',
    );
    expect(fileUrl(online, 'src/a.ts', 3, 9)).toBe(
      'https://github.com/octo/app/blob/0123abc/src/a.ts#L3-L9',
    );
    expect(fileLink(online, 'src/a.ts', 12).text).toBe(
      '[`src/a.ts:12`](https://github.com/octo/app/blob/0123abc/src/a.ts#L12)',
    );
  });

  it('uses the plain view for files GitHub renders, so the line anchor works', () => {
    expect(fileUrl(online, 'docs/guide.md', 4)).toBe(
      'https://github.com/octo/app/blob/0123abc/docs/guide.md?plain=1#L4',
    );
    expect(fileUrl(online, 'docs/guide.md')).toBe(
      'https://github.com/octo/app/blob/0123abc/docs/guide.md',
    );
  });

  it('is a plain path offline', () => {
    expect(fileLink(offline, 'docs/guide.md', 4).text).toBe('`docs/guide.md:4`');
    expect(fileUrl(offline, 'docs/guide.md', 4)).toBeUndefined();
  });

  it('links a run to the given commit, else to the default branch', () => {
    const ctx = {
      serverUrl: 'https://ghe.example.com',
      repo: { owner: 'o', repo: 'r' },
      defaultBranch: 'main',
    };
    expect(fileUrl(linkTarget(ctx), 'a.ts')).toBe('https://ghe.example.com/o/r/blob/main/a.ts');
    expect(fileUrl(linkTarget(ctx, 'abc'), 'a.ts')).toBe(
      'https://ghe.example.com/o/r/blob/abc/a.ts',
    );
  });
});

describe('link, code, quote, bulletList', () => {
  it('only links http(s) URLs', () => {
    expect(link('docs', 'https://example.com/a (b)').text).toBe(
      '[docs](https://example.com/a%20%28b%29)',
    );
    expect(link('click', 'javascript:alert(1)').text).toBe('click');
  });

  it('fences code spans around backticks', () => {
    expect(code('a ` b').text).toBe('``a ` b``');
    expect(code('`x`').text).toBe('`` `x` ``');
  });

  it('quotes user text as a neutralised block', () => {
    const out = quote('Please rename.\n@carol resolves #4').text;
    expect(out.split('\n').every((line) => line.startsWith('>'))).toBe(true);
    expect(out).not.toContain('@carol');
  });

  it('escapes each list item', () => {
    expect(bulletList(['*a*', md('**b**')])).toBe('- \\*a\\*\n- **b**\n');
  });
});

describe('lineChart', () => {
  const x = ['2026-W46', '2026-W47', '2026-W48'];

  it('draws a Mermaid xychart-beta line per series', () => {
    const out = lineChart({
      title: 'Review "rounds"',
      x,
      series: [{ name: 'rounds', values: [3, 2.5, 1.33333] }],
      yLabel: 'rounds per PR',
    });
    expect(out).toBe(
      [
        '```mermaid',
        'xychart-beta',
        `  title "Review 'rounds'"`,
        '  x-axis ["2026-W46", "2026-W47", "2026-W48"]',
        '  y-axis "rounds per PR"',
        '  line [3, 2.5, 1.3333]',
        '```',
        '',
      ].join('\n'),
    );
  });

  it('leaves out weeks without data and names several series in order', () => {
    const out = lineChart({
      title: 't',
      x,
      series: [
        { name: 'a', values: [1, null, 3] },
        { name: 'b', values: [4, 5, 6] },
      ],
    });
    expect(out).toContain('x-axis ["2026-W46", "2026-W48"]');
    expect(out).toContain('  line [1, 3]\n  line [4, 6]');
    expect(out).toContain('Lines, in order: 1. a, 2. b.');
  });

  it('draws nothing with fewer than two points', () => {
    expect(lineChart({ title: 't', x: ['2026-W48'], series: [{ name: 'a', values: [1] }] })).toBe(
      '',
    );
  });
});
