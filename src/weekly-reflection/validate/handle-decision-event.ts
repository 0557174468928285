// Applies maintainer decisions from an `issues: edited` (a ticked checkbox in the report) or an
// `issue_comment` event. Only users with write, maintain or admin permission count; anyone else
// gets a polite refusal and nothing changes. An accepted proposal with changes gets its PR.
import type { RunContext } from '../../core/context';
import { errorMessage } from '../../core/errors';
import {
  normaliseProposalsFile,
  PROPOSALS_FILE,
  renderProposal,
  transitionProposal,
  type ProposalsFile,
} from '../../core/proposals';
import type { ActionResult, ProposalStatus, PublishOutcome } from '../../core/types';
import { hasWriteAccess } from '../../core/write-access';
import { newlyTicked, parseCommands, type Decision } from './parse-decisions';

const STATUS: Record<Decision['verb'], ProposalStatus> = {
  accept: 'accepted',
  reject: 'rejected',
  defer: 'deferred',
};
export const REPORT_MARKER = '<!-- tend:weekly-reflection:report-';

interface EventPayload {
  action?: string;
  issue?: { number: number; body?: string | null };
  comment?: { body?: string; user?: { login?: string; type?: string } };
  changes?: { body?: { from?: string } };
  sender?: { login?: string; type?: string };
}

export function decisionsOf(
  eventName: string,
  payload: EventPayload,
): { decisions: Decision[]; actor?: string } {
  if (eventName === 'issue_comment' && (payload.action ?? 'created') === 'created') {
    return {
      decisions: parseCommands(payload.comment?.body ?? ''),
      actor: payload.comment?.user?.login ?? payload.sender?.login,
    };
  }
  if (eventName === 'issues' && payload.action === 'edited') {
    const body = payload.issue?.body ?? '';
    const before = payload.changes?.body?.from;
    if (!body.includes(REPORT_MARKER) || before === undefined) return { decisions: [] };
    return {
      decisions: newlyTicked(before, body).map((id) => ({ verb: 'accept' as const, id })),
      actor: payload.sender?.login,
    };
  }
  return { decisions: [] };
}

async function comment(ctx: RunContext, issue: number, body: string): Promise<void> {
  if (ctx.dryRun || !ctx.github || !ctx.repo) {
    ctx.logger.info(`would comment on #${issue}: ${body}`);
    return;
  }
  await ctx.github.rest.issues.createComment({
    owner: ctx.repo.owner,
    repo: ctx.repo.repo,
    issue_number: issue,
    body,
  });
}

export async function handleDecisionEvent(
  ctx: RunContext,
  eventName: string,
  payload: EventPayload,
): Promise<ActionResult> {
  const result: ActionResult = {
    action: 'weekly-reflection',
    findings: [],
    proposals: [],
    summary: '',
    outputs: {},
    partial: [],
    published: [],
  };
  const { decisions, actor } = decisionsOf(eventName, payload);
  const issue = payload.issue?.number;
  if (decisions.length === 0 || !actor || issue === undefined) {
    result.summary = 'No tend decision in this event.';
    result.outputs.decisions = '0';
    return result;
  }
  if (!ctx.github || !ctx.repo)
    throw new Error('deciding on proposals needs the GitHub API (a token)');
  if (!(await hasWriteAccess(ctx.github, ctx.repo, actor))) {
    await comment(
      ctx,
      issue,
      `Thank you for the suggestion, @${actor}! Only people with write access to this repository can accept, reject or defer tend's proposals, so nothing was changed. A maintainer can apply it with the same command.`,
    );
    if (eventName === 'issues' && payload.changes?.body?.from !== undefined && !ctx.dryRun) {
      await ctx.github.rest.issues.update({
        owner: ctx.repo.owner,
        repo: ctx.repo.repo,
        issue_number: issue,
        body: payload.changes.body.from,
      });
    }
    result.summary = `Refused ${decisions.length} decision(s) from @${actor}: no write access.`;
    result.outputs.decisions = '0';
    return result;
  }
  const at = ctx.clock.now().toISOString();
  const applied: string[] = [];
  const problems: string[] = [];
  let registry: ProposalsFile | undefined;
  await ctx.state.update(`weekly-reflection: decisions by ${actor} on #${issue}`, (tx) => {
    let file = normaliseProposalsFile(tx.get(PROPOSALS_FILE));
    applied.length = 0;
    problems.length = 0;
    for (const d of decisions) {
      try {
        const next = transitionProposal(file, d.id, STATUS[d.verb], {
          by: actor,
          at,
          ...(d.reason ? { reason: d.reason } : {}),
        });
        file = next.file;
        applied.push(`${d.id} ${STATUS[d.verb]}${next.changed ? '' : ' (already)'}`);
      } catch (error) {
        problems.push(`${d.id}: ${errorMessage(error).replace(/\n/g, ' ')}`);
      }
    }
    registry = file;
    tx.set(PROPOSALS_FILE, file);
  });
  const published: PublishOutcome[] = [];
  for (const d of decisions.filter((x) => x.verb === 'accept')) {
    const proposal = Object.values(registry?.proposals ?? {}).find((p) => p.id === d.id);
    if (
      !proposal?.changes?.length ||
      proposal.action !== 'weekly-reflection' ||
      proposal.status !== 'accepted'
    )
      continue;
    published.push(
      await ctx.publisher.upsertPullRequest({
        key: proposal.key,
        title: `${proposal.id}: ${proposal.title}`,
        body: renderProposal(proposal, { commands: false }),
        labels: ['tend:proposal'],
        changes: proposal.changes,
        commitMessage: `${proposal.title} (${proposal.id})`,
      }),
    );
  }
  const prs = published
    .filter((p) => p.number)
    .map((p) => ` Pull request: #${p.number}.`)
    .join('');
  const lines = [...applied.map((a) => `- ${a}`), ...problems.map((p) => `- not applied: ${p}`)];
  await comment(
    ctx,
    issue,
    `Recorded for @${actor}:\n\n${lines.join('\n')}${prs ? `\n\n${prs.trim()}` : ''}`,
  );
  result.published = published;
  result.summary = `Decisions by @${actor} on #${issue}:\n\n${lines.join('\n')}`;
  result.outputs.decisions = String(applied.length);
  return result;
}
