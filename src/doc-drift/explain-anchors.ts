// Gives broken anchors their history: the commit that removed the heading and, when that
// commit retitled it in place or moved it to another doc, the certain fix.
import { describeCommit, type CommitLinker } from './findings';
import { rewriteLink } from './find-broken-links';
import type { HeadingRemoval } from './heading-history';
import type { DriftFinding } from './model';

/** A broken anchor that names the doc and the slug it points at. */
function isAnchorFinding(
  f: DriftFinding,
): f is DriftFinding & { anchorFile: string; anchor: string } {
  return (
    f.kind === 'broken-anchor' && typeof f.anchorFile === 'string' && typeof f.anchor === 'string'
  );
}

/** Doc path -> slugs that broken anchors point at. */
export function wantedAnchors(findings: DriftFinding[]): Map<string, Set<string>> {
  const wanted = new Map<string, Set<string>>();
  for (const f of findings) {
    if (!isAnchorFinding(f)) continue;
    const set = wanted.get(f.anchorFile) ?? new Set<string>();
    set.add(f.anchor);
    wanted.set(f.anchorFile, set);
  }
  return wanted;
}

export function explainAnchors(
  findings: DriftFinding[],
  removals: Map<string, HeadingRemoval>,
  commitUrl: CommitLinker,
): void {
  for (const f of findings) {
    if (!isAnchorFinding(f)) continue;
    const removal = removals.get(`${f.anchorFile}#${f.anchor}`);
    if (!removal) continue;
    f.commit = removal.commit.sha.slice(0, 7);
    const url = f.target ?? '';
    if (removal.successor) {
      const { file, slug } = removal.successor;
      const sameDoc = file === f.anchorFile;
      const fix = sameDoc
        ? `${url.slice(0, url.indexOf('#'))}#${slug}`
        : rewriteLink(f.file, url, file, slug);
      f.confidence = 'renamed';
      f.fix = fix;
      f.message = sameDoc
        ? `Anchor \`#${f.anchor}\` is broken: the heading in \`${file}\` is now \`#${slug}\`.`
        : `Anchor \`#${f.anchor}\` is broken: the heading moved to \`${file}\`.`;
      f.evidence = [
        `heading ${sameDoc ? 'retitled' : `moved to \`${file}\``} in ${describeCommit(removal.commit, commitUrl)}`,
      ];
    } else {
      f.confidence = 'removed';
      f.message = `Anchor \`#${f.anchor}\` is broken: the heading was removed from \`${f.anchorFile}\`.`;
      f.evidence = [`heading removed in ${describeCommit(removal.commit, commitUrl)}`];
    }
  }
}
