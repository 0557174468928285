// A proposal rendered in the Process Observation format (Pattern Detected, Evidence, Impact,
// Proposed Fix, Decision Needed), for issue bodies, PR bodies and the weekly report.
import type { Proposal } from './types';

export interface RenderOptions {
  /** Heading level of the title (default 2: `## Process Observation: ...`). */
  level?: number;
  /** Show the `/tend accept P-n` commands when the proposal awaits a decision (default true). */
  commands?: boolean;
}

/** A list item; a multi-line item (a quote) continues indented under its bullet. */
function listItem(text: string): string {
  const [first = '', ...rest] = text.trim().split('\n');
  return [`- ${first}`, ...rest.map((line) => (line === '' ? '' : `  ${line}`))].join('\n');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * A proposal in the Process Observation format: Pattern Detected, Evidence, Impact,
 * Proposed Fix, Decision Needed. The fields are tend's Markdown (quoted user text in them
 * is already neutralised).
 */
export function renderProposal(proposal: Proposal, options: RenderOptions = {}): string {
  const level = Math.min(Math.max(options.level ?? 2, 1), 5);
  const h = '#'.repeat(level);
  const sub = '#'.repeat(level + 1);
  const out: string[] = [`${h} Process Observation: ${oneLine(proposal.title)}`, ''];
  const meta = [
    proposal.id ? `\`${proposal.id}\`` : undefined,
    proposal.status,
    proposal.action,
  ].filter(Boolean);
  out.push(meta.join(' · '), '');
  if (proposal.escalate) {
    const reasons = proposal.escalationReasons?.length
      ? `: ${proposal.escalationReasons.join('; ')}`
      : '';
    out.push('> [!IMPORTANT]', `> Escalated${reasons}.`, '');
  }
  out.push(`${sub} Pattern Detected`, '', proposal.pattern.trim(), '');
  out.push(`${sub} Evidence`, '');
  out.push(
    ...(proposal.evidence.length > 0 ? proposal.evidence.map(listItem) : ['_none recorded_']),
    '',
  );
  out.push(`${sub} Impact`, '', proposal.impact.trim(), '');
  out.push(`${sub} Proposed Fix`, '', proposal.fix.trim(), '');
  if (proposal.changes && proposal.changes.length > 0) {
    const files = proposal.changes.map(
      (c) => `- \`${c.path}\`${c.content === null ? ' (deleted)' : ''}`,
    );
    out.push(
      `<details><summary>Files this fix changes (${proposal.changes.length})</summary>`,
      '',
      ...files,
      '',
      '</details>',
      '',
    );
  }
  if (proposal.metric) {
    out.push(
      `Measured by \`${proposal.metric.name}\` (${proposal.metric.better} is better), before and after.`,
      '',
    );
  }
  out.push(`${sub} Decision Needed`, '', proposal.decision.trim(), '');
  const open = proposal.status === 'proposed' || proposal.status === 'deferred';
  if ((options.commands ?? true) && proposal.id && open) {
    const id = proposal.id;
    out.push(
      `Comment \`/tend accept ${id}\`, \`/tend reject ${id}\` or \`/tend defer ${id}\` (write access needed).`,
      '',
    );
  }
  return `${out.join('\n').trimEnd()}\n`;
}
