// Turns a recurring theme and its planned check into a Proposal and the PR that implements it.
import { escapeMarkdownInline, quoteUserText } from '../core/publish/neutralise';
import type { Proposal } from '../core/types';
import type { ThemeEvidence } from './find-recurring-themes';
import type { CheckPlan } from './plan-check';
import { THEME_DESCRIPTIONS, type Theme } from './taxonomy';

export const EXAMPLES_QUOTED = 3;
const QUOTE_LIMIT = 1500;

export function themeKey(theme: string): string {
  return `theme-${theme}`;
}

function pullLink(serverUrl: string, repo: string | undefined, n: number): string {
  return repo ? `[#${n}](${serverUrl}/${repo}/pull/${n})` : `#${n}`;
}

/** Examples: the longest-standing first, one per PR where possible. */
function pickExamples(evidence: ThemeEvidence): ThemeEvidence['comments'] {
  const seen = new Set<number | undefined>();
  const first: ThemeEvidence['comments'] = [];
  const rest: ThemeEvidence['comments'] = [];
  for (const c of [...evidence.comments].sort((a, b) =>
    (a.createdAt ?? '').localeCompare(b.createdAt ?? ''),
  )) {
    if (!seen.has(c.prNumber)) {
      seen.add(c.prNumber);
      first.push(c);
    } else rest.push(c);
  }
  return [...first, ...rest].slice(0, EXAMPLES_QUOTED);
}

export function quotedExamples(evidence: ThemeEvidence): string[] {
  return pickExamples(evidence).map((c) => {
    const where = [
      c.prNumber !== undefined ? `PR #${c.prNumber}` : undefined,
      c.path ? `\`${escapeMarkdownInline(c.path, { maxLength: 120 })}\`` : undefined,
    ]
      .filter(Boolean)
      .join(', ');
    const link =
      c.url && /^https:\/\//.test(c.url)
        ? ` ([comment](${c.url.replace(/[()\s]/g, encodeURIComponent)}))`
        : '';
    return `${escapeMarkdownInline(c.author, { maxLength: 60 })}${where ? ` on ${where}` : ''}${link}:\n\n${quoteUserText(c.body, { maxLength: QUOTE_LIMIT })}`;
  });
}

export interface ProposalContext {
  serverUrl: string;
  /** `owner/repo` for links; absent offline. */
  repo?: string;
  now: Date;
}

export function buildThemeProposal(
  theme: Theme | string,
  label: string,
  evidence: ThemeEvidence,
  plan: CheckPlan,
  ctx: ProposalContext,
): Proposal {
  const pulls = evidence.pulls.map((n) => pullLink(ctx.serverUrl, ctx.repo, n));
  const description = (THEME_DESCRIPTIONS as Record<string, string>)[theme] ?? label;
  return {
    key: themeKey(theme),
    action: 'review-miner',
    title: `Automate recurring review feedback: ${label}`,
    pattern: `${evidence.count} review comments about ${label} (${description}) across ${evidence.pulls.length} PRs from ${evidence.reviewers.length} reviewers.`,
    evidence: [
      `PRs: ${pulls.join(', ') || 'n/a'}`,
      `Reviewers: ${evidence.reviewers.map((r) => escapeMarkdownInline(r, { maxLength: 60 })).join(', ')}`,
      `First seen ${evidence.firstSeen?.slice(0, 10) ?? 'n/a'}, last seen ${evidence.lastSeen?.slice(0, 10) ?? 'n/a'}.`,
      ...quotedExamples(evidence),
    ],
    impact: `Reviewers wrote ${evidence.count} comments on this theme; each one is a review round a check could have saved.`,
    fix: plan.summary,
    decision:
      'Merge the PR to adopt the check, or close it to reject (tend will not propose this theme again unless it grows markedly).',
    changes: plan.changes,
    metric: { name: `review-theme:${theme}`, better: 'lower' },
    status: 'proposed',
    detectedAt: ctx.now.toISOString(),
  };
}

export function pullRequestBody(proposal: Proposal, plan: CheckPlan): string {
  const [pullsLine, reviewersLine, seenLine, ...examples] = proposal.evidence;
  const lines = [
    `**Decision needed:** ${proposal.decision}`,
    '',
    `**Pattern detected:** ${proposal.pattern}`,
    '',
    `**Proposed fix:** ${proposal.fix}.`,
    ...(plan.rules.length ? ['', `Rules: ${plan.rules.map((r) => `\`${r}\``).join(', ')}`] : []),
    '',
    `**Impact:** ${proposal.impact}`,
    '',
    '<details><summary>Evidence</summary>',
    '',
    `- ${pullsLine ?? ''}`,
    `- ${reviewersLine ?? ''}`,
    `- ${seenLine ?? ''}`,
    '',
    ...examples.flatMap((example) => [example, '']),
    ...(plan.notes.length
      ? ['Notes:', ...plan.notes.map((n) => `- ${escapeMarkdownInline(n)}`), '']
      : []),
    '</details>',
    '',
    `After merge, tend tracks the weekly number of \`${proposal.metric?.name ?? ''}\` comments so the weekly report can show whether the check helped.`,
  ];
  return lines.join('\n');
}
