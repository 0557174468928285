import { compareFindings, overflowLine, selectAnnotations } from '../../src/core/annotations';
import type { Finding, Severity } from '../../src/core/types';

let next = 0;
function finding(severity: Severity, extra: Partial<Finding> = {}): Finding {
  next += 1;
  return {
    id: `f${next}`,
    kind: 'broken-link',
    severity,
    message: `m${next}`,
    evidence: [],
    ...extra,
  };
}

describe('selectAnnotations', () => {
  it('caps each kind at 10 and counts the rest', () => {
    const findings = [
      ...Array.from({ length: 14 }, (_, i) => finding('warning', { file: 'a.md', line: i + 1 })),
      ...Array.from({ length: 3 }, () => finding('error')),
      ...Array.from({ length: 12 }, () => finding('notice')),
    ];
    const { annotations, overflow, rest } = selectAnnotations(findings);
    const count = (s: Severity) => annotations.filter((f) => f.severity === s).length;
    expect([count('error'), count('warning'), count('notice')]).toEqual([3, 10, 10]);
    expect(overflow).toBe(6);
    expect(rest).toHaveLength(6);
    expect(new Set([...annotations, ...rest])).toEqual(new Set(findings));
  });

  it('keeps the most confident findings and drops the guesses', () => {
    const guesses = Array.from({ length: 5 }, () => finding('warning', { confidence: 0.4 }));
    const sure = Array.from({ length: 5 }, () => finding('warning', { confidence: 0.95 }));
    const certain = finding('warning');
    const { annotations, rest } = selectAnnotations([...guesses, certain, ...sure], { perKind: 6 });
    expect(annotations).toEqual([certain, ...sure]);
    expect(rest).toEqual(guesses);
  });

  it('accepts confidence as a word', () => {
    const low = finding('notice', { confidence: 'low' });
    const high = finding('notice', { confidence: 'high' });
    expect(selectAnnotations([low, high], { perKind: 1 }).annotations).toEqual([high]);
  });

  it('orders by file and line, located findings first, when severity and confidence tie', () => {
    const unlocated = finding('error');
    const b3 = finding('error', { file: 'b.md', line: 3 });
    const a9 = finding('error', { file: 'a.md', line: 9 });
    const a2 = finding('error', { file: 'a.md', line: 2 });
    expect([unlocated, b3, a9, a2].sort(compareFindings)).toEqual([a2, a9, b3, unlocated]);
  });

  it('ranks errors before warnings before notices', () => {
    const notice = finding('notice');
    const error = finding('error');
    const warning = finding('warning');
    expect(selectAnnotations([notice, warning, error]).annotations).toEqual([
      error,
      warning,
      notice,
    ]);
  });

  it('does not reorder the caller’s array', () => {
    const findings = [finding('notice'), finding('error')];
    const copy = [...findings];
    selectAnnotations(findings);
    expect(findings).toEqual(copy);
  });
});

describe('overflowLine', () => {
  it('says how many more findings the summary holds', () => {
    expect(overflowLine(37)).toBe('and 37 more findings in the summary');
    expect(overflowLine(1)).toBe('and 1 more finding in the summary');
    expect(overflowLine(0)).toBe('');
  });
});
