// doc-drift bench, figures side by side in one run:
// 1. against remark-validate-links (through unified-engine, as remark-cli runs it, with the tree
//    declared as a GitHub repository) on a real tree (the docs and files of the packages in
//    node_modules, in a temporary git repository): agreement on broken file links and anchors,
//    each disagreement listed, and the wall-time ratio (each tool in a fresh process, alternating);
// 2. generated trees of 1,000 and 10,000 Markdown files with 5 source files per doc: time and
//    peak memory, and how time grows.
// Usage: npx tsx scripts/bench/doc-drift.ts [compare|scale] [--keep]   (default: both), or
//        npm run bench -- doc-drift
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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

function child<T>(...args: string[]): T {
  const out = execFileSync(process.execPath, [runner, ...args], {
    cwd: root,
    maxBuffer: 1 << 28,
    encoding: 'utf8',
  });
  return JSON.parse(out) as T;
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
    const ours: AnalyzeOutput[] = [];
    const theirs: RvlOutput[] = [];
    for (let round = 0; round < 3; round++) {
      theirs.push(child<RvlOutput>('rvl', dir, docsFile));
      ours.push(child<AnalyzeOutput>('analyze', dir));
    }
    rmSync(docsFile, { force: true });
    const docSet = new Set(docs);
    const them = theirKeys(theirs[0] as RvlOutput, docSet);
    const us = new Map(
      [...ourKeys(ours[0] as AnalyzeOutput)].filter(([k]) => docSet.has(k.split(':')[0] as string)),
    );
    const both = [...us.keys()].filter((k) => them.has(k));
    const onlyTheirs = [...them].filter(([k]) => !us.has(k));
    const onlyOurs = [...us].filter(([k]) => !them.has(k));
    const oursMs = median(ours.map((o) => o.ms));
    // What the link check alone costs: listing, parsing, the path history (renames), links and anchors.
    const linkPhases = (o: AnalyzeOutput) =>
      ['list', 'parse', 'path history', 'links and anchors'].reduce(
        (n, p) => n + (o.stats.phases[p] ?? 0),
        0,
      );
    const theirsMs = median(theirs.map((t) => t.ms));
    console.log(`tree: ${dir}`);
    console.log(
      `docs compared ${docs.length} (.md), relative links ${first.stats.links}, code files ${first.stats.codeFiles}`,
    );
    console.log(`phases of one doc-drift run (ms): ${JSON.stringify(ours[0]?.stats.phases)}`);
    console.log(
      `remark-validate-links (unified-engine, one file set, ${theirs[0]?.files} files processed): ${them.size} broken, median ${theirsMs.toFixed(0)} ms, ${theirs[0]?.maxRssMb.toFixed(0)} MB`,
    );
    console.log(
      `doc-drift full analysis (links, anchors, references, history, stale docs): ${us.size} broken links/anchors, median ${oursMs.toFixed(0)} ms, ${ours[0]?.maxRssMb.toFixed(0)} MB`,
    );
    console.log(
      `doc-drift link check alone (list, parse, path history, links and anchors phases): median ${median(ours.map(linkPhases)).toFixed(0)} ms`,
    );
    console.log(
      `agreement: ${both.length} both, ${onlyTheirs.length} only remark-validate-links, ${onlyOurs.length} only doc-drift`,
    );
    console.log(
      `wall-time ratio remark-validate-links / doc-drift (full analysis): ${(theirsMs / oursMs).toFixed(2)}x`,
    );
    const theirsCpu = median(theirs.map((t) => t.cpuMs));
    const oursCpu = median(ours.map((o) => o.cpuMs));
    console.log(
      `process CPU time (all threads), median: remark-validate-links ${theirsCpu.toFixed(0)} ms, doc-drift full analysis ${oursCpu.toFixed(0)} ms (${(theirsCpu / oursCpu).toFixed(2)}x)`,
    );
    console.log(
      `wall-time ratio remark-validate-links / doc-drift (link phases): ${(theirsMs / median(ours.map(linkPhases))).toFixed(2)}x`,
    );
    for (const [k, reason] of onlyTheirs)
      console.log(`  only remark-validate-links: ${k}  ${reason}`);
    for (const [k, f] of onlyOurs)
      console.log(`  only doc-drift: ${k}  ${f.target} (${f.confidence})`);
  } finally {
    if (keep) console.log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
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
      else rmSync(dir, { recursive: true, force: true });
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

const only = process.argv.slice(2).find((a) => !a.startsWith('--'));
if (only === undefined || only === 'compare') {
  console.log('== doc-drift vs remark-validate-links (file links and anchors) ==');
  await compare();
}
if (only === undefined || only === 'scale') {
  console.log('\n== doc-drift on generated trees ==');
  scale();
}
rmSync(path.dirname(runner), { recursive: true, force: true });
