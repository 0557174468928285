// Every actions/*/action.yml agrees with its parser and with the runtime the bundles target.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, parseDocument, Scalar } from 'yaml';
import { COMMON_INPUTS } from '../../src/core/common-inputs';
import type { InputReader } from '../../src/core/inputs';
import { ACTION_NAMES } from '../../src/core/types';
import { ACTIONS } from '../../src/cli/registry';
import { readActionMetadata, ROOT } from '../support/runner-harness';

const JS_ACTIONS = ACTION_NAMES.filter(
  (name) => readActionMetadata(name).runs?.using !== 'composite',
);

function recordingReader(values: Record<string, string>): InputReader & { read: Set<string> } {
  const read = new Set<string>();
  return {
    source: 'input',
    read,
    get(name) {
      read.add(name);
      return values[name];
    },
  };
}

describe.each(ACTION_NAMES.map((n) => [n]))('actions/%s/action.yml', (name) => {
  const file = path.join(ROOT, 'actions', name, 'action.yml');
  const metadata = readActionMetadata(name);
  const inputs = metadata.inputs ?? {};

  it('has a name, a description and a README', () => {
    const doc = parseDocument(readFileSync(file, 'utf8')).toJS() as Record<string, unknown>;
    expect(typeof doc.name).toBe('string');
    expect(typeof doc.description).toBe('string');
    expect(existsSync(path.join(ROOT, 'actions', name, 'README.md'))).toBe(true);
  });

  it('quotes every input default as a string', () => {
    const doc = parseDocument(readFileSync(file, 'utf8'));
    const node = doc.get('inputs');
    const unquoted: string[] = [];
    if (isMap(node)) {
      for (const pair of node.items) {
        const spec = pair.value;
        if (!isMap(spec)) continue;
        const def = spec.get('default', true);
        if (def === undefined) continue;
        if (
          !isScalar(def) ||
          (def.type !== Scalar.QUOTE_DOUBLE && def.type !== Scalar.QUOTE_SINGLE)
        ) {
          unquoted.push(String(isScalar(pair.key) ? pair.key.value : pair.key));
        }
      }
    }
    expect(unquoted).toEqual([]);
  });

  it('declares the common inputs with the workflow token as the default token', () => {
    for (const common of COMMON_INPUTS) expect(Object.keys(inputs)).toContain(common);
    expect(inputs.token?.default).toBe('${{ github.token }}');
  });

  it('declares exactly the inputs its parser reads, and the parser accepts every default', () => {
    const defaults: Record<string, string> = {};
    for (const [input, spec] of Object.entries(inputs))
      if (spec.default !== undefined) defaults[input] = spec.default;
    const reader = recordingReader(defaults);
    ACTIONS[name].parseInputs(reader);
    const declared = Object.keys(inputs).filter(
      (i) => !(COMMON_INPUTS as readonly string[]).includes(i),
    );
    expect(
      [...reader.read].filter((i) => !(COMMON_INPUTS as readonly string[]).includes(i)).sort(),
    ).toEqual(declared.sort());
  });
});

describe.each(JS_ACTIONS.map((n) => [n]))('JavaScript action %s', (name) => {
  it('runs on node24 from its committed bundle', () => {
    const runs = readActionMetadata(name).runs ?? {};
    expect(runs.using).toBe('node24');
    expect(runs.main).toBe(`../../dist/${name}/index.js`);
    expect(existsSync(path.join(ROOT, 'dist', name, 'index.js'))).toBe(true);
  });
});
