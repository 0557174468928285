// Offline, with no token: the CLI context runs the trace analysis and says the GitHub part
// was skipped; state goes to the local tend-state branch.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildLocalContext } from '../../src/cli/local-context';
import { memoryLogger } from '../../src/core/context';
import { recordReader } from '../../src/core/inputs';
import { definition } from '../../src/weekly-reflection/main';

const FIXTURES = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'fixtures',
  'weekly-reflection',
  'traces',
);

it('analyses traces offline: per-session figures, one finding per inefficiency, no GitHub', async () => {
  const repo = mkdtempSync(path.join(os.tmpdir(), 'tend-wr-cli-'));
  execFileSync('git', ['init', '-q'], { cwd: repo });
  execFileSync(
    'git',
    [
      '-c',
      'user.name=t',
      '-c',
      'user.email=t@example.com',
      'commit',
      '-q',
      '--allow-empty',
      '-m',
      'init',
    ],
    { cwd: repo },
  );
  cpSync(FIXTURES, path.join(repo, 'traces'), { recursive: true });
  const ctx = await buildLocalContext({
    action: 'weekly-reflection',
    repoDir: repo,
    outDir: path.join(repo, 'out'),
    dryRun: false,
    logger: memoryLogger(),
  });
  const result = await definition.run(
    ctx,
    definition.parseInputs(recordReader({ traces: 'traces/**/*.json, traces/**/*.jsonl' }, 'flag')),
  );
  const sessions = result.extra!.sessions as { file: string; format: string }[];
  expect(sessions).toHaveLength(14);
  expect(
    sessions.find((s) => s.file === 'traces/real/claude-code-session-hello-world.jsonl'),
  ).toMatchObject({ format: 'claude-code-session', turns: 4, toolCalls: 2 });
  expect(result.findings.map((f) => f.kind).sort()).toEqual([
    'edit-revert',
    'permission-error',
    'permission-error',
    'redundant-read',
    'retry-storm',
    'search-miss',
    'timeout',
  ]);
  expect(
    result.findings.every(
      (f) =>
        typeof f.file === 'string' && f.file.startsWith('traces/') && typeof f.line === 'number',
    ),
  ).toBe(true);
  expect(result.summary).toMatch(
    /Offline run: pull request, CI and issue metrics need the GitHub API and were skipped/,
  );
  expect(result.partial).toEqual([]);
  const branch = execFileSync('git', ['rev-parse', '--verify', 'tend-state'], { cwd: repo })
    .toString()
    .trim();
  expect(branch).toMatch(/^[0-9a-f]{40}$/);

  // The week reported is the last complete one; the proposals this run recorded are new in it,
  // and the indicator counts exactly the task list.
  const listed = (summary: string) =>
    summary
      .split('## Headline')[0]!
      .split('\n')
      .filter((l) => /^- \[[ x]\] `P-\d+`/.test(l));
  const indicator = (summary: string) =>
    Number(/Proposals this week \(listed under New proposals\): (\d+)/.exec(summary)?.[1]);
  expect(listed(result.summary).length).toBeGreaterThan(0);
  expect(indicator(result.summary)).toBe(listed(result.summary).length);
  const again = await definition.run(
    ctx,
    definition.parseInputs(recordReader({ traces: 'traces/**/*.json, traces/**/*.jsonl' }, 'flag')),
  );
  expect(listed(again.summary)).toEqual(listed(result.summary));
  expect(indicator(again.summary)).toBe(listed(result.summary).length);
});
