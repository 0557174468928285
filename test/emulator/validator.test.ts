// The OpenAPI validation bites: what GitHub's description does not allow fails the test.
import { startEmulator, EmulatorViolationError } from '../support/emulator';
import { rawClient } from './api-client';

describe('OpenAPI validation', () => {
  test('a body field the spec does not allow answers 422, is recorded, and makes close() reject', async () => {
    const gh = await startEmulator();
    const res = await rawClient(gh)('POST', '/repos/acme/widgets/issues', { title: 'x', bogus: 1 });
    expect(res.status).toBe(422);
    expect(gh.violations).toEqual([
      expect.stringContaining(
        'POST /repos/{owner}/{repo}/issues request body (root) must NOT have additional properties: "bogus"',
      ),
    ]);
    expect(gh.store.issues.size).toBe(0);
    await expect(gh.close()).rejects.toThrow(EmulatorViolationError);
  });

  test('a field of the wrong type is a violation', async () => {
    const gh = await startEmulator();
    gh.store.commitFiles('main', { 'a.txt': 'a' }, 'seed');
    const res = await rawClient(gh)('PATCH', '/repos/acme/widgets/git/refs/heads/main', {
      sha: 'x',
      force: 'yes',
    });
    expect(res.status).toBe(422);
    await expect(gh.close()).rejects.toThrow(/\/force must be boolean/);
  });

  test('an unknown route answers 404 and makes close() reject naming it', async () => {
    const gh = await startEmulator();
    const res = await rawClient(gh)('GET', '/repos/acme/widgets/no-such-thing');
    expect(res.status).toBe(404);
    await expect(gh.close()).rejects.toThrow(
      /GET \/repos\/acme\/widgets\/no-such-thing: no such route/,
    );
  });

  test('an undeclared query parameter or a value outside its enum is a violation', async () => {
    const gh = await startEmulator();
    const call = rawClient(gh);
    expect((await call('GET', '/repos/acme/widgets/issues?state=done')).status).toBe(422);
    expect((await call('GET', '/repos/acme/widgets/issues?per_page=10&sortt=created')).status).toBe(
      422,
    );
    expect(gh.violations).toEqual([
      expect.stringContaining('/state must be equal to one of the allowed values'),
      expect.stringContaining('must NOT have additional properties: "sortt"'),
    ]);
    await expect(gh.close()).rejects.toThrow(EmulatorViolationError);
  });

  test('a response that breaks the response schema is a violation too', async () => {
    const gh = await startEmulator();
    const issue = gh.store.addIssue({ title: 'fine' });
    (issue as unknown as { title: unknown }).title = 42;
    expect((await rawClient(gh)('GET', `/repos/acme/widgets/issues/${issue.number}`)).status).toBe(
      200,
    );
    await expect(gh.close()).rejects.toThrow(
      /GET \/repos\/\{owner\}\/\{repo\}\/issues\/\{issue_number\} response 200 \/title must be string/,
    );
  });

  test('strict: false records violations without rejecting', async () => {
    const gh = await startEmulator({ strict: false });
    await rawClient(gh)('GET', '/repos/acme/widgets/no-such-thing');
    expect(gh.violations).toHaveLength(1);
    await expect(gh.close()).resolves.toBeUndefined();
  });

  test('valid traffic leaves no violation and close() resolves', async () => {
    const gh = await startEmulator();
    const call = rawClient(gh);
    await call('POST', '/repos/acme/widgets/issues', {
      title: 'ok',
      body: 'text',
      labels: ['bug'],
    });
    await call('GET', '/repos/acme/widgets/issues?state=all&labels=bug&per_page=5');
    expect(gh.violations).toEqual([]);
    await expect(gh.close()).resolves.toBeUndefined();
  });

  test('a request without a valid token answers 401 Bad credentials', async () => {
    const gh = await startEmulator();
    const anonymous = await fetch(`${gh.url}/repos/acme/widgets`);
    const wrong = await fetch(`${gh.url}/repos/acme/widgets`, {
      headers: { authorization: 'Bearer nope' },
    });
    const bearer = await fetch(`${gh.url}/repos/acme/widgets`, {
      headers: { authorization: `Bearer ${gh.token}` },
    });
    expect(anonymous.status).toBe(401);
    expect(((await wrong.json()) as { message: string }).message).toBe('Bad credentials');
    expect(bearer.status).toBe(200);
    await gh.close();
  });
});
