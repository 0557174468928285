// Versions of the actions a workflow `uses:`, from the action repository's tags through the
// GitHub API (`git/matching-refs/tags/`, one request per repository, counted in the API budget).
// A floating tag (`v4`, `v4.1`) stands for the newest release it moves with; a commit SHA stands
// for the most precise tag that points at it.
import semver from 'semver';
import type { GitHubClient } from '../../core/github-client';
import type { Dependency } from '../model';
import type { PackageInfo } from './package-info';

export interface ActionTags {
  info: PackageInfo;
  /** Tag name (without `refs/tags/`) -> the object it points at. */
  shas: Map<string, string>;
}

/** `v4.2.1` -> `4.2.1`; `v4` -> `4`; undefined for a tag that is not a version. */
function versionOfTag(tag: string): string | undefined {
  const bare = tag.replace(/^v(?=\d)/i, '');
  return /^\d+(\.\d+){0,2}$/.test(bare) || semver.valid(bare) ? bare : undefined;
}

function coerce(version: string): string | undefined {
  return semver.valid(version) ?? semver.coerce(version)?.version;
}

export async function readActionTags(
  github: GitHubClient,
  repository: string,
): Promise<ActionTags | undefined> {
  const [owner, repo] = repository.split('/') as [string, string];
  let refs: { ref: string; object: { sha: string } }[];
  try {
    const response = await github.request('GET /repos/{owner}/{repo}/git/matching-refs/{ref}', {
      owner,
      repo,
      ref: 'tags/',
    });
    refs = response.data as typeof refs;
  } catch (error) {
    if ((error as { status?: number }).status === 404) return undefined;
    throw error;
  }
  const shas = new Map<string, string>();
  const versions: string[] = [];
  for (const { ref, object } of refs) {
    const tag = ref.replace(/^refs\/tags\//, '');
    shas.set(tag, object.sha);
    const version = versionOfTag(tag);
    // Only full releases count as versions; `v4` is an alias that moves with the v4 releases.
    if (version && semver.valid(version)) versions.push(version);
  }
  const stable = versions.filter((v) => {
    const clean = coerce(v);
    return clean !== undefined && semver.prerelease(clean) === null;
  });
  const latest = stable.sort((a, b) => semver.compare(coerce(a)!, coerce(b)!)).at(-1);
  return {
    info: {
      ecosystem: 'GitHub Actions',
      name: repository,
      versions,
      latest,
      time: {},
      deprecated: {},
      homepage: `https://github.com/${repository}`,
    },
    shas,
  };
}

/**
 * The release a `uses:` ref stands for: an exact version as is, a floating major or minor tag as
 * the newest release under it, a commit SHA as the most precise version tag at that commit.
 * Undefined for a branch, or a SHA no version tag points at.
 */
export function currentRelease(dependency: Dependency, tags: ActionTags): string | undefined {
  const ref = dependency.range ?? '';
  if (/^[0-9a-f]{40}$/i.test(ref)) {
    const atSha = [...tags.shas]
      .filter(([, sha]) => sha.toLowerCase() === ref.toLowerCase())
      .map(([tag]) => versionOfTag(tag))
      .filter((v): v is string => v !== undefined);
    const full = atSha
      .filter((v) => semver.valid(v))
      .sort((a, b) => semver.rcompare(coerce(a)!, coerce(b)!))[0];
    if (full) return full;
    const floating = atSha.sort((a, b) => b.split('.').length - a.split('.').length)[0];
    if (floating) return newestUnder(floating, tags);
    // No lightweight tag at that commit (an annotated tag points at a tag object): trust the
    // version the pinning comment names, when the repository has that tag.
    const commented = dependency.notes
      ?.find((n) => n.startsWith('pinned tag: '))
      ?.slice('pinned tag: '.length);
    const version = commented && tags.shas.has(commented) ? versionOfTag(commented) : undefined;
    return version && semver.valid(version)
      ? version
      : version
        ? newestUnder(version, tags)
        : undefined;
  }
  const version = versionOfTag(ref);
  if (!version) return undefined;
  return semver.valid(version) ? version : newestUnder(version, tags);
}

/** The newest full release under a floating `4` or `4.1`; the floating version itself if none. */
function newestUnder(prefix: string, tags: ActionTags): string {
  const range = `${prefix}.x`;
  const candidates = tags.info.versions
    .map((v) => ({ v, clean: coerce(v)! }))
    .filter(({ clean }) => clean && semver.satisfies(clean, range));
  const best = candidates.sort((a, b) => semver.rcompare(a.clean, b.clean))[0];
  return best?.v ?? prefix;
}
