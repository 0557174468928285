// undocumented-export: a public export (TS/JS, Python, Go) that no doc mentions by name.
import { draft } from './findings';
import type { ExportedName } from './exports/model';
import type { DriftFinding } from './model';

export function findUndocumentedExports(
  exports: ExportedName[],
  docWords: Set<string>,
): DriftFinding[] {
  const seen = new Set<string>();
  const findings: DriftFinding[] = [];
  for (const exported of exports) {
    if (docWords.has(exported.name) || seen.has(exported.name)) continue;
    seen.add(exported.name);
    findings.push(
      draft('undocumented-export', {
        file: exported.file,
        line: exported.line,
        target: exported.name,
        message: `Public export \`${exported.name}\` is not mentioned in any doc.`,
        evidence: [
          `exported from \`${exported.file}\` line ${exported.line}; no doc names \`${exported.name}\``,
        ],
      }),
    );
  }
  return findings;
}
