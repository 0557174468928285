// stale-doc: a doc whose referenced code files changed after the doc's own last change, the
// first of those changes more than `staleDays` days ago. Evidence lists those commits.
import { describeCommit, draft, type CommitLinker } from './findings';
import type { DriftFinding, ParsedDoc } from './model';
import type { CommitInfo, PathHistory } from './path-history';
import type { RepoIndex } from './repo-index';
import { resolveLink } from './resolve-link';
import { pathCandidates } from './find-stale-references';

const DOC = /\.(md|mdx|markdown)$/i;

export interface StaleDocInput {
  docs: Map<string, ParsedDoc>;
  repo: RepoIndex;
  history: PathHistory;
  staleDays: number;
  /** Seconds since the epoch. */
  now: number;
  commitUrl: CommitLinker;
}

/** Code files a doc points at (links and path references), with the first line naming each. */
export function referencedCode(doc: ParsedDoc, repo: RepoIndex): Map<string, number> {
  const files = new Map<string, number>();
  const add = (file: string, line: number) => {
    if (!DOC.test(file) && repo.isFile(file) && !files.has(file)) files.set(file, line);
  };
  for (const link of doc.links) {
    const resolved = resolveLink(doc.path, link.url);
    if (!resolved.leaves && resolved.path !== doc.path) add(resolved.path, link.line);
  }
  for (const ref of doc.references) {
    if (ref.kind !== 'path') continue;
    for (const candidate of pathCandidates(doc.path, ref.name)) add(candidate, ref.line);
  }
  return files;
}

export function findStaleDocs(input: StaleDocInput): DriftFinding[] {
  const findings: DriftFinding[] = [];
  const cutoff = input.now - input.staleDays * 86400;
  for (const doc of input.docs.values()) {
    const docCommit = input.history.touches.get(doc.path)?.[0];
    if (!docCommit) continue;
    const changed: { file: string; line: number; commits: CommitInfo[] }[] = [];
    for (const [file, line] of referencedCode(doc, input.repo)) {
      const after = (input.history.touches.get(file) ?? []).filter(
        (c) => c.time > docCommit.time && c.sha !== docCommit.sha,
      );
      if (after.length > 0) changed.push({ file, line, commits: after });
    }
    if (changed.length === 0) continue;
    const first = Math.min(...changed.flatMap((c) => c.commits.map((x) => x.time)));
    if (first > cutoff) continue;
    const days = Math.floor((input.now - first) / 86400);
    const commits = [
      ...new Map(changed.flatMap((c) => c.commits).map((c) => [c.sha, c])).values(),
    ].sort((a, b) => b.time - a.time);
    const evidence = [
      `\`${doc.path}\` last changed in ${describeCommit(docCommit, input.commitUrl)}`,
      ...changed.map((c) => `\`${c.file}\` changed ${c.commits.length} time(s) since`),
      ...commits.slice(0, 5).map((c) => describeCommit(c, input.commitUrl)),
    ];
    if (commits.length > 5) evidence.push(`and ${commits.length - 5} more commit(s)`);
    findings.push(
      draft('stale-doc', {
        file: doc.path,
        line: Math.min(...changed.map((c) => c.line)),
        target: changed.map((c) => c.file).join(', '),
        message: `\`${doc.path}\` may be out of date: ${changed.map((c) => `\`${c.file}\``).join(', ')} changed after it, ${days} days ago or more.`,
        evidence,
        commit: commits[0]?.sha.slice(0, 7),
      }),
    );
  }
  return findings;
}
