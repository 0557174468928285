// applyUpdates routes Go updates per go.mod through the Go updater (injected runner): one PR per
// group and module, keyed by the go.mod path, with go named as the tool; a missing go reported
// without a PR.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { recordReader } from '../../src/core/inputs';
import { applyUpdates } from '../../src/dep-health/apply-updates';
import type { CommandRunner } from '../../src/dep-health/command-runner';
import { parseInputs } from '../../src/dep-health/inputs';
import type { PlannedUpdate } from '../../src/dep-health/update-plan';
import { testContext } from './support/run-context';

const goMod = (requires: string[]) =>
  `module example.com/app\n\ngo 1.21\n\nrequire (\n${requires.map((r) => `\t${r}\n`).join('')})\n`;

let workspace: string;
beforeAll(() => {
  workspace = mkdtempSync(path.join(os.tmpdir(), 'tend-go-apply-'));
  mkdirSync(path.join(workspace, 'tools'));
  writeFileSync(path.join(workspace, 'go.mod'), goMod(['golang.org/x/net v0.1.0']));
  writeFileSync(path.join(workspace, 'tools/go.mod'), goMod(['golang.org/x/tools v0.2.0']));
});
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

function update(name: string, file: string, from: string, to: string): PlannedUpdate {
  return {
    dependency: { ecosystem: 'Go', name, file, version: from, direct: true, dev: false },
    from,
    to,
    type: 'minor',
    security: false,
    fixes: [],
  };
}

/** `go get mod@ver` rewrites the require line, as the go command does. */
const goRunner =
  (commands: { command: string; cwd: string }[]): CommandRunner =>
  async (command, { cwd }) => {
    commands.push({ command, cwd });
    const get = /^go get (\S+)@(\S+)$/.exec(command);
    if (get) {
      const file = path.join(cwd, 'go.mod');
      writeFileSync(
        file,
        readFileSync(file, 'utf8')
          .replace(`${get[1]} v0.1.0`, `${get[1]} ${get[2]}`)
          .replace(`${get[1]} v0.2.0`, `${get[1]} ${get[2]}`),
      );
    }
    return { code: 0, output: '' };
  };

const groups = [
  {
    name: 'minor',
    updates: [
      update('golang.org/x/net', 'go.mod', 'v0.1.0', 'v0.3.0'),
      update('golang.org/x/tools', 'tools/go.mod', 'v0.2.0', 'v0.4.0'),
    ],
  },
];

describe('applyUpdates for Go', () => {
  it('opens one PR per group and go.mod, naming go as the tool and the go test command', async () => {
    const { ctx, publisher } = testContext(workspace);
    const commands: { command: string; cwd: string }[] = [];
    const outcomes = await applyUpdates(
      ctx,
      parseInputs(recordReader({})),
      groups,
      [],
      new Set(),
      [],
      goRunner(commands),
    );

    expect(outcomes.map((o) => o.group)).toEqual([
      'update-minor-go.mod',
      'update-minor-tools-go.mod',
    ]);
    expect([...publisher.pulls.keys()]).toEqual([
      'update-minor-go.mod',
      'update-minor-tools-go.mod',
    ]);
    const root = publisher.pulls.get('update-minor-go.mod')!.spec;
    expect(root.title).toBe('chore(deps): update golang.org/x/net to v0.3.0 in go.mod');
    expect(root.body).toContain(
      'applied with go in a clean copy of the repository; `go test ./...` passed',
    );
    expect(root.changes).toEqual([{ path: 'go.mod', content: goMod(['golang.org/x/net v0.3.0']) }]);
    const tools = publisher.pulls.get('update-minor-tools-go.mod')!.spec;
    expect(tools.changes).toEqual([
      { path: 'tools/go.mod', content: goMod(['golang.org/x/tools v0.4.0']) },
    ]);
    // Each module's commands ran in its own copy.
    const toolsGet = commands.find((c) => c.command.startsWith('go get golang.org/x/tools'))!;
    expect(path.basename(toolsGet.cwd)).toBe('tools');
  });

  it('reports the group as not applied when go is missing, and opens no PR', async () => {
    const { ctx, publisher } = testContext(workspace);
    const runner: CommandRunner = async () => ({ code: 127, output: 'go: not found' });
    const outcomes = await applyUpdates(
      ctx,
      parseInputs(recordReader({ 'test-command': 'make test' })),
      [{ name: 'patch', updates: [groups[0]!.updates[0]!] }],
      [],
      new Set(),
      [],
      runner,
    );
    expect(outcomes).toEqual([
      {
        group: 'update-patch-go.mod',
        passed: [],
        failed: [],
        notTried: expect.stringMatching(
          /^golang\.org\/x\/net v0\.3\.0 not applied: the `go` command is not on PATH, and go\.mod needs it to apply Go updates: set the action's `go-version` input/,
        ),
      },
    ]);
    expect(publisher.pulls.size).toBe(0);
  });
});
