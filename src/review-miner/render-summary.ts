// The step summary / CLI markdown.
import { escapeMarkdownInline } from '../core/publish/neutralise';
import type { Proposal, PublishOutcome } from '../core/types';
import type { Analysis } from './analyse-comments';
import { THEMES } from './taxonomy';

export interface SummaryInput {
  source: string;
  analysis: Analysis;
  proposals: Proposal[];
  published: PublishOutcome[];
  skipped: string[];
  partial: string[];
  calls: number;
}

export function renderSummary(input: SummaryInput): string {
  const { counts } = input.analysis.filter;
  const reasons = Object.entries(counts.byReason)
    .filter(([, n]) => n > 0)
    .map(([reason, n]) => `${reason} ${n}`)
    .join(', ');
  const lines = [
    '## review-miner',
    '',
    `Read ${counts.kept + counts.dropped} comments from ${escapeMarkdownInline(input.source)}${input.calls ? ` (${input.calls} GraphQL calls)` : ''}: kept ${counts.kept}, dropped ${counts.dropped}${reasons ? ` (${reasons})` : ''}.`,
    '',
    '| theme | comments |',
    '|---|---:|',
  ];
  for (const theme of THEMES) {
    const n = input.analysis.classified.filter((c) => c.theme === theme).length;
    if (n > 0) lines.push(`| ${theme} | ${n} |`);
  }
  const recurringClusters = input.analysis.clusters.filter((c) => c.members.length > 1).slice(0, 5);
  if (recurringClusters.length > 0) {
    lines.push(
      '',
      'Recurring feedback outside the taxonomy:',
      ...recurringClusters.map(
        (c) => `- \`${escapeMarkdownInline(c.name)}\`: ${c.members.length} comments`,
      ),
    );
  }
  lines.push('', `${input.proposals.length} proposal(s).`);
  for (const [i, p] of input.proposals.entries()) {
    const outcome = input.published[i];
    lines.push(
      `- ${escapeMarkdownInline(p.title)}: ${p.fix}${outcome ? ` (${outcome.status}${outcome.url ? `, ${outcome.url}` : ''})` : ''}`,
    );
  }
  for (const s of input.skipped) lines.push(`- skipped ${escapeMarkdownInline(s)}`);
  return lines.join('\n');
}
