// Freshness of one dependency from its registry facts (pure).
import type { Dependency } from './model';
import type { PackageInfo } from './sources/package-info';
import {
  compareVersions,
  isPrerelease,
  maxSatisfying,
  updateType,
  type UpdateType,
} from './sources/versions';

export interface Freshness {
  dependency: Dependency;
  current?: string;
  /** Highest stable version the declared range allows. */
  latestInRange?: string;
  latest?: string;
  /** Stable releases newer than `current`, up to `latest`. */
  releasesBehind: number;
  /** Years between the release of `current` and the release of `latest`. */
  libyears?: number;
  deprecated?: string;
  /** The newest release is older than the stale threshold (no release in N days). */
  stale: boolean;
  lastRelease?: string;
  /** current -> latest. */
  latestType: UpdateType;
  homepage?: string;
  info: PackageInfo;
}

const YEAR_MS = 365.25 * 24 * 3600 * 1000;

/**
 * What a Python update may move within. A declared range is kept. An exact pin (`==1.4.2`, a
 * hand-pinned requirements file) or no range at all (a name in a pip-compile `.in`) allows the
 * same major as the version in use, as `^` does for npm; a new major waits for approval.
 */
export function pythonUpdateRange(
  range: string | undefined,
  current: string | undefined,
): string | undefined {
  const spec = (range ?? '').trim();
  const exact = /^===?\s*[^,*;\s]+$/.test(spec);
  if (spec !== '' && !exact) return spec;
  const major = current ? /^(\d+)/.exec(current)?.[1] : undefined;
  if (major === undefined) return spec === '' ? undefined : spec;
  return `>=${current},<${Number(major) + 1}`;
}

export function computeFreshness(
  dependency: Dependency,
  info: PackageInfo,
  now: Date,
  staleDays: number,
  /** The version in use when the dependency's own `version` does not say (a floating tag). */
  currentOverride?: string,
): Freshness {
  const { ecosystem } = dependency;
  const current =
    currentOverride ??
    dependency.version ??
    maxSatisfying(ecosystem, info.versions, dependency.range);
  const stable = info.versions.filter((v) => !isPrerelease(ecosystem, v));
  const latest =
    info.latest && !isPrerelease(ecosystem, info.latest)
      ? info.latest
      : stable.sort((a, b) => compareVersions(ecosystem, a, b)).at(-1);
  const rangeForUpdate =
    ecosystem === 'npm'
      ? dependency.range
      : ecosystem === 'PyPI'
        ? pythonUpdateRange(dependency.range, current)
        : undefined;
  // A Go module moves within its major: go.mod's version is a minimum, not a range.
  const latestInRange =
    ecosystem === 'Go' && current
      ? stable
          .filter((v) => updateType(ecosystem, current, v) !== 'major')
          .sort((a, b) => compareVersions(ecosystem, a, b))
          .at(-1)
      : rangeForUpdate !== undefined
        ? maxSatisfying(ecosystem, info.versions, rangeForUpdate)
        : undefined;
  const releasesBehind =
    current && latest
      ? stable.filter(
          (v) =>
            compareVersions(ecosystem, v, current) > 0 &&
            compareVersions(ecosystem, v, latest) <= 0,
        ).length
      : 0;
  const currentTime = current ? info.time[current] : undefined;
  const latestTime = latest ? info.time[latest] : undefined;
  const libyears =
    currentTime && latestTime
      ? Math.max(0, (Date.parse(latestTime) - Date.parse(currentTime)) / YEAR_MS)
      : current && latest && current === latest
        ? 0
        : undefined;
  const times = Object.values(info.time).map(Date.parse).filter(Number.isFinite);
  const lastReleaseMs = times.length > 0 ? Math.max(...times) : undefined;
  return {
    dependency,
    current,
    latestInRange,
    latest,
    releasesBehind,
    libyears: libyears === undefined ? undefined : Math.round(libyears * 100) / 100,
    deprecated: current ? info.deprecated[current] : undefined,
    stale:
      lastReleaseMs !== undefined && now.getTime() - lastReleaseMs > staleDays * 24 * 3600 * 1000,
    lastRelease: lastReleaseMs !== undefined ? new Date(lastReleaseMs).toISOString() : undefined,
    latestType: current && latest ? updateType(ecosystem, current, latest) : 'none',
    homepage: info.homepage,
    info,
  };
}
