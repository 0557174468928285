// An edit undone later in the same session: the reverse replacement, a write restoring the
// earlier content, or `git checkout -- file` / `git restore file` after editing the file.
import { actionsOf, callTokens, describeCall } from '../tool-actions';
import type { ToolCall, TraceSession } from '../trace-types';
import type { Inefficiency } from './inefficiency';

interface EditSeen {
  call: ToolCall;
  path: string;
  before?: string;
  after?: string;
}

export function detectEditReverts(session: TraceSession): Inefficiency[] {
  const edits: EditSeen[] = [];
  const found: Inefficiency[] = [];
  const reverted = new Set<EditSeen>();
  const record = (edit: EditSeen, by: ToolCall, how: string) => {
    reverted.add(edit);
    found.push({
      kind: 'edit-revert',
      session,
      line: edit.call.line,
      subject: edit.path,
      occurrences: 2,
      wastedTokens: callTokens(edit.call) + callTokens(by),
      message: `An edit of ${edit.path} (line ${edit.call.line}) was reverted at line ${by.line} in session ${session.sessionId}.`,
      evidence: [`line ${edit.call.line}: ${describeCall(edit.call)}`, `line ${by.line}: ${how}`],
    });
  };
  for (const call of session.toolCalls) {
    if (call.status === 'error') continue;
    for (const action of actionsOf(call)) {
      if (action.kind === 'revert') {
        for (const edit of edits) {
          if (
            !reverted.has(edit) &&
            edit.call !== call &&
            (edit.path === action.path || edit.path.endsWith(`/${action.path}`))
          ) {
            record(edit, call, `${describeCall(call)} restored the file`);
          }
        }
        continue;
      }
      if (action.kind !== 'edit' || !action.path) continue;
      const current: EditSeen = {
        call,
        path: action.path,
        before: action.before,
        after: action.after,
      };
      for (let i = edits.length - 1; i >= 0; i--) {
        const earlier = edits[i] as EditSeen;
        if (reverted.has(earlier) || earlier.path !== current.path || earlier.call === call)
          continue;
        const swaps =
          earlier.after !== undefined &&
          earlier.before !== undefined &&
          earlier.after !== earlier.before &&
          current.before === earlier.after &&
          current.after === earlier.before;
        if (swaps) {
          record(earlier, call, `${describeCall(call)} put the replaced text back`);
          break;
        }
      }
      if (current.before === undefined && current.after !== undefined) {
        const writes = edits.filter(
          (e) => e.path === current.path && e.before === undefined && e.after !== undefined,
        );
        const last = writes[writes.length - 1];
        const restores = writes.slice(0, -1).some((e) => e.after === current.after);
        if (last && !reverted.has(last) && last.after !== current.after && restores) {
          record(last, call, `${describeCall(call)} wrote back the earlier content`);
        }
      }
      edits.push(current);
    }
  }
  return found;
}
