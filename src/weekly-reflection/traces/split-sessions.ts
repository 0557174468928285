// A Claude Code transcript can hold several sessions: a resumed conversation (`--resume`,
// `--continue`) appends records with a new `sessionId` to the same file. Records are grouped
// by their session id, in order of first appearance; a record without one (summaries, some
// stream events) belongs to the session of the record before it, or to the first session.
import type { JsonRecord } from './jsonl-records';
import { asString } from './trace-types';

function sessionIdOf(record: JsonRecord): string | undefined {
  return asString(record.value.sessionId) ?? asString(record.value.session_id) ?? undefined;
}

export function splitBySessionId(records: JsonRecord[]): JsonRecord[][] {
  const groups = new Map<string, JsonRecord[]>();
  const leading: JsonRecord[] = [];
  let current: JsonRecord[] | undefined;
  for (const record of records) {
    const id = sessionIdOf(record) || undefined;
    if (id !== undefined) {
      current = groups.get(id);
      if (!current) {
        current = [];
        groups.set(id, current);
      }
    }
    (current ?? leading).push(record);
  }
  const sessions = [...groups.values()];
  if (sessions.length === 0) return [leading];
  sessions[0] = [...leading, ...(sessions[0] as JsonRecord[])].sort((a, b) => a.line - b.line);
  return sessions;
}
