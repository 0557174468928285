// Who wrote a pull request: a coding agent, a human, or a dependency bot.
import type { Actor, AuthorClass } from './pull-request-record';

/** Dependency update bots, counted apart from agents. */
export const DEPENDENCY_BOTS = [
  'dependabot[bot]',
  'dependabot',
  'dependabot-preview[bot]',
  'renovate[bot]',
  'renovate-bot',
  'renovate',
];

/**
 * Coding agents known by login. Any other `[bot]` app (or GraphQL `Bot`) that authors a pull
 * request is counted as an agent too: those apps author code.
 */
export const KNOWN_AGENTS = [
  'copilot',
  'copilot-swe-agent',
  'copilot-swe-agent[bot]',
  'claude',
  'claude[bot]',
  'claude-code[bot]',
  'anthropic-code-agent[bot]',
  'codex',
  'chatgpt-codex-connector',
  'chatgpt-codex-connector[bot]',
  'openai-codex[bot]',
  'devin-ai-integration',
  'devin-ai-integration[bot]',
  'cursor[bot]',
  'cursoragent',
  'google-labs-jules[bot]',
  'jules[bot]',
  'sweep-ai[bot]',
  'amazon-q-developer[bot]',
  'gemini-code-assist[bot]',
];

export interface AuthorLists {
  agents?: string[];
  dependencyBots?: string[];
}

export function classifyAuthor(actor: Actor, lists: AuthorLists = {}): AuthorClass {
  const login = actor.login.toLowerCase();
  if (DEPENDENCY_BOTS.includes(login) || (lists.dependencyBots ?? []).includes(login))
    return 'dependency-bot';
  if (KNOWN_AGENTS.includes(login) || (lists.agents ?? []).includes(login)) return 'agent';
  if (login.endsWith('[bot]') || actor.type === 'Bot') return 'agent';
  return 'human';
}

/** A person (not a bot or an agent), whose review comments count as human feedback. */
export function isHuman(actor: Actor, lists: AuthorLists = {}): boolean {
  return actor.login !== '' && classifyAuthor(actor, lists) === 'human';
}
