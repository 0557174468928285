// `.github/tend.yml`: optional, validated against schema/tend.schema.json, every problem
// reported at once with `file:line:col`, what was expected and a did-you-mean.
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node,
} from 'yaml';
import schema from '../../schema/tend.schema.json' with { type: 'json' };
import { explain, type Located, type Segment } from './config-messages';
import { ConfigurationError } from './errors';
import { ACTION_NAMES, type ActionName } from './types';

export interface TendConfig {
  /** Repository-relative path the config was loaded from, when there was a file. */
  file?: string;
  /** State branch name (default `tend-state`). */
  stateBranch: string;
  /** Extra labels for every issue and PR tend opens (`labels:` in the file). */
  labels?: string[];
  /** Per-action sections; keys are the action's input names (kebab-case). */
  sections: Partial<Record<ActionName, Record<string, unknown>>>;
}

export const DEFAULT_CONFIG: TendConfig = { stateBranch: 'tend-state', sections: {} };
export const DEFAULT_CONFIG_PATH = '.github/tend.yml';
export const CONFIG_SCHEMA_URL: string = schema.$id;

/** One problem in the config file, 1-based line and column. */
export interface ConfigProblem {
  file: string;
  line: number;
  col: number;
  message: string;
}

/** The config file is invalid; `problems` lists every problem found, sorted by position. */
export class ConfigFileError extends ConfigurationError {
  constructor(readonly problems: ConfigProblem[]) {
    const lines = problems.map((p) => `  ${p.file}:${p.line}:${p.col}: ${p.message}`);
    const file = problems[0]?.file ?? DEFAULT_CONFIG_PATH;
    super(
      `Invalid configuration in ${file} (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${lines.join('\n')}`,
      `correct ${file} as described; the allowed keys and types are in ${CONFIG_SCHEMA_URL} (add \`# yaml-language-server: $schema=${CONFIG_SCHEMA_URL}\` as its first line for checks in your editor).`,
    );
  }
}

/** The shape of schema/tend.schema.json that the loader relies on. */
export interface ConfigSchema {
  $id?: string;
  properties: Record<string, unknown>;
  [keyword: string]: unknown;
}

const validators = new WeakMap<ConfigSchema, ValidateFunction>();

/** Compiles (once) a config schema; strict, so a schema typo fails loudly. */
export function compileConfigSchema(configSchema: ConfigSchema): ValidateFunction {
  let compiled = validators.get(configSchema);
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: true });
    // Keywords editors understand (yaml-language-server); no effect on validation.
    ajv.addVocabulary([
      'patternErrorMessage',
      'markdownDescription',
      'enumDescriptions',
      'deprecationMessage',
      'defaultSnippets',
      'doNotSuggest',
    ]);
    addFormats(ajv);
    compiled = ajv.compile(configSchema);
    validators.set(configSchema, compiled);
  }
  return compiled;
}

/** Resolves the config path inside the workspace, refusing paths that leave it. */
function resolveInside(workspace: string, relPath: string): string {
  const root = path.resolve(workspace);
  const full = path.resolve(root, relPath);
  const rel = path.relative(root, full);
  if (path.isAbsolute(relPath) || rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) {
    throw new ConfigurationError(
      `Config path ${JSON.stringify(relPath)} is outside the repository.`,
      'give the `config` input a path relative to the repository root, for example `.github/tend.yml`.',
    );
  }
  return full;
}

function exists(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * Loads `.github/tend.yml` (or `relPath`) from the repository at `workspace`. The file is
 * optional: without it the defaults apply. Throws ConfigurationError (ConfigFileError for
 * an invalid file) with every problem at once.
 */
export function loadConfig(workspace: string, relPath = DEFAULT_CONFIG_PATH): TendConfig {
  let display = relPath.replace(/\\/g, '/').replace(/^\.\//, '');
  let full = resolveInside(workspace, relPath);
  if (!exists(full) && display === DEFAULT_CONFIG_PATH) {
    const alternative = resolveInside(workspace, '.github/tend.yaml');
    if (exists(alternative)) [full, display] = [alternative, '.github/tend.yaml'];
  }
  if (!exists(full)) {
    if (display === DEFAULT_CONFIG_PATH) return { ...DEFAULT_CONFIG, sections: {} };
    throw new ConfigurationError(
      `Config file ${display} does not exist.`,
      `create it, or point the \`config\` input at an existing file.`,
    );
  }
  // A symlink must not lead out of the repository either.
  const realRoot = realpathSync(path.resolve(workspace));
  const realRel = path.relative(realRoot, realpathSync(full));
  if (realRel.startsWith('..') || path.isAbsolute(realRel)) {
    throw new ConfigurationError(
      `Config file ${display} links outside the repository.`,
      'keep the config file inside the repository.',
    );
  }
  let text: string;
  try {
    text = readFileSync(full, 'utf8');
  } catch (error) {
    throw new ConfigurationError(
      `Cannot read config file ${display}: ${(error as Error).message}.`,
      'make the file readable.',
    );
  }
  return parseConfig(text, display);
}

/** The YAML node at a path; with `key`, the key node of the last segment. */
function nodeAt(doc: Document, segments: Segment[], key = false): Node | undefined {
  let node: unknown = doc.contents;
  for (const [index, segment] of segments.entries()) {
    const last = index === segments.length - 1;
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === segment,
      );
      if (!pair) return node as Node;
      if (last && key) return pair.key as Node;
      node = pair.value ?? pair.key;
      if (!pair.value) return pair.key as Node;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)];
      if (item === undefined) return node as Node;
      node = item;
    } else {
      return node as Node | undefined;
    }
  }
  return node as Node | undefined;
}

function problemAt(
  doc: Document,
  counter: LineCounter,
  file: string,
  located: Located,
): ConfigProblem {
  const node = nodeAt(doc, located.segments, located.key);
  const offset = node?.range?.[0] ?? 0;
  const { line, col } = counter.linePos(offset);
  return { file, line, col, message: located.message };
}

function sortProblems(problems: ConfigProblem[]): ConfigProblem[] {
  const seen = new Set<string>();
  return problems
    .filter((p) => {
      const id = `${p.line}:${p.col}:${p.message}`;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    })
    .sort((a, b) => a.line - b.line || a.col - b.col || a.message.localeCompare(b.message));
}

/**
 * Parses and validates config text; `file` names it in error messages. Pure. `configSchema`
 * defaults to the shipped schema/tend.schema.json.
 */
export function parseConfig(
  text: string,
  file = DEFAULT_CONFIG_PATH,
  configSchema: ConfigSchema = schema,
): TendConfig {
  const counter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), {
    lineCounter: counter,
    keepSourceTokens: true,
    uniqueKeys: true,
  });
  if (doc.errors.length > 0) {
    throw new ConfigFileError(
      sortProblems(
        doc.errors.map((error) => {
          const position = error.linePos?.[0] ?? counter.linePos(error.pos[0]);
          const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
          return {
            file,
            line: position.line,
            col: position.col,
            message: `invalid YAML: ${message}`,
          };
        }),
      ),
    );
  }
  const data: unknown = doc.contents === null ? {} : doc.toJS({ maxAliasCount: 100 });
  const check = compileConfigSchema(configSchema);
  if (!check(data)) {
    const problems = (check.errors ?? [])
      .map((error) => explain(error, data, configSchema))
      .filter((located): located is Located => located !== undefined)
      .map((located) => problemAt(doc, counter, file, located));
    throw new ConfigFileError(sortProblems(problems));
  }
  const values = (data ?? {}) as Record<string, unknown>;
  const sections: TendConfig['sections'] = {};
  for (const action of ACTION_NAMES) {
    const section = values[action];
    if (section !== undefined) sections[action] = (section ?? {}) as Record<string, unknown>;
  }
  const config: TendConfig = {
    file,
    stateBranch: (values['state-branch'] as string | undefined) ?? DEFAULT_CONFIG.stateBranch,
    sections,
  };
  if (values.labels !== undefined) config.labels = values.labels as string[];
  return config;
}
