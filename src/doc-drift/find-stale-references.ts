// stale-reference: a doc's code span or code block names a file path, symbol, flag, env
// variable or config key the code no longer has. Reported only when history shows the name
// existed (removed), with the successor when history makes it certain (renamed). A name the
// code never had is left alone: it is probably prose, or another project's API.
import path from 'node:path';
import { describeCommit, draft, type CommitLinker } from './findings';
import type { CodeReference, DriftFinding, ParsedDoc } from './model';
import type { NameRemoval } from './name-history';
import { followFolder, followPath, type PathHistory } from './path-history';
import type { RepoIndex } from './repo-index';
import { spellings } from './tokens';

/** Root-relative and doc-relative readings of a path reference. */
export function pathCandidates(docPath: string, name: string): string[] {
  const clean = name.replace(/\/+$/, '');
  const fromDoc = path.posix.normalize(path.posix.join(path.posix.dirname(docPath), clean));
  const fromRoot = path.posix.normalize(clean);
  return [...new Set([fromRoot, fromDoc])].filter((p) => !p.startsWith('../') && p !== '..');
}

/** Names (in every spelling) that code references point at, for the presence scan. */
export function wantedNames(docs: Iterable<ParsedDoc>): Set<string> {
  const names = new Set<string>();
  for (const doc of docs) {
    for (const ref of doc.references) {
      if (ref.kind === 'path') continue;
      for (const s of ref.kind === 'flag' || ref.kind === 'config-key'
        ? spellings(ref.name)
        : [ref.name])
        names.add(s);
    }
  }
  return names;
}

export function isNamePresent(ref: CodeReference, present: Set<string>): boolean {
  const forms = ref.kind === 'flag' || ref.kind === 'config-key' ? spellings(ref.name) : [ref.name];
  return forms.some((f) => present.has(f));
}

/** Writes `successor` in the style of `name` (kebab, snake or camel case as the doc had it). */
export function respell(successor: string, name: string): string {
  if (successor.includes('-') || successor.includes('_') || !/[a-z][A-Z]/.test(successor)) {
    if (name.includes('_') && successor.includes('-')) return successor.replace(/-/g, '_');
    if (name.includes('-') && successor.includes('_')) return successor.replace(/_/g, '-');
    return successor;
  }
  if (name.includes('-')) return successor.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
  if (name.includes('_') && name === name.toLowerCase())
    return successor.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
  return successor;
}

export interface StaleReferenceInput {
  docs: Map<string, ParsedDoc>;
  repo: RepoIndex;
  present: Set<string>;
  names: Map<string, NameRemoval>;
  paths?: PathHistory;
  commitUrl: CommitLinker;
}

const LABEL: Record<CodeReference['kind'], string> = {
  path: 'path',
  symbol: 'symbol',
  flag: 'flag',
  env: 'environment variable',
  'config-key': 'config key',
};

export function findStaleReferences(input: StaleReferenceInput): DriftFinding[] {
  const findings: DriftFinding[] = [];
  for (const doc of input.docs.values()) {
    const seen = new Set<string>();
    for (const ref of doc.references) {
      const key = `${ref.line}\0${ref.kind}\0${ref.name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const finding = ref.kind === 'path' ? checkPath(input, doc, ref) : checkName(input, doc, ref);
      if (finding) findings.push(finding);
    }
  }
  return findings;
}

function checkPath(
  input: StaleReferenceInput,
  doc: ParsedDoc,
  ref: CodeReference,
): DriftFinding | undefined {
  const candidates = pathCandidates(doc.path, ref.name);
  if (candidates.some((c) => input.repo.exists(c)) || !input.paths) return undefined;
  if (!ref.name.includes('/') && input.repo.caseVariants(candidates[0] as string).length > 0)
    return undefined;
  const history = input.paths;
  for (const candidate of candidates) {
    const followed =
      followPath(history, candidate, (p) => input.repo.isFile(p)) ??
      followFolder(history, candidate, (p) => input.repo.isDir(p));
    if (!followed) continue;
    const base = {
      file: doc.path,
      line: ref.line,
      target: ref.name,
      targetPath: candidate,
      commit: followed.commit.sha.slice(0, 7),
    };
    if (followed.status === 'renamed') {
      const rootStyle = candidate === path.posix.normalize(ref.name.replace(/\/+$/, ''));
      let fix = rootStyle
        ? followed.to
        : path.posix.relative(path.posix.dirname(doc.path), followed.to);
      if (ref.name.startsWith('./') && !fix.startsWith('.')) fix = `./${fix}`;
      if (ref.name.endsWith('/')) fix += '/';
      return draft('stale-reference', {
        ...base,
        referenceKind: 'path',
        confidence: 'renamed',
        fix,
        span: { start: ref.start, end: ref.end },
        message: `\`${ref.name}\` was renamed to \`${fix}\`.`,
        evidence: [
          `renamed to \`${followed.to}\` in ${describeCommit(followed.commit, input.commitUrl)}`,
        ],
      });
    }
    return draft('stale-reference', {
      ...base,
      referenceKind: 'path',
      confidence: 'removed',
      message: `\`${ref.name}\` no longer exists: it was deleted.`,
      evidence: [`deleted in ${describeCommit(followed.commit, input.commitUrl)}`],
    });
  }
  return undefined;
}

function checkName(
  input: StaleReferenceInput,
  doc: ParsedDoc,
  ref: CodeReference,
): DriftFinding | undefined {
  if (isNamePresent(ref, input.present)) return undefined;
  const forms = ref.kind === 'flag' || ref.kind === 'config-key' ? spellings(ref.name) : [ref.name];
  const removals = forms
    .map((f) => ({ form: f, removal: input.names.get(f) }))
    .filter((r): r is { form: string; removal: NameRemoval } => r.removal !== undefined)
    .sort((a, b) => b.removal.commit.time - a.removal.commit.time);
  const newest = removals[0];
  if (!newest) return undefined;
  const { removal } = newest;
  const label = LABEL[ref.kind];
  const shown = ref.kind === 'flag' ? `--${ref.name}` : ref.name;
  const where = removal.file ? ` from \`${removal.file}\`` : '';
  const base = {
    file: doc.path,
    line: ref.line,
    target: shown,
    referenceKind: ref.kind,
    removedFrom: removal.file,
    commit: removal.commit.sha.slice(0, 7),
  };
  if (removal.successor) {
    const fix = respell(removal.successor, ref.name);
    const fixShown = ref.kind === 'flag' ? `--${fix}` : fix;
    return draft('stale-reference', {
      ...base,
      confidence: 'renamed',
      fix: fixShown,
      span: { start: ref.start, end: ref.end },
      replacement: fix,
      message: `The ${label} \`${shown}\` no longer exists in the code: it was renamed to \`${fixShown}\`.`,
      evidence: [
        `\`${newest.form}\` became \`${removal.successor}\`${where} in ${describeCommit(removal.commit, input.commitUrl)}`,
      ],
    });
  }
  return draft('stale-reference', {
    ...base,
    confidence: 'removed',
    message: `The ${label} \`${shown}\` no longer exists in the code: it was removed.`,
    evidence: [`last removed${where} in ${describeCommit(removal.commit, input.commitUrl)}`],
  });
}
