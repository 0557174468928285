// Several searches in a row that found nothing (before a hit, or with no hit at all).
import { actionsOf, callTokens, describeCall, searchResultCount } from '../tool-actions';
import type { ToolCall, TraceSession } from '../trace-types';
import { MAX_EVIDENCE, THRESHOLDS, type Inefficiency } from './inefficiency';

function report(
  session: TraceSession,
  misses: ToolCall[],
  hit: ToolCall | undefined,
): Inefficiency {
  const first = misses[0] as ToolCall;
  return {
    kind: 'search-miss',
    session,
    line: first.line,
    subject: describeCall(first),
    occurrences: misses.length,
    wastedTokens: misses.reduce((sum, c) => sum + callTokens(c), 0),
    message: hit
      ? `${misses.length} searches found nothing before ${describeCall(hit)} (line ${hit.line}) found a match in session ${session.sessionId}.`
      : `${misses.length} searches in a row found nothing in session ${session.sessionId}.`,
    evidence: [
      ...misses.slice(0, MAX_EVIDENCE).map((c) => `line ${c.line}: ${describeCall(c)}: 0 results`),
      ...(hit ? [`line ${hit.line}: ${describeCall(hit)}: ${searchResultCount(hit)} results`] : []),
    ],
  };
}

export function detectSearchMisses(session: TraceSession): Inefficiency[] {
  const found: Inefficiency[] = [];
  let misses: ToolCall[] = [];
  for (const call of session.toolCalls) {
    if (!actionsOf(call).some((a) => a.kind === 'search')) continue;
    if (searchResultCount(call) === 0) {
      misses.push(call);
      continue;
    }
    if (misses.length >= THRESHOLDS.searchMisses) found.push(report(session, misses, call));
    misses = [];
  }
  if (misses.length >= THRESHOLDS.searchMisses) found.push(report(session, misses, undefined));
  return found;
}
