// Dependabot alerts read through the API (the emulator) and merged with OSV's answers.
import { createGitHubClient, type GitHubClient } from '../../src/core/github-client';
import {
  mergeDependabotAlerts,
  readDependabotAlerts,
  type DependabotAlert,
} from '../../src/dep-health/dependabot-alerts';
import type { Dependency } from '../../src/dep-health/model';
import type { VulnerableDependency } from '../../src/dep-health/sources/osv';
import { startEmulator, type Emulator } from '../support/emulator';

let gh: Emulator;
let github: GitHubClient;

beforeAll(async () => {
  gh = await startEmulator({ owner: 'acme', repo: 'widgets' });
  ({ client: github } = createGitHubClient({
    token: gh.token,
    baseUrl: gh.url,
    spaceWrites: false,
  }));
});
afterAll(() => gh?.close());

const dep = (name: string, version: string, extra: Partial<Dependency> = {}): Dependency => ({
  ecosystem: 'npm',
  name,
  version,
  file: 'package.json',
  lockfile: 'package-lock.json',
  direct: true,
  dev: false,
  ...extra,
});

describe('reading Dependabot alerts', () => {
  it('reads every open alert across pages', async () => {
    for (let i = 0; i < 130; i++) gh.store.addDependabotAlert({ package: `pkg-${i}` });
    gh.store.addDependabotAlert({ package: 'gone', state: 'fixed' });
    const read = await readDependabotAlerts(github, { owner: 'acme', repo: 'widgets' });
    expect(read.alerts).toHaveLength(130);
    expect(read.alerts!.map((a) => a.dependency.package.name)).not.toContain('gone');
    expect(read.note).toContain('130 open alert(s)');
  });

  it('turns alerts the token may not see (404) into a note, not a failure', async () => {
    const read = await readDependabotAlerts(github, { owner: 'acme', repo: 'hidden' });
    expect(read.alerts).toBeUndefined();
    expect(read.note).toMatch(/Dependabot alerts: read/);
  });
});

describe('merging alerts with OSV', () => {
  const lodash = dep('lodash', '4.17.20');
  const minimist = dep('minimist', '1.2.0');
  const requests = dep('requests', '2.19.0', {
    ecosystem: 'PyPI',
    file: 'requirements.txt',
    lockfile: undefined,
  });
  const osv: VulnerableDependency[] = [
    {
      dependency: lodash,
      vulnerabilities: [
        {
          id: 'GHSA-35jh-r3h4-6jhm',
          aliases: ['CVE-2021-23337'],
          summary: 'Command injection in lodash',
          severity: 'high',
          affected: ['<4.17.21'],
          fixedIn: '4.17.21',
          url: 'https://osv.dev/vulnerability/GHSA-35jh-r3h4-6jhm',
        },
      ],
    },
  ];
  const alert = (
    ghsa: string,
    ecosystem: string,
    name: string,
    manifest: string,
    fixed: string | null,
  ): DependabotAlert => ({
    number: 1,
    html_url: `https://github.com/acme/widgets/security/dependabot/1`,
    dependency: { package: { ecosystem, name }, manifest_path: manifest },
    security_advisory: {
      ghsa_id: ghsa,
      cve_id: 'CVE-2099-1',
      summary: `Advisory for ${name}`,
      severity: 'medium',
      cvss: { score: 5.3 },
      identifiers: [{ type: 'GHSA', value: ghsa }],
    },
    security_vulnerability: {
      vulnerable_version_range: '< 9.9.9',
      first_patched_version: fixed ? { identifier: fixed } : null,
    },
  });

  it('lists an advisory both know once, marked as reported by both', () => {
    const merged = mergeDependabotAlerts(
      osv,
      [lodash],
      [alert('GHSA-35jh-r3h4-6jhm', 'npm', 'lodash', 'package-lock.json', '4.17.21')],
    );
    expect(merged.confirmed).toBe(1);
    expect(merged.added).toBe(0);
    expect(merged.vulnerable[0]!.vulnerabilities).toHaveLength(1);
    expect(merged.vulnerable[0]!.vulnerabilities[0]!.sources).toEqual(['osv', 'dependabot']);
    // OSV's own list is left as it was.
    expect(osv[0]!.vulnerabilities[0]!.sources).toBeUndefined();
  });

  it('adds an advisory only Dependabot knows to the dependency in the manifest it names', () => {
    const merged = mergeDependabotAlerts(
      osv,
      [lodash, minimist, requests],
      [
        alert('GHSA-vh95-rmgr-6w4m', 'npm', 'minimist', 'package-lock.json', '1.2.3'),
        alert('GHSA-x84v-xcm2-53pg', 'pip', 'Requests', 'requirements.txt', '2.20.0'),
      ],
    );
    expect(merged.added).toBe(2);
    const byName = new Map(merged.vulnerable.map((v) => [v.dependency.name, v.vulnerabilities]));
    expect(byName.get('minimist')).toEqual([
      expect.objectContaining({
        id: 'GHSA-vh95-rmgr-6w4m',
        aliases: ['CVE-2099-1'],
        severity: 'moderate',
        score: 5.3,
        fixedIn: '1.2.3',
        sources: ['dependabot'],
      }),
    ]);
    expect(byName.get('requests')![0]!.fixedIn).toBe('2.20.0');
  });

  it('keeps an alert for a manifest tend did not read as unmatched, not attached elsewhere', () => {
    const merged = mergeDependabotAlerts(
      osv,
      [lodash],
      [alert('GHSA-aaaa-bbbb-cccc', 'npm', 'lodash', 'packages/other/package-lock.json', null)],
    );
    expect(merged.added).toBe(0);
    expect(merged.unmatched.map((a) => a.dependency.manifest_path)).toEqual([
      'packages/other/package-lock.json',
    ]);
    expect(merged.vulnerable[0]!.vulnerabilities).toHaveLength(1);
  });

  it('gives no fixed version when the patched one is not above the installed one', () => {
    const merged = mergeDependabotAlerts(
      [],
      [minimist],
      [alert('GHSA-xxxx-yyyy-zzzz', 'npm', 'minimist', 'package.json', '1.0.0')],
    );
    expect(merged.vulnerable[0]!.vulnerabilities[0]!.fixedIn).toBeUndefined();
  });
});
