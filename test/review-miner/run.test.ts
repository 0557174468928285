import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunContext } from '../../src/core/context';
import { memoryLogger } from '../../src/core/context';
import { DEFAULT_CONFIG } from '../../src/core/config';
import { ZWSP } from '../../src/core/publish/neutralise';
import type { Publisher, PullRequestSpec } from '../../src/core/publish/publisher';
import type { StateStore } from '../../src/core/state/state-store';
import { defaultStateSchemas } from '../../src/core/state/schemas';
import { registerRunStateFiles } from '../../src/core/state-files';
import { createMemoryStateStore } from '../support/memory-state-store';
import type { PublishOutcome } from '../../src/core/types';
import { recordReader } from '../../src/core/inputs';
import { definition } from '../../src/review-miner/main';

const fixtures = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'fixtures',
  'review-miner',
);

/** The shared in-memory store, validating what it stores as the real one does. */
function memoryState(): StateStore & { files: Map<string, unknown> } {
  registerRunStateFiles();
  const store = createMemoryStateStore({ schemas: defaultStateSchemas });
  return {
    branch: store.branch,
    read: (p) => store.read(p),
    list: (p) => store.list(p),
    update: (message, mutate) => store.update(message, mutate),
    get files() {
      return new Map(Object.entries(store.files()));
    },
  };
}

function fakePublisher(rejectedKeys: Set<string>): Publisher & { prs: PullRequestSpec[] } {
  const prs: PullRequestSpec[] = [];
  const seen = new Set<string>();
  return {
    prs,
    upsertIssue: async (spec) => ({ kind: 'issue', key: spec.key, status: 'created' }),
    closeIssue: async (key) => ({ kind: 'issue', key, status: 'absent' }),
    async upsertPullRequest(spec): Promise<PublishOutcome> {
      prs.push(spec);
      if (rejectedKeys.has(spec.key)) return { kind: 'pull', key: spec.key, status: 'rejected' };
      const status = seen.has(spec.key) ? 'unchanged' : 'created';
      seen.add(spec.key);
      return { kind: 'pull', key: spec.key, status };
    },
    closePullRequest: async (key) => ({ kind: 'pull', key, status: 'absent' }),
  };
}

function context(workspace: string, state: StateStore, publisher: Publisher): RunContext {
  return {
    action: 'review-miner',
    workspace,
    serverUrl: 'https://github.com',
    defaultBranch: 'main',
    config: DEFAULT_CONFIG,
    state,
    publisher,
    logger: memoryLogger(),
    clock: { now: () => new Date('2026-11-02T12:00:00Z') },
    dryRun: false,
  };
}

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'review-miner-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('review-miner run on a REST comments file', () => {
  const options = definition.parseInputs(
    recordReader({ comments: path.join(fixtures, 'rest-comments-paginated.json') }),
  );

  it('lists each kept comment once as a review-comment finding with its theme and input id', async () => {
    const ws = workspace({ 'pyproject.toml': '[tool.ruff.lint]\nselect = ["E"]\n' });
    const result = await definition.run(
      context(ws, memoryState(), fakePublisher(new Set())),
      options,
    );
    const input = JSON.parse(readFileSync(path.join(fixtures, 'rest-comments.json'), 'utf8')) as {
      id: number;
    }[];
    const ids = result.findings.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => input.some((c) => c.id === id))).toBe(true);
    expect(
      result.findings.every((f) => f.kind === 'review-comment' && typeof f.theme === 'string'),
    ).toBe(true);
    expect(result.outputs.kept).toBe(String(ids.length));
  });

  it('opens one ruff config PR per recurring theme and the same PRs again on a rerun', async () => {
    const ws = workspace({ 'pyproject.toml': '[tool.ruff.lint]\nselect = ["E"]\n' });
    const state = memoryState();
    const publisher = fakePublisher(new Set());
    const first = await definition.run(context(ws, state, publisher), options);
    // docs-comments recurs since comments on documentation files count towards it (the three
    // comments on .rst files are labelled docs-comments in labelled-comments.jsonl).
    expect(first.proposals.map((p) => p.key).sort()).toEqual([
      'theme-docs-comments',
      'theme-magic-values',
      'theme-performance',
    ]);
    const magic = publisher.prs.find((p) => p.key === 'theme-magic-values');
    expect(magic?.changes).toEqual([
      { path: 'pyproject.toml', content: '[tool.ruff.lint]\nselect = ["E", "PLR2004"]\n' },
    ]);
    const second = await definition.run(context(ws, state, publisher), options);
    expect(second.published.map((p) => p.status)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    expect(state.files.get('review-miner/latest.json')).toMatchObject({
      themeCounts: { 'magic-values': 4 },
    });
    expect([...state.files.keys()].some((k) => k.startsWith('review-miner/history/2026-W'))).toBe(
      true,
    );
  });

  it('records proposals in proposals.json and kept comments per theme in the history file of each comment week', async () => {
    const ws = workspace({ 'pyproject.toml': '[tool.ruff.lint]\nselect = ["E"]\n' });
    const state = memoryState();
    const first = await definition.run(context(ws, state, fakePublisher(new Set())), options);
    const registry = state.files.get('proposals.json') as {
      proposals: Record<string, { id: string; status: string }>;
    };
    expect(Object.keys(registry.proposals).sort()).toEqual([
      'review-miner:theme-docs-comments',
      'review-miner:theme-magic-values',
      'review-miner:theme-performance',
    ]);
    expect(first.proposals.every((p) => /^P-\d+$/.test(p.id ?? ''))).toBe(true);

    const weekly = () =>
      [...state.files.entries()]
        .filter(([k]) => k.startsWith('review-miner/history/'))
        .map(([k, v]) => [k, (v as { themeCounts: Record<string, number> }).themeCounts] as const);
    const total: Record<string, number> = {};
    for (const [, counts] of weekly())
      for (const [t, n] of Object.entries(counts)) total[t] = (total[t] ?? 0) + n;
    expect(total).toEqual(first.extra?.themeCounts);
    expect(weekly().filter(([, counts]) => Object.keys(counts).length > 0).length).toBeGreaterThan(
      1,
    );

    const before = weekly();
    await definition.run(context(ws, state, fakePublisher(new Set())), options);
    expect(weekly()).toEqual(before);
  });

  it('remembers a rejected theme and does not propose it again while it has not grown', async () => {
    const ws = workspace({ 'eslint.config.js': 'export default [{ rules: {} }];\n' });
    const state = memoryState();
    await definition.run(
      context(ws, state, fakePublisher(new Set(['theme-magic-values']))),
      options,
    );
    expect(state.files.get('review-miner/latest.json')).toMatchObject({
      rejected: { 'magic-values': { count: 4 } },
    });
    const publisher = fakePublisher(new Set());
    const rerun = await definition.run(context(ws, state, publisher), options);
    expect(rerun.proposals.map((p) => p.key)).not.toContain('theme-magic-values');
    expect(publisher.prs.map((p) => p.key)).not.toContain('theme-magic-values');
  });

  it('quotes hostile comments safely in the PR body', async () => {
    const hostile = `@octocat please look. fixes #1 <img src=x onerror=alert(1)> <script>x</script> magic number, use a constant ${'A'.repeat(100_000)}`;
    const items = [1, 2, 3].map((i) => ({
      id: 500 + i,
      body: i === 1 ? hostile : 'Magic number, please create a constant',
      user: { login: `rev${i}`, type: 'User' },
      pull_request_url: `https://api.github.com/repos/o/r/pulls/${i}`,
      html_url: `https://github.com/o/r/pull/${i}#discussion_r${500 + i}`,
      created_at: `2026-10-0${i}T00:00:00Z`,
    }));
    const ws = workspace({
      'comments.json': JSON.stringify(items),
      'ruff.toml': 'select = ["E"]\n',
    });
    const publisher = fakePublisher(new Set());
    await definition.run(
      context(ws, memoryState(), publisher),
      definition.parseInputs(recordReader({ comments: path.join(ws, 'comments.json') })),
    );
    const body = publisher.prs[0]?.body ?? '';
    expect(body).not.toMatch(/@octocat/);
    expect(body).toContain(`@${ZWSP}octocat`);
    expect(body).not.toMatch(/fixes #1/i);
    expect(body).not.toMatch(/<img|<script/);
    expect(body.length).toBeLessThan(20_000);
  });
});
