// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// The X-Fallback-Cookies round trip (reference 3.5): captured into storage on sign-in, sent back on every request,
// restored by a new client over the same storage, cleared by `[]`; per project and endpoint; events without secrets.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Account, Client, MemoryStorage, type ClientEvents } from '../../../Runtime/TypeScript~/src/index.js';
import { cookieValue, json, startRecorder, type RecordedRequest } from '../helpers/recording-server.js';

let server: Awaited<ReturnType<typeof startRecorder>>;
const SECRET = 'the-session-secret-7f3a';
const cookie = JSON.stringify({ a_session_p1: cookieValue('user-1', SECRET) });

beforeAll(async () => {
  server = await startRecorder((req, res) => {
    if (req.path === '/v1/account/sessions/phone' || req.path === '/v1/account/sessions/token') {
      return json(res, 201, { $id: 'session-1', userId: 'user-1', provider: 'phone', secret: '' }, { 'X-Fallback-Cookies': cookie });
    }
    if (req.path === '/v1/account/sessions/current' && req.method === 'DELETE') {
      res.writeHead(204, { 'X-Fallback-Cookies': '[]' });
      return res.end();
    }
    json(res, 200, { $id: 'user-1' });
  });
});
afterAll(() => server.close());

function recordEvents(client: Client) {
  const events: Array<[string, unknown]> = [];
  for (const name of ['sessionChanged', 'signedIn', 'signedOut', 'error', 'request', 'retry'] as Array<keyof ClientEvents>) {
    client.on(name, ((payload: unknown) => events.push([name, payload])) as never);
  }
  return events;
}
const last = (): RecordedRequest => server.requests.at(-1)!;

describe('fallback-cookie session', () => {
  it('captures, sends back, restores in a new client, and clears on sign-out', async () => {
    const storage = new MemoryStorage();
    const client = new Client({ storage }).setEndpoint(server.url).setProject('p1');
    const events = recordEvents(client);
    const account = new Account(client);
    expect(client.session).toEqual({ signedIn: false, userId: null });

    await account.createSession({ userId: 'user-1', secret: '123456' });
    expect(last().headers['x-fallback-cookies']).toBeUndefined();
    expect(client.session).toEqual({ signedIn: true, userId: 'user-1' });
    expect(storage.get(`appwrite.fallbackCookies.p1.${server.url}`)).toBe(cookie);

    await account.get();
    expect(last().headers['x-fallback-cookies']).toBe(cookie);

    const restored = new Client({ storage }).setEndpoint(server.url).setProject('p1');
    expect(restored.session).toEqual({ signedIn: true, userId: 'user-1' });
    await new Account(restored).get();
    expect(last().headers['x-fallback-cookies']).toBe(cookie);

    await account.deleteSession({ sessionId: 'current' });
    expect(client.session.signedIn).toBe(false);
    expect(storage.get(`appwrite.fallbackCookies.p1.${server.url}`)).toBeUndefined();
    await account.get();
    expect(last().headers['x-fallback-cookies']).toBeUndefined();

    const names = events.filter(([n]) => n !== 'request').map(([n]) => n);
    expect(names).toEqual(['sessionChanged', 'signedIn', 'sessionChanged', 'signedOut']);
    expect(events.find(([n]) => n === 'signedIn')![1]).toEqual({ userId: 'user-1', sessionId: 'session-1', provider: 'phone' });
    expect(JSON.stringify(events)).not.toContain(SECRET);
    expect(JSON.stringify(events)).not.toContain(cookieValue('user-1', SECRET));
  });

  it('keeps sessions apart per project and endpoint', async () => {
    const storage = new MemoryStorage();
    const a = new Client({ storage }).setEndpoint(server.url).setProject('p1');
    await new Account(a).createSession({ userId: 'user-1', secret: '123456' });
    const otherProject = new Client({ storage }).setEndpoint(server.url).setProject('p2');
    expect(otherProject.session.signedIn).toBe(false);
    const otherEndpoint = new Client({ storage }).setEndpoint(server.url.replace('127.0.0.1', 'localhost')).setProject('p1');
    expect(otherEndpoint.session.signedIn).toBe(false);
  });

  it('keeps the stored session when the header is not JSON', async () => {
    const storage = new MemoryStorage();
    const client = new Client({ storage }).setEndpoint(server.url).setProject('p1');
    await new Account(client).createSession({ userId: 'user-1', secret: '123456' });
    server.respond((_r, res) => json(res, 200, {}, { 'X-Fallback-Cookies': 'garbage{' }));
    await new Account(client).get();
    expect(client.session.signedIn).toBe(true);
    server.respond((_r, res) => json(res, 200, {}));
  });

  it('survives a storage that throws', async () => {
    const logs: string[] = [];
    const broken = { get: () => { throw new Error('disk full'); }, set: () => { throw new Error('disk full'); } };
    const client = new Client({ storage: broken, logger: (_l, m) => logs.push(m) }).setEndpoint(server.url).setProject('p1');
    server.respond((_r, res) => json(res, 201, { $id: 's', userId: 'user-1', provider: 'phone' }, { 'X-Fallback-Cookies': cookie }));
    await new Account(client).createSession({ userId: 'user-1', secret: '123456' });
    expect(client.session.signedIn).toBe(true);
    expect(logs.some((m) => m.includes('disk full'))).toBe(true);
    server.respond((_r, res) => json(res, 200, {}));
  });

  it('clearSession forgets locally and reports sign-out', async () => {
    const client = new Client().setEndpoint(server.url).setProject('p1');
    server.respond((_r, res) => json(res, 201, { $id: 's', userId: 'user-1', provider: 'phone' }, { 'X-Fallback-Cookies': cookie }));
    await new Account(client).createSession({ userId: 'user-1', secret: '123456' });
    const events = recordEvents(client);
    client.clearSession();
    expect(client.session.signedIn).toBe(false);
    expect(events.map(([n]) => n)).toEqual(['sessionChanged', 'signedOut']);
    server.respond((_r, res) => json(res, 200, {}));
  });
});
