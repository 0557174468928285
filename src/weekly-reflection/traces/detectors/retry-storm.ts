// The same failing tool call (same tool, same arguments) made 3 or more times in a session.
import { callFailed, callSignature, callTokens, describeCall, firstLine } from '../tool-actions';
import type { ToolCall, TraceSession } from '../trace-types';
import { MAX_EVIDENCE, THRESHOLDS, type Inefficiency } from './inefficiency';

export function detectRetryStorms(session: TraceSession): Inefficiency[] {
  const groups = new Map<string, ToolCall[]>();
  for (const call of session.toolCalls) {
    if (!callFailed(call)) continue;
    const key = callSignature(call);
    groups.set(key, [...(groups.get(key) ?? []), call]);
  }
  const found: Inefficiency[] = [];
  for (const calls of groups.values()) {
    if (calls.length < THRESHOLDS.retryStorm) continue;
    const first = calls[0] as ToolCall;
    found.push({
      kind: 'retry-storm',
      session,
      line: first.line,
      subject: describeCall(first),
      occurrences: calls.length,
      wastedTokens: calls.slice(1).reduce((sum, c) => sum + callTokens(c), 0),
      message: `${describeCall(first)} failed ${calls.length} times with the same arguments in session ${session.sessionId}.`,
      evidence: calls
        .slice(0, MAX_EVIDENCE)
        .map((c) => `line ${c.line}: failed: ${firstLine(c.output) || '(no output)'}`),
    });
  }
  return found;
}
