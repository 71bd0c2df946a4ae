// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// Gaps in the core found by the fault and fuzz suites, each pinned by a plain example.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Account, AppwriteException, Client, MemoryStorage } from '../../../Runtime/TypeScript~/src/index.js';
import { appwriteError, cookieValue, json, startRecorder } from '../helpers/recording-server.js';

let server: Awaited<ReturnType<typeof startRecorder>>;
beforeAll(async () => (server = await startRecorder()));
afterAll(() => server.close());

const KEY = () => `appwrite.fallbackCookies.p1.${server.url}`;
const stored = JSON.stringify({ a_session_p1: cookieValue('user-1', 'gap-secret') });
function signedIn(options: ConstructorParameters<typeof Client>[0] = {}) {
  const storage = new MemoryStorage();
  storage.set(KEY(), stored);
  const client = new Client({ storage, retry: { limit: 0 }, ...options }).setEndpoint(server.url).setProject('p1');
  return { client, storage };
}
const failure = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a failure'); }, (e: unknown) => e as AppwriteException);

describe('session state under a captive portal', () => {
  it('restore keeps the session and reports offline when a portal answers 200 text/html', async () => {
    server.respond((_r, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end('<html>Log in to the hotel Wi-Fi</html>'); });
    const { client, storage } = signedIn();
    expect(await client.restoreSession()).toEqual({ state: 'offline', userId: 'user-1' });
    expect(storage.get(KEY())).toBe(stored);
  });

  it('restore keeps the session on a portal 403 page and on a cut-off JSON body', async () => {
    server.respond((_r, res) => { res.writeHead(403, { 'content-type': 'text/html' }); res.end('<html>Forbidden</html>'); });
    expect((await signedIn().client.restoreSession()).state).toBe('offline');
    server.respond((_r, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"$id":"user-1","na'); });
    expect((await signedIn().client.restoreSession()).state).toBe('offline');
  });

  it('only a 4xx drops the session: a 5xx carrying a session error type keeps it', async () => {
    server.respond((_r, res) => appwriteError(res, 503, 'user_invalid_token', 'odd gateway'));
    const { client, storage } = signedIn();
    expect((await client.restoreSession()).state).toBe('offline');
    expect(storage.get(KEY())).toBe(stored);
  });

  it('an offline client comes back online on an answer from Appwrite, not on a portal page', async () => {
    const { client } = signedIn();
    server.respond((_r, res) => res.destroy());
    await failure(new Account(client).get());
    expect(client.state).toBe('offline');
    server.respond((_r, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end('<html>portal</html>'); });
    await failure(new Account(client).get());
    expect(client.state).toBe('offline');
    server.respond((_r, res) => json(res, 200, { $id: 'user-1' }));
    await new Account(client).get();
    expect(client.state).toBe('signedIn');
  });
});

describe('retry policy and call options are checked', () => {
  it('rejects a malformed policy with general_argument_invalid, wherever it comes from', async () => {
    expect(() => new Client().setRetryPolicy({ statusCodes: 503 as unknown as number[] })).toThrow(/statusCodes/);
    expect(() => new Client().setRetryPolicy({ limit: 1000 })).toThrow(/limit must be an integer from 0 to 10/);
    expect(() => new Client({ retry: { jitter: 'some' as 'full' } })).toThrow(AppwriteException);
    server.respond((_r, res) => json(res, 200, {}));
    const account = new Account(new Client().setEndpoint(server.url).setProject('p1'));
    expect(await failure(account.get({}, { retry: { baseDelayMs: -1 } }))).toMatchObject({ type: 'general_argument_invalid' });
  });

  it('stops retrying (and says why in the log) when shouldRetry throws', async () => {
    let n = 0;
    server.respond((_r, res) => { n++; appwriteError(res, 503, 'general_server_error', 'busy'); });
    const logs: string[] = [];
    const client = new Client({ retry: { baseDelayMs: 1, shouldRetry: () => { throw new Error('hook bug'); } }, logger: (_l, m) => logs.push(m) }).setEndpoint(server.url).setProject('p1');
    expect(await failure(new Account(client).get())).toMatchObject({ code: 503 });
    expect(n).toBe(1);
    expect(logs.join()).toContain('shouldRetry threw');
  });

  it('rejects invalid per-call options before sending anything', async () => {
    server.respond((_r, res) => json(res, 200, {}));
    const before = server.requests.length;
    const account = new Account(new Client().setEndpoint(server.url).setProject('p1')) as unknown as { get(p: unknown, o: unknown): Promise<unknown> };
    for (const options of [null, 'fast', { signal: 'abort' }, { timeoutMs: 0 }, { timeoutMs: 1e12 }, { timeoutMs: '500' }]) {
      const e = await account.get({}, options).then(() => undefined, (x: AppwriteException) => x);
      if (options === null) continue; // null means no options
      expect(e).toMatchObject({ type: 'general_argument_invalid' });
    }
    expect(server.requests.length).toBe(before + 1); // only the call with null options went out
  });

  it('a throwing logger or a transport answering garbage cannot break a call', async () => {
    server.respond((_r, res) => json(res, 200, {}, { 'x-appwrite-warning': 'deprecated header' }));
    const client = new Client({ logger: () => { throw new Error('logger bug'); } }).setEndpoint(server.url).setProject('p1');
    await expect(new Account(client).get()).resolves.toEqual({});
    const bad = new Client({ transport: { send: async () => undefined as never } }).setEndpoint(server.url).setProject('p1');
    expect(await failure(new Account(bad).get({}, { retry: false }))).toMatchObject({ type: 'client_network_error' });
    const throwsNothing = new Client({ transport: { send: () => Promise.reject(Object.create(null)) } }).setEndpoint(server.url).setProject('p1');
    expect(await failure(new Account(throwsNothing).get({}, { retry: false }))).toMatchObject({ type: 'client_network_error' });
  });
});
