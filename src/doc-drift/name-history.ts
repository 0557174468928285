// When did the code lose a name (symbol, flag, env variable, config key), and what replaced it?
// One patch walk over the history of the code (docs excluded), filtered with -G to the commits
// that mention one of the names. The newest commit whose removed lines hold the name is the one
// that removed it; a successor is certain when that commit's removed and added lines pair up,
// differing only where the name was (`load(` -> `read(`), always with the same replacement.
import { distance } from 'fastest-levenshtein';
import type { Git } from './git';
import type { CommitInfo } from './path-history';
import { escapeEre, walkPatches } from './patch-walk';
import { tokensOf } from './tokens';

export interface NameRemoval {
  commit: CommitInfo;
  /** The file the name was last removed from. */
  file?: string;
  /** Replacements seen where removed and added lines pair up (`load(` -> `read(`). */
  paired: string[];
  /** Same-commit new names that look like the old one, best first (when nothing pairs up). */
  similar: { name: string; score: number }[];
  /** Chosen by `chooseSuccessor` once it is known which candidates exist now. */
  successor?: string;
}

/**
 * The successor is certain when exactly one paired replacement exists in the code now; without
 * pairs, when one similar new name clearly beats the others.
 */
export function chooseSuccessor(
  removal: NameRemoval,
  exists: (name: string) => boolean,
): string | undefined {
  const paired = removal.paired.filter(exists);
  if (removal.paired.length > 0) return paired.length === 1 ? paired[0] : undefined;
  const similar = removal.similar.filter((c) => exists(c.name));
  const [best, second] = similar;
  if (best && (!second || best.score > second.score)) return best.name;
  return undefined;
}

interface Pending {
  commit: CommitInfo;
  file?: string;
  pairs: Map<string, number>;
}

/** The replacement of `name` when `removed` and `added` differ only where `name` was. */
export function pairedReplacement(
  removed: string[],
  added: string[],
  name: string,
): string | undefined {
  if (removed.length !== added.length) return undefined;
  let replacement: string | undefined;
  for (let i = 0; i < removed.length; i++) {
    if (removed[i] === added[i]) continue;
    if (removed[i] !== name) return undefined;
    if (replacement !== undefined && replacement !== added[i]) return undefined;
    replacement = added[i];
  }
  return replacement;
}

function similarity(a: string, b: string): number {
  return 1 - distance(a.toLowerCase(), b.toLowerCase()) / Math.max(a.length, b.length);
}

export async function readNameHistory(
  git: Git,
  names: Set<string>,
  options: { excludePaths: string[]; maxCommits?: number },
): Promise<Map<string, NameRemoval>> {
  const result = new Map<string, NameRemoval>();
  if (names.size === 0) return result;
  const pickaxe = [...names].map(escapeEre).join('|');
  let pending = new Map<string, Pending>();
  /** This commit's hunks: their tokens are read only when a removal in it needs them. */
  let hunks: { removed: string[]; added: string[] }[] = [];

  const onHunk = (hunk: {
    commit: CommitInfo;
    oldPath?: string;
    removed: string[];
    added: string[];
  }) => {
    hunks.push(hunk);
    let addedLines: string[][] | undefined;
    for (const line of hunk.removed) {
      const tokens = tokensOf(line);
      for (const token of new Set(tokens)) {
        if (!names.has(token) || result.has(token)) continue;
        let entry = pending.get(token);
        if (!entry)
          pending.set(
            token,
            (entry = { commit: hunk.commit, file: hunk.oldPath, pairs: new Map() }),
          );
        addedLines ??= hunk.added.map(tokensOf);
        for (const added of addedLines) {
          const replacement = pairedReplacement(tokens, added, token);
          if (replacement !== undefined)
            entry.pairs.set(replacement, (entry.pairs.get(replacement) ?? 0) + 1);
        }
      }
    }
  };

  const onCommitEnd = () => {
    const addedTokens = new Set<string>();
    const removedTokens = new Set<string>();
    if ([...pending.values()].some((entry) => entry.pairs.size === 0))
      for (const hunk of hunks) {
        for (const line of hunk.added) for (const t of tokensOf(line)) addedTokens.add(t);
        for (const line of hunk.removed) for (const t of tokensOf(line)) removedTokens.add(t);
      }
    for (const [name, entry] of pending) {
      const similar =
        entry.pairs.size > 0
          ? []
          : [...addedTokens]
              .filter(
                (t) =>
                  !removedTokens.has(t) && t !== name && t.includes('-') === name.includes('-'),
              )
              .map((t) => ({ name: t, score: similarity(name, t) }))
              .filter((c) => c.score >= 0.7)
              .sort((a, b) => b.score - a.score)
              .slice(0, 5);
      result.set(name, {
        commit: entry.commit,
        file: entry.file,
        paired: [...entry.pairs.keys()],
        similar,
      });
    }
    pending = new Map();
    hunks = [];
  };

  await walkPatches(
    git,
    {
      pickaxe,
      paths: ['.', ...options.excludePaths.map((p) => `:(exclude,glob)${p}`)],
      maxCommits: options.maxCommits,
    },
    onHunk,
    onCommitEnd,
  );
  return result;
}
