// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// Session lifecycle: restore keeps the session on a network failure (offline) and drops it only when the server
// rejects it; JWTs are minted on demand, cached until shortly before expiry, never stored, and never minted twice.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Account, Client, MemoryStorage, type StateChangedEvent } from '../../../Runtime/TypeScript~/src/index.js';
import { appwriteError, cookieValue, json, startRecorder } from '../helpers/recording-server.js';

let server: Awaited<ReturnType<typeof startRecorder>>;
beforeAll(async () => (server = await startRecorder()));
afterAll(() => server.close());

const KEY = () => `appwrite.fallbackCookies.p1.${server.url}`;
const stored = () => JSON.stringify({ a_session_p1: cookieValue('user-1', 'restore-secret') });

function signedInClient(endpoint = server.url) {
  const storage = new MemoryStorage();
  storage.set(`appwrite.fallbackCookies.p1.${endpoint}`, stored());
  const client = new Client({ storage, retry: { limit: 0 } }).setEndpoint(endpoint).setProject('p1');
  const states: string[] = [];
  client.on('stateChanged', (e: StateChangedEvent) => states.push(e.state));
  return { client, storage, states };
}

describe('restoreSession', () => {
  it('sends nothing without a stored session', async () => {
    const client = new Client().setEndpoint(server.url).setProject('p1');
    const before = server.requests.length;
    expect(await client.restoreSession()).toEqual({ state: 'signedOut', userId: null });
    expect(server.requests.length).toBe(before);
  });

  it('confirms a valid session: restoring → signedIn', async () => {
    server.respond((_r, res) => json(res, 200, { $id: 'user-1' }));
    const { client, states } = signedInClient();
    const pending = client.restoreSession();
    expect(client.state).toBe('restoring');
    expect(await pending).toEqual({ state: 'signedIn', userId: 'user-1' });
    expect(states).toEqual(['restoring', 'signedIn']);
    expect(server.requests.at(-1)!.headers['x-fallback-cookies']).toBe(stored());
  });

  it('keeps the session and reports offline when the server is unreachable, then recovers', async () => {
    const { client, storage, states } = signedInClient('http://127.0.0.1:9/v1');
    expect((await client.restoreSession()).state).toBe('offline');
    expect(storage.get('appwrite.fallbackCookies.p1.http://127.0.0.1:9/v1')).toBe(stored());
    expect(client.session.signedIn).toBe(true);
    client.setEndpoint(server.url); // the network is back (same session key for the test's sake)
    expect(states).toEqual(['restoring', 'offline']);
  });

  it('keeps the session on 5xx and on timeouts', async () => {
    server.respond((_r, res) => appwriteError(res, 503, 'general_server_error', 'maintenance'));
    const a = signedInClient();
    expect((await a.client.restoreSession()).state).toBe('offline');
    expect(a.storage.get(KEY())).toBe(stored());
    server.respond(() => {});
    const b = signedInClient();
    expect((await b.client.restoreSession({ timeoutMs: 100 })).state).toBe('offline');
    expect(b.storage.get(KEY())).toBe(stored());
  });

  it('drops a session the server rejects (401) and reports signedOut', async () => {
    server.respond((_r, res) => appwriteError(res, 401, 'general_unauthorized_scope', 'User (role: guests) missing scopes (["account"])'));
    const { client, storage, states } = signedInClient();
    const out: unknown[] = [];
    client.on('signedOut', (e) => out.push(e));
    expect(await client.restoreSession()).toEqual({ state: 'signedOut', userId: null });
    expect(storage.get(KEY())).toBeUndefined();
    expect(out).toEqual([{ userId: 'user-1', reason: 'invalid' }]);
    expect(states).toEqual(['restoring', 'signedOut']);
  });

  it('keeps a session that only lacks its second factor', async () => {
    server.respond((_r, res) => appwriteError(res, 401, 'user_more_factors_required', 'More factors are required to complete the sign in process.'));
    const { client, storage } = signedInClient();
    expect((await client.restoreSession()).state).toBe('signedIn');
    expect(storage.get(KEY())).toBe(stored());
  });

  it('shares one check between concurrent callers', async () => {
    server.respond((_r, res) => setTimeout(() => json(res, 200, { $id: 'user-1' }), 30));
    const { client } = signedInClient();
    const before = server.requests.length;
    const results = await Promise.all([client.restoreSession(), client.restoreSession(), client.restoreSession()]);
    expect(results.every((r) => r.state === 'signedIn')).toBe(true);
    expect(server.requests.length).toBe(before + 1);
  });

  it('goes offline on an unreachable call and back to signedIn on the next answer', async () => {
    const { client, states } = signedInClient();
    server.respond((_r, res) => res.destroy());
    await expect(new Account(client).get()).rejects.toMatchObject({ type: 'client_network_error' });
    expect(client.state).toBe('offline');
    server.respond((_r, res) => json(res, 200, { $id: 'user-1' }));
    await new Account(client).get();
    expect(client.state).toBe('signedIn');
    expect(states).toEqual(['offline', 'signedIn']);
  });
});

describe('getJWT', () => {
  const jwtWithExp = (expSeconds: number) =>
    `e30.${Buffer.from(JSON.stringify({ userId: 'user-1', exp: expSeconds })).toString('base64url')}.sig`;

  it('mints once, shares concurrent requests, reuses until near expiry, never stores it', async () => {
    let now = 1_000_000_000_000;
    let minted = 0;
    server.respond((req, res) => {
      if (req.path !== '/v1/account/jwts') return json(res, 200, {});
      minted++;
      setTimeout(() => json(res, 201, { jwt: jwtWithExp(now / 1000 + 900) }), 20);
    });
    const storage = new MemoryStorage();
    storage.set(KEY(), stored());
    const client = new Client({ storage, now: () => now }).setEndpoint(server.url).setProject('p1');
    const [a, b, c] = await Promise.all([client.getJWT(), client.getJWT(), client.getJWT()]);
    expect(minted).toBe(1);
    expect(a).toBe(b);
    expect(b).toBe(c);
    now += 800_000; // 100 s left: more than the 60 s margin
    expect(await client.getJWT()).toBe(a);
    expect(minted).toBe(1);
    now += 50_000; // 50 s left
    await client.getJWT();
    expect(minted).toBe(2);
    expect(JSON.stringify([...(storage as unknown as { values: Map<string, string> }).values])).not.toContain('e30.');
  });

  it('forgets the cached JWT when the session goes', async () => {
    let minted = 0;
    server.respond((req, res) => {
      if (req.path === '/v1/account/jwts') { minted++; return json(res, 201, { jwt: `jwt-${minted}` }); }
      res.writeHead(204, { 'X-Fallback-Cookies': '[]' });
      res.end();
    });
    const { client } = signedInClient();
    await client.getJWT();
    await new Account(client).deleteSession({ sessionId: 'current' });
    expect(minted).toBe(1);
    await client.getJWT().catch(() => {});
    expect(minted).toBe(2);
  });
});
