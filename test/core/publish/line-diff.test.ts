import { unifiedDiff } from '../../../src/core/publish/line-diff';

describe('unifiedDiff', () => {
  it('shows a one-line change with three lines of context', () => {
    const before = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].join('\n') + '\n';
    const after = before.replace('e\n', 'E\n');
    expect(unifiedDiff('x.md', before, after)).toBe(
      [
        '--- a/x.md',
        '+++ b/x.md',
        '@@ -2,7 +2,7 @@',
        ' b',
        ' c',
        ' d',
        '-e',
        '+E',
        ' f',
        ' g',
        ' h',
      ].join('\n'),
    );
  });

  it('splits distant changes into separate hunks', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `line ${i}`);
    const after = [...lines];
    after[2] = 'changed 2';
    after[25] = 'changed 25';
    const diff = unifiedDiff('f', `${lines.join('\n')}\n`, `${after.join('\n')}\n`) ?? '';
    expect(diff.match(/^@@/gm)).toHaveLength(2);
    expect(diff).toContain('@@ -1,6 +1,6 @@');
    expect(diff).toContain('@@ -23,7 +23,7 @@');
  });

  it('diffs a new file and a deleted file against /dev/null', () => {
    expect(unifiedDiff('n', null, 'x\ny\n')).toBe(
      '--- /dev/null\n+++ b/n\n@@ -0,0 +1,2 @@\n+x\n+y',
    );
    expect(unifiedDiff('d', 'x\n', null)).toBe('--- a/d\n+++ /dev/null\n@@ -1,1 +0,0 @@\n-x');
  });

  it('gives an empty diff for identical contents and none for inputs too large to diff', () => {
    expect(unifiedDiff('same', 'a\nb\n', 'a\nb\n')).toBe('');
    const big = Array.from({ length: 3000 }, (_, i) => `l${i}`).join('\n');
    const other = Array.from({ length: 3000 }, (_, i) => `m${i}`).join('\n');
    expect(unifiedDiff('big', big, other)).toBeUndefined();
  });
});

describe('unifiedDiff on a large file', () => {
  it('still diffs a small edit in a file too large for a full table', () => {
    const lines = Array.from({ length: 5000 }, (_, i) => `row ${i}`);
    const after = [...lines];
    after[2500] = 'edited';
    const diff = unifiedDiff('big', lines.join('\n'), after.join('\n')) ?? '';
    expect(diff).toContain('-row 2500\n+edited');
  });
});
