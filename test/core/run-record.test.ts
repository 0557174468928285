import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_CONFIG } from '../../src/core/config';
import { createLocalGitStateBackend, createStateStore } from '../../src/core/state';
import type { StateStore } from '../../src/core/state/state-store';
import { memoryLogger, type RunContext } from '../../src/core/context';
import {
  buildProposal,
  emptyProposalsFile,
  recordProposals,
  type ProposalsFile,
} from '../../src/core/proposals';
import type { Publisher } from '../../src/core/publish/publisher';
import { countFindings, recordRun } from '../../src/core/run-record';
import type { ActionName, ActionResult, Finding, Proposal } from '../../src/core/types';
import { createMemoryStateStore } from '../support/memory-state-store';

const unusedPublisher: Publisher = {
  upsertIssue: () => Promise.reject(new Error('not used')),
  closeIssue: () => Promise.reject(new Error('not used')),
  upsertPullRequest: () => Promise.reject(new Error('not used')),
  closePullRequest: () => Promise.reject(new Error('not used')),
};

function context(state: StateStore, now: string, action: ActionName = 'doc-drift'): RunContext {
  return {
    action,
    workspace: '/repo',
    serverUrl: 'https://github.com',
    defaultBranch: 'main',
    config: DEFAULT_CONFIG,
    state,
    publisher: unusedPublisher,
    logger: memoryLogger(),
    clock: { now: () => new Date(now) },
    dryRun: false,
  };
}

const finding = (id: string, kind: string, severity: Finding['severity']): Finding => ({
  id,
  kind,
  severity,
  file: 'README.md',
  line: 3,
  message: `${kind} ${id}`,
  evidence: [],
});

function proposal(key: string, action: ActionName = 'doc-drift'): Proposal {
  return buildProposal(
    {
      key,
      action,
      title: `Fix ${key}`,
      pattern: `${key} seen 3 times`,
      evidence: ['a'],
      impact: 'i',
      fix: 'f',
      decision: 'd',
    },
    new Date('2026-11-23T00:00:00Z'),
  );
}

function result(
  proposals: Proposal[],
  findings: Finding[] = [],
  action: ActionName = 'doc-drift',
  partial: string[] = [],
): ActionResult {
  return {
    action,
    findings,
    proposals,
    summary: '',
    outputs: { 'finding-count': String(findings.length) },
    partial,
    published: [],
  };
}

describe('recordRun', () => {
  it('writes latest, the weekly snapshot and the proposals in one commit', async () => {
    const state = createMemoryStateStore();
    const findings = [
      finding('1', 'broken-link', 'error'),
      finding('2', 'broken-link', 'warning'),
      finding('3', 'stale-doc', 'notice'),
    ];
    const recorded = await recordRun(
      context(state, '2026-11-25T06:00:00Z'),
      result([proposal('links')], findings),
      {
        latest: { cursor: 'abc' },
        history: { docsScanned: 12 },
      },
    );
    expect(recorded.proposals[0]?.id).toBe('P-1');
    expect(state.commits.map((c) => c.paths)).toEqual([
      ['doc-drift/history/2026-W48.json', 'doc-drift/latest.json', 'proposals.json'],
    ]);
    expect(await state.read('doc-drift/latest.json')).toEqual({
      runAt: '2026-11-25T06:00:00.000Z',
      findings,
      proposals: recorded.proposals,
      outputs: { 'finding-count': '3' },
      partial: [],
      cursor: 'abc',
    });
    expect(await state.read('doc-drift/history/2026-W48.json')).toEqual({
      week: '2026-W48',
      runAt: '2026-11-25T06:00:00.000Z',
      counts: {
        byKind: { 'broken-link': 2, 'stale-doc': 1 },
        bySeverity: { error: 1, warning: 1, notice: 1 },
        total: 3,
      },
      docsScanned: 12,
    });
    expect(state.files()['proposals.json']).toMatchObject({ schemaVersion: 1, nextId: 2 });
  });

  it('overwrites the snapshot within a week, starts a new one the next week, and keeps proposal ids', async () => {
    const state = createMemoryStateStore();
    await recordRun(
      context(state, '2026-11-23T06:00:00Z'),
      result([proposal('links'), proposal('anchors')]),
    );
    const sameWeek = await recordRun(
      context(state, '2026-11-29T23:00:00Z'),
      result([proposal('anchors'), proposal('links')], [finding('1', 'x', 'error')]),
    );
    const nextWeek = await recordRun(
      context(state, '2026-11-30T06:00:00Z'),
      result([proposal('links')]),
    );
    expect(sameWeek.proposals.map((p) => p.id)).toEqual(['P-2', 'P-1']);
    expect(nextWeek.proposals.map((p) => p.id)).toEqual(['P-1']);
    expect(await state.list('doc-drift/history/')).toEqual([
      'doc-drift/history/2026-W48.json',
      'doc-drift/history/2026-W49.json',
    ]);
    expect(await state.read('doc-drift/history/2026-W48.json')).toMatchObject({
      runAt: '2026-11-29T23:00:00.000Z',
      counts: { total: 1 },
    });
    const registry = (await state.read<ProposalsFile>('proposals.json'))!;
    expect(registry.proposals['doc-drift:anchors']).toMatchObject({
      id: 'P-2',
      status: 'withdrawn',
    });
  });

  it("re-applies on a concurrent commit so neither run's proposals are lost", async () => {
    const state = createMemoryStateStore();
    const docDrift = context(state, '2026-11-23T06:00:00Z');
    // Another run commits its proposal between this run's read and its compare-and-swap.
    state.beforeNextSwap(() => {
      const other = recordProposals(
        emptyProposalsFile(),
        'review-miner',
        [proposal('naming', 'review-miner')],
        new Date(),
      );
      state.write({ 'proposals.json': other.file });
    });
    const recorded = await recordRun(docDrift, result([proposal('links')]));
    const registry = (await state.read<ProposalsFile>('proposals.json'))!;
    expect(
      Object.fromEntries(Object.entries(registry.proposals).map(([key, p]) => [key, p.id])),
    ).toEqual({
      'review-miner:naming': 'P-1',
      'doc-drift:links': 'P-2',
    });
    expect(recorded.proposals[0]?.id).toBe('P-2');
    expect(state.commits).toHaveLength(2);
  });

  it('withdraws nothing after a partial run', async () => {
    const state = createMemoryStateStore();
    await recordRun(context(state, '2026-11-23T06:00:00Z'), result([proposal('links')]));
    await recordRun(
      context(state, '2026-11-24T06:00:00Z'),
      result([], [], 'doc-drift', ['GitHub API budget spent']),
    );
    const registry = (await state.read<ProposalsFile>('proposals.json'))!;
    expect(registry.proposals['doc-drift:links']?.status).toBe('proposed');
    expect(await state.read('doc-drift/latest.json')).toMatchObject({
      partial: ['GitHub API budget spent'],
    });
  });

  it('refuses a result recorded under another action', async () => {
    const state = createMemoryStateStore();
    await expect(
      recordRun(context(state, '2026-11-23T06:00:00Z'), result([], [], 'dep-health')),
    ).rejects.toThrow(/dep-health/);
    expect(state.commits).toHaveLength(0);
  });
});

describe('recordRun on a local git state branch', () => {
  let repo: string;
  beforeEach(() => {
    repo = mkdtempSync(path.join(tmpdir(), 'tend-run-record-'));
    execFileSync('git', ['init', '-q', repo]);
  });
  afterEach(() => rmSync(repo, { recursive: true, force: true }));

  it('commits the run files with schemaVersion, and the store validates them', async () => {
    const state = createStateStore(createLocalGitStateBackend(repo, 'tend-state'), {
      branch: 'tend-state',
    });
    await recordRun(
      context(state, '2026-11-23T06:00:00Z'),
      result([proposal('links')], [finding('1', 'broken-link', 'error')]),
    );
    const second = await recordRun(
      context(state, '2026-11-24T06:00:00Z'),
      result([proposal('anchors'), proposal('links')]),
    );
    expect(second.proposals.map((p) => p.id)).toEqual(['P-2', 'P-1']);
    const git = (...args: string[]) =>
      execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8' });
    expect(git('rev-list', '--count', 'tend-state').trim()).toBe('2');
    expect(git('ls-tree', '-r', '--name-only', 'tend-state').trim().split('\n')).toEqual([
      'doc-drift/history/2026-W48.json',
      'doc-drift/latest.json',
      'proposals.json',
    ]);
    expect(JSON.parse(git('show', 'tend-state:proposals.json'))).toMatchObject({
      schemaVersion: 1,
      nextId: 3,
    });
    await expect(
      state.update('bad', (tx) => tx.set('proposals.json', { nextId: 0, proposals: {} })),
    ).rejects.toThrow(/proposals\.json would not match its schemaVersion 1: \/nextId must be >= 1/);
    await expect(
      state.update('bad', (tx) => tx.set('doc-drift/latest.json', { runAt: 'yesterday' })),
    ).rejects.toThrow(/latest\.json/);
  });
});

describe('countFindings', () => {
  it('counts every severity, even when zero', () => {
    expect(countFindings([])).toEqual({
      byKind: {},
      bySeverity: { error: 0, warning: 0, notice: 0 },
      total: 0,
    });
  });
});
