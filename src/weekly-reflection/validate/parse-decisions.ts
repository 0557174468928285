// Maintainer decisions: `/tend accept P-12`, `/tend reject P-12 <reason>`, `/tend defer P-12`
// in a comment, or a proposal's checkbox ticked in the report issue.

export type DecisionVerb = 'accept' | 'reject' | 'defer';

export interface Decision {
  verb: DecisionVerb;
  id: string;
  reason?: string;
}

const COMMAND = /^\s*\/tend\s+(accept|reject|defer)\s+(P-\d+)\b[ \t]*(.*)$/gim;

/** Every `/tend` command in a comment, in order (outside code blocks and quotes). */
export function parseCommands(body: string): Decision[] {
  const prose = body
    .replace(/```[\s\S]*?```/g, '')
    .split('\n')
    .filter((l) => !l.trimStart().startsWith('>'))
    .join('\n');
  const out: Decision[] = [];
  for (const match of prose.matchAll(COMMAND)) {
    const reason = (match[3] ?? '').trim();
    out.push({
      verb: (match[1] as string).toLowerCase() as DecisionVerb,
      id: (match[2] as string).toUpperCase(),
      ...(reason ? { reason } : {}),
    });
  }
  return out;
}

const CHECKBOX = /^\s*[-*]\s+\[( |x|X)\]\s+`(P-\d+)`/;

function checked(body: string): Map<string, boolean> {
  const state = new Map<string, boolean>();
  for (const line of body.split('\n')) {
    const match = CHECKBOX.exec(line);
    if (match) state.set((match[2] as string).toUpperCase(), match[1] !== ' ');
  }
  return state;
}

/** Proposals whose checkbox went from unticked to ticked between two versions of the body. */
export function newlyTicked(before: string, after: string): string[] {
  const was = checked(before);
  return [...checked(after)].filter(([id, on]) => on && was.get(id) === false).map(([id]) => id);
}
