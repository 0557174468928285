// Shapes shared by doc-drift's analysis: what a parsed doc holds and what a finding carries.
import type { Finding, Severity } from '../core/types';

export type DriftKind =
  'broken-link' | 'broken-anchor' | 'stale-reference' | 'undocumented-export' | 'stale-doc';

export const DRIFT_KINDS: readonly DriftKind[] = [
  'broken-link',
  'broken-anchor',
  'stale-reference',
  'undocumented-export',
  'stale-doc',
];

export const SEVERITY: Record<DriftKind, Severity> = {
  'broken-link': 'error',
  'broken-anchor': 'warning',
  'stale-reference': 'warning',
  'stale-doc': 'notice',
  'undocumented-export': 'notice',
};

/**
 * How sure a finding is, and why:
 * - `renamed`: history shows the target was renamed; `fix` holds the successor (certain fix).
 * - `case-mismatch`: the target exists with another letter case; `fix` holds it (certain fix).
 * - `removed`: history shows the target existed and was deleted (evidence: that commit).
 * - `missing`: the target does not exist and history says nothing about it.
 */
export type Confidence = 'renamed' | 'case-mismatch' | 'removed' | 'missing';

/** Offsets of a finding's target in its doc's text: source[start, end). */
export interface TextSpan {
  start: number;
  end: number;
}

export interface DriftFinding extends Finding {
  kind: DriftKind;
  file: string;
  line: number;
  target?: string;
  confidence?: Confidence;
  /** The replacement for `target`, when history makes it certain. */
  fix?: string;
  /** Where the text `replacement` replaces is in the doc; absent when not auto-editable. */
  span?: TextSpan;
  /** The exact text for `span` (defaults to `fix`). */
  replacement?: string;
  /** Commit the finding's evidence points at (short sha), when there is one. */
  commit?: string;
}

/** A relative link (or image, definition, HTML href/src) found in a doc. */
export interface DocLink {
  /** The destination as written, decoded (`../a b.md#x`). */
  url: string;
  line: number;
  column: number;
  /** Offsets of the destination as written in the source, when it could be located exactly. */
  start?: number;
  end?: number;
  /** The destination exactly as it appears in the source text. */
  raw?: string;
}

/** A name a doc's code span or code block points at. */
export type ReferenceKind = 'path' | 'symbol' | 'flag' | 'env' | 'config-key';

export interface CodeReference {
  kind: ReferenceKind;
  /** The whole reference as written (`Config.load()`, `--dry-run`, `src/a.ts`). */
  text: string;
  /** The name looked up in the code (`load`, `dry-run`, `src/a.ts`). */
  name: string;
  line: number;
  /** Offsets of `name` in the doc source. */
  start: number;
  end: number;
}

export interface ParsedDoc {
  path: string;
  source: string;
  lineCount: number;
  links: DocLink[];
  /** Slugs of headings (GitHub style) and explicit `<a name|id>` anchors. */
  anchors: Set<string>;
  references: CodeReference[];
  /** 1-based lines where findings are suppressed. */
  suppressed: Set<number>;
  /** Set when the parser failed and a fallback was used. */
  parseWarning?: string;
}
