// Codex CLI: rollout files (~/.codex/sessions/**/rollout-*.jsonl: session_meta, turn_context,
// response_item, event_msg) and the `codex exec --json` event stream (thread.started,
// item.completed, turn.completed). Token counts: OpenAI's input_tokens include the cached
// part, so input = input_tokens - cached_input_tokens.
import type { JsonRecord } from './jsonl-records';
import {
  asNumber,
  asRecord,
  asString,
  emptySession,
  keepOutput,
  parseArguments,
  startToolCall,
  type ToolCall,
  type TraceSession,
} from './trace-types';

/** Codex wraps shell output as JSON (`{output, metadata: {exit_code}}`) or as plain text. */
function shellOutput(raw: string): { text: string; exitCode?: number } {
  try {
    const parsed = asRecord(JSON.parse(raw));
    if (parsed && typeof parsed.output === 'string') {
      return { text: parsed.output, exitCode: asNumber(asRecord(parsed.metadata)?.exit_code) };
    }
  } catch {
    // plain text
  }
  const exit = /(?:^|\n)\s*(?:Exit code|Process exited with code)[:\s]+(-?\d+)/i.exec(raw);
  const sandbox = /exit code:?\s*(-?\d+)/i.exec(raw);
  const code =
    exit?.[1] ?? (/failed in sandbox|execution error/i.test(raw) ? sandbox?.[1] : undefined);
  return { text: raw, exitCode: code !== undefined ? Number(code) : undefined };
}

function finishCall(call: ToolCall, raw: string, line: number): void {
  const { text, exitCode } = shellOutput(raw);
  Object.assign(call, keepOutput(text), { resultLine: line });
  if (exitCode !== undefined) call.exitCode = exitCode;
  const failed =
    (exitCode !== undefined && exitCode !== 0) ||
    /failed in sandbox|sandbox denied|^\s*error:/i.test(raw);
  call.status = failed ? 'error' : 'ok';
}

function newSession(
  file: string,
  records: number,
  malformedLines: number,
  exec: boolean,
): TraceSession {
  return emptySession(file, exec ? 'codex-exec' : 'codex-rollout', records, malformedLines);
}

export function parseCodex(
  records: JsonRecord[],
  file: string,
  malformedLines: number,
): TraceSession {
  const exec = records.some(
    (r) => typeof r.value.type === 'string' && /^(thread|turn|item)\./.test(r.value.type),
  );
  return exec
    ? parseExecStream(records, file, malformedLines)
    : parseRollout(records, file, malformedLines);
}

function parseRollout(records: JsonRecord[], file: string, malformedLines: number): TraceSession {
  const session = newSession(file, records.length, malformedLines, false);
  const calls = new Map<string, ToolCall>();
  let lastTotal = -1;
  for (const { line, value } of records) {
    const payload = asRecord(value.payload) ?? {};
    const type = asString(value.type);
    if (type === 'session_meta') {
      session.sessionId ||= asString(payload.id) ?? '';
      session.startedAt ??= asString(payload.timestamp) ?? asString(value.timestamp);
      continue;
    }
    if (type === 'turn_context') {
      session.model ??= asString(payload.model);
      continue;
    }
    if (type === 'event_msg' && payload.type === 'token_count') {
      const total = asRecord(asRecord(payload.info)?.total_token_usage);
      if (!total) continue;
      const sum = asNumber(total.total_tokens) ?? 0;
      if (sum > lastTotal) {
        if (sum > 0) session.turns += 1;
        lastTotal = sum;
        const input = asNumber(total.input_tokens) ?? 0;
        const cached = asNumber(total.cached_input_tokens) ?? 0;
        session.tokens = {
          input: Math.max(0, input - cached),
          output: asNumber(total.output_tokens) ?? 0,
          cacheRead: cached,
          cacheWrite: 0,
        };
      }
      continue;
    }
    if (type !== 'response_item') continue;
    const itemType = asString(payload.type);
    if (
      itemType === 'function_call' ||
      itemType === 'custom_tool_call' ||
      itemType === 'local_shell_call'
    ) {
      const callId = asString(payload.call_id) ?? asString(payload.id) ?? `line-${line}`;
      const input =
        itemType === 'local_shell_call'
          ? { command: asRecord(payload.action)?.command }
          : itemType === 'custom_tool_call'
            ? { input: payload.input }
            : parseArguments(payload.arguments);
      startToolCall(session, calls, {
        id: callId,
        name: asString(payload.name) ?? (itemType === 'local_shell_call' ? 'shell' : 'unknown'),
        input,
        line,
      });
    } else if (itemType === 'function_call_output' || itemType === 'custom_tool_call_output') {
      const call = calls.get(asString(payload.call_id) ?? '');
      if (!call) continue;
      const output = payload.output;
      const raw =
        typeof output === 'string'
          ? output
          : (asString(asRecord(output)?.content) ?? JSON.stringify(output ?? ''));
      finishCall(call, raw, line);
    }
  }
  session.toolCallCount = session.toolCalls.length;
  if (!session.sessionId) session.sessionId = file;
  return session;
}

function parseExecStream(
  records: JsonRecord[],
  file: string,
  malformedLines: number,
): TraceSession {
  const session = newSession(file, records.length, malformedLines, true);
  const calls = new Map<string, ToolCall>();
  for (const { line, value } of records) {
    const type = asString(value.type);
    if (type === 'thread.started') {
      session.sessionId ||= asString(value.thread_id) ?? '';
    } else if (type === 'turn.completed') {
      const usage = asRecord(value.usage) ?? {};
      const input = asNumber(usage.input_tokens) ?? 0;
      const cached = asNumber(usage.cached_input_tokens) ?? 0;
      session.tokens.input += Math.max(0, input - cached);
      session.tokens.cacheRead += cached;
      session.tokens.output += asNumber(usage.output_tokens) ?? 0;
    } else if (type === 'item.started' || type === 'item.completed') {
      const item = asRecord(value.item) ?? {};
      const itemType = asString(item.type);
      if (itemType === 'agent_message' && type === 'item.completed') session.turns += 1;
      if (
        itemType !== 'command_execution' &&
        itemType !== 'mcp_tool_call' &&
        itemType !== 'file_change'
      )
        continue;
      const id = asString(item.id) ?? `line-${line}`;
      let call = calls.get(id);
      if (!call) {
        const name =
          itemType === 'command_execution'
            ? 'shell'
            : itemType === 'file_change'
              ? 'apply_patch'
              : (asString(item.tool) ?? 'mcp');
        const input =
          itemType === 'command_execution'
            ? { command: item.command }
            : itemType === 'file_change'
              ? { changes: item.changes }
              : parseArguments(item.arguments);
        call = startToolCall(session, calls, { id, name, input, line });
      }
      if (type === 'item.completed') {
        const text =
          asString(item.aggregated_output) ??
          asString(asRecord(item.error)?.message) ??
          (item.result ? JSON.stringify(item.result) : '');
        Object.assign(call, keepOutput(text), { resultLine: line });
        const exitCode = asNumber(item.exit_code);
        if (exitCode !== undefined) call.exitCode = exitCode;
        const failed =
          item.status === 'failed' ||
          (item.error !== undefined && item.error !== null) ||
          (exitCode !== undefined && exitCode !== 0);
        call.status = failed ? 'error' : 'ok';
      }
    }
  }
  session.toolCallCount = session.toolCalls.length;
  if (!session.sessionId) session.sessionId = file;
  return session;
}
