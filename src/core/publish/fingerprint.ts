// The hidden marker that identifies an issue or PR tend opened: `<!-- tend:<action>:<key> -->`.
// A rerun finds its own item by this marker instead of opening a duplicate.

const ACTION_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
const KEY_PATTERN = /^[a-z0-9._/-]+$/;
const MAX_KEY_LENGTH = 200;
const MARKER_PATTERN = /<!-- tend:([a-z0-9][a-z0-9-]*):([a-z0-9._/-]+) -->/;

/**
 * A fingerprint key or action name that tend itself produced is malformed: a bug in the
 * calling action, not something the user can fix.
 */
export class InvalidFingerprintError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidFingerprintError';
  }
}

export interface Fingerprint {
  action: string;
  key: string;
}

/** Why `key` cannot be a fingerprint key (it also names the branch `tend/<action>/<key>`), or undefined. */
function keyProblem(key: string): string | undefined {
  if (!KEY_PATTERN.test(key)) return 'only a-z, 0-9, ".", "_", "/" and "-" are allowed';
  if (key.length > MAX_KEY_LENGTH) return `at most ${MAX_KEY_LENGTH} characters are allowed`;
  const segments = key.split('/');
  if (
    segments.some(
      (segment) => segment === '' || segment.startsWith('.') || segment.endsWith('.lock'),
    )
  ) {
    return 'path segments must be non-empty, must not start with "." and must not end with ".lock"';
  }
  if (key.includes('..') || key.endsWith('.')) return 'it must not contain ".." or end with "."';
  return undefined;
}

/** Throws InvalidFingerprintError unless `action` and `key` make a valid marker and branch name. */
export function validateFingerprint(action: string, key: string): void {
  if (!ACTION_PATTERN.test(action)) {
    throw new InvalidFingerprintError(
      `Invalid tend action name ${JSON.stringify(action)}: use a-z, 0-9 and "-".`,
    );
  }
  const problem = keyProblem(key);
  if (problem) {
    throw new InvalidFingerprintError(
      `Invalid fingerprint key ${JSON.stringify(key)} for tend:${action}: ${problem}. ` +
        'Derive keys from stable, slugified identifiers.',
    );
  }
}

/** `<!-- tend:<action>:<key> -->`, after validating both parts. */
export function fingerprintMarker(action: string, key: string): string {
  validateFingerprint(action, key);
  return `<!-- tend:${action}:${key} -->`;
}

/** The first tend marker in `body`, if any. */
export function findMarker(body: string | null | undefined): Fingerprint | undefined {
  const match = MARKER_PATTERN.exec(body ?? '');
  if (!match) return undefined;
  return { action: match[1] ?? '', key: match[2] ?? '' };
}

/** Whether `body` carries exactly this fingerprint (anywhere, so an edited body still matches). */
export function hasMarker(body: string | null | undefined, action: string, key: string): boolean {
  return (body ?? '').includes(`<!-- tend:${action}:${key} -->`);
}

/** Puts the marker on the first line of `body`, replacing any tend marker already there. */
export function withMarker(body: string, action: string, key: string): string {
  const marker = fingerprintMarker(action, key);
  const rest = body.replace(new RegExp(MARKER_PATTERN.source, 'g'), '').replace(/^\s*\n/, '');
  return `${marker}\n${rest}`;
}

/** The branch tend's pull request for this fingerprint lives on. */
export function fingerprintBranch(action: string, key: string): string {
  validateFingerprint(action, key);
  return `tend/${action}/${key}`;
}
