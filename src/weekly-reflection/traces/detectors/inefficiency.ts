import type { TraceSession } from '../trace-types';

export const DETECTOR_KINDS = [
  'retry-storm',
  'redundant-read',
  'search-miss',
  'permission-error',
  'timeout',
  'edit-revert',
] as const;
export type DetectorKind = (typeof DETECTOR_KINDS)[number];

/** One inefficiency found in one session. */
export interface Inefficiency {
  kind: DetectorKind;
  session: TraceSession;
  /** 1-based line of the first offending record. */
  line: number;
  /** What it is about: the command, the file, the tool. */
  subject: string;
  occurrences: number;
  /** Estimated tokens spent for nothing (arguments and results of the wasted calls). */
  wastedTokens: number;
  message: string;
  evidence: string[];
}

/** Thresholds, named so the README and the code say the same thing. */
export const THRESHOLDS = {
  /** The same failing call this many times is a retry storm. */
  retryStorm: 3,
  /** This many zero-result searches in a row is a search miss. */
  searchMisses: 3,
  /** A file read this many times with no edit to it in between is a redundant read. */
  redundantReads: 2,
} as const;

/** Evidence lines are capped so one pathological session cannot flood a report. */
export const MAX_EVIDENCE = 6;
