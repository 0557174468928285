// GitHub Actions `uses:` references in workflow files (steps and reusable workflows) and in
// composite actions' metadata (`runs.steps`).
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { Dependency, ParseResult } from '../model';

export interface ActionReference {
  /** `owner/repo` (the GitHub Actions ecosystem name OSV uses). */
  repository: string;
  /** Sub-path inside the repository (`github/codeql-action/init` -> `init`). */
  path?: string;
  ref: string;
}

const FULL_SHA = /^[0-9a-f]{40}$/i;

export function isFullSha(ref: string): boolean {
  return FULL_SHA.test(ref);
}

/** GitHub's own actions: not "third-party" for the pinning rule. */
export function isFirstParty(repository: string): boolean {
  const owner = repository.split('/')[0]!.toLowerCase();
  return owner === 'actions' || owner === 'github';
}

export function parseUses(uses: string): ActionReference | undefined {
  if (uses.startsWith('./') || uses.startsWith('docker://')) return undefined;
  const match = /^([^/@\s]+)\/([^/@\s]+)((?:\/[^@\s]+)?)@(\S+)$/.exec(uses.trim());
  if (!match) return undefined;
  return {
    repository: `${match[1]}/${match[2]}`,
    path: match[3] ? match[3].slice(1) : undefined,
    ref: match[4]!,
  };
}

export function parseWorkflow(file: string, text: string): ParseResult {
  const problems: ParseResult['problems'] = [];
  const dependencies: Dependency[] = [];
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!;
    const line = lineCounter.linePos(error.pos[0]).line;
    problems.push({
      file,
      line,
      message: `${file} is not valid YAML (line ${line}): ${error.message.split('\n')[0]}`,
    });
    return { dependencies, problems };
  }
  const add = (node: Node | undefined | null) => {
    if (!isScalar(node) || typeof node.value !== 'string') return;
    const ref = parseUses(node.value);
    if (!ref) return;
    const line = node.range ? lineCounter.linePos(node.range[0]).line : undefined;
    // `@<sha> # v4.2.2`: the version a pinned commit stands for, as pinning tools write it.
    const pinnedTag = isFullSha(ref.ref)
      ? /^\s*(?:tag=|ratchet:[^@\s]+@)?(v?\d+(?:\.\d+){0,2}\S*)/.exec(node.comment ?? '')?.[1]
      : undefined;
    dependencies.push({
      ecosystem: 'GitHub Actions',
      name: ref.repository,
      file,
      line,
      range: ref.ref,
      version: ref.ref.replace(/^v(?=\d)/, ''),
      direct: true,
      dev: true,
      notes: [`uses: ${node.value}`, ...(pinnedTag ? [`pinned tag: ${pinnedTag}`] : [])],
    });
  };
  const addSteps = (steps: unknown) => {
    if (!isSeq(steps)) return;
    for (const step of steps.items)
      if (isMap(step)) add(step.get('uses', true) as Node | undefined);
  };
  // A composite action's metadata (`action.yml`): its `runs.steps`.
  const runs = isMap(doc.contents) ? doc.contents.get('runs', true) : undefined;
  if (isMap(runs)) addSteps(runs.get('steps', true));
  const jobs = isMap(doc.contents) ? doc.contents.get('jobs', true) : undefined;
  if (!isMap(jobs)) return { dependencies, problems };
  for (const job of jobs.items) {
    if (!isMap(job.value)) continue;
    add(job.value.get('uses', true) as Node | undefined);
    addSteps(job.value.get('steps', true));
  }
  return { dependencies, problems };
}
