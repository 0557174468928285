// doc-drift bench, figures side by side in one run:
// 1. against remark-validate-links (through unified-engine, as remark-cli runs it, with the tree
//    declared as a GitHub repository) on a real tree (the docs and files of the packages in
//    node_modules, in a temporary git repository): agreement on broken file links and anchors,
//    each disagreement listed, and the wall-time ratio, for doc-drift's link and anchor checks
//    alone (the checks both do) and for its full analysis; each run in a fresh process, the three
//    alternating, medians of ROUNDS (default 5);
// 2. generated trees of 1,000 and 10,000 Markdown files with 5 source files per doc: time and
//    peak memory, and how time grows;
// 3. (`agree`, not in the default) doc-drift's Markdown reader (markdown-it) against the
//    micromark token reader it replaced, on every doc of the real tree: items that differ.
// Usage: npx tsx scripts/bench/doc-drift.ts [compare|scale|agree] [--keep]   (default: compare
//        and scale), or npm run bench -- doc-drift
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lineIndex } from '../../src/doc-drift/line-index';
import { markdownItems } from '../../src/doc-drift/markdown-items';
import { micromarkItems } from '../../test/doc-drift/support/micromark-items';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const keep = process.argv.includes('--keep');

/**
 * The child runner is bundled with ncc, as the action is, so both tools run as plain JavaScript
 * and doc-drift's parsing workers start from a bundle (not through a TypeScript loader).
 */
function bundleRunner(): string {
  const out = mkdtempSync(path.join(os.tmpdir(), 'tend-bench-runner-'));
  const ncc = path.join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');
  const entry = path.join(root, 'scripts', 'bench', '_doc-drift-run.ts');
  execFileSync(
    process.execPath,
    [ncc, 'build', entry, '-o', out, '--target', 'es2022', '--transpile-only', '--quiet'],
    { cwd: root, stdio: 'inherit' },
  );
  writeFileSync(path.join(out, 'package.json'), '{ "type": "module" }\n');
  return path.join(out, 'index.js');
}
const runner = bundleRunner();

interface Finding {
  kind: string;
  file: string;
  line: number;
  target?: string;
  confidence?: string;
}
interface AnalyzeOutput {
  ms: number;
  /** CPU time of the whole process (all threads), which the machine's other load does not inflate as much. */
  cpuMs: number;
  maxRssMb: number;
  total: number;
  stats: { docs: number; codeFiles: number; links: number; phases: Record<string, number> };
  findings: Finding[];
  docs: string[];
}
interface RvlOutput {
  ms: number;
  cpuMs: number;
  maxRssMb: number;
  files: number;
  messages: { file: string; line: number; rule: string; reason: string }[];
}

/** The child's output, with `processMs`: the wall time of the whole process (start-up included). */
function child<T>(...args: string[]): T & { processMs: number } {
  const started = performance.now();
  const out = execFileSync(process.execPath, [runner, ...args], {
    cwd: root,
    maxBuffer: 1 << 28,
    encoding: 'utf8',
  });
  return { ...(JSON.parse(out) as T), processMs: performance.now() - started };
}

function tree(kind: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `tend-bench-${kind}-`));
  child(...['tree', kind, dir]);
  return dir;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/** `file:line:file|anchor` for one reported link. */
type Key = string;

function theirKeys(out: RvlOutput, docs: Set<string>): Map<Key, string> {
  const keys = new Map<Key, string>();
  const fileLines = new Set(
    out.messages.filter((m) => m.rule === 'missing-file').map((m) => `${m.file}:${m.line}`),
  );
  for (const m of out.messages) {
    if (!docs.has(m.file)) continue;
    const at = `${m.file}:${m.line}`;
    // A link to a missing file with a fragment gives both a file and a heading message.
    if (m.rule !== 'missing-file' && fileLines.has(at)) continue;
    keys.set(`${at}:${m.rule === 'missing-file' ? 'file' : 'anchor'}`, m.reason);
  }
  return keys;
}

function ourKeys(out: AnalyzeOutput): Map<Key, Finding> {
  const keys = new Map<Key, Finding>();
  for (const f of out.findings)
    keys.set(`${f.file}:${f.line}:${f.kind === 'broken-link' ? 'file' : 'anchor'}`, f);
  return keys;
}

async function compare(): Promise<void> {
  const dir = tree('real');
  try {
    // Both tools get the same Markdown files: doc-drift's list (.gitignore honoured) minus MDX,
    // which remark-validate-links would need remark-mdx for.
    const first = child<AnalyzeOutput>('analyze', dir);
    const docs = first.docs.filter((d) => !d.toLowerCase().endsWith('.mdx'));
    const docsFile = path.join(os.tmpdir(), `tend-bench-docs-${process.pid}.json`);
    writeFileSync(docsFile, JSON.stringify(docs));
    const rounds = Number(process.env.ROUNDS ?? 5);
    const theirs: (RvlOutput & { processMs: number })[] = [];
    const full: (AnalyzeOutput & { processMs: number })[] = [];
    const links: (AnalyzeOutput & { processMs: number })[] = [];
    for (let round = 0; round < rounds; round++) {
      theirs.push(child<RvlOutput>('rvl', dir, docsFile));
      links.push(child<AnalyzeOutput>('analyze', dir, 'links'));
      full.push(child<AnalyzeOutput>('analyze', dir));
    }
    rmSync(docsFile, { force: true });
    const docSet = new Set(docs);
    const them = theirKeys(theirs[0] as RvlOutput, docSet);
    const inDocs = (o: AnalyzeOutput) =>
      new Map([...ourKeys(o)].filter(([k]) => docSet.has(k.split(':')[0] as string)));
    const us = inDocs(links[0] as AnalyzeOutput);
    const fullKeys = [...inDocs(full[0] as AnalyzeOutput).keys()];
    const both = [...us.keys()].filter((k) => them.has(k));
    const onlyTheirs = [...them].filter(([k]) => !us.has(k));
    const onlyOurs = [...us].filter(([k]) => !them.has(k));
    const ms = (runs: { ms: number }[]) => median(runs.map((r) => r.ms));
    const wall = (runs: { processMs: number }[]) => median(runs.map((r) => r.processMs));
    const cpu = (runs: { cpuMs: number }[]) => median(runs.map((r) => r.cpuMs));
    const row = (name: string, runs: (typeof full)[number][] | (typeof theirs)[number][]) =>
      `  ${name}: ${ms(runs).toFixed(0)} ms in process, ${wall(runs).toFixed(0)} ms whole process, CPU ${cpu(runs).toFixed(0)} ms, ${runs[0]?.maxRssMb.toFixed(0)} MB`;
    console.log(`tree: ${dir}`);
    console.log(
      `docs compared ${docs.length} (.md), relative links ${first.stats.links}, code files ${first.stats.codeFiles}`,
    );
    console.log(`phases of one full doc-drift run (ms): ${JSON.stringify(full[0]?.stats.phases)}`);
    console.log(`phases of one link-check run (ms): ${JSON.stringify(links[0]?.stats.phases)}`);
    console.log(`medians of ${rounds} alternating rounds, each run in a fresh process:`);
    console.log(row(`remark-validate-links (${theirs[0]?.files} files processed)`, theirs));
    console.log(row('doc-drift, link and anchor checks only', links));
    console.log(
      row('doc-drift, full analysis (links, anchors, references, history, stale docs)', full),
    );
    for (const [name, runs] of [
      ['link and anchor checks', links],
      ['full analysis', full],
    ] as const)
      console.log(
        `wall-time ratio remark-validate-links / doc-drift ${name}: ${(ms(theirs) / ms(runs)).toFixed(2)}x in process, ${(wall(theirs) / wall(runs)).toFixed(2)}x whole process`,
      );
    console.log(
      `agreement: ${them.size} broken per remark-validate-links, ${us.size} per doc-drift; ${both.length} both, ${onlyTheirs.length} only remark-validate-links, ${onlyOurs.length} only doc-drift`,
    );
    console.log(
      `full analysis reports the same broken links and anchors as the link check alone: ${fullKeys.length === us.size && fullKeys.every((k) => us.has(k))}`,
    );
    for (const [k, reason] of onlyTheirs)
      console.log(`  only remark-validate-links: ${k}  ${reason}`);
    for (const [k, f] of onlyOurs)
      console.log(`  only doc-drift: ${k}  ${f.target} (${f.confidence})`);
  } finally {
    if (keep) console.log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
  }
}

function scale(): void {
  const rows: {
    docs: number;
    ms: number;
    cpuMs: number;
    rss: number;
    sources: number;
    findings: number;
    phases: Record<string, number>;
  }[] = [];
  for (const docs of [1000, 10000]) {
    const dir = tree(String(docs));
    try {
      const run = child<AnalyzeOutput>('analyze', dir);
      rows.push({
        docs,
        ms: run.ms,
        cpuMs: run.cpuMs,
        rss: run.maxRssMb,
        sources: run.stats.codeFiles,
        findings: run.total,
        phases: run.stats.phases,
      });
    } finally {
      if (keep) console.log(`kept ${dir}`);
      else rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
    }
  }
  console.log(
    'generated tree: docs | source files | findings | wall time | CPU time | peak RSS | phases (ms)',
  );
  for (const r of rows) {
    const phases = Object.entries(r.phases)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    console.log(
      `  ${r.docs} | ${r.sources} | ${r.findings} | ${(r.ms / 1000).toFixed(1)} s | ${(r.cpuMs / 1000).toFixed(1)} s | ${r.rss.toFixed(0)} MB | ${phases}`,
    );
  }
  const [small, large] = rows;
  if (small && large)
    console.log(`growth 1k -> 10k docs: time x${(large.ms / small.ms).toFixed(1)} for x10 docs`);
}

/** Markdown items of every doc of the real tree, by the markdown-it reader and the micromark one. */
function agree(): void {
  const dir = tree('real');
  try {
    const docs = child<AnalyzeOutput>('analyze', dir, 'links').docs.filter((d) =>
      /\.(md|markdown)$/i.test(d),
    );
    let same = 0;
    let ourMs = 0;
    let theirMs = 0;
    const differences: string[] = [];
    for (const doc of docs) {
      const source = readFileSync(path.join(dir, doc), 'utf8');
      const lineOf = lineIndex(source);
      // Offsets as line:column, so a difference reads at a glance.
      const show = (item: object) =>
        JSON.stringify(item, (key, value: unknown) =>
          ['start', 'end', 'urlStart', 'valueStart'].includes(key) && typeof value === 'number'
            ? `${lineOf(value)}:${value - source.lastIndexOf('\n', value - 1)}`
            : value,
        );
      let started = performance.now();
      const theirs = micromarkItems(source).map(show);
      theirMs += performance.now() - started;
      started = performance.now();
      const ours = markdownItems(source).map(show);
      ourMs += performance.now() - started;
      if (theirs.join('\n') === ours.join('\n')) {
        same++;
        continue;
      }
      const left = new Set(theirs);
      const right = new Set(ours);
      for (const item of theirs)
        if (!right.has(item)) differences.push(`${doc} micromark  ${item}`);
      for (const item of ours) if (!left.has(item)) differences.push(`${doc} markdown-it ${item}`);
      if (theirs.every((i) => right.has(i)) && ours.every((i) => left.has(i)))
        differences.push(`${doc}: same items, another order`);
    }
    console.log(
      `${docs.length} docs: ${same} with identical items, ${docs.length - same} with differences; reading time micromark ${theirMs.toFixed(0)} ms, markdown-it ${ourMs.toFixed(0)} ms`,
    );
    for (const line of differences) console.log(`  ${line.slice(0, 300)}`);
  } finally {
    if (keep) console.log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
  }
}

const only = process.argv.slice(2).find((a) => !a.startsWith('--'));
if (only === 'agree') {
  console.log('== Markdown reader: markdown-it against micromark, on the real tree ==');
  agree();
}
if (only === undefined || only === 'compare') {
  console.log('== doc-drift vs remark-validate-links (file links and anchors) ==');
  await compare();
}
if (only === undefined || only === 'scale') {
  console.log('\n== doc-drift on generated trees ==');
  scale();
}
rmSync(path.dirname(runner), { recursive: true, force: true });
