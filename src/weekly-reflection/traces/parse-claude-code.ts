// Claude Code: session transcripts (~/.claude/projects/**/<session>.jsonl), `--output-format
// stream-json` events, the `--output-format json` result (a single object, or with --verbose
// an array of every event). One API response is often split over several transcript lines
// that repeat the same usage, so usage is counted once per message id.
import type { JsonRecord } from './jsonl-records';
import {
  asNumber,
  asRecord,
  asString,
  emptySession,
  keepOutput,
  parseArguments,
  resultText,
  startToolCall,
  type ToolCall,
  type TraceFormat,
  type TraceSession,
} from './trace-types';

interface Usage {
  input: number;
  output: number;
  cacheRead: number;
  cacheWrite: number;
}

function usageOf(value: unknown): Usage | undefined {
  const u = asRecord(value);
  if (!u) return undefined;
  return {
    input: asNumber(u.input_tokens) ?? 0,
    output: asNumber(u.output_tokens) ?? 0,
    cacheRead: asNumber(u.cache_read_input_tokens) ?? 0,
    cacheWrite: asNumber(u.cache_creation_input_tokens) ?? 0,
  };
}

/** A search count from Claude Code's structured tool result (Grep, Glob). */
function structuredCount(toolUseResult: unknown): number | undefined {
  const r = asRecord(toolUseResult);
  if (!r) return undefined;
  const numFiles = asNumber(r.numFiles);
  const numMatches = asNumber(r.numMatches);
  if (numMatches !== undefined) return numMatches;
  if (
    numFiles !== undefined &&
    (r.mode === undefined || r.mode === 'files_with_matches' || Array.isArray(r.filenames))
  ) {
    return numFiles;
  }
  const numLines = asNumber(r.numLines);
  if (r.mode === 'content' && numLines !== undefined) return numLines;
  return undefined;
}

export function parseClaudeCode(
  records: JsonRecord[],
  file: string,
  format: TraceFormat,
  malformedLines: number,
): TraceSession {
  const session = emptySession(file, format, records.length, malformedLines);
  const usageByMessage = new Map<string, Usage>();
  const calls = new Map<string, ToolCall>();
  let anonymous = 0;
  let resultUsage: Usage | undefined;
  let resultTurns: number | undefined;

  for (const { line, value } of records) {
    const type = asString(value.type);
    session.sessionId ||= asString(value.sessionId) ?? asString(value.session_id) ?? '';
    session.startedAt ??= asString(value.timestamp);
    if (type === 'system') {
      session.model ??= asString(value.model);
      continue;
    }
    if (type === 'result') {
      resultUsage = usageOf(value.usage) ?? resultUsage;
      resultTurns = asNumber(value.num_turns) ?? resultTurns;
      const cost = asNumber(value.total_cost_usd) ?? asNumber(value.cost_usd);
      if (cost !== undefined) session.costUsd = cost;
      continue;
    }
    const message = asRecord(value.message);
    if (!message) continue;
    const content = Array.isArray(message.content) ? message.content : [];
    if (type === 'assistant') {
      session.model ??= asString(message.model);
      const id = asString(message.id) ?? asString(value.requestId) ?? `line-${line}`;
      const usage = usageOf(message.usage);
      const previous = usageByMessage.get(id);
      if (usage) {
        usageByMessage.set(
          id,
          previous
            ? {
                input: Math.max(previous.input, usage.input),
                output: Math.max(previous.output, usage.output),
                cacheRead: Math.max(previous.cacheRead, usage.cacheRead),
                cacheWrite: Math.max(previous.cacheWrite, usage.cacheWrite),
              }
            : usage,
        );
      } else if (!previous)
        usageByMessage.set(id, { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 });
      for (const part of content) {
        const block = asRecord(part);
        if (!block || block.type !== 'tool_use') continue;
        const callId = asString(block.id) ?? `anonymous-${(anonymous += 1)}`;
        startToolCall(session, calls, {
          id: callId,
          name: asString(block.name) ?? 'unknown',
          input: parseArguments(block.input),
          line,
        });
      }
    } else if (type === 'user') {
      for (const part of content) {
        const block = asRecord(part);
        if (!block || block.type !== 'tool_result') continue;
        const call = calls.get(asString(block.tool_use_id) ?? '');
        if (!call) continue;
        const text = resultText(block.content);
        const isError = block.is_error === true || /^\s*<tool_use_error>/.test(text);
        Object.assign(call, keepOutput(text), {
          resultLine: line,
          status: isError ? 'error' : 'ok',
        });
        const count = structuredCount(value.toolUseResult);
        if (count !== undefined) call.resultCount = count;
        const exit = asNumber(asRecord(value.toolUseResult)?.exitCode);
        if (exit !== undefined) call.exitCode = exit;
      }
    }
  }

  if (resultUsage) {
    session.tokens = { ...resultUsage };
  } else {
    for (const usage of usageByMessage.values()) {
      session.tokens.input += usage.input;
      session.tokens.output += usage.output;
      session.tokens.cacheRead += usage.cacheRead;
      session.tokens.cacheWrite += usage.cacheWrite;
    }
  }
  session.turns = usageByMessage.size > 0 ? usageByMessage.size : (resultTurns ?? 0);
  session.toolCallCount = session.toolCalls.length;
  if (!session.sessionId) session.sessionId = file;
  return session;
}
