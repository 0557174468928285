// Workflow `uses:` references against the action repositories' tags, read through the GitHub
// API (the emulator, over real HTTP).
import { createGitHubClient, type GitHubClient } from '../../src/core/github-client';
import { gather } from '../../src/dep-health/gather';
import type { Dependency } from '../../src/dep-health/model';
import { parseWorkflow } from '../../src/dep-health/parse/workflows';
import { createHttpClient } from '../../src/dep-health/sources/http-client';
import { currentRelease, readActionTags } from '../../src/dep-health/sources/github-actions';
import { startEmulator, type Emulator } from '../support/emulator';

const sha = (n: number) => String(n).repeat(40).slice(0, 40);

let gh: Emulator;
let github: GitHubClient;

beforeAll(async () => {
  gh = await startEmulator({ owner: 'acme', repo: 'widgets' });
  gh.store.addPublicRepositoryTags('actions/checkout', {
    'v4.1.0': sha(1),
    'v4.2.2': sha(2),
    v4: sha(2),
    'v5.0.0': sha(3),
    v5: sha(3),
    'v6.0.0-beta.1': sha(4),
    'not-a-version': sha(5),
  });
  gh.store.addPublicRepositoryTags('Some-Org/Setup-Thing', ['v1.0.0', 'v1.3.0', 'v1']);
  ({ client: github } = createGitHubClient({
    token: gh.token,
    baseUrl: gh.url,
    spaceWrites: false,
  }));
});

afterAll(() => gh?.close());

const dependency = (range: string, name = 'actions/checkout'): Dependency => ({
  ecosystem: 'GitHub Actions',
  name,
  file: '.github/workflows/ci.yml',
  line: 3,
  range,
  version: range.replace(/^v(?=\d)/, ''),
  direct: true,
  dev: true,
  notes: [`uses: ${name}@${range}`],
});

describe('action tags', () => {
  it('lists full releases as versions and takes the newest stable one as latest', async () => {
    const tags = await readActionTags(github, 'actions/checkout');
    expect(tags!.info.versions.sort()).toEqual(['4.1.0', '4.2.2', '5.0.0', '6.0.0-beta.1']);
    expect(tags!.info.latest).toBe('5.0.0');
    expect(tags!.shas.get('v4')).toBe(sha(2));
  });

  it('answers undefined for a repository GitHub does not show (404)', async () => {
    expect(await readActionTags(github, 'nobody/private-action')).toBeUndefined();
  });

  it('reads a repository whatever the case of its name in the workflow', async () => {
    const tags = await readActionTags(github, 'some-org/setup-thing');
    expect(tags!.info.latest).toBe('1.3.0');
  });

  it('resolves floating tags, exact versions and commit SHAs to the release they stand for', async () => {
    const tags = (await readActionTags(github, 'actions/checkout'))!;
    expect(currentRelease(dependency('v4'), tags)).toBe('4.2.2');
    expect(currentRelease(dependency('v4.1'), tags)).toBe('4.1.0');
    expect(currentRelease(dependency('v4.1.0'), tags)).toBe('4.1.0');
    expect(currentRelease(dependency(sha(2)), tags)).toBe('4.2.2');
    expect(currentRelease(dependency(sha(3)), tags)).toBe('5.0.0');
    expect(currentRelease(dependency('main'), tags)).toBeUndefined();
    expect(currentRelease(dependency(sha(9)), tags)).toBeUndefined();
  });
});

describe('SHA-pinned references with the tag in a comment', () => {
  const pinned = (comment: string) =>
    parseWorkflow(
      '.github/workflows/ci.yml',
      `jobs:\n  a:\n    steps:\n      - uses: actions/checkout@${sha(7)} ${comment}\n`,
    ).dependencies[0]!;

  it('takes the version from the pinning comment when no lightweight tag is at that commit', async () => {
    const tags = (await readActionTags(github, 'actions/checkout'))!;
    expect(currentRelease(pinned('# v4.1.0'), tags)).toBe('4.1.0');
    expect(currentRelease(pinned('# tag=v4.2.2'), tags)).toBe('4.2.2');
    expect(currentRelease(pinned('# v4'), tags)).toBe('4.2.2');
  });

  it('does not trust a comment naming a tag the repository does not have', async () => {
    const tags = (await readActionTags(github, 'actions/checkout'))!;
    expect(currentRelease(pinned('# v9.9.9'), tags)).toBeUndefined();
    expect(currentRelease(pinned('# pinned for safety'), tags)).toBeUndefined();
  });
});

describe('gather with workflow references', () => {
  const options = {
    osvUrl: 'http://127.0.0.1:9/osv',
    npmRegistry: 'http://127.0.0.1:9/npm',
    pypiUrl: 'http://127.0.0.1:9/pypi',
    goProxy: 'http://127.0.0.1:9/go',
    staleDays: 730,
    concurrency: 4,
  };
  const workflow = [
    'jobs:',
    '  build:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v4',
    `      - uses: actions/checkout@${sha(3)} # v5.0.0`,
    '      - uses: some-org/setup-thing@v1',
    '      - uses: nobody/private-action@v2',
  ].join('\n');

  it('marks a reference behind a major release, and not one on the newest major', async () => {
    const { dependencies } = parseWorkflow('.github/workflows/ci.yml', workflow);
    const http = createHttpClient({ concurrency: 2, retries: 0 });
    const before = gh.requests.length;
    const result = await gather(dependencies, options, http, new Date(), github);
    const rows = result.freshness.map((f) => [
      f.dependency.range,
      f.current,
      f.latest,
      f.latestType,
    ]);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['v4', '4.2.2', '5.0.0', 'major'],
        [sha(3), '5.0.0', '5.0.0', 'none'],
        ['v1', '1.3.0', '1.3.0', 'none'],
      ]),
    );
    expect(rows).toHaveLength(3);
    expect(result.notes).toContain(
      'Not found through the GitHub API, so not checked for newer majors: `nobody/private-action` (private, renamed, or on another GitHub host).',
    );
    // One request per action repository, however many references it has.
    const tagRequests = gh.requests
      .slice(before)
      .filter((r) => r.operationId === 'git/list-matching-refs');
    expect(tagRequests).toHaveLength(3);
  });

  it('says the references were not checked when there is no GitHub API', async () => {
    const { dependencies } = parseWorkflow('.github/workflows/ci.yml', workflow);
    const http = createHttpClient({ concurrency: 2, retries: 0 });
    const result = await gather(dependencies, options, http, new Date());
    expect(result.freshness).toEqual([]);
    expect(result.notes.join('\n')).toMatch(/4 workflow `uses:` reference\(s\) were not checked/);
  });
});
