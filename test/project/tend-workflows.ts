// Reading tend's own workflow files (the reusable workflow and the examples) and the `uses:`
// references to tend in them and in the docs, for the adoption tests.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ROOT } from '../support/runner-harness';

/** The owner every workflow and doc uses for tend's repository, to be replaced by adopters. */
export const PLACEHOLDER_REPO = 'tend-dev/tend';
export const REUSABLE_WORKFLOW = '.github/workflows/tend.yml';

export interface WorkflowStep {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  id?: string;
  if?: string;
}

export interface WorkflowJob {
  uses?: string;
  permissions?: Record<string, string> | string;
  steps?: WorkflowStep[];
  with?: Record<string, unknown>;
  secrets?: Record<string, unknown> | string;
}

export interface Workflow {
  on?: Record<string, { inputs?: Record<string, { default?: unknown; type?: string }> } | null>;
  permissions?: Record<string, string> | string;
  jobs: Record<string, WorkflowJob>;
}

export function readWorkflow(relative: string): Workflow {
  return parseYaml(readFileSync(path.join(ROOT, relative), 'utf8')) as Workflow;
}

/** examples/workflows/*.yml, relative to the repository root. */
export function exampleFiles(): string[] {
  const dir = path.join(ROOT, 'examples', 'workflows');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => `examples/workflows/${f}`);
}

/** A reference to tend: `<owner>/<repo>/<path>@<ref>`. */
export interface TendReference {
  raw: string;
  repository: string;
  path: string;
  ref: string;
}

const TEND_USES = /^([\w.-]+\/tend)\/([^@\s]+)@([\w.-]+)$/;

export function parseTendUses(uses: string): TendReference | undefined {
  const match = TEND_USES.exec(uses.trim());
  if (!match) return undefined;
  return {
    raw: uses.trim(),
    repository: match[1] as string,
    path: match[2] as string,
    ref: match[3] as string,
  };
}

/** Every `uses: <owner>/tend/...@ref` in a text (a workflow or a Markdown doc with YAML in it). */
export function tendReferencesIn(text: string): TendReference[] {
  const found: TendReference[] = [];
  for (const match of text.matchAll(/uses:\s*['"]?([^\s'"#]+)/g)) {
    const ref = parseTendUses(match[1] as string);
    if (ref) found.push(ref);
  }
  return found;
}

/** A step of a workflow that runs one of tend's actions. */
export interface TendStep {
  file: string;
  job: string;
  action: string;
  with: Record<string, string>;
  permissions: Record<string, string> | string | undefined;
}

export function tendSteps(file: string): TendStep[] {
  const workflow = readWorkflow(file);
  const steps: TendStep[] = [];
  for (const [jobName, job] of Object.entries(workflow.jobs ?? {})) {
    for (const step of job.steps ?? []) {
      const ref = step.uses ? parseTendUses(step.uses) : undefined;
      const action = ref && /^actions\/([\w-]+)$/.exec(ref.path)?.[1];
      if (!action) continue;
      const inputs = Object.fromEntries(
        Object.entries(step.with ?? {}).map(([k, v]) => [k, String(v)]),
      );
      steps.push({
        file,
        job: jobName,
        action,
        with: inputs,
        permissions: job.permissions ?? workflow.permissions,
      });
    }
  }
  return steps;
}

/** Defaults of a workflow's `workflow_call` / `workflow_dispatch` inputs, as strings. */
export function workflowInputDefaults(workflow: Workflow): Record<string, string> {
  const defaults: Record<string, string> = {};
  for (const trigger of ['workflow_dispatch', 'workflow_call']) {
    for (const [name, spec] of Object.entries(workflow.on?.[trigger]?.inputs ?? {})) {
      if (spec.default !== undefined) defaults[name] = String(spec.default);
    }
  }
  return defaults;
}

export interface ExpressionScope {
  token: string;
  inputs: Record<string, string>;
  workspace: string;
  temp: string;
}

function resolveOperand(operand: string, scope: ExpressionScope): string {
  const quoted = /^'(.*)'$/.exec(operand);
  if (quoted) return (quoted[1] as string).replace(/''/g, "'");
  if (operand === 'github.token' || operand === 'secrets.GITHUB_TOKEN') return scope.token;
  const input = /^(?:inputs|github\.event\.inputs)\.([\w-]+)$/.exec(operand);
  if (input) return scope.inputs[input[1] as string] ?? '';
  if (operand === 'github.workspace') return scope.workspace;
  if (operand === 'runner.temp') return scope.temp;
  // Unset in a freshly adopted repository: other secrets, variables, outputs of skipped steps.
  if (/^(secrets|vars|steps)\.[\w.-]+$/.test(operand)) return '';
  throw new Error(
    `unsupported expression operand ${JSON.stringify(operand)}: teach tend-workflows.ts about it`,
  );
}

/** Evaluates the `${{ a || b }}` expressions the workflows use, as the runner would. */
export function evaluateExpressions(value: string, scope: ExpressionScope): string {
  return value.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, expression: string) => {
    for (const operand of expression.split('||')) {
      const resolved = resolveOperand(operand.trim(), scope);
      if (resolved !== '') return resolved;
    }
    return '';
  });
}

/** The `permissions:` block of an action README (a fenced YAML block under `## Permissions`). */
export function readmePermissions(
  action: string,
): { required: Record<string, string>; optional: Record<string, string> } | undefined {
  const file = path.join(ROOT, 'actions', action, 'README.md');
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, 'utf8');
  const section = /^## Permissions\s*\n([\s\S]*?)(?=^## )/m.exec(`${text}\n## `)?.[1];
  const block = section && /```ya?ml\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) return undefined;
  const required: Record<string, string> = {};
  const optional: Record<string, string> = {};
  for (const line of block.split('\n')) {
    const match = /^\s+([\w-]+):\s*(read|write)\s*(?:#\s*(.*))?$/.exec(line);
    if (!match) continue;
    // A scope commented "only with ..." is needed for an optional feature.
    const target = /^only\b/i.test(match[3] ?? '') ? optional : required;
    target[match[1] as string] = match[2] as string;
  }
  return { required, optional };
}
