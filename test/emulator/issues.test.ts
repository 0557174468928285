// Issues, comments and labels behave like GitHub's REST API.
import { startEmulator, type Emulator } from '../support/emulator';
import { rawClient } from './api-client';

let gh: Emulator;
let call: ReturnType<typeof rawClient>;
const REPO = '/repos/acme/widgets';

beforeEach(async () => {
  gh = await startEmulator();
  call = rawClient(gh);
});

afterEach(async () => {
  await gh.close();
});

type Issue = {
  number: number;
  title: string;
  state: string;
  state_reason: string | null;
  labels: Array<{ name: string }>;
  pull_request?: unknown;
  user: { login: string };
};

describe('issues', () => {
  test('an issue closed as not planned round-trips its state_reason, and reopening says reopened', async () => {
    const created = await call<Issue>('POST', `${REPO}/issues`, {
      title: 'Stale docs',
      body: 'details',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      state: 'open',
      state_reason: null,
      user: { login: 'github-actions[bot]' },
    });
    const closed = await call<Issue>('PATCH', `${REPO}/issues/${created.body.number}`, {
      state: 'closed',
      state_reason: 'not_planned',
    });
    expect(closed.body).toMatchObject({ state: 'closed', state_reason: 'not_planned' });
    const read = await call<Issue & { closed_at: string | null }>(
      'GET',
      `${REPO}/issues/${created.body.number}`,
    );
    expect(read.body.state_reason).toBe('not_planned');
    expect(read.body.closed_at).not.toBeNull();
    const reopened = await call<Issue>('PATCH', `${REPO}/issues/${created.body.number}`, {
      state: 'open',
    });
    expect(reopened.body).toMatchObject({ state: 'open', state_reason: 'reopened' });
  });

  test('closing without a reason records completed', async () => {
    const { number } = gh.store.addIssue({ title: 'x' });
    const closed = await call<Issue>('PATCH', `${REPO}/issues/${number}`, { state: 'closed' });
    expect(closed.body.state_reason).toBe('completed');
  });

  test('the list includes pull requests with a pull_request key and filters by state, labels and creator', async () => {
    gh.store.addIssue({ title: 'open bug', labels: ['bug', 'tend'], author: 'alice' });
    gh.store.addIssue({
      title: 'closed bug',
      labels: ['bug'],
      state: 'closed',
      stateReason: 'not_planned',
    });
    gh.store.addPullRequest({ title: 'a change', author: 'bob' });
    const open = await call<Issue[]>('GET', `${REPO}/issues`);
    expect(open.body.map((i) => [i.title, 'pull_request' in i])).toEqual([
      ['a change', true],
      ['open bug', false],
    ]);
    const labelled = await call<Issue[]>('GET', `${REPO}/issues?state=all&labels=bug,tend`);
    expect(labelled.body.map((i) => i.title)).toEqual(['open bug']);
    const byCreator = await call<Issue[]>('GET', `${REPO}/issues?state=all&creator=bob`);
    expect(byCreator.body.map((i) => i.title)).toEqual(['a change']);
    const closed = await call<Issue[]>('GET', `${REPO}/issues?state=closed`);
    expect(closed.body.map((i) => [i.title, i.state_reason])).toEqual([
      ['closed bug', 'not_planned'],
    ]);
  });

  test('sort and direction order the list', async () => {
    gh.store.addIssue({
      title: 'old',
      createdAt: '2024-01-01T00:00:00Z',
      updatedAt: '2024-03-01T00:00:00Z',
    });
    gh.store.addIssue({
      title: 'new',
      createdAt: '2024-02-01T00:00:00Z',
      updatedAt: '2024-02-02T00:00:00Z',
    });
    const asc = await call<Issue[]>('GET', `${REPO}/issues?direction=asc`);
    expect(asc.body.map((i) => i.title)).toEqual(['old', 'new']);
    const updated = await call<Issue[]>('GET', `${REPO}/issues?sort=updated`);
    expect(updated.body.map((i) => i.title)).toEqual(['old', 'new']);
  });

  test('comments are listed, created and updated', async () => {
    const { number } = gh.store.addIssue({
      title: 'x',
      comments: [{ author: 'alice', body: 'first' }],
    });
    const created = await call<{ id: number; body: string }>(
      'POST',
      `${REPO}/issues/${number}/comments`,
      { body: 'second' },
    );
    expect(created.status).toBe(201);
    await call('PATCH', `${REPO}/issues/comments/${created.body.id}`, { body: 'second, edited' });
    const list = await call<Array<{ body: string; user: { login: string } }>>(
      'GET',
      `${REPO}/issues/${number}/comments`,
    );
    expect(list.body.map((c) => [c.user.login, c.body])).toEqual([
      ['alice', 'first'],
      ['github-actions[bot]', 'second, edited'],
    ]);
  });

  test('labels: creating a duplicate answers 422 already_exists; adding labels to an issue keeps existing ones', async () => {
    expect(
      (
        await call('POST', `${REPO}/labels`, {
          name: 'tend',
          color: '0e8a16',
          description: 'from tend',
        })
      ).status,
    ).toBe(201);
    const dup = await call<{ errors: Array<{ code: string }> }>('POST', `${REPO}/labels`, {
      name: 'Tend',
    });
    expect(dup.status).toBe(422);
    expect(dup.body.errors[0]?.code).toBe('already_exists');
    expect((await call('GET', `${REPO}/labels/tend`)).body).toMatchObject({
      name: 'tend',
      color: '0e8a16',
      description: 'from tend',
    });
    expect((await call('GET', `${REPO}/labels/missing`)).status).toBe(404);
    const { number } = gh.store.addIssue({ title: 'x', labels: ['bug'] });
    const added = await call<Array<{ name: string }>>('POST', `${REPO}/issues/${number}/labels`, {
      labels: ['tend'],
    });
    expect(added.body.map((l) => l.name)).toEqual(['bug', 'tend']);
  });

  test('an unknown issue number is 404', async () => {
    expect((await call('GET', `${REPO}/issues/999`)).status).toBe(404);
  });
});
