// Version arithmetic per ecosystem: npm/Go/Actions with semver, PyPI with PEP 440.
import * as pep440 from '@renovatebot/pep440';
import semver from 'semver';
import type { OsvEcosystem } from '../model';

export type UpdateType = 'major' | 'minor' | 'patch' | 'none';

function cleanSemver(version: string): string | null {
  return (
    semver.valid(version.replace(/^v/, '')) ??
    semver.valid(semver.coerce(version.replace(/^v/, ''))?.version ?? '')
  );
}

export function compareVersions(ecosystem: OsvEcosystem, a: string, b: string): number {
  if (ecosystem === 'PyPI') {
    if (pep440.valid(a) && pep440.valid(b)) return pep440.compare(a, b);
    return a.localeCompare(b);
  }
  const x = cleanSemver(a);
  const y = cleanSemver(b);
  if (x && y) return semver.compare(x, y);
  return a.localeCompare(b);
}

export function isPrerelease(ecosystem: OsvEcosystem, version: string): boolean {
  if (ecosystem === 'PyPI') return /(a|b|rc|dev)\d*$/i.test(version) || /\.dev\d*/.test(version);
  const v = semver.valid(version.replace(/^v/, ''));
  return v ? semver.prerelease(v) !== null : false;
}

/** Highest stable version satisfying `range` (undefined range: any). */
export function maxSatisfying(
  ecosystem: OsvEcosystem,
  versions: string[],
  range: string | undefined,
): string | undefined {
  const stable = versions.filter((v) => !isPrerelease(ecosystem, v));
  if (ecosystem === 'PyPI') {
    if (!range) return stable.sort((a, b) => compareVersions(ecosystem, a, b)).at(-1);
    return pep440.maxSatisfying(stable, range) ?? undefined;
  }
  if (ecosystem === 'npm') {
    const valid = semver.validRange(range ?? '*');
    return valid ? (semver.maxSatisfying(stable, valid) ?? undefined) : undefined;
  }
  return stable.sort((a, b) => compareVersions(ecosystem, a, b)).at(-1);
}

export function updateType(ecosystem: OsvEcosystem, from: string, to: string): UpdateType {
  if (compareVersions(ecosystem, from, to) >= 0) return 'none';
  const parts = (v: string) => {
    if (ecosystem === 'PyPI' && pep440.valid(v))
      return [pep440.major(v), pep440.minor(v), pep440.patch(v)];
    const s = cleanSemver(v);
    return s ? [semver.major(s), semver.minor(s), semver.patch(s)] : [0, 0, 0];
  };
  const [a, b] = [parts(from), parts(to)];
  if (a[0] !== b[0]) return 'major';
  if (a[1] !== b[1]) return 'minor';
  return 'patch';
}
