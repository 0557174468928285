// Optional: asks an OpenAI-compatible chat endpoint to re-theme comments the lexicon left in
// `other`. Never required; any failure leaves the deterministic result in place.
import { THEMES, isTheme, type Theme } from './taxonomy';

export interface LlmOptions {
  endpoint: string;
  model: string;
  token?: string;
  /** At most this many comments are sent (default 50). */
  limit?: number;
  fetchImpl?: typeof fetch;
}

export interface LlmResult {
  refined: Map<string, Theme>;
  requests: number;
  errors: string[];
}

const PROMPT = `Classify the code review comment into exactly one theme. Answer with the theme name only.
Themes: ${THEMES.join(', ')}.`;

export async function refineOther(
  items: { id: string; body: string }[],
  options: LlmOptions,
): Promise<LlmResult> {
  const fetcher = options.fetchImpl ?? fetch;
  const url = `${options.endpoint.replace(/\/+$/, '')}/chat/completions`;
  const refined = new Map<string, Theme>();
  const errors: string[] = [];
  let requests = 0;
  for (const item of items.slice(0, options.limit ?? 50)) {
    requests += 1;
    try {
      const response = await fetcher(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        },
        body: JSON.stringify({
          model: options.model,
          temperature: 0,
          messages: [
            { role: 'system', content: PROMPT },
            { role: 'user', content: item.body.slice(0, 4000) },
          ],
        }),
      });
      if (!response.ok) {
        errors.push(`HTTP ${response.status}`);
        if (response.status === 401 || response.status === 403 || response.status === 404) break;
        continue;
      }
      const data = (await response.json()) as { choices?: { message?: { content?: string } }[] };
      const answer =
        data.choices?.[0]?.message?.content
          ?.trim()
          .toLowerCase()
          .replace(/[^a-z-]/g, '') ?? '';
      if (isTheme(answer) && answer !== 'other') refined.set(item.id, answer);
    } catch (error) {
      errors.push((error as Error).message);
      break;
    }
  }
  return { refined, requests, errors };
}
