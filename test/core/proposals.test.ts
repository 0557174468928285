import { ConfigurationError, StateError } from '../../src/core/errors';
import {
  buildProposal,
  emptyProposalsFile,
  normaliseProposalsFile,
  recordProposals,
  renderProposal,
  transitionProposal,
  type ProposalInput,
  type ProposalsFile,
} from '../../src/core/proposals';
import type { ActionName, Proposal, ProposalStatus } from '../../src/core/types';

const MONDAY = new Date('2026-11-23T06:00:00Z');
const NEXT_MONDAY = new Date('2026-11-30T06:00:00Z');

function input(key: string, overrides: Partial<ProposalInput> = {}): ProposalInput {
  return {
    key,
    action: 'review-miner',
    title: `Recurring review theme: ${key}`,
    pattern: `12 review comments on 9 PRs asked for ${key}.`,
    evidence: [`https://github.com/o/r/pull/1#discussion_r1 (${key})`],
    impact: 'About 3 review rounds per month.',
    fix: `Add a lint rule for ${key}.`,
    decision: 'Accept the rule?',
    ...overrides,
  };
}

const proposal = (key: string, overrides: Partial<ProposalInput> = {}, now = MONDAY) =>
  buildProposal(input(key, overrides), now);

function record(
  file: ProposalsFile,
  proposals: Proposal[],
  now = MONDAY,
  action: ActionName = 'review-miner',
  withdrawMissing = true,
) {
  return recordProposals(file, action, proposals, now, { withdrawMissing });
}

describe('buildProposal', () => {
  it('starts as proposed, detected now', () => {
    const built = proposal('naming');
    expect(built.status).toBe('proposed');
    expect(built.detectedAt).toBe(MONDAY.toISOString());
    expect(built.id).toBeUndefined();
  });

  it('refuses a proposal without a decision or a fix', () => {
    expect(() => proposal('naming', { decision: '  ' })).toThrow(/`decision` is empty/);
    expect(() => proposal('naming', { fix: '' })).toThrow(/`fix` is empty/);
  });
});

describe('renderProposal', () => {
  it('uses the Process Observation headings in order', () => {
    const text = renderProposal({ ...proposal('naming'), id: 'P-4' });
    const headings = text.split('\n').filter((line) => line.startsWith('#'));
    expect(headings).toEqual([
      '## Process Observation: Recurring review theme: naming',
      '### Pattern Detected',
      '### Evidence',
      '### Impact',
      '### Proposed Fix',
      '### Decision Needed',
    ]);
    expect(text).toContain(
      '### Evidence\n\n- https://github.com/o/r/pull/1#discussion_r1 (naming)\n',
    );
    expect(text).toContain('`P-4` · proposed · review-miner');
  });

  it('offers the decision commands only while a decision is pending', () => {
    const open = renderProposal({ ...proposal('naming'), id: 'P-4' });
    expect(open).toContain('`/tend accept P-4`');
    expect(renderProposal({ ...proposal('naming'), id: 'P-4', status: 'accepted' })).not.toContain(
      '/tend accept',
    );
    expect(renderProposal(proposal('naming'))).not.toContain('/tend accept');
  });

  it('keeps a multi-line quote inside its evidence item and lists the files a fix changes', () => {
    const text = renderProposal({
      ...proposal('naming', { evidence: ['Reviewer wrote:\n> use `camelCase`\n> please'] }),
      changes: [
        { path: 'eslint.config.js', content: 'x' },
        { path: 'old.md', content: null },
      ],
      escalate: true,
      escalationReasons: ['needs a maintainer decision'],
    });
    expect(text).toContain('- Reviewer wrote:\n  > use `camelCase`\n  > please\n');
    expect(text).toContain('<summary>Files this fix changes (2)</summary>');
    expect(text).toContain('- `old.md` (deleted)');
    expect(text).toContain('> Escalated: needs a maintainer decision.');
  });

  it('nests under a deeper heading level when asked', () => {
    const text = renderProposal(proposal('naming'), { level: 3 });
    expect(text.startsWith('### Process Observation: ')).toBe(true);
    expect(text).toContain('\n#### Decision Needed\n');
  });
});

describe('recordProposals', () => {
  it('assigns ids on first sight and keeps them on every rerun', () => {
    const first = record(emptyProposalsFile(), [proposal('naming'), proposal('tests')]);
    expect(first.proposals.map((p) => p.id)).toEqual(['P-1', 'P-2']);
    const second = record(
      first.file,
      [
        proposal('tests', {}, NEXT_MONDAY),
        proposal('docs', {}, NEXT_MONDAY),
        proposal('naming', {}, NEXT_MONDAY),
      ],
      NEXT_MONDAY,
    );
    expect(second.proposals.map((p) => [p.key, p.id])).toEqual([
      ['tests', 'P-2'],
      ['docs', 'P-3'],
      ['naming', 'P-1'],
    ]);
    expect(second.file.nextId).toBe(4);
    expect(second.file.proposals['review-miner:naming']?.detectedAt).toBe(MONDAY.toISOString());
  });

  it('updates pattern, evidence and impact on re-detection without resetting a decision', () => {
    const first = record(emptyProposalsFile(), [proposal('naming')]);
    const accepted = transitionProposal(first.file, 'P-1', 'accepted', {
      by: 'maintainer',
      at: '2026-11-24T10:00:00Z',
    }).file;
    const rerun = record(
      accepted,
      [
        proposal(
          'naming',
          { pattern: '20 comments on 14 PRs.', evidence: ['new evidence'], impact: 'More.' },
          NEXT_MONDAY,
        ),
      ],
      NEXT_MONDAY,
    );
    const stored = rerun.file.proposals['review-miner:naming'];
    expect(stored).toMatchObject({
      id: 'P-1',
      status: 'accepted',
      pattern: '20 comments on 14 PRs.',
      evidence: ['new evidence'],
      impact: 'More.',
    });
    expect(stored?.history?.map((t) => t.status)).toEqual(['proposed', 'accepted']);
    expect(rerun.proposals[0]).toMatchObject({ id: 'P-1', status: 'accepted' });
  });

  it('withdraws a still-proposed proposal that is no longer detected, and only that', () => {
    let file = record(emptyProposalsFile(), [
      proposal('naming'),
      proposal('tests'),
      proposal('docs'),
    ]).file;
    file = transitionProposal(file, 'P-2', 'deferred', { at: '2026-11-24T00:00:00Z' }).file;
    file = record(file, [proposal('x', { action: 'doc-drift' })], MONDAY, 'doc-drift').file;
    const rerun = record(file, [proposal('docs')], NEXT_MONDAY);
    expect(rerun.file.proposals['review-miner:naming']).toMatchObject({ status: 'withdrawn' });
    expect(rerun.file.proposals['review-miner:naming']?.history?.at(-1)).toEqual({
      status: 'withdrawn',
      at: NEXT_MONDAY.toISOString(),
      by: 'tend',
      reason: 'no longer detected',
    });
    expect(rerun.file.proposals['review-miner:tests']?.status).toBe('deferred');
    expect(rerun.file.proposals['review-miner:docs']?.status).toBe('proposed');
    expect(rerun.file.proposals['doc-drift:x']?.status).toBe('proposed');
  });

  it('withdraws nothing when told the run was partial', () => {
    const file = record(emptyProposalsFile(), [proposal('naming')]).file;
    expect(
      record(file, [], NEXT_MONDAY, 'review-miner', false).file.proposals['review-miner:naming']
        ?.status,
    ).toBe('proposed');
  });

  it('brings a withdrawn proposal back as proposed with the same id when detected again', () => {
    let file = record(emptyProposalsFile(), [proposal('naming')]).file;
    file = record(file, [], NEXT_MONDAY).file;
    const again = record(file, [proposal('naming')], new Date('2026-12-07T06:00:00Z'));
    expect(again.proposals[0]).toMatchObject({ id: 'P-1', status: 'proposed' });
    expect(
      again.file.proposals['review-miner:naming']?.history?.map((t) => `${t.status}:${t.reason}`),
    ).toEqual(['proposed:detected', 'withdrawn:no longer detected', 'proposed:detected again']);
    expect(again.file.nextId).toBe(2);
  });

  it('does not change the registry it was given', () => {
    const file = record(emptyProposalsFile(), [proposal('naming')]).file;
    const before = JSON.stringify(file);
    record(file, [proposal('tests')], NEXT_MONDAY);
    expect(JSON.stringify(file)).toBe(before);
  });

  it("refuses another action's proposal", () => {
    expect(() => record(emptyProposalsFile(), [proposal('x', { action: 'doc-drift' })])).toThrow(
      /belongs to doc-drift/,
    );
  });
});

describe('normaliseProposalsFile', () => {
  it('starts empty when the file is absent and never reuses an id', () => {
    expect(normaliseProposalsFile(undefined)).toEqual({ nextId: 1, proposals: {} });
    const file = record(emptyProposalsFile(), [proposal('naming'), proposal('tests')]).file;
    expect(normaliseProposalsFile({ ...file, nextId: 1 }).nextId).toBe(3);
  });

  it('refuses a registry without proposals', () => {
    expect(() => normaliseProposalsFile({ nextId: 3 })).toThrow(StateError);
  });
});

describe('transitionProposal', () => {
  const base = () => record(emptyProposalsFile(), [proposal('naming')]).file;
  const at = '2026-11-24T10:00:00Z';

  function walk(statuses: ProposalStatus[]): ProposalsFile {
    let file = base();
    for (const status of statuses) file = transitionProposal(file, 'P-1', status, { at }).file;
    return file;
  }

  it.each<[ProposalStatus[], ProposalStatus]>([
    [[], 'accepted'],
    [[], 'rejected'],
    [[], 'deferred'],
    [[], 'withdrawn'],
    [['deferred'], 'proposed'],
    [['deferred'], 'accepted'],
    [['deferred'], 'rejected'],
    [['accepted'], 'implemented'],
    [['accepted'], 'rejected'],
  ])('allows %j -> %s', (path, status) => {
    expect(walk([...path, status]).proposals['review-miner:naming']?.status).toBe(status);
  });

  it.each<[ProposalStatus[], ProposalStatus]>([
    [[], 'implemented'],
    [['accepted'], 'proposed'],
    [['accepted', 'implemented'], 'proposed'],
    [['withdrawn'], 'accepted'],
    [['deferred'], 'implemented'],
  ])('refuses %j -> %s with what is allowed', (path, status) => {
    const file = walk(path);
    const from = file.proposals['review-miner:naming']?.status;
    expect(() => transitionProposal(file, 'P-1', status, { at })).toThrow(ConfigurationError);
    expect(() => transitionProposal(file, 'P-1', status, { at })).toThrow(
      new RegExp(
        `Proposal P-1 is ${from}; it cannot become ${status}\\.\\nFix: from ${from} it can become: `,
      ),
    );
  });

  it('records who decided, when and why, without touching the file it was given', () => {
    const file = base();
    const {
      file: next,
      proposal: moved,
      changed,
    } = transitionProposal(file, 'p-1', 'rejected', {
      by: 'octocat',
      at,
      reason: 'not worth a rule',
    });
    expect(changed).toBe(true);
    expect(moved.history?.at(-1)).toEqual({
      status: 'rejected',
      at,
      by: 'octocat',
      reason: 'not worth a rule',
    });
    expect(next.proposals['review-miner:naming']?.status).toBe('rejected');
    expect(file.proposals['review-miner:naming']?.status).toBe('proposed');
  });

  it('changes nothing when the proposal already has that status', () => {
    const file = walk(['accepted']);
    const result = transitionProposal(file, '1', 'accepted', { at });
    expect(result.changed).toBe(false);
    expect(result.file).toBe(file);
  });

  it('refuses an unknown id', () => {
    expect(() => transitionProposal(base(), 'P-9', 'accepted', { at })).toThrow(
      /There is no proposal P-9\./,
    );
  });
});
