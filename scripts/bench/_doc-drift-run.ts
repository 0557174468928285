// Child process of the doc-drift bench (each tool runs in a fresh process, so neither gains from
// the other's warm caches). Modes:
//   analyze DIR [exports|links]  doc-drift's analysis (`links`: only the broken-link and
//                                broken-anchor checks); prints time, peak memory, link findings
//   rvl DIR DOCS_JSON            remark-validate-links through unified-engine (as remark-cli runs
//                                it: one file set, so headings in other files are checked too)
//   tree real|N OUT_DIR          builds a bench tree (real corpus from node_modules, or N docs)
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import remarkValidateLinks from 'remark-validate-links';
import { engine } from 'unified-engine';
import type { VFile } from 'vfile';
import { analyzeRepository } from '../../src/doc-drift/analyze';

// Run from the repository root (the bench bundles this file, so its own location says nothing).
const root = process.cwd();

async function analyze(dir: string, mode: string | undefined): Promise<void> {
  const started = performance.now();
  const analysis = await analyzeRepository(dir, {
    docs: ['**/*.md', '**/*.mdx'],
    publicGlobs: [],
    undocumentedExports: mode === 'exports',
    ...(mode === 'links' ? { kinds: ['broken-link', 'broken-anchor'] as const } : {}),
    staleDays: 90,
    ignore: [],
    now: new Date(),
    // TEND_BENCH_WORKERS=0 parses on the main thread (default: one worker per core).
    ...(process.env.TEND_BENCH_WORKERS ? { workers: Number(process.env.TEND_BENCH_WORKERS) } : {}),
  });
  const ms = performance.now() - started;
  const cpu = process.cpuUsage();
  const findings = analysis.findings
    .filter((f) => f.kind === 'broken-link' || f.kind === 'broken-anchor')
    .map((f) => ({
      kind: f.kind,
      file: f.file,
      line: f.line,
      target: f.target,
      confidence: f.confidence,
    }));
  process.stdout.write(
    JSON.stringify({
      ms,
      cpuMs: (cpu.user + cpu.system) / 1000,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      stats: analysis.stats,
      total: analysis.findings.length,
      findings,
      docs: [...analysis.docs.keys()],
    }),
  );
}

/** Messages of remark-validate-links: doc (repository path), line, rule and reason. */
async function rvl(dir: string, docsJson: string): Promise<void> {
  const docs = JSON.parse(readFileSync(docsJson, 'utf8')) as string[];
  const started = performance.now();
  const files = await new Promise<VFile[]>((resolve, reject) => {
    engine(
      {
        processor: remark().use(remarkGfm),
        files: docs,
        cwd: dir,
        extensions: ['md'],
        // A GitHub repository (as the tree's package.json would name it), so links are judged
        // the way GitHub serves them: `#L10` line anchors, `#readme`, `/` from the root.
        plugins: [
          [remarkValidateLinks, { repository: 'https://github.com/acme/widgets', root: dir }],
        ],
        silent: true,
        quiet: true,
        output: false,
        out: false,
        color: false,
        ignoreName: '.remarkignore',
        detectConfig: false,
        reporter: () => '',
      },
      (error, _code, context) =>
        error ? reject(error) : resolve((context?.files ?? []) as VFile[]),
    );
  });
  const ms = performance.now() - started;
  const cpu = process.cpuUsage();
  const messages = files.flatMap((file) =>
    file.messages
      .filter((m) => m.source?.startsWith('remark-validate-links'))
      .map((m) => ({
        file: path.relative(dir, path.resolve(file.cwd, file.path)).split(path.sep).join('/'),
        line: m.line ?? 0,
        rule: m.ruleId ?? '',
        reason: m.reason,
      })),
  );
  process.stdout.write(
    JSON.stringify({
      ms,
      cpuMs: (cpu.user + cpu.system) / 1000,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      files: files.length,
      messages,
    }),
  );
}

function git(dir: string, ...args: string[]): void {
  // No background `git gc --auto` after the big commit: it would still be writing when the
  // bench removes the tree.
  const config = ['-c', 'user.email=bench@example.com', '-c', 'user.name=bench', '-c', 'gc.auto=0'];
  execFileSync('git', [...config, ...args], {
    cwd: dir,
    stdio: 'ignore',
  });
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
function realTree(dir: string): void {
  const modules = path.join(root, 'node_modules');
  const packages: string[] = [];
  for (const name of readdirSync(modules)) {
    if (name.startsWith('.')) continue;
    if (name.startsWith('@'))
      for (const sub of readdirSync(path.join(modules, name))) packages.push(`${name}/${sub}`);
    else packages.push(name);
  }
  let copied = 0;
  for (const name of packages) {
    const from = path.join(modules, name);
    if (
      !statSync(from).isDirectory() ||
      !readdirSync(from).some((f) => /\.mdx?$/i.test(f)) ||
      du(from) > 6_000_000
    )
      continue;
    cpSync(from, path.join(dir, name), {
      recursive: true,
      filter: (src) => !src.slice(from.length).includes('node_modules'),
    });
    copied++;
  }
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'tree');
  process.stdout.write(JSON.stringify({ packages: copied }));
}

/** `docs` Markdown files (links between them, headings, a few broken links) and 5 sources each. */
function generatedTree(dir: string, docs: number): void {
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
      i % 97 === 0
        ? `A [broken link](missing-${i}.md) and [a broken anchor](#nowhere).`
        : 'Nothing broken here.',
      '',
      ...Array.from(
        { length: 20 },
        (_, j) =>
          `Paragraph ${j} of document ${i} with some *emphasis*, \`code\` and [a link](https://example.com/${j}).`,
      ),
      '',
    ];
    writeFileSync(path.join(dir, folder, `doc${i}.md`), lines.join('\n'));
    for (let k = 0; k < 5; k++) {
      const file = `src/m${i % 200}/file${i * 5 + k}.ts`;
      mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
      writeFileSync(
        path.join(dir, file),
        `// module ${i * 5 + k}\nexport function createThing${i}() {\n  return process.env.VAR_${i % 30}_NAME ?? 'flag-${i % 50}';\n}\n`.repeat(
          k === 0 ? 1 : 2,
        ),
      );
    }
  }
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'generated');
  process.stdout.write(JSON.stringify({ docs }));
}

const [mode, a, b] = process.argv.slice(2);
if (mode === 'analyze') await analyze(a as string, b);
else if (mode === 'rvl') await rvl(a as string, b as string);
else if (mode === 'tree' && a === 'real') realTree(b as string);
else if (mode === 'tree') generatedTree(b as string, Number(a));
else
  throw new Error(
    `usage: _doc-drift-run.ts analyze DIR [exports|links] | rvl DIR DOCS_JSON | tree real|N OUT_DIR (got ${mode})`,
  );
