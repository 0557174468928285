// The update plan (pure): security fixes first at the lowest fixing version, patch/minor
// grouped, majors reported for approval; release-age soak, ignore rules and rejected versions.
import { minimatch } from 'minimatch';
import semver from 'semver';
import type { Freshness } from './freshness';
import type { GroupBy, GroupRule } from './inputs';
import type { Dependency } from './model';
import type { VulnerableDependency } from './sources/osv';
import { compareVersions, isPrerelease, updateType, type UpdateType } from './sources/versions';

export interface PlannedUpdate {
  dependency: Dependency;
  from: string;
  to: string;
  type: UpdateType;
  security: boolean;
  /** Vulnerability ids the update fixes. */
  fixes: string[];
  releaseUrl?: string;
  /** A major update a maintainer approved in the health issue: who approved it. */
  approvedBy?: string;
}

export interface UpdateGroup {
  /** Group name; the PR key is `update-<name>`. */
  name: string;
  updates: PlannedUpdate[];
}

export interface SkippedUpdate {
  dependency: Dependency;
  to: string;
  reason: string;
}

export interface UpdatePlan {
  groups: UpdateGroup[];
  majors: PlannedUpdate[];
  skipped: SkippedUpdate[];
  /** Vulnerabilities no version fixes yet, or in transitive dependencies (fixed through a parent). */
  unfixable: { dependency: Dependency; ids: string[]; reason: string }[];
}

export interface PlanOptions {
  groupBy: GroupBy;
  groups: GroupRule[];
  soakDays: number;
  ignore: string[];
  /** `ecosystem:name@version` strings whose PR was closed unmerged. */
  rejected: Set<string>;
  /** `ecosystem:name@version` of approved majors -> who approved them. */
  approved?: Map<string, string>;
  now: Date;
}

export function rejectionKey(
  dependency: Pick<Dependency, 'ecosystem' | 'name'>,
  version: string,
): string {
  return `${dependency.ecosystem}:${dependency.name}@${version}`;
}

/** `name`, `name@range` or a glob (`@types/*`). */
export function isIgnored(dependency: Dependency, version: string, ignore: string[]): boolean {
  return ignore.some((rule) => {
    const at = rule.lastIndexOf('@');
    const [pattern, range] = at > 0 ? [rule.slice(0, at), rule.slice(at + 1)] : [rule, undefined];
    if (!minimatch(dependency.name, pattern)) return false;
    if (range === undefined) return true;
    const clean = semver.valid(version.replace(/^v/, ''));
    return clean ? semver.satisfies(clean, range) : version === range;
  });
}

/** Where the release notes are: the GitHub releases page of the repository, else the homepage. */
export function releaseUrl(homepage: string | undefined): string | undefined {
  if (!homepage) return undefined;
  if (/^https:\/\/github\.com\/[^/]+\/[^/]+$/.test(homepage)) return `${homepage}/releases`;
  return homepage;
}

function soaked(freshness: Freshness, version: string, soakDays: number, now: Date): boolean {
  const time = freshness.info.time[version];
  if (!time) return soakDays === 0;
  return now.getTime() - Date.parse(time) >= soakDays * 24 * 3600 * 1000;
}

/** The newest version in range that has soaked and was not rejected. */
function eligibleInRange(
  freshness: Freshness,
  options: PlanOptions,
  skipped: SkippedUpdate[],
): string | undefined {
  const { dependency, current } = freshness;
  if (
    !current ||
    !freshness.latestInRange ||
    compareVersions(dependency.ecosystem, freshness.latestInRange, current) <= 0
  )
    return undefined;
  const candidates = freshness.info.versions
    .filter((v) => !isPrerelease(dependency.ecosystem, v))
    .filter(
      (v) =>
        compareVersions(dependency.ecosystem, v, current) > 0 &&
        compareVersions(dependency.ecosystem, v, freshness.latestInRange!) <= 0,
    )
    .sort((a, b) => compareVersions(dependency.ecosystem, b, a));
  for (const version of candidates) {
    if (options.rejected.has(rejectionKey(dependency, version))) {
      skipped.push({ dependency, to: version, reason: 'its pull request was closed unmerged' });
      continue;
    }
    if (!soaked(freshness, version, options.soakDays, options.now)) {
      skipped.push({
        dependency,
        to: version,
        reason: `released less than ${options.soakDays} day(s) ago`,
      });
      continue;
    }
    return version;
  }
  return undefined;
}

const slug = (name: string) => name.replace(/^@/, '').replace(/[^A-Za-z0-9._-]+/g, '-');

function groupName(update: PlannedUpdate, options: PlanOptions): string {
  if (update.security) return 'security';
  // An approved major goes alone: its breaking changes should not hold other updates back.
  if (update.type === 'major') return `major-${slug(update.dependency.name)}`;
  const rule = options.groups.find((g) =>
    g.patterns.some((p) => minimatch(update.dependency.name, p)),
  );
  if (rule) return rule.name;
  if (options.groupBy === 'single') return 'non-major';
  if (options.groupBy === 'package') return slug(update.dependency.name);
  return update.type === 'patch' ? 'patch' : 'minor';
}

export function planUpdates(
  freshness: Freshness[],
  vulnerable: VulnerableDependency[],
  options: PlanOptions,
): UpdatePlan {
  const skipped: SkippedUpdate[] = [];
  const unfixable: UpdatePlan['unfixable'] = [];
  const updates: PlannedUpdate[] = [];
  const majors: PlannedUpdate[] = [];
  const handled = new Set<string>();
  const keyOf = (d: Dependency) => `${d.file}|${d.ecosystem}|${d.name}`;

  for (const { dependency, vulnerabilities } of vulnerable) {
    if (!dependency.direct) {
      unfixable.push({
        dependency,
        ids: vulnerabilities.map((v) => v.id),
        reason: 'transitive: fixed by updating the dependency that pulls it in',
      });
      continue;
    }
    const fixed = vulnerabilities.filter((v) => v.fixedIn);
    const open = vulnerabilities.filter((v) => !v.fixedIn);
    if (open.length > 0)
      unfixable.push({
        dependency,
        ids: open.map((v) => v.id),
        reason: 'no fixed version published',
      });
    if (fixed.length === 0 || !dependency.version) continue;
    // The lowest version that fixes every fixable vulnerability.
    const target = fixed
      .map((v) => v.fixedIn!)
      .sort((a, b) => compareVersions(dependency.ecosystem, a, b))
      .at(-1)!;
    if (isIgnored(dependency, target, options.ignore)) {
      skipped.push({ dependency, to: target, reason: 'ignored by the `ignore` input' });
      continue;
    }
    if (options.rejected.has(rejectionKey(dependency, target))) {
      skipped.push({ dependency, to: target, reason: 'its pull request was closed unmerged' });
      continue;
    }
    const fresh = freshness.find((f) => keyOf(f.dependency) === keyOf(dependency));
    updates.push({
      dependency,
      from: dependency.version,
      to: target,
      type: updateType(dependency.ecosystem, dependency.version, target),
      security: true,
      fixes: fixed.map((v) => v.id),
      releaseUrl: releaseUrl(fresh?.homepage),
    });
    handled.add(keyOf(dependency));
  }

  for (const fresh of freshness) {
    const { dependency, current } = fresh;
    if (!dependency.direct || !current || dependency.ecosystem === 'GitHub Actions') continue;
    const target = handled.has(keyOf(dependency))
      ? undefined
      : eligibleInRange(fresh, options, skipped);
    if (target && !isIgnored(dependency, target, options.ignore)) {
      updates.push({
        dependency,
        from: current,
        to: target,
        type: updateType(dependency.ecosystem, current, target),
        security: false,
        fixes: [],
        releaseUrl: releaseUrl(fresh.homepage),
      });
    } else if (target) {
      skipped.push({ dependency, to: target, reason: 'ignored by the `ignore` input' });
    }
    if (
      fresh.latest &&
      fresh.latestType === 'major' &&
      !isIgnored(dependency, fresh.latest, options.ignore)
    ) {
      const key = rejectionKey(dependency, fresh.latest);
      const major: PlannedUpdate = {
        dependency,
        from: current,
        to: fresh.latest,
        type: 'major',
        security: false,
        fixes: [],
        releaseUrl: releaseUrl(fresh.homepage),
      };
      const approvedBy = options.approved?.get(key);
      if (options.rejected.has(key))
        skipped.push({
          dependency,
          to: fresh.latest,
          reason: 'its pull request was closed unmerged',
        });
      else if (approvedBy) updates.push({ ...major, approvedBy });
      else majors.push(major);
    }
  }

  const groups = new Map<string, PlannedUpdate[]>();
  for (const update of updates) {
    const name = groupName(update, options);
    groups.set(name, [...(groups.get(name) ?? []), update]);
  }
  const order = (name: string) => (name === 'security' ? 0 : 1);
  return {
    groups: [...groups]
      .map(([name, list]) => ({ name, updates: list }))
      .sort((a, b) => order(a.name) - order(b.name) || a.name.localeCompare(b.name)),
    majors,
    skipped,
    unfixable,
  };
}
