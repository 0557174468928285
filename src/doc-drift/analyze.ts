// The whole analysis of one checkout: list -> parse docs -> check links and anchors -> code
// references -> stale docs -> undocumented exports, with history from a few batched git walks.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { minimatch } from 'minimatch';
import { findPresentNames } from './code-index';
import { explainAnchors, wantedAnchors } from './explain-anchors';
import { findBrokenLinks } from './find-broken-links';
import { findStaleDocs } from './find-stale-docs';
import { findStaleReferences, isNamePresent, wantedNames } from './find-stale-references';
import { findUndocumentedExports } from './find-undocumented-exports';
import { assignIds, sortFindings, unsuppressed, type CommitLinker } from './findings';
import { gatherExports } from './gather-exports';
import { createGit, gitStatus, type Git } from './git';
import { readHeadingHistory } from './heading-history';
import { listFiles } from './list-files';
import { DRIFT_KINDS, type DriftFinding, type DriftKind, type ParsedDoc } from './model';
import { chooseSuccessor, readNameHistory, type NameRemoval } from './name-history';
import { parseDoc } from './parse-doc';
import { parseDocs } from './parse-pool';
import { readPathHistory, type PathHistory } from './path-history';
import { createRepoIndex, type RepoIndex } from './repo-index';
import { spellings } from './tokens';

export interface AnalysisOptions {
  /** Globs of the docs to check. */
  docs: string[];
  /** Globs of public modules for undocumented-export (empty: the package's entry points). */
  publicGlobs: string[];
  undocumentedExports: boolean;
  staleDays: number;
  /** Globs of files (docs or targets) to leave alone. */
  ignore: string[];
  now: Date;
  commitUrl?: CommitLinker;
  /** Commits the name and heading history walks read at most (newest first). */
  historyDepth?: number;
  /** Worker threads for parsing docs (0: none; default: on the main thread unless there are many docs). */
  workers?: number;
  /**
   * Kinds of findings to look for (default: all). Without `stale-reference` the code is not
   * scanned and its history not walked; `undocumented-export` also needs `undocumentedExports`.
   */
  kinds?: readonly DriftKind[];
}

export interface Analysis {
  findings: DriftFinding[];
  docs: Map<string, ParsedDoc>;
  /** What could not be checked, and why (shallow clone, not a git repository...). */
  notes: string[];
  stats: {
    docs: number;
    codeFiles: number;
    links: number;
    references: number;
    exports: number;
    ms: number;
    phases: Record<string, number>;
    /** Worker threads that parsed docs (0: all parsed on the main thread). */
    parseThreads: number;
  };
}

export const DEFAULT_DOC_GLOBS = ['**/*.md', '**/*.mdx'];
const MARKDOWN = /\.(md|mdx|markdown)$/i;

function matcher(globs: string[]): (file: string) => boolean {
  const positive = globs.filter((g) => !g.startsWith('!'));
  const negative = globs.filter((g) => g.startsWith('!')).map((g) => g.slice(1));
  const opts = { dot: true, matchBase: false, nocase: false };
  return (file) =>
    positive.some((g) => minimatch(file, g, opts)) &&
    !negative.some((g) => minimatch(file, g, opts));
}

export async function analyzeRepository(root: string, options: AnalysisOptions): Promise<Analysis> {
  const started = Date.now();
  const phases: Record<string, number> = {};
  let mark = started;
  const phase = (name: string) => {
    const now = Date.now();
    phases[name] = now - mark;
    mark = now;
  };
  const commitUrl = options.commitUrl ?? (() => undefined);
  const kinds = new Set<DriftKind>(options.kinds ?? DRIFT_KINDS);
  const notes: string[] = [];
  const listing = await listFiles(root);
  const ignored = options.ignore.length > 0 ? matcher(options.ignore) : () => false;
  const isDoc = matcher(options.docs.length > 0 ? options.docs : DEFAULT_DOC_GLOBS);
  const docFiles = listing.files.filter((f) => isDoc(f) && !ignored(f));
  const codeFiles = listing.files.filter((f) => !MARKDOWN.test(f) && !ignored(f));

  phase('list');
  // The history walk runs in git while the docs are parsed.
  const git = createGit(root);
  const historyRun = (async () => {
    const status = await gitStatus(git);
    if (!status.repository)
      notes.push(
        'not a git repository: history-based checks (stale-reference, stale-doc, renamed fixes) were skipped',
      );
    else if (status.shallow)
      notes.push(
        'shallow clone: history-based checks were skipped (check out with `fetch-depth: 0`)',
      );
    else return readPathHistory(git);
    return undefined;
  })();
  historyRun.catch(() => undefined);

  const docs = new Map<string, ParsedDoc>();
  const parsing = { workerChunks: 0, threads: 0 };
  for (const doc of await parseDocs(root, docFiles, { workers: options.workers, stats: parsing })) {
    if (doc.parseWarning) notes.push(`${doc.path}: ${doc.parseWarning}`);
    docs.set(doc.path, doc);
  }
  const repo = createRepoIndex(root, listing);
  phase('parse');

  const history: PathHistory | undefined = await historyRun;
  phase('path history');

  const extraAnchors = new Map<string, Set<string> | undefined>();
  const anchorsOf = (file: string) => {
    if (!extraAnchors.has(file)) {
      let anchors: Set<string> | undefined;
      try {
        anchors = parseDoc(file, readFileSync(path.join(root, file), 'utf8')).anchors;
      } catch {
        anchors = undefined;
      }
      extraAnchors.set(file, anchors);
    }
    return extraAnchors.get(file);
  };

  const findings: DriftFinding[] =
    kinds.has('broken-link') || kinds.has('broken-anchor')
      ? findBrokenLinks({ docs, repo, anchorsOf, history, commitUrl }).filter((f) =>
          kinds.has(f.kind),
        )
      : [];
  if (history && kinds.has('broken-anchor')) {
    const wanted = wantedAnchors(findings);
    if (wanted.size > 0) {
      const removals = await readHeadingHistory(git, wanted, {
        docPaths: ['*.md', '*.mdx', '*.markdown'].map((g) => `:(glob)**/${g}`),
        hasAnchor: (file, slug) => (docs.get(file)?.anchors ?? anchorsOf(file))?.has(slug) ?? false,
        maxCommits: options.historyDepth,
      });
      explainAnchors(findings, removals, commitUrl);
    }
  }

  phase('links and anchors');
  if (kinds.has('stale-reference'))
    findings.push(
      ...(await staleReferences(
        { root, docs, repo, codeFiles, git, history, commitUrl, phase },
        options,
      )),
    );
  if (history && kinds.has('stale-doc')) {
    findings.push(
      ...findStaleDocs({
        docs,
        repo,
        history,
        staleDays: options.staleDays,
        now: Math.floor(options.now.getTime() / 1000),
        commitUrl,
      }),
    );
  }
  let exportCount = 0;
  if (options.undocumentedExports && kinds.has('undocumented-export')) {
    const exports = (await gatherExports(root, codeFiles, options.publicGlobs)).filter(
      (e) => !ignored(e.file),
    );
    exportCount = exports.length;
    const words = new Set<string>();
    for (const doc of docs.values())
      for (const m of doc.source.matchAll(/[A-Za-z_$][\w$]*/g)) words.add(m[0]);
    findings.push(...findUndocumentedExports(exports, words));
  }

  const kept = unsuppressed(findings, docs).filter(
    (f) => !ignored(f.file) && !(f.target && ignored(f.target)),
  );
  return {
    findings: assignIds(sortFindings(kept)),
    docs,
    notes,
    stats: {
      docs: docs.size,
      codeFiles: codeFiles.length,
      links: [...docs.values()].reduce((n, d) => n + d.links.length, 0),
      references: [...docs.values()].reduce((n, d) => n + d.references.length, 0),
      exports: exportCount,
      ms: Date.now() - started,
      phases,
      parseThreads: parsing.threads,
    },
  };
}

interface ReferenceInput {
  root: string;
  docs: Map<string, ParsedDoc>;
  repo: RepoIndex;
  codeFiles: string[];
  git: Git;
  history: PathHistory | undefined;
  commitUrl: CommitLinker;
  phase: (name: string) => void;
}

/** Code references the code no longer has, with the commits that removed them. */
async function staleReferences(
  { root, docs, repo, codeFiles, git, history, commitUrl, phase }: ReferenceInput,
  options: AnalysisOptions,
): Promise<DriftFinding[]> {
  const wanted = wantedNames(docs.values());
  const present = await findPresentNames(root, codeFiles, wanted);
  phase('code scan');
  let names = new Map<string, NameRemoval>();
  if (history) {
    const missing = new Set<string>();
    for (const doc of docs.values()) {
      for (const ref of doc.references) {
        if (ref.kind === 'path' || isNamePresent(ref, present)) continue;
        for (const s of ref.kind === 'flag' || ref.kind === 'config-key'
          ? spellings(ref.name)
          : [ref.name])
          missing.add(s);
      }
    }
    names = await readNameHistory(git, missing, {
      excludePaths: ['**/*.md', '**/*.mdx', '**/*.markdown'],
      maxCommits: options.historyDepth,
    });
    // Successors must exist in the code now: one more presence pass over their candidates.
    const candidates = new Set<string>();
    for (const removal of names.values()) {
      for (const c of removal.paired) candidates.add(c);
      for (const c of removal.similar) candidates.add(c.name);
    }
    const existing = await findPresentNames(root, codeFiles, candidates);
    for (const removal of names.values())
      removal.successor = chooseSuccessor(removal, (n) => existing.has(n));
  }
  phase('name history');
  return findStaleReferences({ docs, repo, present, names, paths: history, commitUrl });
}
