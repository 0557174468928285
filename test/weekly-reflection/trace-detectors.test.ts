import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyseTraces } from '../../src/weekly-reflection/traces/analyse-traces';
import { detectInefficiencies } from '../../src/weekly-reflection/traces/detectors/detect-inefficiencies';
import { parseTraceText } from '../../src/weekly-reflection/traces/parse-trace-file';
import type { ToolCall, TraceSession } from '../../src/weekly-reflection/traces/trace-types';

const DIR = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'fixtures',
  'weekly-reflection',
  'traces',
);
const load = (name: string) => parseTraceText(readFileSync(path.join(DIR, name), 'utf8'), name);
const kinds = (name: string) => detectInefficiencies(load(name).sessions[0]!);

function session(calls: Partial<ToolCall>[]): TraceSession {
  return {
    file: 't.jsonl',
    format: 'claude-code-session',
    sessionId: 's',
    tokens: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 },
    turns: calls.length,
    toolCalls: calls.map((c, i) => ({
      id: `c${i}`,
      name: 'Bash',
      input: {},
      line: i + 1,
      status: 'ok',
      output: '',
      outputChars: 0,
      ...c,
    })),
    toolCallCount: calls.length,
    records: calls.length,
    malformedLines: 0,
  };
}

describe('detectors on the synthetic traces', () => {
  it('retry-storm: the same failing command three times, from the first failure', () => {
    const [storm, ...rest] = kinds('synthetic/retry-storm.claude-stream.jsonl');
    expect(rest).toEqual([]);
    expect(storm).toMatchObject({ kind: 'retry-storm', line: 2, occurrences: 3 });
    expect(storm!.wastedTokens).toBeGreaterThan(0);
    expect(storm!.evidence).toHaveLength(3);
  });

  it('redundant-read: the file read three times unchanged, not the one edited in between', () => {
    const found = kinds('synthetic/redundant-read.gemini-stream.jsonl');
    expect(found.map((f) => [f.kind, f.subject, f.occurrences, f.line])).toEqual([
      ['redundant-read', '/repo/src/config.ts', 3, 4],
    ]);
  });

  it('search-miss: three empty searches before a hit (exit 1 is no result, not a failure)', () => {
    const found = kinds('synthetic/search-miss.codex-rollout.jsonl');
    expect(found.map((f) => [f.kind, f.occurrences])).toEqual([['search-miss', 3]]);
    expect(found[0]!.message).toMatch(/before .*readSettings/);
  });

  it('permission-error: both refused writes in one finding', () => {
    const found = kinds('synthetic/permission-error.claude-session.jsonl');
    expect(found.map((f) => [f.kind, f.subject, f.occurrences, f.line])).toEqual([
      ['permission-error', 'Write', 2, 2],
    ]);
  });

  it('timeout: the timed-out tool span', () => {
    const found = kinds('synthetic/timeout.otel.json');
    expect(found.map((f) => [f.kind, f.subject])).toEqual([['timeout', 'run_tests']]);
  });

  it('edit-revert: the edit put back, not the unrelated one', () => {
    const found = kinds('synthetic/edit-revert.claude-session.jsonl');
    expect(found.map((f) => [f.kind, f.subject, f.line])).toEqual([
      ['edit-revert', '/repo/src/retry.ts', 2],
    ]);
  });

  it('finds a sandbox denial in a real Codex rollout', () => {
    const found = kinds('real/codex-rollout-teamsheet-trimmed.jsonl');
    expect(found.map((f) => f.kind)).toEqual(['permission-error']);
  });

  it('finds nothing in a clean real session', () => {
    expect(kinds('real/claude-code-session-hello-world.jsonl')).toEqual([]);
  });
});

describe('detector edge cases', () => {
  it('does not call two failures a storm', () => {
    const s = session([
      { input: { command: 'make' }, status: 'error', output: 'boom' },
      { input: { command: 'make' }, status: 'error', output: 'boom' },
    ]);
    expect(detectInefficiencies(s)).toEqual([]);
  });

  it('does not count a re-read after an edit of the same file as redundant', () => {
    const s = session([
      { name: 'Read', input: { file_path: 'a.ts' } },
      { name: 'Edit', input: { file_path: 'a.ts', old_string: 'x', new_string: 'y' } },
      { name: 'Read', input: { file_path: 'a.ts' } },
    ]);
    expect(detectInefficiencies(s)).toEqual([]);
  });

  it('counts reads through the shell (cat, sed -n) as reads', () => {
    const s = session([
      { input: { command: 'cat src/a.ts' } },
      { input: { command: "sed -n '1,80p' src/b.ts" } },
      { input: { command: 'cat ./src/a.ts' } },
    ]);
    expect(detectInefficiencies(s).map((f) => [f.kind, f.subject])).toEqual([
      ['redundant-read', 'src/a.ts'],
    ]);
  });

  it('sees `git checkout -- file` after an apply_patch as a revert', () => {
    const patch = '*** Begin Patch\n*** Update File: src/a.ts\n@@\n-old\n+new\n*** End Patch';
    const s = session([
      { name: 'apply_patch', input: { input: patch } },
      { name: 'shell', input: { command: ['bash', '-lc', 'git checkout -- src/a.ts'] } },
    ]);
    expect(detectInefficiencies(s).map((f) => [f.kind, f.subject, f.line])).toEqual([
      ['edit-revert', 'src/a.ts', 1],
    ]);
  });

  it('sees a whole-file write restoring earlier content as a revert', () => {
    const s = session([
      { name: 'Write', input: { file_path: 'a.md', content: 'v1' } },
      { name: 'Write', input: { file_path: 'a.md', content: 'v2' } },
      { name: 'Write', input: { file_path: 'a.md', content: 'v1' } },
    ]);
    expect(detectInefficiencies(s).map((f) => [f.kind, f.line])).toEqual([['edit-revert', 2]]);
  });

  it('does not report a run of empty searches shorter than three', () => {
    const s = session([
      { name: 'Grep', input: { pattern: 'a' }, output: 'No files found' },
      { name: 'Grep', input: { pattern: 'b' }, output: 'No files found' },
      { name: 'Grep', input: { pattern: 'c' }, output: 'src/c.ts' },
    ]);
    expect(detectInefficiencies(s)).toEqual([]);
  });
});

describe('analyseTraces', () => {
  it('gives one finding per inefficiency with kind, trace file and first offending line', () => {
    const files = [
      'synthetic/retry-storm.claude-stream.jsonl',
      'synthetic/search-miss.codex-rollout.jsonl',
    ].map(load);
    const analysis = analyseTraces(files);
    expect(analysis.findings.map((f) => [f.kind, f.file, f.line])).toEqual([
      ['retry-storm', 'synthetic/retry-storm.claude-stream.jsonl', 2],
      ['search-miss', 'synthetic/search-miss.codex-rollout.jsonl', 4],
    ]);
    expect(analysis.sessions).toHaveLength(2);
    expect(analysis.sessions[0]).toMatchObject({
      costUsd: 0.0421,
      inputTokens: 350,
      outputTokens: 70,
      cacheReadTokens: 4000,
      toolCalls: 3,
      failedToolCalls: 3,
    });
    expect(analysis.totals.wastedTokens).toBe(
      analysis.inefficiencies.reduce((s, i) => s + i.wastedTokens, 0),
    );
    expect(analysis.totals.byKind['retry-storm'].count).toBe(1);
  });
});
