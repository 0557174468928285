// OpenTelemetry GenAI spans as JSON: OTLP/JSON (`resourceSpans[].scopeSpans[].spans[]`, one
// document or one per line) or plain span objects with an `attributes` map. Spans are grouped
// into sessions by gen_ai.conversation.id, then session.id, then trace id. Model spans carry
// gen_ai.usage.* (input includes cached tokens per the semantic conventions); tool spans carry
// gen_ai.tool.name.
import {
  asNumber,
  asRecord,
  asString,
  emptySession,
  keepOutput,
  parseArguments,
  type ToolCall,
  type TraceSession,
} from './trace-types';

export interface LocatedSpan {
  span: Record<string, unknown>;
  line: number;
}

function attributeValue(value: unknown): unknown {
  const v = asRecord(value);
  if (!v) return value;
  if ('stringValue' in v) return v.stringValue;
  if ('intValue' in v) return asNumber(v.intValue);
  if ('doubleValue' in v) return asNumber(v.doubleValue);
  if ('boolValue' in v) return v.boolValue;
  if ('arrayValue' in v)
    return ((asRecord(v.arrayValue)?.values as unknown[]) ?? []).map(attributeValue);
  return value;
}

/** Attributes as a flat map, from OTLP's `[{key, value: {intValue}}]` or a plain object. */
export function spanAttributes(span: Record<string, unknown>): Record<string, unknown> {
  const raw = span.attributes;
  if (Array.isArray(raw)) {
    const out: Record<string, unknown> = {};
    for (const entry of raw) {
      const e = asRecord(entry);
      if (e && typeof e.key === 'string') out[e.key] = attributeValue(e.value);
    }
    return out;
  }
  return asRecord(raw) ?? {};
}

/** Every span in an OTLP document (or a bare span / list of spans). */
export function collectSpans(doc: unknown): Record<string, unknown>[] {
  if (Array.isArray(doc)) return doc.flatMap(collectSpans);
  const d = asRecord(doc);
  if (!d) return [];
  if (Array.isArray(d.resourceSpans)) {
    return d.resourceSpans.flatMap((rs) =>
      (
        (asRecord(rs)?.scopeSpans ?? asRecord(rs)?.instrumentationLibrarySpans ?? []) as unknown[]
      ).flatMap((ss) =>
        ((asRecord(ss)?.spans ?? []) as unknown[])
          .map((s) => asRecord(s))
          .filter((s): s is Record<string, unknown> => !!s),
      ),
    );
  }
  if (Array.isArray(d.spans)) return collectSpans(d.spans);
  if ('attributes' in d && ('spanId' in d || 'span_id' in d || 'name' in d)) return [d];
  return [];
}

export function isGenAiSpan(span: Record<string, unknown>): boolean {
  return Object.keys(spanAttributes(span)).some((k) => k.startsWith('gen_ai.'));
}

function isError(span: Record<string, unknown>, attrs: Record<string, unknown>): boolean {
  const status = asRecord(span.status);
  const code = status?.code ?? status?.status_code ?? span.status_code;
  return (
    code === 2 ||
    code === 'STATUS_CODE_ERROR' ||
    code === 'ERROR' ||
    attrs['error.type'] !== undefined
  );
}

export function parseOtelSpans(
  spans: LocatedSpan[],
  file: string,
  malformedLines: number,
): TraceSession[] {
  const sessions = new Map<string, TraceSession>();
  const ordered = [...spans].sort(
    (a, b) =>
      Number(asNumber(a.span.startTimeUnixNano) ?? 0) -
        Number(asNumber(b.span.startTimeUnixNano) ?? 0) || a.line - b.line,
  );
  for (const { span, line } of ordered) {
    const attrs = spanAttributes(span);
    if (!Object.keys(attrs).some((k) => k.startsWith('gen_ai.'))) continue;
    const key =
      asString(attrs['gen_ai.conversation.id']) ??
      asString(attrs['session.id']) ??
      asString(span.traceId) ??
      asString(span.trace_id) ??
      file;
    let session = sessions.get(key);
    if (!session) {
      session = emptySession(file, 'otel-genai', 0, sessions.size === 0 ? malformedLines : 0, key);
      sessions.set(key, session);
    }
    session.records += 1;
    const start = asNumber(span.startTimeUnixNano);
    if (start !== undefined && !session.startedAt)
      session.startedAt = new Date(start / 1e6).toISOString();
    const toolName = asString(attrs['gen_ai.tool.name']);
    if (toolName || attrs['gen_ai.operation.name'] === 'execute_tool') {
      const result = attrs['gen_ai.tool.call.result'];
      const text =
        typeof result === 'string'
          ? result
          : result === undefined
            ? (asString(asRecord(span.status)?.message) ?? '')
            : JSON.stringify(result);
      const call: ToolCall = {
        id: asString(attrs['gen_ai.tool.call.id']) ?? asString(span.spanId) ?? `line-${line}`,
        name: toolName ?? 'unknown',
        input: parseArguments(attrs['gen_ai.tool.call.arguments']),
        line,
        resultLine: line,
        status: isError(span, attrs) ? 'error' : 'ok',
        ...keepOutput(
          isError(span, attrs) && asString(attrs['error.message'])
            ? `${asString(attrs['error.message'])}\n${text}`
            : text,
        ),
      };
      session.toolCalls.push(call);
      continue;
    }
    const input =
      asNumber(attrs['gen_ai.usage.input_tokens']) ?? asNumber(attrs['gen_ai.usage.prompt_tokens']);
    const output =
      asNumber(attrs['gen_ai.usage.output_tokens']) ??
      asNumber(attrs['gen_ai.usage.completion_tokens']);
    if (input === undefined && output === undefined) {
      session.model ??= asString(attrs['gen_ai.request.model']);
      continue;
    }
    const cacheRead =
      asNumber(attrs['gen_ai.usage.cache_read.input_tokens']) ??
      asNumber(attrs['gen_ai.usage.cache_read_input_tokens']) ??
      0;
    const cacheWrite =
      asNumber(attrs['gen_ai.usage.cache_creation.input_tokens']) ??
      asNumber(attrs['gen_ai.usage.cache_creation_input_tokens']) ??
      0;
    session.turns += 1;
    session.model ??=
      asString(attrs['gen_ai.response.model']) ?? asString(attrs['gen_ai.request.model']);
    session.tokens.input += Math.max(0, (input ?? 0) - cacheRead - cacheWrite);
    session.tokens.output += output ?? 0;
    session.tokens.cacheRead += cacheRead;
    session.tokens.cacheWrite += cacheWrite;
    const cost = asNumber(attrs['gen_ai.usage.cost']) ?? asNumber(attrs['gen_ai.usage.cost_usd']);
    if (cost !== undefined) session.costUsd = (session.costUsd ?? 0) + cost;
  }
  for (const s of sessions.values()) s.toolCallCount = s.toolCalls.length;
  return [...sessions.values()];
}
