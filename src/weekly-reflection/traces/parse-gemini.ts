// Gemini CLI: `--output-format stream-json` events (init, message, tool_use, tool_result,
// error, result) and the `--output-format json` result object. Stream stats split input
// tokens into `cached` and `input`; older versions give only input_tokens and cached.
import type { JsonRecord } from './jsonl-records';
import {
  asNumber,
  asRecord,
  asString,
  emptySession,
  emptyTokens,
  keepOutput,
  parseArguments,
  startToolCall,
  type ToolCall,
  type TraceSession,
} from './trace-types';

export function parseGeminiStream(
  records: JsonRecord[],
  file: string,
  malformedLines: number,
): TraceSession {
  const session = emptySession(file, 'gemini-stream', records.length, malformedLines);
  const calls = new Map<string, ToolCall>();
  let inAssistant = false;
  let statsToolCalls: number | undefined;
  for (const { line, value } of records) {
    const type = asString(value.type);
    if (type === 'init') {
      session.sessionId ||= asString(value.session_id) ?? '';
      session.model ??= asString(value.model);
      session.startedAt ??= asString(value.timestamp);
      continue;
    }
    if (type === 'message' && value.role === 'assistant') {
      if (!inAssistant) session.turns += 1;
      inAssistant = true;
      continue;
    }
    inAssistant = false;
    if (type === 'tool_use') {
      const id = asString(value.tool_id) ?? `line-${line}`;
      startToolCall(session, calls, {
        id,
        name: asString(value.tool_name) ?? 'unknown',
        input: parseArguments(value.parameters),
        line,
      });
    } else if (type === 'tool_result') {
      const call = calls.get(asString(value.tool_id) ?? '');
      if (!call) continue;
      const error = asRecord(value.error);
      const text =
        asString(value.output) ??
        (error ? `${asString(error.type) ?? 'error'}: ${asString(error.message) ?? ''}` : '');
      Object.assign(call, keepOutput(text), {
        resultLine: line,
        status: value.status === 'error' || error ? 'error' : 'ok',
      });
    } else if (type === 'result') {
      const stats = asRecord(value.stats) ?? {};
      const inputTotal = asNumber(stats.input_tokens) ?? 0;
      const cached = asNumber(stats.cached) ?? 0;
      session.tokens = {
        input: asNumber(stats.input) ?? Math.max(0, inputTotal - cached),
        output: asNumber(stats.output_tokens) ?? 0,
        cacheRead: cached,
        cacheWrite: 0,
      };
      statsToolCalls = asNumber(stats.tool_calls);
    }
  }
  session.toolCallCount = Math.max(session.toolCalls.length, statsToolCalls ?? 0);
  if (!session.sessionId) session.sessionId = file;
  return session;
}

/** `gemini --output-format json`: per-model token counters, tool totals, no call details. */
export function parseGeminiResult(value: Record<string, unknown>, file: string): TraceSession {
  const stats = asRecord(value.stats) ?? {};
  const tokens = emptyTokens();
  let turns = 0;
  let model: string | undefined;
  for (const [name, raw] of Object.entries(asRecord(stats.models) ?? {})) {
    const m = asRecord(raw) ?? {};
    const t = asRecord(m.tokens) ?? {};
    model ??= name;
    const prompt = asNumber(t.prompt) ?? asNumber(t.input) ?? 0;
    const cached = asNumber(t.cached) ?? 0;
    tokens.input += Math.max(0, prompt - cached);
    tokens.cacheRead += cached;
    tokens.output += (asNumber(t.candidates) ?? 0) + (asNumber(t.thoughts) ?? 0);
    turns += asNumber(asRecord(m.api)?.totalRequests) ?? 0;
  }
  return {
    file,
    format: 'gemini-result',
    sessionId: asString(value.session_id) ?? file,
    model,
    tokens,
    turns,
    toolCalls: [],
    toolCallCount: asNumber(asRecord(stats.tools)?.totalCalls) ?? 0,
    records: 1,
    malformedLines: 0,
  };
}
