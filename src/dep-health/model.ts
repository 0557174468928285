// The shapes dep-health's parsers, sources and plans share.

/** Ecosystem names as OSV spells them. */
export type OsvEcosystem = 'npm' | 'PyPI' | 'Go' | 'GitHub Actions';

export interface Dependency {
  ecosystem: OsvEcosystem;
  /** Registry name (PyPI names normalised per PEP 503). */
  name: string;
  /** Manifest (or lockfile for transitive entries) the dependency was found in, repo-relative. */
  file: string;
  line?: number;
  /** Declared range / specifier from the manifest, when there is one. */
  range?: string;
  /** Exact version in use (lockfile, or an exact pin). */
  version?: string;
  /** Declared in the manifest (true) or only pulled in by another dependency (false). */
  direct: boolean;
  /** Development-only (devDependencies, dev groups, optional extras). */
  dev: boolean;
  /** Where the exact version came from. */
  lockfile?: string;
  /** Extra facts: `indirect` (go), `replaced-by`, extras, markers. */
  notes?: string[];
}

/** A file that could not be read; the rest of the report is still produced. */
export interface ParseProblem {
  file: string;
  line?: number;
  message: string;
}

export interface ParseResult {
  dependencies: Dependency[];
  problems: ParseProblem[];
}

export function emptyResult(): ParseResult {
  return { dependencies: [], problems: [] };
}

export function dependencyKey(dep: Pick<Dependency, 'ecosystem' | 'name'>): string {
  return `${dep.ecosystem}:${dep.name}`;
}
