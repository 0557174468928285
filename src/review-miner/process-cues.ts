// Process feedback: remarks about the change's bookkeeping rather than its code (changelog and
// release notes, commits and branches, CI runs, version bumps, splitting the pull request). The
// taxonomy files these under `other`, and no lint rule or instruction line follows from them, so
// when they are as strong as a theme's cues the classifier abstains instead of guessing.

export interface ProcessCue {
  pattern: RegExp;
  weight: number;
  cue: string;
}

export const PROCESS_CUES: ProcessCue[] = [
  {
    pattern: /\b(change ?log|changes file|news (entry|fragment|file)|release notes?|towncrier)\b/i,
    weight: 2.5,
    cue: 'changelog / release notes',
  },
  {
    pattern:
      /\b(commit messages?|squash(ed|ing)?|rebas(e|ed|ing)|force[- ]push\w*|cherry[- ]pick\w*|backport\w*|merge conflicts?|fixup commits?|sign[- ]off|signed[- ]off|\[ci skip\]|skip ci)\b/i,
    weight: 2.5,
    cue: 'commits and branches',
  },
  {
    pattern:
      /\b((ci|the build|pipeline|workflow|checks?) (is |are )?(fail\w*|red|green|pass\w*|broken|flaky)|re-?run (the )?(ci|checks|jobs?|build)|ci (job|run|system|config)s?)\b/i,
    weight: 2,
    cue: 'CI runs',
  },
  {
    pattern:
      /\b((version|major|minor|patch) bump|bump (the )?(major |minor |patch )?version|(separate|split|smaller|different|follow-?up|another|own) (prs?|pull requests?)|(into|in) (a )?(separate|different|follow-?up|another) (pr|pull request|change)|out of scope|scope of this (pr|pull request|change))\b/i,
    weight: 2,
    cue: 'versioning / PR scope',
  },
];

/** The strongest process cue in the reviewer's text (0 when none), with its name. */
export function processScore(text: string): { score: number; cue?: string } {
  let best: { score: number; cue?: string } = { score: 0 };
  for (const { pattern, weight, cue } of PROCESS_CUES) {
    if (weight > best.score && pattern.test(text)) best = { score: weight, cue };
  }
  return best;
}
