import {
  findMarker,
  fingerprintBranch,
  fingerprintMarker,
  hasMarker,
  InvalidFingerprintError,
  withMarker,
} from '../../../src/core/publish/fingerprint';

describe('fingerprint markers', () => {
  it('renders the hidden marker <!-- tend:<action>:<key> -->', () => {
    expect(fingerprintMarker('doc-drift', 'broken-links/docs/readme.md')).toBe(
      '<!-- tend:doc-drift:broken-links/docs/readme.md -->',
    );
  });

  it('finds the marker anywhere in a body, and nothing in a body without one', () => {
    const body = 'Report\n\n<!-- tend:dep-health:npm/lodash -->\nmore';
    expect(findMarker(body)).toEqual({ action: 'dep-health', key: 'npm/lodash' });
    expect(findMarker('no marker <!-- other comment -->')).toBeUndefined();
    expect(findMarker(null)).toBeUndefined();
  });

  it('matches only the exact action and key', () => {
    const body = withMarker('text', 'review-miner', 'theme/naming');
    expect(hasMarker(body, 'review-miner', 'theme/naming')).toBe(true);
    expect(hasMarker(body, 'review-miner', 'theme/nam')).toBe(false);
    expect(hasMarker(body, 'doc-drift', 'theme/naming')).toBe(false);
  });

  it('puts the marker on the first line and replaces an old one instead of stacking', () => {
    const once = withMarker('Body', 'doc-drift', 'a');
    const again = withMarker(once, 'doc-drift', 'b');
    expect(again.split('\n')[0]).toBe('<!-- tend:doc-drift:b -->');
    expect(again.match(/<!-- tend:/g)).toHaveLength(1);
    expect(again.endsWith('Body')).toBe(true);
  });

  it.each([
    ['Upper-Case'],
    ['has space'],
    ['a:b'],
    ['../escape'],
    ['a//b'],
    ['/leading'],
    ['trailing/'],
    ['x.lock'],
    ['.hidden'],
    ['ends.'],
    [''],
    ['x'.repeat(201)],
  ])('rejects the key %j as a bug, before it reaches a marker or a branch name', (key) => {
    expect(() => fingerprintMarker('doc-drift', key)).toThrow(InvalidFingerprintError);
    expect(() => fingerprintBranch('doc-drift', key)).toThrow(/Invalid fingerprint key/);
  });

  it('rejects a malformed action name', () => {
    expect(() => fingerprintMarker('Doc Drift', 'k')).toThrow(/Invalid tend action name/);
  });

  it('names the PR branch tend/<action>/<key>', () => {
    expect(fingerprintBranch('dep-health', 'npm/minor-updates')).toBe(
      'tend/dep-health/npm/minor-updates',
    );
  });
});
