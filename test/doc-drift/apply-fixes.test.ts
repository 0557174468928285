// Certain fixes are applied at their exact offsets; uncertain findings are never edited.
import { applyFixes } from '../../src/doc-drift/apply-fixes';
import { draft } from '../../src/doc-drift/findings';

test('edits only certain fixes, at their spans, leaving the rest of the text byte for byte', () => {
  const source = 'See [a](old.md) and `oldName()`, not [b](gone.md).\r\nKeep this line.\n';
  const start = source.indexOf('old.md');
  const name = source.indexOf('oldName');
  const findings = [
    draft('broken-link', {
      file: 'README.md',
      line: 1,
      target: 'old.md',
      confidence: 'renamed',
      fix: 'new.md',
      span: { start, end: start + 6 },
    }),
    draft('stale-reference', {
      file: 'README.md',
      line: 1,
      target: 'oldName',
      confidence: 'renamed',
      fix: 'newName',
      span: { start: name, end: name + 7 },
    }),
    draft('broken-link', {
      file: 'README.md',
      line: 1,
      target: 'gone.md',
      confidence: 'removed',
      span: { start: source.indexOf('gone.md'), end: source.indexOf('gone.md') + 7 },
    }),
  ];
  const result = applyFixes(findings, new Map([['README.md', source]]));
  expect(result.files.get('README.md')).toBe(
    'See [a](new.md) and `newName()`, not [b](gone.md).\r\nKeep this line.\n',
  );
  expect(result.applied.map((f) => f.target)).toEqual(['oldName', 'old.md']);
});

test('a flag fix replaces only the name after the dashes', () => {
  const source = 'run `tool --dry-run`\n';
  const at = source.indexOf('dry-run');
  const f = draft('stale-reference', {
    file: 'a.md',
    line: 1,
    target: '--dry-run',
    confidence: 'renamed',
    fix: '--preview',
    replacement: 'preview',
    span: { start: at, end: at + 7 },
  });
  expect(applyFixes([f], new Map([['a.md', source]])).files.get('a.md')).toBe(
    'run `tool --preview`\n',
  );
});

test('overlapping edits keep the first and skip the other', () => {
  const source = 'abc';
  const findings = [
    draft('broken-link', {
      file: 'a.md',
      line: 1,
      confidence: 'renamed',
      fix: 'X',
      span: { start: 0, end: 2 },
    }),
    draft('broken-link', {
      file: 'a.md',
      line: 1,
      confidence: 'renamed',
      fix: 'Y',
      span: { start: 1, end: 3 },
    }),
  ];
  const result = applyFixes(findings, new Map([['a.md', source]]));
  expect(result.applied).toHaveLength(1);
  expect(result.files.get('a.md')).toBe('aY');
});
