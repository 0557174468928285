// The one shape every agent trace is normalised into, whatever tool wrote it.

export type TraceFormat =
  | 'claude-code-session'
  | 'claude-code-stream'
  | 'claude-code-result'
  | 'codex-rollout'
  | 'codex-exec'
  | 'gemini-stream'
  | 'gemini-result'
  | 'otel-genai';

export interface TokenCounts {
  /** Input tokens not served from a cache. */
  input: number;
  output: number;
  /** Input tokens read from the prompt cache. */
  cacheRead: number;
  /** Input tokens written to the prompt cache. */
  cacheWrite: number;
}

export type ToolStatus = 'ok' | 'error' | 'unknown';

export interface ToolCall {
  id: string;
  name: string;
  /** Arguments as the agent sent them (parsed when they were a JSON string). */
  input: Record<string, unknown>;
  /** 1-based line of the record that made the call. */
  line: number;
  /** 1-based line of the record that carried the result, when there was one. */
  resultLine?: number;
  status: ToolStatus;
  /** Result text (errors included), cut to a few thousand characters. */
  output: string;
  /** Length of the full result text, for token estimates. */
  outputChars: number;
  /** Exit code of a shell command, when the trace gives it. */
  exitCode?: number;
  /** Result count a search tool reported explicitly (files or matches). */
  resultCount?: number;
}

/**
 * Records a tool call as the agent made it, in the session and the id index its result is
 * matched by; the result fills in status and output later.
 */
export function startToolCall(
  session: TraceSession,
  calls: Map<string, ToolCall>,
  call: { id: string; name: string; input: Record<string, unknown>; line: number },
): ToolCall {
  const started: ToolCall = { ...call, status: 'unknown', output: '', outputChars: 0 };
  calls.set(call.id, started);
  session.toolCalls.push(started);
  return started;
}

export interface TraceSession {
  /** Trace file, relative to the workspace when inside it, POSIX separators. */
  file: string;
  format: TraceFormat;
  sessionId: string;
  model?: string;
  startedAt?: string;
  tokens: TokenCounts;
  /** Cost in USD when the trace gives it. */
  costUsd?: number;
  /** Model turns (one per model response). */
  turns: number;
  toolCalls: ToolCall[];
  /** Tool calls the trace counts without detailing them (summary-only formats). */
  toolCallCount: number;
  /** Records (lines or spans) read. */
  records: number;
  /** Lines that were not valid JSON (skipped, never fatal). */
  malformedLines: number;
}

/** A session with nothing read into it yet. */
export function emptySession(
  file: string,
  format: TraceFormat,
  records: number,
  malformedLines: number,
  sessionId = '',
): TraceSession {
  return {
    file,
    format,
    sessionId,
    tokens: emptyTokens(),
    turns: 0,
    toolCalls: [],
    toolCallCount: 0,
    records,
    malformedLines,
  };
}

export const OUTPUT_KEEP_CHARS = 4000;

export function emptyTokens(): TokenCounts {
  return { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 };
}

export function keepOutput(text: string): { output: string; outputChars: number } {
  return {
    output: text.length > OUTPUT_KEEP_CHARS ? text.slice(0, OUTPUT_KEEP_CHARS) : text,
    outputChars: text.length,
  };
}

export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

export function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return undefined;
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Tool arguments: an object, or a JSON string holding one. */
export function parseArguments(value: unknown): Record<string, unknown> {
  const record = asRecord(value);
  if (record) return record;
  if (typeof value === 'string') {
    try {
      const parsed = asRecord(JSON.parse(value));
      if (parsed) return parsed;
    } catch {
      // not JSON: keep the raw text
    }
    return { input: value };
  }
  return {};
}

/** Text of a tool result given as a string, an array of text blocks, or an object. */
export function resultText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    return value
      .map((part) => {
        const block = asRecord(part);
        if (block && typeof block.text === 'string') return block.text;
        return typeof part === 'string' ? part : '';
      })
      .join('\n');
  }
  return JSON.stringify(value);
}
