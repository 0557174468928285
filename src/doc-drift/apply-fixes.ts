// The certain fixes (renamed link targets, renamed paths and symbols, letter-case corrections),
// applied to the docs' text at the exact offsets recorded at parse time. Nothing uncertain is
// edited, and an edit whose span does not hold the expected text is skipped.
import type { DriftFinding } from './model';

export function isCertainFix(f: DriftFinding): boolean {
  return (
    (f.confidence === 'renamed' || f.confidence === 'case-mismatch') &&
    f.fix !== undefined &&
    f.span !== undefined
  );
}

export interface FixResult {
  /** New content per doc path. */
  files: Map<string, string>;
  /** Findings whose fix was applied. */
  applied: DriftFinding[];
}

export function applyFixes(findings: DriftFinding[], sources: Map<string, string>): FixResult {
  const byFile = new Map<string, DriftFinding[]>();
  for (const f of findings) {
    if (!isCertainFix(f)) continue;
    const list = byFile.get(f.file) ?? [];
    list.push(f);
    byFile.set(f.file, list);
  }
  const files = new Map<string, string>();
  const applied: DriftFinding[] = [];
  for (const [file, list] of byFile) {
    const source = sources.get(file);
    if (source === undefined) continue;
    let text = source;
    let floor = Infinity;
    const sorted = [...list].sort((a, b) => (b.span?.start ?? 0) - (a.span?.start ?? 0));
    for (const f of sorted) {
      const span = f.span as { start: number; end: number };
      if (span.end > floor) continue; // overlaps an edit already made
      const replacement = f.replacement ?? (f.fix as string);
      const current = text.slice(span.start, span.end);
      if (current === replacement || current.includes('\n')) continue;
      text = text.slice(0, span.start) + replacement + text.slice(span.end);
      floor = span.start;
      applied.push(f);
    }
    if (text !== source) files.set(file, text);
  }
  return { files, applied };
}
