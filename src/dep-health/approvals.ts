// Major updates approved in the health issue. A maintainer ticks a box; the `issues: edited`
// event runs dep-health, which records the approval in `dep-health/approvals.json` only when the
// person who ticked it has write access (otherwise the box is unticked again, with a polite
// comment). The scheduled run then tests an approved major like any other update.
import type { RunContext } from '../core/context';
import { hasWriteAccess } from '../core/write-access';
import { hasMarker } from '../core/publish/fingerprint';
import type { ActionResult } from '../core/types';

export const APPROVALS_FILE = 'dep-health/approvals.json';

export interface Approval {
  /** `ecosystem:name@version`, as in the checkbox's marker. */
  key: string;
  by: string;
  at: string;
  issue: number;
}

interface ApprovalsFile {
  approvals: Approval[];
}

const BOX = /^\s*[-*]\s+\[( |x|X)\].*<!-- tend:approve:(\S+?) -->/;

export function approvalMarker(key: string): string {
  return `<!-- tend:approve:${key} -->`;
}

/** Every approval checkbox in a body, ticked or not. */
export function approvalBoxes(body: string): Map<string, boolean> {
  const boxes = new Map<string, boolean>();
  for (const line of body.split('\n')) {
    const match = BOX.exec(line);
    if (match) boxes.set(match[2]!, match[1] !== ' ');
  }
  return boxes;
}

/** Keys whose box went from unticked to ticked between two versions of the body. */
export function newlyTicked(before: string, after: string): string[] {
  const was = approvalBoxes(before);
  return [...approvalBoxes(after)]
    .filter(([key, on]) => on && was.get(key) === false)
    .map(([k]) => k);
}

/** The body with these boxes unticked again (a refused approval). */
export function untick(body: string, keys: string[]): string {
  return body
    .split('\n')
    .map((line) => {
      const match = BOX.exec(line);
      return match && keys.includes(match[2]!) ? line.replace(/\[(x|X)\]/, '[ ]') : line;
    })
    .join('\n');
}

export async function readApprovals(ctx: RunContext): Promise<Approval[]> {
  const file = await ctx.state.read<ApprovalsFile>(APPROVALS_FILE);
  return Array.isArray(file?.approvals) ? file.approvals : [];
}

interface EditedPayload {
  action?: string;
  issue?: { number: number; body?: string | null };
  changes?: { body?: { from?: string } };
  sender?: { login?: string };
}

/** Whether this event is an edit of the health issue (keyed `health` by dep-health). */
export function isHealthIssueEdit(eventName: string, payload: EditedPayload, key: string): boolean {
  return (
    eventName === 'issues' &&
    payload.action === 'edited' &&
    hasMarker(payload.issue?.body, 'dep-health', key)
  );
}

export async function handleApprovalEvent(
  ctx: RunContext,
  payload: EditedPayload,
): Promise<ActionResult> {
  const result: ActionResult = {
    action: 'dep-health',
    findings: [],
    proposals: [],
    summary: '',
    outputs: { approved: '0' },
    partial: [],
    published: [],
  };
  const before = payload.changes?.body?.from;
  const body = payload.issue?.body ?? '';
  const issue = payload.issue?.number;
  const actor = payload.sender?.login;
  const keys = before === undefined ? [] : newlyTicked(before, body);
  if (keys.length === 0 || !actor || issue === undefined) {
    result.summary = 'No newly ticked approval in this edit of the health issue.';
    return result;
  }
  if (!ctx.github || !ctx.repo)
    throw new Error('recording approvals needs the GitHub API (a token)');
  const { owner, repo } = ctx.repo;
  if (!(await hasWriteAccess(ctx.github, ctx.repo, actor))) {
    const message = `Thank you, @${actor}! Only people with write access to this repository can approve major updates, so the box was unticked again. A maintainer can tick it.`;
    if (ctx.dryRun) ctx.logger.info(`would untick ${keys.join(', ')} and comment: ${message}`);
    else {
      await ctx.github.rest.issues.update({
        owner,
        repo,
        issue_number: issue,
        body: untick(body, keys),
      });
      await ctx.github.rest.issues.createComment({
        owner,
        repo,
        issue_number: issue,
        body: message,
      });
    }
    result.summary = `Refused ${keys.length} approval(s) from @${actor}: no write access.`;
    return result;
  }
  const at = ctx.clock.now().toISOString();
  await ctx.state.update(
    `dep-health: ${keys.length} major update(s) approved by ${actor}`,
    (tx) => {
      const current = tx.get<ApprovalsFile>(APPROVALS_FILE)?.approvals ?? [];
      const kept = current.filter((a) => !keys.includes(a.key));
      tx.set(APPROVALS_FILE, {
        approvals: [...kept, ...keys.map((key) => ({ key, by: actor, at, issue }))],
      });
    },
  );
  result.summary = `Recorded ${keys.length} approval(s) by @${actor}: ${keys.map((k) => `\`${k}\``).join(', ')}. The next scheduled run tests them.`;
  result.outputs.approved = String(keys.length);
  return result;
}

/**
 * Boxes ticked in the open health issue that no approval on record matches: the workflow did not
 * run on `issues: edited` (or is still running). The next body would untick them, so the report
 * says how to make them count.
 */
export async function unrecordedTicks(ctx: RunContext, approvals: Approval[]): Promise<string[]> {
  if (!ctx.github || !ctx.repo) return [];
  const { data } = await ctx.github.rest.issues.listForRepo({
    ...ctx.repo,
    labels: 'tend:dep-health',
    state: 'open',
    per_page: 100,
  });
  const issue = data.find((i) => !i.pull_request && hasMarker(i.body, 'dep-health', 'health'));
  if (!issue) return [];
  const recorded = new Set(approvals.map((a) => a.key));
  return [...approvalBoxes(issue.body ?? '')]
    .filter(([key, ticked]) => ticked && !recorded.has(key))
    .map(([key]) => key);
}
