// Child process of the doc-drift bench: analyses one tree and prints time, peak memory, counts.
import { analyzeRepository } from '../../src/doc-drift/analyze';

const dir = process.argv[2] as string;
const started = performance.now();
const analysis = await analyzeRepository(dir, {
  docs: ['**/*.md', '**/*.mdx'],
  publicGlobs: [],
  undocumentedExports: process.argv[3] === 'exports',
  staleDays: 90,
  ignore: [],
  now: new Date(),
});
const ms = performance.now() - started;
const findings = analysis.findings
  .filter((f) => f.kind === 'broken-link' || f.kind === 'broken-anchor')
  .map((f) => ({ kind: f.kind, file: f.file, line: f.line, target: f.target }));
process.stdout.write(
  JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, stats: analysis.stats, total: analysis.findings.length, findings, docs: [...analysis.docs.keys()] }),
);
