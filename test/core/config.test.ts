import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import shipped from '../../schema/tend.schema.json' with { type: 'json' };
import {
  ConfigFileError,
  DEFAULT_CONFIG,
  loadConfig,
  parseConfig,
  type ConfigSchema,
} from '../../src/core/config';
import { ConfigurationError } from '../../src/core/errors';

// The shipped schema with a doc-drift section shaped like a real action's inputs, so the
// tests do not depend on what each action's fragment holds today.
const schema: ConfigSchema = {
  ...shipped,
  properties: {
    ...shipped.properties,
    'doc-drift': {
      description: 'doc-drift settings',
      type: ['object', 'null'],
      additionalProperties: false,
      properties: {
        'stale-days': { description: 'days', type: 'integer', minimum: 1, maximum: 3650 },
        docs: {
          description: 'globs',
          type: 'array',
          items: { type: 'string', description: 'a glob' },
        },
        'fail-on': { description: 'level', type: 'string', enum: ['error', 'warning', 'never'] },
        'check-anchors': { description: 'anchors', type: 'boolean' },
        endpoint: { description: 'service URL', type: 'string', format: 'uri' },
      },
    },
  },
};

function problems(text: string, file = '.github/tend.yml'): string[] {
  try {
    parseConfig(text, file, schema);
  } catch (error) {
    if (error instanceof ConfigFileError)
      return error.problems.map((p) => `${p.file}:${p.line}:${p.col}: ${p.message}`);
    throw error;
  }
  throw new Error('expected the config to be refused');
}

describe('parseConfig', () => {
  it('reads the top-level keys and each action section', () => {
    const config = parseConfig(
      'state-branch: tend/memory\nlabels: [maintenance, bot]\ndoc-drift:\n  stale-days: 30\n  docs:\n    - docs/**/*.md\n',
      '.github/tend.yml',
      schema,
    );
    expect(config).toEqual({
      file: '.github/tend.yml',
      stateBranch: 'tend/memory',
      labels: ['maintenance', 'bot'],
      sections: { 'doc-drift': { 'stale-days': 30, docs: ['docs/**/*.md'] } },
    });
  });

  it('treats an empty file and a section with every key commented out as defaults', () => {
    expect(parseConfig('# nothing yet\n', '.github/tend.yml', schema)).toEqual({
      file: '.github/tend.yml',
      stateBranch: 'tend-state',
      sections: {},
    });
    expect(
      parseConfig('doc-drift:\n  # stale-days: 30\n', '.github/tend.yml', schema).sections,
    ).toEqual({ 'doc-drift': {} });
  });

  it('reports a wrong type at the value with what was expected', () => {
    expect(problems('doc-drift:\n  stale-days: "ninety"\n')).toEqual([
      '.github/tend.yml:2:15: `doc-drift.stale-days`: expected integer from 1 to 3650, got string "ninety"',
    ]);
  });

  it('reports an unknown key at the key with a did-you-mean', () => {
    expect(problems('state-branch: tend-state\ndoc-drfit:\n  stale-days: 3\n')).toEqual([
      '.github/tend.yml:2:1: unknown key `doc-drfit` at the top level; did you mean `doc-drift`?',
    ]);
    expect(problems('doc-drift:\n  stale_days: 3\n')).toEqual([
      '.github/tend.yml:2:3: unknown key `stale_days` in `doc-drift`; did you mean `stale-days`?',
    ]);
  });

  it('points an action key written at the top level to its section', () => {
    expect(problems('stale-days: 30\n')).toEqual([
      '.github/tend.yml:1:1: unknown key `stale-days` at the top level; `stale-days` is a key of the `doc-drift` section: move it under `doc-drift:`.',
    ]);
  });

  it('lists the allowed keys when nothing is close', () => {
    const [message] = problems('doc-drift:\n  colour: blue\n');
    expect(message).toContain(
      'unknown key `colour` in `doc-drift`; expected one of `stale-days`, `docs`, `fail-on`, `check-anchors`, `endpoint`.',
    );
  });

  it('reports every problem at once, sorted by position', () => {
    expect(
      problems(
        'labels: [ok, 3]\ndoc-drift:\n  fail-on: warnings\n  check-anchors: yes\nstate-brnach: x\n',
      ),
    ).toEqual([
      '.github/tend.yml:1:14: `labels[1]`: expected string, got number 3',
      '.github/tend.yml:3:12: `doc-drift.fail-on`: expected one of `error`, `warning`, `never` (did you mean `warning`?), got string "warnings"',
      '.github/tend.yml:4:18: `doc-drift.check-anchors`: expected boolean (true or false), got string "yes"',
      '.github/tend.yml:5:1: unknown key `state-brnach` at the top level; did you mean `state-branch`?',
    ]);
  });

  it('says what a list holds', () => {
    expect(problems('doc-drift:\n  docs: docs/**/*.md\n')).toEqual([
      '.github/tend.yml:2:9: `doc-drift.docs`: expected a list of strings, got string "docs/**/*.md"',
    ]);
  });

  it('checks string formats', () => {
    expect(problems('doc-drift:\n  endpoint: not a url\n')).toEqual([
      '.github/tend.yml:2:13: `doc-drift.endpoint`: expected a valid uri, got string "not a url"',
    ]);
  });

  it('explains an invalid state branch name with the schema hint', () => {
    const [message] = problems('state-branch: "../main"\n');
    expect(message).toMatch(
      /^\.github\/tend\.yml:1:15: `state-branch`: expected a branch name made of letters/,
    );
  });

  it('reports malformed YAML with its position', () => {
    const found = problems('doc-drift:\n  docs: [a, b\nstate-branch: x\n');
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toMatch(/^\.github\/tend\.yml:3:1: invalid YAML: /);
  });

  it('refuses duplicate keys', () => {
    expect(problems('labels: [a]\nlabels: [b]\n')[0]).toMatch(
      /^\.github\/tend\.yml:2:1: invalid YAML: Map keys must be unique/,
    );
  });

  it('reports a document that is not a mapping', () => {
    expect(problems('- doc-drift\n')).toEqual([
      '.github/tend.yml:1:1: the file: expected a mapping (key: value), got a list',
    ]);
  });

  it('says how to fix it in the error message', () => {
    expect(() => parseConfig('doc-drfit: {}\n', '.github/tend.yml', schema)).toThrow(
      /Invalid configuration in \.github\/tend\.yml \(1 problem\):\n {2}\.github\/tend\.yml:1:1: unknown key[\s\S]*Fix: correct \.github\/tend\.yml[\s\S]*yaml-language-server/,
    );
  });
});

describe('loadConfig', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'tend-config-'));
    mkdirSync(path.join(root, '.github'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('returns the defaults when the file is absent', () => {
    expect(loadConfig(root)).toEqual(DEFAULT_CONFIG);
  });

  it('loads the file with the shipped schema', () => {
    writeFileSync(
      path.join(root, '.github/tend.yml'),
      '# yaml-language-server: $schema=x\nstate-branch: memory\n',
    );
    expect(loadConfig(root)).toMatchObject({ file: '.github/tend.yml', stateBranch: 'memory' });
  });

  it('falls back to .github/tend.yaml', () => {
    writeFileSync(path.join(root, '.github/tend.yaml'), 'labels: [x]\n');
    expect(loadConfig(root)).toMatchObject({ file: '.github/tend.yaml', labels: ['x'] });
  });

  it('names the file in validation errors', () => {
    mkdirSync(path.join(root, 'ci'));
    writeFileSync(path.join(root, 'ci/tend.yml'), 'doc-drfit: {}\n');
    expect(() => loadConfig(root, 'ci/tend.yml')).toThrow(
      /ci\/tend\.yml:1:1: unknown key `doc-drfit` at the top level; did you mean `doc-drift`\?/,
    );
  });

  it('refuses a path that leaves the repository', () => {
    expect(() => loadConfig(root, '../x.yml')).toThrow(ConfigurationError);
    expect(() => loadConfig(root, '../x.yml')).toThrow(/outside the repository/);
    expect(() => loadConfig(root, '/etc/tend.yml')).toThrow(/outside the repository/);
  });

  it('refuses a config file that links outside the repository', () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'tend-outside-'));
    try {
      writeFileSync(path.join(outside, 'tend.yml'), 'labels: [x]\n');
      symlinkSync(path.join(outside, 'tend.yml'), path.join(root, '.github/tend.yml'));
      expect(() => loadConfig(root)).toThrow(/links outside the repository/);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('refuses an explicitly named config file that does not exist', () => {
    expect(() => loadConfig(root, 'ci/tend.yml')).toThrow(
      /Config file ci\/tend\.yml does not exist/,
    );
  });
});
