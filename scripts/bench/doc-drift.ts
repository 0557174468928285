// doc-drift bench, figures side by side in one run:
// 1. against remark-validate-links (through unified-engine, as remark-cli runs it) on a real
//    tree (the docs and files of the packages in node_modules): agreement on broken file links
//    and anchors, and the wall-time ratio;
// 2. a generated tree of 1,000 and 10,000 Markdown files with 5 source files per doc: time and
//    peak memory, and how time grows.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import remarkValidateLinks from 'remark-validate-links';
import { remark } from 'remark';
import { VFile } from 'vfile';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');

interface RunOutput {
  ms: number;
  maxRssMb: number;
  total: number;
  stats: { docs: number; codeFiles: number; links: number };
  findings: { kind: string; file: string; line: number; target?: string }[];
  docs: string[];
}

function runDocDrift(dir: string): RunOutput {
  const out = execFileSync(process.execPath, [tsx, path.join(root, 'scripts', 'bench', '_doc-drift-run.ts'), dir], {
    cwd: root,
    maxBuffer: 1 << 28,
    encoding: 'utf8',
  });
  return JSON.parse(out) as RunOutput;
}

function git(dir: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.email=bench@example.com', '-c', 'user.name=bench', ...args], { cwd: dir, stdio: 'ignore' });
}

function du(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += statSync(path.join(entry.parentPath, entry.name)).size;
    if (total > 6_000_000) break;
  }
  return total;
}

/** The packages in node_modules that ship Markdown, each under 6 MB, copied into one git repository. */
function realTree(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tend-bench-real-'));
  const modules = path.join(root, 'node_modules');
  const packages: string[] = [];
  for (const name of readdirSync(modules)) {
    if (name.startsWith('.')) continue;
    if (name.startsWith('@')) for (const sub of readdirSync(path.join(modules, name))) packages.push(`${name}/${sub}`);
    else packages.push(name);
  }
  let copied = 0;
  for (const name of packages) {
    const from = path.join(modules, name);
    if (!statSync(from).isDirectory() || !readdirSync(from).some((f) => /\.mdx?$/i.test(f)) || du(from) > 6_000_000) continue;
    cpSync(from, path.join(dir, name), { recursive: true, filter: (src) => !src.slice(from.length).includes('node_modules') });
    copied++;
  }
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'tree');
  console.log(`real tree: ${copied} packages from node_modules`);
  return dir;
}

/**
 * remark-validate-links through the remark API, file by file. In Node the API checks links to
 * files and to headings in the same file (headings in other files need remark-cli's file set),
 * so the comparison below covers exactly those.
 */
async function runRemarkValidateLinks(dir: string, docs: string[]): Promise<{ ms: number; found: Set<string> }> {
  const started = performance.now();
  const found = new Set<string>();
  const processor = remark().use(remarkValidateLinks, { repository: false, root: dir });
  for (const doc of docs) {
    const file = await processor.process(new VFile({ path: path.join(dir, doc), cwd: dir, value: readFileSync(path.join(dir, doc), 'utf8') }));
    for (const message of file.messages) {
      if (message.source === 'remark-validate-links') found.add(`${doc}:${message.line}`);
    }
  }
  return { ms: performance.now() - started, found };
}

async function compare(): Promise<void> {
  const dir = realTree();
  try {
    const ours = runDocDrift(dir);
    const theirs = await runRemarkValidateLinks(dir, ours.docs);
    // The checks both do: file links, and anchors into the same file.
    const mine = new Set(ours.findings.filter((f) => f.kind === 'broken-link' || f.target?.startsWith('#')).map((f) => `${f.file}:${f.line}`));
    const both = [...mine].filter((k) => theirs.found.has(k));
    const onlyTheirs = [...theirs.found].filter((k) => !mine.has(k));
    const onlyOurs = [...mine].filter((k) => !theirs.found.has(k));
    console.log(`docs ${ours.stats.docs}, relative links ${ours.stats.links}`);
    console.log(`remark-validate-links: ${theirs.found.size} broken (file:line) in ${theirs.ms.toFixed(0)} ms`);
    console.log(`doc-drift (full analysis, all checks): ${mine.size} broken (file:line) in ${ours.ms.toFixed(0)} ms`);
    console.log(`agreement: ${both.length} both, ${onlyTheirs.length} only remark-validate-links, ${onlyOurs.length} only doc-drift`);
    console.log(`wall-time ratio remark-validate-links / doc-drift: ${(theirs.ms / ours.ms).toFixed(2)}x`);
    for (const k of onlyTheirs.slice(0, 15)) console.log(`  only remark-validate-links: ${k}`);
    for (const k of onlyOurs.slice(0, 15)) console.log(`  only doc-drift: ${k}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `docs` Markdown files (links between them, headings, a few broken links) and 5 sources each. */
function generatedTree(docs: number): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `tend-bench-${docs}-`));
  for (let i = 0; i < docs; i++) {
    const folder = `docs/d${i % 100}`;
    mkdirSync(path.join(dir, folder), { recursive: true });
    const next = `../d${(i + 1) % 100}/doc${(i + 1) % docs}.md`;
    const src = `src/m${i % 200}/file${i * 5}.ts`;
    const lines = [
      `# Document ${i}`,
      '',
      `See [the next doc](${next}#document-${(i + 1) % docs}), [the code](../../${src}) and [this section](#usage).`,
      '',
      '## Usage',
      '',
      `Call \`createThing${i}()\` with \`--flag-${i % 50}\` and set \`VAR_${i % 30}_NAME\`.`,
      '',
      '```sh',
      `tool run --flag-${i % 50} --verbose`,
      '```',
      '',
      i % 97 === 0 ? `A [broken link](missing-${i}.md) and [a broken anchor](#nowhere).` : 'Nothing broken here.',
      '',
      ...Array.from({ length: 20 }, (_, j) => `Paragraph ${j} of document ${i} with some *emphasis*, \`code\` and [a link](https://example.com/${j}).`),
      '',
    ];
    writeFileSync(path.join(dir, folder, `doc${i}.md`), lines.join('\n'));
    for (let k = 0; k < 5; k++) {
      const file = `src/m${i % 200}/file${i * 5 + k}.ts`;
      mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
      writeFileSync(
        path.join(dir, file),
        `// module ${i * 5 + k}\nexport function createThing${i}() {\n  return process.env.VAR_${i % 30}_NAME ?? 'flag-${i % 50}';\n}\n`.repeat(k === 0 ? 1 : 2),
      );
    }
  }
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'generated');
  return dir;
}

function scale(): void {
  const rows: { docs: number; ms: number; rss: number; sources: number; findings: number }[] = [];
  for (const docs of [1000, 10000]) {
    const dir = generatedTree(docs);
    try {
      const run = runDocDrift(dir);
      rows.push({ docs, ms: run.ms, rss: run.maxRssMb, sources: run.stats.codeFiles, findings: run.total });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  console.log('generated tree: docs | source files | findings | time | peak RSS');
  for (const r of rows) console.log(`  ${r.docs} | ${r.sources} | ${r.findings} | ${(r.ms / 1000).toFixed(1)} s | ${r.rss.toFixed(0)} MB`);
  const [small, large] = rows;
  if (small && large) console.log(`growth 1k -> 10k docs: time x${(large.ms / small.ms).toFixed(1)} for x10 docs`);
}

console.log('== doc-drift vs remark-validate-links (file links and anchors) ==');
await compare();
console.log('\n== doc-drift on generated trees ==');
if (!existsSync(tsx)) throw new Error('tsx is needed to run the bench');
scale();
