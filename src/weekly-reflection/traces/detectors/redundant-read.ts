// The same file (same range) read again with no edit to it in between.
import { actionsOf, callTokens } from '../tool-actions';
import type { ToolCall, TraceSession } from '../trace-types';
import { MAX_EVIDENCE, THRESHOLDS, type Inefficiency } from './inefficiency';

export function detectRedundantReads(session: TraceSession): Inefficiency[] {
  // reads since the last edit, per file and range
  const open = new Map<string, ToolCall[]>();
  // redundant re-reads, per file
  const redundant = new Map<string, { first: ToolCall; rereads: ToolCall[] }>();
  for (const call of session.toolCalls) {
    for (const action of actionsOf(call)) {
      if (action.kind === 'edit' || action.kind === 'revert') {
        for (const key of [...open.keys()])
          if (key.startsWith(`${action.path}\u0000`)) open.delete(key);
      } else if (action.kind === 'read' && action.path && call.status !== 'error') {
        const key = `${action.path}\u0000${action.range}`;
        const reads = [...(open.get(key) ?? []), call];
        open.set(key, reads);
        if (reads.length >= THRESHOLDS.redundantReads) {
          const entry = redundant.get(action.path) ?? { first: reads[0] as ToolCall, rereads: [] };
          entry.rereads.push(call);
          redundant.set(action.path, entry);
        }
      }
    }
  }
  return [...redundant.entries()].map(([path, { first, rereads }]) => ({
    kind: 'redundant-read',
    session,
    line: first.line,
    subject: path,
    occurrences: rereads.length + 1,
    wastedTokens: rereads.reduce((sum, c) => sum + callTokens(c), 0),
    message: `${path} was read ${rereads.length + 1} times with no edit in between in session ${session.sessionId}.`,
    evidence: [
      `line ${first.line}: first read`,
      ...rereads.slice(0, MAX_EVIDENCE - 1).map((c) => `line ${c.line}: read again, unchanged`),
    ],
  }));
}
