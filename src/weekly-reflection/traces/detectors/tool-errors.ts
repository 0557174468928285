// Permission denials and timeouts: one finding per session, error class and tool.
import { callTokens, describeCall, errorClass, firstLine } from '../tool-actions';
import type { ToolCall, TraceSession } from '../trace-types';
import { MAX_EVIDENCE, type Inefficiency } from './inefficiency';

export function detectToolErrors(session: TraceSession): Inefficiency[] {
  const groups = new Map<
    string,
    { kind: 'permission-error' | 'timeout'; tool: string; calls: ToolCall[] }
  >();
  for (const call of session.toolCalls) {
    const cls = errorClass(call);
    if (cls !== 'permission' && cls !== 'timeout') continue;
    const kind = cls === 'permission' ? 'permission-error' : 'timeout';
    const key = `${kind}\u0000${call.name}`;
    const group = groups.get(key) ?? { kind, tool: call.name, calls: [] };
    group.calls.push(call);
    groups.set(key, group);
  }
  return [...groups.values()].map(({ kind, tool, calls }) => {
    const first = calls[0] as ToolCall;
    const what = kind === 'permission-error' ? 'was denied permission' : 'timed out';
    return {
      kind,
      session,
      line: first.line,
      subject: tool,
      occurrences: calls.length,
      wastedTokens: calls.reduce((sum, c) => sum + callTokens(c), 0),
      message: `${tool} ${what} ${calls.length === 1 ? 'once' : `${calls.length} times`} in session ${session.sessionId}.`,
      evidence: calls
        .slice(0, MAX_EVIDENCE)
        .map((c) => `line ${c.line}: ${describeCall(c)}: ${firstLine(c.output) || '(no output)'}`),
    };
  });
}
