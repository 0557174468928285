// Detects a trace file's format by its content (never by its name) and parses it.
import { arrayElementLines, lineAt, readJsonl, type JsonRecord } from './jsonl-records';
import { parseClaudeCode } from './parse-claude-code';
import { parseCodex } from './parse-codex';
import { parseGeminiResult, parseGeminiStream } from './parse-gemini';
import { splitBySessionId } from './split-sessions';
import { collectSpans, isGenAiSpan, parseOtelSpans, type LocatedSpan } from './parse-otel';
import { asRecord, asString, type TraceFormat, type TraceSession } from './trace-types';

export interface ParsedTraceFile {
  file: string;
  /** undefined when the content matched no known format. */
  format?: TraceFormat;
  sessions: TraceSession[];
  malformedLines: number;
}

const CODEX_TYPES = new Set([
  'session_meta',
  'response_item',
  'event_msg',
  'turn_context',
  'compacted',
]);
const GEMINI_TYPES = new Set(['init', 'tool_use', 'tool_result', 'message', 'result', 'error']);

function looksGemini(v: Record<string, unknown>): boolean {
  const type = asString(v.type) ?? '';
  if (!GEMINI_TYPES.has(type)) return false;
  if (type === 'init') return 'session_id' in v && !('subtype' in v);
  if (type === 'tool_use') return 'tool_name' in v || 'tool_id' in v;
  if (type === 'tool_result') return 'tool_id' in v;
  if (type === 'message') return 'role' in v && typeof v.content === 'string' && !('message' in v);
  if (type === 'result') return 'stats' in v && !('subtype' in v);
  return false;
}

function looksClaude(v: Record<string, unknown>): boolean {
  const type = asString(v.type) ?? '';
  if ((type === 'user' || type === 'assistant') && asRecord(v.message)) return true;
  if (type === 'system' && (v.subtype === 'init' || 'session_id' in v)) return true;
  if (type === 'result' && ('subtype' in v || 'total_cost_usd' in v || 'num_turns' in v))
    return true;
  return 'parentUuid' in v && 'sessionId' in v;
}

/** Decides the format from the first records that say something. */
export function detectJsonlFormat(records: JsonRecord[]): TraceFormat | undefined {
  for (const { value } of records.slice(0, 200)) {
    const type = asString(value.type) ?? '';
    if (CODEX_TYPES.has(type) && asRecord(value.payload)) return 'codex-rollout';
    if (/^(thread|turn|item)\.[a-z_]+$/.test(type)) return 'codex-exec';
    if (looksGemini(value)) return 'gemini-stream';
    if (looksClaude(value))
      return 'parentUuid' in value || 'sessionId' in value
        ? 'claude-code-session'
        : 'claude-code-stream';
    if (collectSpans(value).some(isGenAiSpan)) return 'otel-genai';
  }
  return undefined;
}

function spanLines(text: string, spans: Record<string, unknown>[]): LocatedSpan[] {
  return spans.map((span) => {
    const id = asString(span.spanId) ?? asString(span.span_id);
    const at = id ? text.indexOf(`"${id}"`) : -1;
    return { span, line: at >= 0 ? lineAt(text, at) : 1 };
  });
}

function parseWholeJson(text: string, doc: unknown, file: string): ParsedTraceFile | undefined {
  const spans = collectSpans(doc);
  if (spans.some(isGenAiSpan)) {
    return {
      file,
      format: 'otel-genai',
      sessions: parseOtelSpans(spanLines(text, spans), file, 0),
      malformedLines: 0,
    };
  }
  const object = asRecord(doc);
  if (object && 'response' in object && asRecord(object.stats)) {
    return {
      file,
      format: 'gemini-result',
      sessions: [parseGeminiResult(object, file)],
      malformedLines: 0,
    };
  }
  if (object && looksClaude(object)) {
    const records = [{ line: 1, value: object }];
    return {
      file,
      format: 'claude-code-result',
      sessions: [parseClaudeCode(records, file, 'claude-code-result', 0)],
      malformedLines: 0,
    };
  }
  if (Array.isArray(doc)) {
    const lines = arrayElementLines(text);
    const records: JsonRecord[] = [];
    doc.forEach((item, i) => {
      const value = asRecord(item);
      if (value) records.push({ line: lines[i] ?? 1, value });
    });
    if (records.some((r) => looksClaude(r.value))) {
      return {
        file,
        format: 'claude-code-result',
        sessions: [parseClaudeCode(records, file, 'claude-code-result', 0)],
        malformedLines: 0,
      };
    }
  }
  return undefined;
}

/** Parses one trace file's text; `file` is the path reported in findings. */
export function parseTraceText(text: string, file: string): ParsedTraceFile {
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      const whole = parseWholeJson(text, JSON.parse(trimmed), file);
      if (whole) return whole;
    } catch {
      // not one JSON document: JSON Lines
    }
  }
  const { records, malformed } = readJsonl(text);
  const format = detectJsonlFormat(records);
  switch (format) {
    case 'codex-rollout':
    case 'codex-exec':
      return {
        file,
        format,
        sessions: [parseCodex(records, file, malformed)],
        malformedLines: malformed,
      };
    case 'gemini-stream':
      return {
        file,
        format,
        sessions: [parseGeminiStream(records, file, malformed)],
        malformedLines: malformed,
      };
    case 'claude-code-session':
    case 'claude-code-stream':
      return {
        file,
        format,
        sessions: splitBySessionId(records).map((group, i) =>
          parseClaudeCode(group, file, format, i === 0 ? malformed : 0),
        ),
        malformedLines: malformed,
      };
    case 'otel-genai': {
      const spans: LocatedSpan[] = records.flatMap(({ line, value }) =>
        collectSpans(value).map((span) => ({ span, line })),
      );
      return {
        file,
        format,
        sessions: parseOtelSpans(spans, file, malformed),
        malformedLines: malformed,
      };
    }
    default:
      return { file, sessions: [], malformedLines: malformed };
  }
}
