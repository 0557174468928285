import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import shipped from '../../schema/tend.schema.json' with { type: 'json' };
import { compileConfigSchema } from '../../src/core/config';
import { ACTION_NAMES } from '../../src/core/types';

const repo = path.resolve(import.meta.dirname, '../..');
const script = path.join(repo, 'scripts/build-schema.mjs');

function run(args: string[]): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('schema/tend.schema.json', () => {
  it('is up to date with src/core/config.schema.json and every src/<action>/config.schema.json', () => {
    const { status, output } = run(['--check']);
    expect(output).toContain('is up to date');
    expect(status).toBe(0);
  });

  it('compiles in strict mode and has one closed section per action', () => {
    expect(() => compileConfigSchema(shipped)).not.toThrow();
    for (const action of ACTION_NAMES) {
      expect(shipped.properties[action]).toMatchObject({ additionalProperties: false });
      expect(typeof shipped.properties[action].description).toBe('string');
    }
    expect(Object.keys(shipped.properties)).toEqual(
      expect.arrayContaining(['$schema', 'state-branch', 'labels']),
    );
    expect(shipped.$id).toMatch(/^https:\/\//);
  });

  describe('build script', () => {
    let root: string;
    beforeEach(() => {
      root = mkdtempSync(path.join(tmpdir(), 'tend-schema-'));
      for (const dir of ['core', ...ACTION_NAMES]) {
        mkdirSync(path.join(root, 'src', dir), { recursive: true });
        cpSync(
          path.join(repo, 'src', dir, 'config.schema.json'),
          path.join(root, 'src', dir, 'config.schema.json'),
        );
      }
      mkdirSync(path.join(root, 'schema'));
      cpSync(
        path.join(repo, 'schema/tend.schema.json'),
        path.join(root, 'schema/tend.schema.json'),
      );
      cpSync(path.join(repo, '.prettierrc.json'), path.join(root, '.prettierrc.json'));
    });
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    function editFragment(action: string, properties: Record<string, unknown>): void {
      const file = path.join(root, 'src', action, 'config.schema.json');
      const fragment = JSON.parse(readFileSync(file, 'utf8')) as {
        properties?: Record<string, unknown>;
      };
      fragment.properties = { ...fragment.properties, ...properties };
      writeFileSync(file, JSON.stringify(fragment));
    }

    it('fails the check when a fragment changed and the schema was not rebuilt', () => {
      expect(run(['--check', '--root', root]).status).toBe(0);
      editFragment('review-miner', {
        'min-cluster-size': { type: 'integer', description: 'smallest theme' },
      });
      const { status, output } = run(['--check', '--root', root]);
      expect(status).toBe(1);
      expect(output).toContain('out of date');
    });

    it('puts a fragment property under its action section when rebuilt', () => {
      editFragment('review-miner', {
        'min-cluster-size': { type: 'integer', description: 'smallest theme' },
      });
      execFileSync(process.execPath, [script, '--root', root]);
      const built = JSON.parse(readFileSync(path.join(root, 'schema/tend.schema.json'), 'utf8'));
      expect(built.properties['review-miner'].properties['min-cluster-size']).toEqual({
        type: 'integer',
        description: 'smallest theme',
      });
      expect(run(['--check', '--root', root]).status).toBe(0);
    });

    it('refuses a property without a description', () => {
      editFragment('doc-drift', { 'stale-days': { type: 'integer' } });
      const { status, output } = run(['--root', root]);
      expect(status).toBe(1);
      expect(output).toContain('property "doc-drift.stale-days" has no "description"');
    });
  });
});
