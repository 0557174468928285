// broken-link and broken-anchor: relative links to files or folders that do not exist (with
// case mismatches and links leaving the repository), and fragments that match no heading
// slug, explicit anchor, or line of the target.
import path from 'node:path';
import { describeCommit, draft, type CommitLinker } from './findings';
import type { DocLink, DriftFinding, ParsedDoc } from './model';
import { followFolder, followPath, type PathHistory } from './path-history';
import type { RepoIndex } from './repo-index';
import { resolveLink } from './resolve-link';

export interface LinkCheckInput {
  docs: Map<string, ParsedDoc>;
  repo: RepoIndex;
  /** Anchors of a Markdown file that is not among the docs (parsed on demand), if any. */
  anchorsOf: (file: string) => Set<string> | undefined;
  history?: PathHistory;
  commitUrl: CommitLinker;
}

/** A link that GitHub would not find, before history is consulted. */
const LINE_ANCHOR = /^L(\d+)(?:C\d+)?(?:-L(\d+)(?:C\d+)?)?$/;
const MARKDOWN = /\.(md|mdx|markdown)$/i;

/** The link text rewritten to point at `target` (repository path), keeping `./`, query and fragment. */
export function rewriteLink(
  docPath: string,
  url: string,
  target: string,
  fragment?: string,
): string {
  const cut = url.search(/[?#]/);
  const suffix = cut === -1 ? '' : url.slice(cut);
  const original = cut === -1 ? url : url.slice(0, cut);
  let rel = original.startsWith('/')
    ? `/${target}`
    : path.posix.relative(path.posix.dirname(docPath), target) || '.';
  if (original.startsWith('./') && !rel.startsWith('../')) rel = `./${rel}`;
  if (original.endsWith('/') && !rel.endsWith('/')) rel += '/';
  const encoded = /[ ()<>]/.test(rel) ? encodeURI(rel) : rel;
  if (fragment !== undefined) return `${encoded}#${fragment}`;
  return encoded + suffix;
}

function docSiteTarget(repo: RepoIndex, target: string): boolean {
  return ['.md', '.mdx', '/index.md', '/index.mdx', '/README.md'].some((ext) =>
    repo.isFile(target + ext),
  );
}

/**
 * `/guide/intro` (no extension) written in a doc under a docs-site folder is a route of that site
 * (VitePress, Docusaurus, MkDocs): it resolves against one of the doc's parent folders.
 */
function siteRoute(repo: RepoIndex, docPath: string, target: string): boolean {
  if (/\.[A-Za-z0-9]+$/.test(target)) return false;
  const parts = docPath.split('/').slice(0, -1);
  for (let i = parts.length; i >= 0; i--) {
    const candidate = [...parts.slice(0, i), target].filter((p) => p !== '').join('/');
    if (repo.exists(candidate) || docSiteTarget(repo, candidate)) return true;
  }
  return false;
}

export function findBrokenLinks(input: LinkCheckInput): DriftFinding[] {
  const findings: DriftFinding[] = [];
  for (const doc of input.docs.values()) {
    for (const link of doc.links) {
      const finding = checkLink(input, doc, link);
      if (finding) findings.push(finding);
    }
  }
  return findings;
}

function span(link: DocLink) {
  return link.start !== undefined && link.end !== undefined
    ? { span: { start: link.start, end: link.end } }
    : {};
}

/** Where a link finding points: the doc, the link's position and its target. */
function findingBase(doc: ParsedDoc, link: DocLink) {
  return { file: doc.path, line: link.line, column: link.column, target: link.url, ...span(link) };
}

function checkLink(input: LinkCheckInput, doc: ParsedDoc, link: DocLink): DriftFinding | undefined {
  const { repo } = input;
  const resolved = resolveLink(doc.path, link.url);
  const base = findingBase(doc, link);
  if (resolved.leaves) {
    if (resolved.githubPage) return undefined;
    return draft('broken-link', {
      ...base,
      confidence: 'missing',
      message: `Link \`${link.url}\` leaves the repository: GitHub cannot resolve it.`,
      evidence: [`resolves above the repository root (${doc.path} -> ${link.url})`],
    });
  }
  const target = resolved.path;
  Object.assign(base, { targetPath: target });
  if (repo.exists(target)) return checkFragment(input, doc, link, target, resolved.fragment);
  if (doc.path.toLowerCase().endsWith('.mdx') && docSiteTarget(repo, target)) return undefined;
  if (resolved.fromRoot && siteRoute(repo, doc.path, target)) return undefined;

  const variants = repo.caseVariants(target);
  if (variants.length === 1) {
    const fix = rewriteLink(doc.path, link.url, variants[0] as string);
    return draft('broken-link', {
      ...base,
      confidence: 'case-mismatch',
      fix,
      message: `Link \`${link.url}\` differs in letter case from \`${variants[0]}\`: it works on case-insensitive file systems but is broken on GitHub.`,
      evidence: [`\`${target}\` does not exist; \`${variants[0]}\` does`],
    });
  }
  const followed = input.history
    ? (followPath(input.history, target, (p) => repo.isFile(p)) ??
      followFolder(input.history, target, (p) => repo.isDir(p)))
    : undefined;
  if (followed?.status === 'renamed') {
    // The fix is certain only if the fragment, if any, still resolves in the renamed file.
    const fragment = resolveLink(doc.path, link.url).fragment;
    const anchorsThere =
      fragment && MARKDOWN.test(followed.to)
        ? (input.docs.get(followed.to)?.anchors ?? input.anchorsOf(followed.to))
        : undefined;
    const fragmentGone =
      anchorsThere !== undefined &&
      !LINE_ANCHOR.test(fragment ?? '') &&
      !anchorsThere.has(normaliseFragment(fragment ?? ''));
    const fix = fragmentGone ? undefined : rewriteLink(doc.path, link.url, followed.to);
    return draft('broken-link', {
      ...base,
      confidence: 'renamed',
      fix,
      commit: followed.commit.sha.slice(0, 7),
      message: `Link \`${link.url}\` is broken: \`${target}\` was renamed to \`${followed.to}\`${fragmentGone ? ` (which has no \`#${fragment}\`)` : ''}.`,
      evidence: [
        `renamed to \`${followed.to}\` in ${describeCommit(followed.commit, input.commitUrl)}`,
      ],
    });
  }
  if (followed?.status === 'removed') {
    return draft('broken-link', {
      ...base,
      confidence: 'removed',
      commit: followed.commit.sha.slice(0, 7),
      message: `Link \`${link.url}\` is broken: \`${target}\` was deleted.`,
      evidence: [`deleted in ${describeCommit(followed.commit, input.commitUrl)}`],
    });
  }
  return draft('broken-link', {
    ...base,
    confidence: 'missing',
    message: `Link \`${link.url}\` is broken: \`${target}\` does not exist.`,
    evidence: [`no file or folder \`${target}\` in the repository`],
  });
}

function normaliseFragment(fragment: string): string {
  let value = fragment;
  try {
    value = decodeURIComponent(fragment);
  } catch {
    // keep as written
  }
  return value.toLowerCase().replace(/^user-content-/, '');
}

function checkFragment(
  input: LinkCheckInput,
  doc: ParsedDoc,
  link: DocLink,
  target: string,
  fragment: string | undefined,
): DriftFinding | undefined {
  if (fragment === undefined || fragment === '' || fragment === 'top' || !input.repo.isFile(target))
    return undefined;
  const lines = LINE_ANCHOR.exec(fragment);
  const markdown = MARKDOWN.test(target);
  const anchors = markdown
    ? (input.docs.get(target)?.anchors ?? input.anchorsOf(target))
    : undefined;
  const base = findingBase(doc, link);
  if (lines) {
    const last = Number(lines[2] ?? lines[1]);
    const count = input.repo.lineCount(target);
    if (count === undefined || last <= count || anchors?.has(fragment.toLowerCase()))
      return undefined;
    return draft('broken-anchor', {
      ...base,
      confidence: 'missing',
      message: `Line anchor \`#${fragment}\` points past the end of \`${target}\` (${count} lines).`,
      evidence: [`\`${target}\` has ${count} lines`],
    });
  }
  if (!anchors) return undefined;
  const wanted = normaliseFragment(fragment);
  if (anchors.has(wanted)) return undefined;
  return draft('broken-anchor', {
    ...base,
    confidence: 'missing',
    anchorFile: target,
    anchor: wanted,
    message: `Anchor \`#${fragment}\` matches no heading or anchor in \`${target}\`.`,
    evidence: [`headings of \`${target}\` give no \`#${wanted}\``],
  });
}
