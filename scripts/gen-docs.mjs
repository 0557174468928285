#!/usr/bin/env node
// Generates the marked blocks of tend's docs from their sources, so the docs cannot drift:
//   actions/<name>/README.md  `tend:inputs` and `tend:outputs`: tables from actions/<name>/action.yml
//   README.md                 `tend:config`: the configuration reference from schema/tend.schema.json,
//                             `tend:workflow`: the inputs and secrets of .github/workflows/tend.yml,
//                             `tend:adoption`: examples/workflows/tend.yml as it is
// A block sits between `<!-- tend:<block>:start -->` and `<!-- tend:<block>:end -->`; everything
// outside the markers belongs to the doc's authors. An action README without markers gets them
// in place of the first table or paragraph under its `## Inputs` / `## Outputs` heading.
//
// Usage: node scripts/gen-docs.mjs [--check] [--root DIR]
//   --check   write nothing; exit 1 naming every out-of-date file
//   --root    repository root to read and write (default: this checkout)
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './repo-root.mjs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

export const SCHEMA_FILE = 'schema/tend.schema.json';
export const REUSABLE_WORKFLOW = '.github/workflows/tend.yml';
export const ADOPTION_EXAMPLE = 'examples/workflows/tend.yml';
const ACTION_SECTIONS = ['doc-drift', 'dep-health', 'review-miner', 'weekly-reflection'];

const startMarker = (block) => `<!-- tend:${block}:start -->`;
const endMarker = (block) => `<!-- tend:${block}:end -->`;
const NOTE = (source) => `<!-- generated from ${source} by \`npm run docs\`; do not edit -->`;

/** Text safe inside a GFM table cell: one line, pipes escaped. */
function cell(text) {
  return String(text ?? '')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
}

/** An inline code span that survives backticks in the value. */
function code(value) {
  const text = String(value);
  const fence = text.includes('`') ? '``' : '`';
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

function table(header, rows) {
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ].join('\n');
}

/** The inputs table of one action.yml (parsed). */
export function renderInputs(metadata) {
  const rows = Object.entries(metadata.inputs ?? {}).map(([name, spec]) => {
    const s = spec ?? {};
    const def =
      s.default !== undefined && String(s.default) !== ''
        ? code(s.default)
        : s.required
          ? '**required**'
          : '';
    const deprecated = s.deprecationMessage ? ` **Deprecated:** ${s.deprecationMessage}` : '';
    return [code(name), def, `${s.description ?? ''}${deprecated}`];
  });
  if (rows.length === 0) return 'This action takes no inputs.';
  return table(['input', 'default', 'description'], rows);
}

/** The outputs table of one action.yml (parsed). */
export function renderOutputs(metadata) {
  const rows = Object.entries(metadata.outputs ?? {}).map(([name, spec]) => [
    code(name),
    spec?.description ?? '',
  ]);
  if (rows.length === 0) return 'This action sets no outputs.';
  return table(['output', 'description'], rows);
}

function typeOf(schema) {
  if (Array.isArray(schema.enum)) return `one of ${schema.enum.map((v) => code(v)).join(', ')}`;
  const types = (Array.isArray(schema.type) ? schema.type : [schema.type]).filter(
    (t) => t && t !== 'null',
  );
  let text = types.join(' or ') || 'any';
  if (types.includes('array')) {
    const item = schema.items ?? {};
    const itemType = Array.isArray(item.enum) ? 'value' : (item.type ?? 'value');
    text = `list of ${itemType}s`;
    if (Array.isArray(item.enum)) text += ` (${item.enum.map((v) => code(v)).join(', ')})`;
  }
  const bounds = [];
  if (schema.minimum !== undefined && schema.maximum !== undefined)
    bounds.push(`${schema.minimum} to ${schema.maximum}`);
  else if (schema.minimum !== undefined) bounds.push(`at least ${schema.minimum}`);
  else if (schema.maximum !== undefined) bounds.push(`at most ${schema.maximum}`);
  if (schema.format) bounds.push(schema.format === 'uri' ? 'a URL' : schema.format);
  if (schema.patternErrorMessage) bounds.push(schema.patternErrorMessage);
  else if (schema.pattern) bounds.push(`matching ${code(schema.pattern)}`);
  return bounds.length > 0 ? `${text}, ${bounds.join(', ')}` : text;
}

function defaultOf(schema) {
  if (schema.default === undefined) return '';
  if (Array.isArray(schema.default)) return schema.default.map((v) => code(v)).join(', ');
  return code(typeof schema.default === 'string' ? schema.default : JSON.stringify(schema.default));
}

function keyTable(properties) {
  return table(
    ['key', 'type', 'default', 'description'],
    Object.entries(properties).map(([key, schema]) => [
      code(key),
      typeOf(schema),
      defaultOf(schema),
      schema.description ?? '',
    ]),
  );
}

/** The configuration reference: shared keys, then one table per action section. */
export function renderConfigReference(schema) {
  const properties = schema.properties ?? {};
  const shared = Object.fromEntries(
    Object.entries(properties).filter(([key]) => !ACTION_SECTIONS.includes(key)),
  );
  const parts = ['Top-level keys:', '', keyTable(shared)];
  for (const action of ACTION_SECTIONS) {
    const section = properties[action];
    if (!section) continue;
    const keys = section.properties ?? {};
    parts.push(
      '',
      `Section \`${action}:\` (the inputs of [${action}](actions/${action}/README.md)):`,
      '',
      Object.keys(keys).length > 0
        ? keyTable(keys)
        : 'No keys yet: set its inputs in the workflow.',
    );
  }
  return parts.join('\n');
}

/** The `with:` inputs and `secrets:` of a reusable workflow (parsed). */
export function renderWorkflowCall(workflow) {
  const call = workflow?.on?.workflow_call ?? {};
  const inputs = Object.entries(call.inputs ?? {}).map(([name, spec]) => [
    code(name),
    spec?.type ?? '',
    spec?.default !== undefined && String(spec.default) !== '' ? code(spec.default) : '',
    spec?.description ?? '',
  ]);
  const secrets = Object.entries(call.secrets ?? {}).map(([name, spec]) => [
    code(name),
    'secret',
    spec?.required ? '**required**' : '',
    spec?.description ?? '',
  ]);
  return table(['name', 'type', 'default', 'description'], [...inputs, ...secrets]);
}

/** A whole file as a fenced code block. */
export function renderFile(text, language) {
  const fence = text.includes('```') ? '````' : '```';
  return `${fence}${language}\n${text.replace(/\n+$/, '')}\n${fence}`;
}

/** Replaces the content between a block's markers; undefined when the markers are absent. */
export function replaceBlock(text, block, content, source) {
  const start = text.indexOf(startMarker(block));
  const end = text.indexOf(endMarker(block));
  if (start < 0 && end < 0) return undefined;
  if (start < 0 || end < start)
    throw new Error(`the ${startMarker(block)} / ${endMarker(block)} markers are out of order`);
  const head = text.slice(0, start + startMarker(block).length);
  return `${head}\n${NOTE(source)}\n\n${content}\n\n${text.slice(end)}`;
}

/**
 * Puts a marked block in place of the first table or paragraph under `## <heading>`, or right
 * under the heading when the section is empty. Undefined when there is no such heading.
 */
export function insertBlock(text, heading, block, content, source) {
  const lines = text.split('\n');
  const at = lines.findIndex((line) => line.trim().toLowerCase() === `## ${heading}`.toLowerCase());
  if (at < 0) return undefined;
  let first = at + 1;
  while (first < lines.length && lines[first].trim() === '') first++;
  let last = first;
  if (first < lines.length && !lines[first].startsWith('#')) {
    while (last < lines.length && lines[last].trim() !== '') last++;
  }
  const marked = [startMarker(block), NOTE(source), '', content, '', endMarker(block)];
  const after = lines.slice(last);
  while (after.length > 0 && after[0].trim() === '') after.shift();
  return [...lines.slice(0, at + 1), '', ...marked, '', ...after].join('\n');
}

function fill(text, file, blocks) {
  let next = text;
  const problems = [];
  for (const { block, heading, content, source } of blocks) {
    const replaced =
      replaceBlock(next, block, content, source) ??
      (heading ? insertBlock(next, heading, block, content, source) : undefined);
    if (replaced === undefined) {
      problems.push(
        `${file}: no ${startMarker(block)} ... ${endMarker(block)} markers` +
          (heading ? ` and no "## ${heading}" heading to put them under` : '') +
          ': add them where the generated block belongs',
      );
    } else next = replaced;
  }
  return { next, problems };
}

function actionFolders(root) {
  const dir = path.join(root, 'actions');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, 'action.yml')))
    .map((e) => e.name)
    .sort();
}

/** Every generated doc: its path, current text and the text it should have. */
export function generateDocs(root) {
  const docs = [];
  const problems = [];
  for (const action of actionFolders(root)) {
    const source = `actions/${action}/action.yml`;
    const file = `actions/${action}/README.md`;
    const full = path.join(root, file);
    if (!existsSync(full)) {
      problems.push(`${file} is missing: write it with "## Inputs" and "## Outputs" sections`);
      continue;
    }
    const metadata = parseYaml(readFileSync(path.join(root, source), 'utf8')) ?? {};
    const current = readFileSync(full, 'utf8');
    const result = fill(current, file, [
      { block: 'inputs', heading: 'Inputs', content: renderInputs(metadata), source },
      { block: 'outputs', heading: 'Outputs', content: renderOutputs(metadata), source },
    ]);
    problems.push(...result.problems);
    docs.push({ file, current, next: result.next });
  }
  const schemaPath = path.join(root, SCHEMA_FILE);
  const readme = path.join(root, 'README.md');
  if (existsSync(schemaPath) && existsSync(readme)) {
    const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
    const current = readFileSync(readme, 'utf8');
    const blocks = [
      { block: 'config', content: renderConfigReference(schema), source: SCHEMA_FILE },
    ];
    if (existsSync(path.join(root, REUSABLE_WORKFLOW))) {
      const workflow = parseYaml(readFileSync(path.join(root, REUSABLE_WORKFLOW), 'utf8'));
      blocks.push({
        block: 'workflow',
        content: renderWorkflowCall(workflow),
        source: REUSABLE_WORKFLOW,
      });
    }
    if (existsSync(path.join(root, ADOPTION_EXAMPLE))) {
      const example = readFileSync(path.join(root, ADOPTION_EXAMPLE), 'utf8');
      blocks.push({
        block: 'adoption',
        content: renderFile(example, 'yaml'),
        source: ADOPTION_EXAMPLE,
      });
    }
    const result = fill(current, 'README.md', blocks);
    problems.push(...result.problems);
    docs.push({ file: 'README.md', current, next: result.next });
  }
  return { docs, problems };
}

function main(argv) {
  const check = argv.includes('--check');
  const root = repoRoot(argv);
  const { docs, problems } = generateDocs(root);
  const stale = docs.filter((d) => d.current !== d.next);
  for (const problem of problems) console.error(problem);
  if (check) {
    for (const doc of stale)
      console.error(`${doc.file}: generated blocks are out of date; run \`npm run docs\`.`);
    if (stale.length === 0 && problems.length === 0)
      console.log(`${docs.length} generated doc(s) up to date.`);
    return stale.length > 0 || problems.length > 0 ? 1 : 0;
  }
  for (const doc of stale) {
    writeFileSync(path.join(root, doc.file), doc.next);
    console.log(`wrote ${doc.file}`);
  }
  if (stale.length === 0) console.log(`${docs.length} generated doc(s) unchanged.`);
  return problems.length > 0 ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
