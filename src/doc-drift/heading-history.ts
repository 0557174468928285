// When did a doc lose a heading, and where did it go? One patch walk over the docs' history,
// filtered with -G to commits that add or remove ATX headings.
import GithubSlugger from 'github-slugger';
import type { Git } from './git';
import type { CommitInfo } from './path-history';
import { walkPatches } from './patch-walk';

export interface HeadingRemoval {
  commit: CommitInfo;
  /** Where the heading went: same doc with a new slug, or another doc with the same slug. */
  successor?: { file: string; slug: string };
}

const HEADING = /^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;

/** GitHub's slug of an ATX heading line (inline markup removed), or undefined for other lines. */
export function headingSlug(line: string): string | undefined {
  const m = HEADING.exec(line);
  if (!m) return undefined;
  const text = (m[1] as string)
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/[`*_~]/g, (c, offset: number, s: string) =>
      c === '_' && /\w/.test(s[offset - 1] ?? '') && /\w/.test(s[offset + 1] ?? '') ? c : '',
    );
  return new GithubSlugger().slug(text);
}

interface Added {
  file: string;
  slug: string;
  sameHunkAs?: string;
}

/**
 * `wanted`: doc path -> slugs that are linked but missing. `hasAnchor(file, slug)` says whether a
 * candidate successor exists in the current docs.
 */
export async function readHeadingHistory(
  git: Git,
  wanted: Map<string, Set<string>>,
  options: {
    docPaths: string[];
    hasAnchor: (file: string, slug: string) => boolean;
    maxCommits?: number;
  },
): Promise<Map<string, HeadingRemoval>> {
  const result = new Map<string, HeadingRemoval>();
  if (wanted.size === 0) return result;
  let removedHere: { key: string; file: string; hunk: number }[] = [];
  let addedHere: (Added & { hunk: number })[] = [];
  let hunkId = 0;
  await walkPatches(
    git,
    { pickaxe: '^ {0,3}#{1,6}[ \t]', paths: options.docPaths, maxCommits: options.maxCommits },
    (hunk) => {
      hunkId++;
      const file = hunk.oldPath ?? hunk.newPath;
      if (hunk.oldPath && wanted.has(hunk.oldPath)) {
        for (const line of hunk.removed) {
          const slug = headingSlug(line);
          const key = `${hunk.oldPath}#${slug}`;
          if (slug && wanted.get(hunk.oldPath)?.has(slug) && !result.has(key))
            removedHere.push({ key, file: hunk.oldPath, hunk: hunkId });
        }
      }
      if (hunk.newPath && file) {
        for (const line of hunk.added) {
          const slug = headingSlug(line);
          if (slug) addedHere.push({ file: hunk.newPath, slug, hunk: hunkId });
        }
      }
    },
    (commit) => {
      for (const removed of removedHere) {
        if (result.has(removed.key)) continue;
        const slug = removed.key.slice(removed.key.indexOf('#') + 1);
        const inPlace = addedHere.filter(
          (a) =>
            a.hunk === removed.hunk && a.file === removed.file && options.hasAnchor(a.file, a.slug),
        );
        const moved = addedHere.filter(
          (a) => a.file !== removed.file && a.slug === slug && options.hasAnchor(a.file, a.slug),
        );
        const candidates = inPlace.length > 0 ? inPlace : moved;
        const successor =
          candidates.length === 1
            ? { file: (candidates[0] as Added).file, slug: (candidates[0] as Added).slug }
            : undefined;
        result.set(removed.key, { commit, successor });
      }
      removedHere = [];
      addedHere = [];
    },
  );
  return result;
}
