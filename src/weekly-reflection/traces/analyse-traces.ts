// From parsed trace files to per-session figures, totals and one finding per inefficiency.
import type { Finding } from '../../core/types';
import { detectInefficiencies } from './detectors/detect-inefficiencies';
import { DETECTOR_KINDS, type DetectorKind, type Inefficiency } from './detectors/inefficiency';
import type { ParsedTraceFile } from './parse-trace-file';
import { callFailed } from './tool-actions';
import type { TraceFormat } from './trace-types';

export interface SessionFigures {
  file: string;
  format: TraceFormat;
  sessionId: string;
  model?: string;
  startedAt?: string;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  /** input + output + cache read + cache write. */
  totalTokens: number;
  costUsd?: number;
  turns: number;
  toolCalls: number;
  failedToolCalls: number;
  malformedLines: number;
  wastedTokens: number;
  inefficiencies: number;
}

export interface TraceTotals {
  files: number;
  sessions: number;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  totalTokens: number;
  costUsd: number;
  turns: number;
  toolCalls: number;
  wastedTokens: number;
  /** wasted / total tokens, 0 when there were none. */
  wasteShare: number;
  malformedLines: number;
  byKind: Record<DetectorKind, { count: number; wastedTokens: number }>;
  unrecognisedFiles: string[];
}

export interface TraceAnalysis {
  sessions: SessionFigures[];
  inefficiencies: Inefficiency[];
  findings: Finding[];
  totals: TraceTotals;
}

const SEVERITY: Record<DetectorKind, Finding['severity']> = {
  'retry-storm': 'warning',
  'permission-error': 'warning',
  timeout: 'warning',
  'edit-revert': 'notice',
  'redundant-read': 'notice',
  'search-miss': 'notice',
};

export function inefficiencyFinding(item: Inefficiency): Finding {
  return {
    id: `${item.kind}:${item.session.file}:${item.line}`,
    kind: item.kind,
    severity: SEVERITY[item.kind],
    file: item.session.file,
    line: item.line,
    message: `${item.message} About ${item.wastedTokens.toLocaleString('en-US')} tokens wasted.`,
    evidence: item.evidence,
    sessionId: item.session.sessionId,
    subject: item.subject,
    occurrences: item.occurrences,
    wastedTokens: item.wastedTokens,
  };
}

export function analyseTraces(files: ParsedTraceFile[]): TraceAnalysis {
  const sessions: SessionFigures[] = [];
  const inefficiencies: Inefficiency[] = [];
  const byKind = Object.fromEntries(
    DETECTOR_KINDS.map((k) => [k, { count: 0, wastedTokens: 0 }]),
  ) as TraceTotals['byKind'];
  const totals: TraceTotals = {
    files: files.length,
    sessions: 0,
    inputTokens: 0,
    outputTokens: 0,
    cacheReadTokens: 0,
    cacheWriteTokens: 0,
    totalTokens: 0,
    costUsd: 0,
    turns: 0,
    toolCalls: 0,
    wastedTokens: 0,
    wasteShare: 0,
    malformedLines: 0,
    byKind,
    unrecognisedFiles: files.filter((f) => !f.format).map((f) => f.file),
  };
  for (const file of files) {
    totals.malformedLines += file.malformedLines;
    for (const session of file.sessions) {
      const found = detectInefficiencies(session);
      inefficiencies.push(...found);
      const wasted = found.reduce((sum, i) => sum + i.wastedTokens, 0);
      const t = session.tokens;
      const figures: SessionFigures = {
        file: session.file,
        format: session.format,
        sessionId: session.sessionId,
        ...(session.model ? { model: session.model } : {}),
        ...(session.startedAt ? { startedAt: session.startedAt } : {}),
        inputTokens: t.input,
        outputTokens: t.output,
        cacheReadTokens: t.cacheRead,
        cacheWriteTokens: t.cacheWrite,
        totalTokens: t.input + t.output + t.cacheRead + t.cacheWrite,
        ...(session.costUsd !== undefined ? { costUsd: session.costUsd } : {}),
        turns: session.turns,
        toolCalls: session.toolCallCount,
        failedToolCalls: session.toolCalls.filter(callFailed).length,
        malformedLines: session.malformedLines,
        wastedTokens: wasted,
        inefficiencies: found.length,
      };
      sessions.push(figures);
      totals.sessions += 1;
      totals.inputTokens += figures.inputTokens;
      totals.outputTokens += figures.outputTokens;
      totals.cacheReadTokens += figures.cacheReadTokens;
      totals.cacheWriteTokens += figures.cacheWriteTokens;
      totals.totalTokens += figures.totalTokens;
      totals.costUsd += figures.costUsd ?? 0;
      totals.turns += figures.turns;
      totals.toolCalls += figures.toolCalls;
      totals.wastedTokens += wasted;
      for (const item of found) {
        byKind[item.kind].count += 1;
        byKind[item.kind].wastedTokens += item.wastedTokens;
      }
    }
  }
  totals.costUsd = Math.round(totals.costUsd * 1e6) / 1e6;
  totals.wasteShare = totals.totalTokens > 0 ? totals.wastedTokens / totals.totalTokens : 0;
  return { sessions, inefficiencies, findings: inefficiencies.map(inefficiencyFinding), totals };
}
