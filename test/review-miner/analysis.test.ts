import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigurationError } from '../../src/core/errors';
import { classifyComment } from '../../src/review-miner/classify-comment';
import { clusterOther } from '../../src/review-miner/cluster-other';
import { evaluateClassifier } from '../../src/review-miner/evaluate-classifier';
import { readLabelledComments } from '../../src/review-miner/read-labelled-comments';
import { filterComments } from '../../src/review-miner/filter-comments';
import { parseRestComments } from '../../src/review-miner/read-rest-comments';
import type { ReviewComment } from '../../src/review-miner/review-comment';

const fixtures = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'fixtures',
  'review-miner',
);
const read = (name: string) => readFileSync(path.join(fixtures, name), 'utf8');
const comment = (over: Partial<ReviewComment>): ReviewComment => ({
  id: 1,
  kind: 'inline',
  body: 'x',
  author: 'rev',
  ...over,
});

describe('reading REST review comments', () => {
  it('reads `gh api --paginate` output with arrays written back to back like one array', () => {
    const single = parseRestComments(read('rest-comments.json'), 'a.json');
    const paged = parseRestComments(read('rest-comments-paginated.json'), 'b.json');
    expect(paged).toEqual(single);
    expect(single[0]).toMatchObject({ id: 910000001, prNumber: 101, author: 'bnmnetp' });
  });

  it('names the file and the fix when the JSON is broken', () => {
    expect(() => parseRestComments('[{"id": 1', 'broken.json')).toThrow(ConfigurationError);
    expect(() => parseRestComments('[{"id": 1', 'broken.json')).toThrow(/broken\.json/);
  });
});

describe('filtering what is not reviewer feedback', () => {
  it('drops bots, PR authors, author replies, acknowledgements, approvals and quote-only replies, and counts why', () => {
    const root = comment({ id: 1, body: 'Please rename this to `retryCount`.' });
    const result = filterComments([
      root,
      comment({ id: 2, body: 'Done in e68588e', author: 'author', inReplyToId: 1 }),
      comment({ id: 3, body: 'fixed', author: 'rev2' }),
      comment({ id: 4, body: 'LGTM 👍', author: 'rev2' }),
      comment({ id: 5, body: ':+1:', author: 'rev2' }),
      comment({ id: 6, body: '> Please rename this', author: 'rev2' }),
      comment({ id: 7, body: 'Coverage went down', author: 'codecov[bot]' }),
      comment({ id: 8, body: 'Could you add a test?', author: 'alice', prAuthor: 'alice' }),
      comment({
        id: 9,
        body: 'Done, but should this also handle `None`? The caller passes it sometimes.',
        author: 'rev2',
      }),
    ]);
    expect(result.kept.map((c) => c.id)).toEqual([1, 9]);
    expect(result.counts.byReason).toMatchObject({
      'author-reply': 1,
      acknowledgement: 1,
      'approval-or-emoji': 2,
      'quote-only': 1,
      bot: 1,
      'pr-author': 1,
    });
  });
});

describe('classifying review comments', () => {
  it('reaches at least 65% accuracy over every labelled set of real review comments (150+ across 10+ themes)', () => {
    const items = readLabelledComments(fixtures);
    expect(items.length).toBeGreaterThanOrEqual(150);
    expect(new Set(items.map((i) => i.label)).size).toBeGreaterThanOrEqual(10);
    // Measured 71.3% over 181 comments (59.0% on the held-out set 3); the floor sits below it so a regression fails.
    expect(evaluateClassifier(items).accuracy).toBeGreaterThanOrEqual(0.65);
  });

  it('reads a suggestion that removes a debug print as logging-debug', () => {
    const hunk = '@@ -1,2 +1,3 @@\n def run():\n+    print(result)';
    expect(classifyComment('```suggestion\n```', hunk).theme).toBe('logging-debug');
  });

  it('reads a suggestion that adds a return annotation as type-annotations', () => {
    const hunk = '@@ -1,2 +1,2 @@\n-def load(path):\n+def load(path, strict):';
    expect(
      classifyComment('```suggestion\ndef load(path: str, strict: bool) -> Config:\n```', hunk)
        .theme,
    ).toBe('type-annotations');
  });

  it('reads a suggestion that only reflows a line as style-formatting', () => {
    const hunk = '@@ -1 +1 @@\n+x = call(a,b)';
    expect(classifyComment('```suggestion\nx = call(a, b)\n```', hunk).theme).toBe(
      'style-formatting',
    );
  });

  it('leaves feedback without a known cue in other', () => {
    expect(classifyComment('What happens on Tuesdays here?').theme).toBe('other');
  });
});

describe('clustering other', () => {
  it('groups similar comments and names the cluster by shared terms', () => {
    const texts = [
      'The migration should be reversible, add a down step',
      'This migration is not reversible',
      'Make the migration reversible please',
      'Why is the font bigger on mobile?',
    ];
    const clusters = clusterOther(texts, (t) => t);
    expect(clusters[0]?.members).toHaveLength(3);
    expect(clusters[0]?.name).toMatch(/migration|reversible/);
  });
});
