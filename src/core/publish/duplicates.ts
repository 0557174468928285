// Items tend closed itself because a concurrent run had opened the same one a moment earlier.
// They carry a marker so that a rerun never mistakes them for a maintainer's rejection.

/** Put in the body and the closing comment of an issue tend closed as a duplicate of its own. */
export const DUPLICATE_MARKER = '<!-- tend:duplicate -->';

/** Put in the body of a pull request tend closed because its problem was resolved. */
export const RESOLVED_MARKER = '<!-- tend:resolved -->';

/** Whether tend closed this item as a duplicate of its own (not a maintainer's decision). */
export function isTendDuplicate(body: string | null | undefined): boolean {
  return (body ?? '').includes(DUPLICATE_MARKER);
}

/** Whether tend closed this item because the problem was resolved (not a maintainer's decision). */
export function isTendResolved(body: string | null | undefined): boolean {
  return (body ?? '').includes(RESOLVED_MARKER);
}

/** `body` with `marker` on its first line (unchanged when it already carries it). */
export function withStatusMarker(body: string, marker: string): string {
  return body.includes(marker) ? body : `${marker}\n${body}`;
}

/** The comment tend leaves on a duplicate it closes. */
export function duplicateComment(kept: number): string {
  return `Duplicate of #${kept} (opened by a concurrent run).\n\n${DUPLICATE_MARKER}`;
}
