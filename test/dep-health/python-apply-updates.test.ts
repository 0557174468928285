// applyUpdates routes Python updates per manifest through the Python updater (injected runner):
// one PR per group and manifest, a missing tool reported without a PR, other ecosystems by hand.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { recordReader } from '../../src/core/inputs';
import { applyUpdates } from '../../src/dep-health/apply-updates';
import type { CommandRunner } from '../../src/dep-health/command-runner';
import { parseInputs } from '../../src/dep-health/inputs';
import type { Dependency } from '../../src/dep-health/model';
import type { PlannedUpdate } from '../../src/dep-health/update-plan';
import { testContext } from './support/run-context';

const WORKSPACE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../fixtures/dep-health/requirements',
);

function update(
  dependency: Partial<Dependency> & Pick<Dependency, 'name' | 'file'>,
  from: string,
  to: string,
): PlannedUpdate {
  return {
    dependency: { ecosystem: 'PyPI', version: from, direct: true, dev: false, ...dependency },
    from,
    to,
    type: 'patch',
    security: false,
    fixes: [],
  };
}

const options = parseInputs(recordReader({ 'test-command': 'make test' }));

describe('applyUpdates for Python', () => {
  it('reports a group as not applied, naming the missing tool and its setup step, and opens no PR', async () => {
    const { ctx, publisher } = testContext(WORKSPACE);
    const commands: string[] = [];
    const runner: CommandRunner = async (command) => {
      commands.push(command);
      return command.startsWith('pip-compile')
        ? { code: 127, output: 'not found' }
        : { code: 0, output: '' };
    };
    const attrs = update(
      { name: 'attrs', file: 'requirements/requirements.txt' },
      '23.1.0',
      '23.2.0',
    );
    const action = update(
      { ecosystem: 'GitHub Actions', name: 'actions/checkout', file: '.github/workflows/ci.yml' },
      'v4.1.0',
      'v4.1.1',
    );
    const outcomes = await applyUpdates(
      ctx,
      options,
      [{ name: 'patch', updates: [attrs, action] }],
      [],
      new Set(),
      [],
      runner,
    );

    expect(outcomes).toEqual([
      {
        group: 'patch',
        passed: [],
        failed: [],
        notTried:
          '1 update(s) to apply by hand (actions/checkout v4.1.1): tend tests and applies npm, Python and Go updates automatically',
      },
      {
        group: 'update-patch-requirements-requirements.txt',
        passed: [],
        failed: [],
        notTried:
          'attrs 23.2.0 not applied: pip-compile (pip-tools) is not on PATH, and requirements/requirements.txt is maintained with it: add a step `pip install pip-tools` (or `pipx install pip-tools`) before the dep-health step',
      },
    ]);
    expect(commands).toEqual(['pip-compile --version']);
    expect(publisher.pulls.size).toBe(0);
  });

  it('opens one PR per group and manifest with the compiled file that changed', async () => {
    const { ctx, publisher } = testContext(WORKSPACE);
    const runner: CommandRunner = async (command, { cwd }) => {
      if (command.includes('--upgrade-package')) {
        const txt = path.join(cwd, 'requirements/requirements.txt');
        writeFileSync(txt, readFileSync(txt, 'utf8').replace('attrs==23.1.0', 'attrs==23.2.0'));
      }
      return { code: 0, output: '' };
    };
    const attrs = update(
      { name: 'attrs', file: 'requirements/requirements.txt' },
      '23.1.0',
      '23.2.0',
    );
    const published: Parameters<typeof applyUpdates>[5] = [];
    const outcomes = await applyUpdates(
      ctx,
      options,
      [{ name: 'patch', updates: [attrs] }],
      [],
      new Set(),
      published,
      runner,
    );
    expect(outcomes[0]).toMatchObject({
      group: 'update-patch-requirements-requirements.txt',
      passed: [attrs],
    });
    const pr = publisher.pulls.get('update-patch-requirements-requirements.txt')!;
    expect(pr.spec.title).toBe(
      'chore(deps): update attrs to 23.2.0 in requirements/requirements.txt',
    );
    expect(pr.spec.changes.map((c) => c.path)).toEqual(['requirements/requirements.txt']);
    expect(pr.spec.body).toContain('make test');
    expect(published).toHaveLength(1);
  });

  it('opens no PR when the tool left every file as it was', async () => {
    const { ctx, publisher } = testContext(WORKSPACE);
    const runner: CommandRunner = async () => ({ code: 0, output: '' });
    const attrs = update(
      { name: 'attrs', file: 'requirements/requirements.txt' },
      '23.1.0',
      '23.2.0',
    );
    const outcomes = await applyUpdates(
      ctx,
      options,
      [{ name: 'patch', updates: [attrs] }],
      [],
      new Set(),
      [],
      runner,
    );
    expect(outcomes[0]!.passed).toEqual([]);
    expect(outcomes[0]!.notTried).toBe(
      'attrs 23.2.0: the tests passed but no file changed, so there is nothing to propose',
    );
    expect(publisher.pulls.size).toBe(0);
  });
});
