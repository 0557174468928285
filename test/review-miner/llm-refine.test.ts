// The optional LLM pass against a fake OpenAI-compatible server on 127.0.0.1: it may re-theme
// comments left in `other`, and any failure leaves the deterministic result in place.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { analyseComments } from '../../src/review-miner/analyse-comments';
import type { ReviewComment } from '../../src/review-miner/review-comment';

interface Fake {
  url: string;
  bodies: { model: string; messages: { role: string; content: string }[] }[];
  auth: (string | undefined)[];
  close(): Promise<void>;
}

async function fakeServer(
  answer: (req: IncomingMessage, user: string) => { status: number; body: unknown },
): Promise<Fake> {
  const bodies: Fake['bodies'] = [];
  const auth: Fake['auth'] = [];
  const server: Server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      const body = JSON.parse(text) as Fake['bodies'][number];
      bodies.push(body);
      auth.push(req.headers.authorization);
      const reply =
        req.url === '/v1/chat/completions'
          ? answer(req, body.messages.at(-1)?.content ?? '')
          : { status: 404, body: {} };
      res
        .writeHead(reply.status, { 'content-type': 'application/json' })
        .end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    bodies,
    auth,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const comments: ReviewComment[] = [
  { id: 1, kind: 'inline', author: 'bob', body: 'Please add a unit test for this case.' },
  { id: 2, kind: 'inline', author: 'bob', body: 'Hmm, what about the Windows case here?' },
  { id: 3, kind: 'inline', author: 'carol', body: 'I would not do it this way at all.' },
];

const chat = (content: string) => ({
  status: 200,
  body: { choices: [{ message: { role: 'assistant', content } }] },
});

describe('optional LLM refinement of `other`', () => {
  it('sends only the comments the lexicon left in `other` and takes a valid theme from the answer', async () => {
    const fake = await fakeServer((_req, user) =>
      chat(user.includes('Windows') ? 'error-handling' : 'not-a-theme'),
    );
    try {
      const partial: string[] = [];
      const analysis = await analyseComments(
        comments,
        { llmEndpoint: fake.url, llmModel: 'test-model', llmToken: 'secret' },
        partial,
      );
      expect(fake.bodies.map((b) => b.messages.at(-1)?.content).sort()).toEqual(
        [comments[1]?.body, comments[2]?.body].sort(),
      );
      expect(fake.bodies.every((b) => b.model === 'test-model')).toBe(true);
      expect(fake.auth.every((a) => a === 'Bearer secret')).toBe(true);
      const themes = analysis.classified.map((c) => [
        c.comment.id,
        c.theme,
        c.cues.includes('llm'),
      ]);
      expect(themes).toEqual([
        [1, 'tests', false],
        [2, 'error-handling', true],
        [3, 'other', false],
      ]);
      expect(partial).toEqual([]);
    } finally {
      await fake.close();
    }
  });

  it('keeps the lexicon result and notes a partial run when the endpoint fails', async () => {
    const fake = await fakeServer(() => ({ status: 500, body: { error: 'boom' } }));
    try {
      const partial: string[] = [];
      const analysis = await analyseComments(
        comments,
        { llmEndpoint: fake.url, llmModel: 'm' },
        partial,
      );
      expect(analysis.classified.map((c) => c.theme)).toEqual(['tests', 'other', 'other']);
      expect(partial).toHaveLength(1);
      expect(partial[0]).toMatch(/LLM refinement incomplete \(HTTP 500\)/);
    } finally {
      await fake.close();
    }
  });

  it('keeps the lexicon result when nothing listens at the endpoint', async () => {
    const fake = await fakeServer(() => chat('tests'));
    await fake.close();
    const partial: string[] = [];
    const analysis = await analyseComments(
      comments,
      { llmEndpoint: fake.url, llmModel: 'm' },
      partial,
    );
    expect(analysis.classified.map((c) => c.theme)).toEqual(['tests', 'other', 'other']);
    expect(partial[0]).toMatch(/LLM refinement incomplete/);
  });
});
