// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// `/v1/realtime` with the `ws` package: connected → authentication → subscribe → events on account changes, ping,
// handshake authentication, and error messages (reference section 5).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type Emulator, rawClient, startTestEmulator } from './harness.js';
import { expectModel } from './models.js';

let emulator: Emulator;

beforeAll(async () => {
  ({ emulator } = await startTestEmulator());
});
afterAll(() => emulator.close());

/** A socket with a queue of parsed messages. */
async function connect(query = 'project=demo-project', headers: Record<string, string> = {}) {
  const ws = new WebSocket(`${emulator.url.replace(/^http/, 'ws')}/realtime?${query}`, { headers });
  const queue: any[] = [];
  const waiters: Array<(m: any) => void> = [];
  ws.on('message', (data) => {
    const message = JSON.parse(data.toString());
    const waiter = waiters.shift();
    if (waiter) waiter(message);
    else queue.push(message);
  });
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return {
    ws,
    closed,
    next(timeoutMs = 2000): Promise<any> {
      if (queue.length) return Promise.resolve(queue.shift());
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no realtime message')), timeoutMs);
        waiters.push((m) => {
          clearTimeout(timer);
          resolve(m);
        });
      });
    },
    send(message: unknown) {
      ws.send(typeof message === 'string' ? message : JSON.stringify(message));
    },
    pending: () => queue.length,
  };
}

async function signedIn() {
  const c = rawClient(emulator.url);
  const session = await c.call('POST', '/account/sessions/anonymous');
  return { c, userId: session.body.userId as string };
}

describe('realtime', () => {
  it('connects as a guest, authenticates, subscribes to account and receives account events', async () => {
    const { c, userId } = await signedIn();
    const socket = await connect();
    const connected = await socket.next();
    expect(connected).toEqual({ type: 'connected', data: { channels: [], subscriptions: [], user: null } });

    socket.send({ type: 'authentication', data: { session: c.sessionValue } });
    const auth = await socket.next();
    expect(auth).toMatchObject({ type: 'response', data: { to: 'authentication', success: true } });
    expectModel(auth.data.user, 'user');
    expect(auth.data.user.$id).toBe(userId);

    socket.send({ type: 'subscribe', data: [{ subscriptionId: 'sub1', channels: ['account'], queries: [] }] });
    expect(await socket.next()).toEqual({
      type: 'response',
      data: { to: 'subscribe', success: true, subscriptions: [{ subscriptionId: 'sub1', channels: ['account', `account.${userId}`], queries: [] }] },
    });

    await c.call('PATCH', '/account/name', { name: 'Realtime' });
    const event = await socket.next();
    expect(event.type).toBe('event');
    expect(event.data.subscriptions).toEqual(['sub1']);
    expect(event.data.events).toEqual([`users.${userId}.update`, 'users.*.update', `users.${userId}.update.name`, 'users.*.update.name', `users.${userId}`, 'users.*']);
    expect(event.data.channels).toEqual(['account', `account.${userId}`, 'account.update', `account.${userId}.update`]);
    expect(event.data.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+00:00$/);
    expectModel(event.data.payload, 'user');
    expect(event.data.payload.name).toBe('Realtime');

    await c.call('PATCH', '/account/prefs', { prefs: { level: 3 } });
    const prefs = await socket.next();
    expect(prefs.data.events).toContain(`users.${userId}.update.prefs`);
    expect(prefs.data.payload.prefs).toEqual({ level: 3 });

    socket.send({ type: 'ping' });
    expect(await socket.next()).toEqual({ type: 'pong' });
    socket.ws.close();
  });

  it('authenticates from the handshake headers and sends nothing about other users', async () => {
    const me = await signedIn();
    const other = await signedIn();
    const socket = await connect('project=demo-project', { 'x-fallback-cookies': me.c.fallback });
    const connected = await socket.next();
    expect(connected.data.user.$id).toBe(me.userId);
    socket.send({ type: 'subscribe', data: [{ subscriptionId: 'mine', channels: ['account.update'] }] });
    expect((await socket.next()).data.subscriptions[0].channels).toEqual([`account.${me.userId}.update`]);
    await other.c.call('PATCH', '/account/name', { name: 'Someone else' });
    await me.c.call('PATCH', '/account/name', { name: 'Me' });
    const event = await socket.next();
    expect(event.data.payload.$id).toBe(me.userId);
    expect(socket.pending()).toBe(0);
    socket.ws.close();
  });

  it('subscribes through the legacy channels[] URL form and reports session events', async () => {
    const { c, userId } = await signedIn();
    const socket = await connect('project=demo-project&channels[]=account', { 'x-appwrite-session': c.sessionValue });
    const connected = await socket.next();
    expect(connected.data.channels).toEqual(['account']);
    const subscriptionId = connected.data.subscriptions['0'];
    expect(subscriptionId).toMatch(/^[0-9a-f]{20}$/);
    await c.call('PATCH', '/account/sessions/current');
    const event = await socket.next();
    expect(event.data.subscriptions).toEqual([subscriptionId]);
    expect(event.data.events[0]).toMatch(new RegExp(`^users\\.${userId}\\.sessions\\.[0-9a-f]{20}\\.update$`));
    expect(event.data.channels).toEqual(['account', `account.${userId}`]);
    expectModel(event.data.payload, 'session');
    socket.ws.close();
  });

  it('answers bad messages with error messages and refuses unknown projects', async () => {
    const socket = await connect();
    await socket.next();
    socket.send('not json');
    expect(await socket.next()).toEqual({ type: 'error', data: { code: 1003, message: 'Message format is not valid.' } });
    socket.send({ type: 'dance' });
    expect(await socket.next()).toEqual({ type: 'error', data: { code: 1003, message: 'Message type is not valid.' } });
    socket.send({ type: 'authentication', data: { session: 'bm9wZQ==' } });
    expect(await socket.next()).toEqual({ type: 'error', data: { code: 1003, message: 'Session is not valid.' } });
    socket.send({ type: 'subscribe', data: [{ queries: [] }] });
    expect(await socket.next()).toEqual({ type: 'error', data: { code: 1003, message: 'items: channels is not present in payload.' } });
    socket.ws.close();

    const unknown = await connect('project=nope');
    expect(await unknown.next()).toEqual({ type: 'error', data: { code: 1008, message: 'Missing or unknown project ID' } });
    expect(await unknown.closed).toBe(1008);
  });

  it('limits a connection to 32 messages a minute', async () => {
    const socket = await connect();
    await socket.next();
    for (let i = 0; i < 33; i++) socket.send({ type: 'ping' });
    const replies = [];
    for (let i = 0; i < 33; i++) replies.push(await socket.next());
    expect(replies.filter((r) => r.type === 'pong')).toHaveLength(32);
    expect(replies.at(-1)).toEqual({ type: 'error', data: { code: 1013, message: 'Too many messages.' } });
    socket.ws.close();
  });
});
