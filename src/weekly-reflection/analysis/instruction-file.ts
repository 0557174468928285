// The agent instruction file a proposal patches (AGENTS.md, CLAUDE.md, copilot-instructions),
// with one marked block per proposal so a rerun replaces its block instead of adding another.
import type { FileChange } from '../../core/types';

export const INSTRUCTION_FILES = ['AGENTS.md', 'CLAUDE.md', '.github/copilot-instructions.md'];

export interface InstructionFile {
  path: string;
  /** Current content; undefined when the file does not exist yet. */
  content?: string;
}

/** The first existing instruction file, or AGENTS.md to be created. */
export function pickInstructionFile(existing: Record<string, string | undefined>): InstructionFile {
  for (const path of INSTRUCTION_FILES)
    if (existing[path] !== undefined) return { path, content: existing[path] };
  return { path: 'AGENTS.md' };
}

export function withGuidance(
  file: InstructionFile,
  key: string,
  heading: string,
  lines: string[],
): FileChange {
  const start = `<!-- tend:${key} -->`;
  const end = `<!-- /tend:${key} -->`;
  const block = [start, `## ${heading}`, '', ...lines.map((l) => `- ${l}`), end].join('\n');
  const current = file.content ?? '# Instructions for coding agents\n';
  const at = current.indexOf(start);
  const stop = current.indexOf(end);
  const next =
    at >= 0 && stop > at
      ? `${current.slice(0, at)}${block}${current.slice(stop + end.length)}`
      : `${current.replace(/\s*$/, '')}\n\n${block}\n`;
  return { path: file.path, content: next };
}
