import type { TraceSession } from '../trace-types';
import { detectEditReverts } from './edit-revert';
import type { Inefficiency } from './inefficiency';
import { detectRedundantReads } from './redundant-read';
import { detectRetryStorms } from './retry-storm';
import { detectSearchMisses } from './search-miss';
import { detectToolErrors } from './tool-errors';

/** Runs every detector on a session, in record order. */
export function detectInefficiencies(session: TraceSession): Inefficiency[] {
  return [
    ...detectRetryStorms(session),
    ...detectRedundantReads(session),
    ...detectSearchMisses(session),
    ...detectToolErrors(session),
    ...detectEditReverts(session),
  ].sort((a, b) => a.line - b.line || a.kind.localeCompare(b.kind));
}
