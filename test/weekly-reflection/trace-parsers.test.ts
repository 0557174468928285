import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTraceText } from '../../src/weekly-reflection/traces/parse-trace-file';

const DIR = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'fixtures',
  'weekly-reflection',
  'traces',
);
const parse = (name: string) => parseTraceText(readFileSync(path.join(DIR, name), 'utf8'), name);

describe('real Claude Code session transcript', () => {
  const parsed = parse('real/claude-code-session-hello-world.jsonl');
  const session = parsed.sessions[0]!;

  it('is recognised by content as a Claude Code session', () => {
    expect(parsed.format).toBe('claude-code-session');
    expect(session.sessionId).toBe('de3b8b19-5bc0-4a2a-934a-1b6806567e25');
    expect(session.model).toBe('claude-opus-4-5-20251101');
  });

  it('sums usage once per API message (4 messages)', () => {
    expect(session.turns).toBe(4);
    // input 2+0+0+1, output 1+25+1+2, cache read 15289+18462+18585+18700, cache write 3173+123+115+128
    expect(session.tokens).toEqual({ input: 3, output: 29, cacheRead: 71036, cacheWrite: 3539 });
  });

  it('pairs tool calls with their results', () => {
    expect(session.toolCalls.map((c) => [c.name, c.status, c.line, c.resultLine])).toEqual([
      ['Write', 'ok', 3, 4],
      ['Bash', 'ok', 5, 6],
    ]);
    expect(session.toolCalls[1]!.output).toBe('Hello world');
  });
});

describe('real Codex rollouts', () => {
  it('reads the last cumulative token count, with cached input apart', () => {
    const parsed = parse('real/codex-rollout-session-01.jsonl');
    const session = parsed.sessions[0]!;
    expect(parsed.format).toBe('codex-rollout');
    expect(session.sessionId).toBe('019e9625-802f-7e91-840a-cfe88d14117a');
    expect(session.model).toBe('gpt-5.5');
    expect(session.tokens).toEqual({
      input: 22539 - 20864,
      output: 10,
      cacheRead: 20864,
      cacheWrite: 0,
    });
    expect(session.turns).toBe(1);
  });

  it('reads shell calls, exit codes and a sandbox denial', () => {
    const session = parse('real/codex-rollout-teamsheet-trimmed.jsonl').sessions[0]!;
    expect(session.turns).toBe(3);
    expect(session.tokens.output).toBe(724);
    expect(session.toolCalls.map((c) => [c.name, c.status, c.exitCode])).toEqual([
      ['shell', 'ok', 0],
      ['shell', 'error', 2],
    ]);
    expect(session.toolCalls[1]!.output).toMatch(/sandbox denied/);
  });
});

describe('real Gemini CLI stream-json and Claude Code json result', () => {
  it('takes the Gemini result stats (input without the cached part)', () => {
    const parsed = parse('real/gemini-stream-what-is-2-plus-2.jsonl');
    const session = parsed.sessions[0]!;
    expect(parsed.format).toBe('gemini-stream');
    expect(session.sessionId).toBe('a74f95b6-8130-432a-9cba-9702fd26a429');
    expect(session.tokens).toEqual({ input: 7988, output: 56, cacheRead: 0, cacheWrite: 0 });
    expect(session.turns).toBe(1);
  });

  it('reads cost and usage from a Claude Code json result', () => {
    const parsed = parse('real/claude-code-result.json');
    const session = parsed.sessions[0]!;
    expect(parsed.format).toBe('claude-code-result');
    expect(session.costUsd).toBeCloseTo(0.10457895, 8);
    expect(session.tokens).toEqual({ input: 2, output: 9, cacheRead: 13368, cacheWrite: 7924 });
    expect(session.turns).toBe(1);
  });
});

describe('OpenTelemetry GenAI spans', () => {
  it('groups spans by conversation, subtracts cached input and finds the span lines', () => {
    const text = readFileSync(path.join(DIR, 'synthetic/timeout.otel.json'), 'utf8');
    const parsed = parseTraceText(text, 'timeout.otel.json');
    const session = parsed.sessions[0]!;
    expect(parsed.format).toBe('otel-genai');
    expect(session.sessionId).toBe('conv-timeout-1');
    expect(session.turns).toBe(2);
    expect(session.tokens).toEqual({
      input: 1000 + 500,
      output: 140,
      cacheRead: 1200,
      cacheWrite: 0,
    });
    const tool = session.toolCalls[0]!;
    expect(tool.name).toBe('run_tests');
    expect(tool.status).toBe('error');
    expect(text.split('\n')[tool.line - 1]).toContain('a000000000000002');
  });

  it('accepts OTLP JSON Lines (one export request per line)', () => {
    const span = {
      traceId: 't1',
      spanId: 's1',
      name: 'chat',
      attributes: [
        { key: 'gen_ai.usage.input_tokens', value: { intValue: '10' } },
        { key: 'gen_ai.usage.output_tokens', value: { intValue: '4' } },
      ],
    };
    const line = JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: [span] }] }] });
    const parsed = parseTraceText(`${line}\n${line.replace('"s1"', '"s2"')}\n`, 'spans.jsonl');
    expect(parsed.format).toBe('otel-genai');
    expect(parsed.sessions[0]!.tokens.input).toBe(20);
    expect(parsed.sessions[0]!.turns).toBe(2);
  });
});

describe('robustness', () => {
  it('skips and counts malformed lines without failing', () => {
    const parsed = parse('synthetic/malformed-lines.gemini-stream.jsonl');
    expect(parsed.format).toBe('gemini-stream');
    expect(parsed.malformedLines).toBe(2);
    expect(parsed.sessions[0]!.malformedLines).toBe(2);
    expect(parsed.sessions[0]!.tokens.output).toBe(50);
  });

  it('reports no format (and no session) for a JSON Lines file that is not a trace', () => {
    const parsed = parseTraceText('{"name":"a"}\n{"name":"b"}\n', 'other.jsonl');
    expect(parsed.format).toBeUndefined();
    expect(parsed.sessions).toEqual([]);
  });

  it('reads codex exec --json streams (command executions and per-turn usage)', () => {
    const lines = [
      { type: 'thread.started', thread_id: 'th-1' },
      { type: 'turn.started' },
      {
        type: 'item.completed',
        item: {
          id: 'item_1',
          type: 'command_execution',
          command: 'bash -lc ls',
          aggregated_output: 'a\nb\n',
          exit_code: 0,
          status: 'completed',
        },
      },
      { type: 'item.completed', item: { id: 'item_2', type: 'agent_message', text: 'done' } },
      {
        type: 'turn.completed',
        usage: { input_tokens: 3000, cached_input_tokens: 1000, output_tokens: 50 },
      },
    ];
    const parsed = parseTraceText(lines.map((l) => JSON.stringify(l)).join('\n'), 'exec.jsonl');
    const session = parsed.sessions[0]!;
    expect(parsed.format).toBe('codex-exec');
    expect(session.sessionId).toBe('th-1');
    expect(session.tokens).toEqual({ input: 2000, output: 50, cacheRead: 1000, cacheWrite: 0 });
    expect(session.toolCalls[0]).toMatchObject({
      name: 'shell',
      status: 'ok',
      exitCode: 0,
      line: 3,
    });
  });

  it('reads a Claude Code --verbose json array with the real line of each event', () => {
    const text = JSON.stringify(
      [
        { type: 'system', subtype: 'init', session_id: 'v1', model: 'm' },
        {
          type: 'assistant',
          session_id: 'v1',
          message: {
            id: 'msg_1',
            content: [{ type: 'tool_use', id: 't1', name: 'Bash', input: { command: 'ls' } }],
            usage: { input_tokens: 1, output_tokens: 2 },
          },
        },
        {
          type: 'user',
          session_id: 'v1',
          message: { content: [{ type: 'tool_result', tool_use_id: 't1', content: 'x' }] },
        },
        {
          type: 'result',
          subtype: 'success',
          session_id: 'v1',
          total_cost_usd: 0.5,
          num_turns: 1,
          usage: { input_tokens: 1, output_tokens: 2 },
        },
      ],
      null,
      2,
    );
    const parsed = parseTraceText(text, 'verbose.json');
    const session = parsed.sessions[0]!;
    expect(parsed.format).toBe('claude-code-result');
    expect(session.costUsd).toBe(0.5);
    expect(text.split('\n')[session.toolCalls[0]!.line - 1]).toBe('  {');
    expect(
      text
        .split('\n')
        .slice(session.toolCalls[0]!.line - 1, session.toolCalls[0]!.line + 2)
        .join(''),
    ).toContain('"assistant"');
  });
});

describe('a Claude Code transcript holding a resumed session', () => {
  const parsed = parse('synthetic/resumed-sessions.claude-session.jsonl');

  it('reports one session per sessionId, in order of appearance', () => {
    expect(parsed.format).toBe('claude-code-session');
    expect(parsed.sessions.map((s) => s.sessionId)).toEqual(['sess-first', 'sess-resumed']);
  });

  it("keeps each session's usage, turns and tool calls apart", () => {
    const [first, resumed] = parsed.sessions;
    expect(first!.tokens).toEqual({ input: 15, output: 37, cacheRead: 4100, cacheWrite: 100 });
    expect(first!.turns).toBe(2);
    expect(first!.toolCalls.map((c) => c.name)).toEqual(['Read']);
    expect(resumed!.tokens).toEqual({ input: 20, output: 40, cacheRead: 3000, cacheWrite: 50 });
    expect(resumed!.turns).toBe(1);
    expect(resumed!.toolCalls.map((c) => [c.name, c.status])).toEqual([['Edit', 'ok']]);
    expect(resumed!.startedAt).toBe('2025-06-11T09:00:00.000Z');
  });
});
