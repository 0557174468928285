// The action's run: issue and PR published by key, updated on rerun, closed when the docs are
// fixed; the weekly snapshot recorded; pull-request mode scoped to touched files with fail-on.
import { DEFAULT_CONFIG } from '../../src/core/config';
import { memoryLogger, type RunContext } from '../../src/core/context';
import { recordReader } from '../../src/core/inputs';
import { definition } from '../../src/doc-drift/main';
import { createMemoryStateStore } from '../support/memory-state-store';
import { createTestRepo, NOW, type TestRepo } from './support/git-repo';
import { recordingPublisher, type RecordingPublisher } from './support/recording-publisher';

let repo: TestRepo;
afterEach(() => repo?.cleanup());

function context(
  publisher: RecordingPublisher,
  state = createMemoryStateStore(),
  event?: RunContext['event'],
): RunContext {
  return {
    action: 'doc-drift',
    workspace: repo.dir,
    repo: { owner: 'acme', repo: 'demo' },
    serverUrl: 'https://github.com',
    defaultBranch: 'main',
    event,
    config: DEFAULT_CONFIG,
    state,
    publisher,
    logger: memoryLogger(),
    clock: { now: () => NOW },
    dryRun: false,
    github: {} as RunContext['github'],
  };
}

function drifted(): TestRepo {
  const r = createTestRepo();
  r.write({
    'src/api.ts': 'export function createClient() {}\n',
    'README.md':
      '# Demo\n\n- [Guide](docs/guide.md)\n- Call `createClient()`.\n- [Gone](docs/old-notes.md)\n',
    'docs/guide.md': '# Guide\n',
    'docs/old-notes.md': '# Notes\n',
  });
  r.commit('initial', 30);
  r.move('docs/guide.md', 'docs/handbook.md');
  r.remove('docs/old-notes.md');
  r.write({ 'src/api.ts': 'export function makeClient() {}\n' });
  r.commit('Rename guide and client', 5);
  return r;
}

const options = definition.parseInputs(recordReader({ 'undocumented-exports': 'false' }));

test('opens one issue and one fixes PR, updates them on rerun, and closes both when the docs are fixed', async () => {
  repo = drifted();
  const publisher = recordingPublisher();
  const state = createMemoryStateStore();
  const first = await definition.run(context(publisher, state), options);
  expect(first.findings.map((f) => [f.kind, f.confidence])).toEqual([
    ['broken-link', 'renamed'],
    ['stale-reference', 'renamed'],
    ['broken-link', 'removed'],
  ]);
  expect(first.published.map((p) => `${p.kind}:${p.key}:${p.status}`)).toEqual([
    'pull:fixes:created',
    'issue:drift:created',
  ]);
  const pr = publisher.pulls.get('fixes')?.spec;
  expect(pr?.changes).toEqual([
    {
      path: 'README.md',
      content:
        '# Demo\n\n- [Guide](docs/handbook.md)\n- Call `makeClient()`.\n- [Gone](docs/old-notes.md)\n',
    },
  ]);
  const issue = publisher.issues.get('drift')?.spec.body ?? '';
  expect(issue).toContain('### `README.md` (3)');
  expect(issue).toContain('https://github.com/acme/demo/commit/');
  expect(first.outputs).toMatchObject({ findings: '3', 'broken-links': '2', fixable: '2' });
  expect(first.proposals.map((p) => p.key).sort()).toEqual(['drift', 'fixes']);
  const history = state.files()[`doc-drift/history/2026-W03.json`] as Record<string, unknown>;
  expect(history).toMatchObject({
    byKind: { 'broken-link': 2, 'stale-reference': 1 },
    fixable: 2,
    fixedByTend: 0,
  });

  const second = await definition.run(context(publisher, state), options);
  expect(second.published.map((p) => `${p.kind}:${p.key}:${p.status}`)).toEqual([
    'pull:fixes:unchanged',
    'issue:drift:unchanged',
  ]);

  // The fixes PR is merged; the deleted doc link is fixed by hand.
  repo.write({
    'README.md': pr?.changes[0]?.content?.replace('- [Gone](docs/old-notes.md)\n', '') ?? '',
  });
  repo.commit('Merge doc fixes', 1);
  const third = await definition.run(context(publisher, state), options);
  expect(third.findings).toEqual([]);
  expect(third.published.map((p) => `${p.kind}:${p.key}:${p.status}`)).toEqual([
    'pull:fixes:closed',
    'issue:drift:closed',
  ]);
  const after = state.files()[`doc-drift/history/2026-W03.json`] as Record<string, unknown>;
  expect(after).toMatchObject({ fixable: 0, fixedByTend: 2 });
});

test('pull-request mode reports only findings in touched files and fails at the fail-on severity', async () => {
  repo = createTestRepo();
  repo.write({ 'README.md': '# R\n\n[old](old.md)\n', 'docs/a.md': '# A\n' });
  const base = repo.commit('base', 10);
  repo.write({ 'docs/a.md': '# A\n\n[missing](nope.md)\n' });
  const head = repo.commit('change docs/a.md', 1);
  const publisher = recordingPublisher();
  const event = {
    name: 'pull_request',
    payload: { pull_request: { number: 7, base: { sha: base }, head: { sha: head } } },
  };
  const result = await definition.run(context(publisher, createMemoryStateStore(), event), options);
  expect(result.findings.map((f) => f.file)).toEqual(['docs/a.md']);
  expect(result.failure).toContain('fail-on: error');
  expect(result.published).toEqual([]);
  const lenient = await definition.run(context(publisher, createMemoryStateStore(), event), {
    ...options,
    failOn: 'never',
  });
  expect(lenient.failure).toBeUndefined();
});
