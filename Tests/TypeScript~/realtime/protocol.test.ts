// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// The Realtime service against a scripted server over real sockets (`ws`): the messages of reference section 5
// exactly, authentication and session changes, reconnects, and delivery exactly once per subscription and event.

import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Account, Channel, Client, MemoryStorage, Realtime, type RealtimeEvent, type RealtimeOptions } from '../../../Runtime/TypeScript~/src/index.js';
import { sessionFor, startFakeRealtime, until, type FakeRealtime } from './fake-realtime.js';

let server: FakeRealtime;
beforeAll(async () => (server = await startFakeRealtime()));
afterAll(() => server.close());
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0)) await fn();
  server.setHooks({});
});

// Reconnect delays scaled down 1000x (1 ms, 5 ms, 10 ms, 60 ms) so the official table runs in real time.
const fast: RealtimeOptions = { reconnectDelayMs: (attempt) => [1, 5, 10, 60][attempt < 5 ? 0 : attempt < 15 ? 1 : attempt < 100 ? 2 : 3]! };

function setup(options: RealtimeOptions = fast, session?: string) {
  const storage = new MemoryStorage();
  if (session) storage.set(`appwrite.fallbackCookies.demo.${server.endpoint}`, JSON.stringify({ a_session_demo: session }));
  const client = new Client({ webSocket: WebSocket, storage, retry: { limit: 0 } }).setEndpoint(server.endpoint).setProject('demo');
  const realtime = new Realtime(client, options);
  const log = { connected: [] as Array<string | null>, disconnected: [] as Array<{ code: number; reason: string; willReconnect: boolean }>, errors: [] as string[] };
  realtime.on('connected', (e) => log.connected.push(e.userId));
  realtime.on('disconnected', (e) => log.disconnected.push(e));
  realtime.on('error', (e) => log.errors.push(e.message));
  cleanups.push(() => realtime.disconnect());
  return { client, realtime, log };
}

const received = (type: string, conn = server.last()) => conn.received.filter((m) => m.type === type);

describe('Realtime protocol', () => {
  it('connects to /v1/realtime?project=, sends subscribe rows after connected and resolves on the server ack', async () => {
    const before = server.conns.length;
    const { realtime } = setup();
    const seen: RealtimeEvent[] = [];
    const [a, b] = await Promise.all([
      realtime.subscribe(Channel.account(), (e) => seen.push(e)),
      realtime.subscribe(['account', 'files'], () => {}, ['{"method":"limit","values":[1]}']),
    ]);
    expect(server.conns.length).toBe(before + 1);
    const conn = server.last();
    expect(conn.url).toBe('/v1/realtime?project=demo');
    expect(a.id).toMatch(/^[0-9a-f]{20}$/);
    // Both subscribes of one tick share one message (1 ms debounce), rows exactly as the Web SDK sends them.
    expect(received('subscribe')).toEqual([{ type: 'subscribe', data: [
      { subscriptionId: a.id, channels: ['account'], queries: [] },
      { subscriptionId: b.id, channels: ['account', 'files'], queries: ['{"method":"limit","values":[1]}'] },
    ] }]);
    expect(server.subscriptionsOf(conn)).toEqual([a.id, b.id]);
    expect(received('authentication')).toEqual([]); // no session: stays a guest
  });

  it('delivers {events, channels, timestamp, payload} once per subscription, whatever the server repeats', async () => {
    const { realtime } = setup();
    const a: RealtimeEvent[] = [];
    const b: RealtimeEvent[] = [];
    const subA = await realtime.subscribe('account', (e) => a.push(e));
    const subB = await realtime.subscribe('account', (e) => b.push(e));
    const conn = server.last();
    conn.publish(['users.u1.update.name', 'users.*.update.name'], { $id: 'u1', name: 'Ada' }, [subA.id, subB.id, subA.id, 'someone-else']);
    await until(() => a.length && b.length);
    conn.publish(['users.u1.update.prefs'], { $id: 'u1' }, [subB.id]);
    await until(() => b.length === 2);
    expect(a).toHaveLength(1);
    expect(a[0]).toMatchObject({ events: ['users.u1.update.name', 'users.*.update.name'], channels: ['account'], payload: { $id: 'u1', name: 'Ada' } });
    expect(a[0]!.timestamp).toMatch(/^\d{4}-/);
    expect(b.map((e) => e.events[0])).toEqual(['users.u1.update.name', 'users.u1.update.prefs']);
  });

  it('update() re-sends the row under the same ID; close() unsubscribes, stops delivery, and the last close closes with 1000', async () => {
    const { realtime, log } = setup();
    const seen: string[] = [];
    const keep = await realtime.subscribe('account', (e) => seen.push(`keep ${e.events[0]}`));
    const drop = await realtime.subscribe('account', (e) => seen.push(`drop ${e.events[0]}`));
    const conn = server.last();
    await drop.update({ channels: ['account', 'teams'], queries: [] });
    expect(received('subscribe').at(-1)).toEqual({ type: 'subscribe', data: [{ subscriptionId: drop.id, channels: ['account', 'teams'], queries: [] }] });

    await drop.close();
    await drop.close(); // idempotent
    conn.publish(['e1'], {}, [keep.id, drop.id]);
    await until(() => seen.length);
    expect(seen).toEqual(['keep e1']);
    expect(received('unsubscribe')).toEqual([{ type: 'unsubscribe', data: [{ subscriptionId: drop.id }] }]);
    expect(conn.closed).toBeUndefined();

    await keep.close();
    await until(() => conn.closed);
    expect(conn.closed).toEqual({ code: 1000, reason: 'no subscriptions left' });
    expect(log.disconnected).toEqual([{ code: 1000, reason: 'no subscriptions left', willReconnect: false }]);
    await new Promise((r) => setTimeout(r, 30));
    expect(server.conns.length).toBe(conn.n); // no reconnect after an intentional close
  });

  it('sends the stored session as authentication after connected when user is null, then the subscriptions', async () => {
    const session = sessionFor('u7');
    const { realtime, log } = setup(fast, session);
    await realtime.subscribe('account', () => {});
    const conn = server.last();
    expect(conn.received.map((m) => m.type)).toEqual(['authentication', 'subscribe']);
    expect(conn.received[0]).toEqual({ type: 'authentication', data: { session } });
    expect(conn.user).toBe('u7');
    expect(log.connected).toEqual(['u7']);
  });

  it('does not authenticate when the server already knows the user, and puts a JWT on the URL', async () => {
    const { client, realtime, log } = setup(fast, sessionFor('u7'));
    client.setJWT('header.pay+load.sig');
    await realtime.subscribe('account', () => {});
    const conn = server.last();
    expect(conn.url).toBe('/v1/realtime?project=demo&jwt=header.pay%2Bload.sig');
    expect(received('authentication')).toEqual([]);
    expect(log.connected).toEqual(['jwt:header.pay+load.sig']);
  });

  it('authenticates the guest socket in band on sign-in and reconnects as a guest on sign-out', async () => {
    const { client, realtime, log } = setup();
    const sub = await realtime.subscribe('account', () => {});
    const conn = server.last();
    expect(conn.user).toBeNull();

    const account = new Account(client);
    await account.createAnonymousSession();
    await until(() => conn.user);
    expect(conn.user).toMatch(/^anon\d+$/);
    expect(conn.received.map((m) => m.type)).toEqual(['subscribe', 'authentication', 'subscribe']);
    expect(conn.received.at(-1)!.data).toEqual([{ subscriptionId: sub.id, channels: ['account'], queries: [] }]);
    expect(server.conns.at(-1)).toBe(conn); // same socket

    await account.deleteSession({ sessionId: 'current' });
    const guest = await until(() => server.conns.at(-1) !== conn && server.last());
    await until(() => received('subscribe', guest).length);
    expect(conn.closed).toEqual({ code: 1000, reason: 'session changed' });
    expect(guest.received.map((m) => m.type)).toEqual(['subscribe']);
    expect(guest.user).toBeNull();
    expect(log.disconnected).toEqual([{ code: 1000, reason: 'session changed', willReconnect: true }]);
    expect(server.subscriptionsOf(guest)).toEqual([sub.id]);
  });

  it('reconnects after an abrupt close, re-sends every subscription and delivers once', async () => {
    const { realtime, log } = setup();
    const seen: string[] = [];
    const a = await realtime.subscribe('account', (e) => seen.push(`a ${e.events[0]}`));
    const b = await realtime.subscribe('teams', (e) => seen.push(`b ${e.events[0]}`));
    const first = server.last();
    server.dropAll();
    const second = await until(() => server.conns.at(-1) !== first && server.subscriptionsOf(server.last()).length === 2 && server.last());
    expect(log.disconnected).toEqual([{ code: 1006, reason: '', willReconnect: true }]);
    expect(received('subscribe', second)).toEqual([{ type: 'subscribe', data: [
      { subscriptionId: a.id, channels: ['account'], queries: [] },
      { subscriptionId: b.id, channels: ['teams'], queries: [] },
    ] }]);
    second.publish(['after'], {});
    first.publish(['stale'], {}, [a.id]); // a dead socket's last words never arrive
    await until(() => seen.length === 2);
    await new Promise((r) => setTimeout(r, 20));
    expect(seen.sort()).toEqual(['a after', 'b after']);
    expect(log.connected).toHaveLength(2);
  });

  it('follows the backoff table while the server is unreachable and resets it once a socket opens', async () => {
    const attempts: number[] = [];
    const { realtime, log } = setup({ reconnectDelayMs: (attempt) => (attempts.push(attempt), 1) });
    await realtime.subscribe('account', () => {});
    server.refuse(true);
    server.dropAll();
    await until(() => attempts.length >= 8);
    server.refuse(false);
    await until(() => log.connected.length === 2);
    server.dropAll();
    await until(() => log.connected.length === 3);
    // 0 after the first drop, counting up while every handshake is refused, 0 again after a socket opened.
    expect(attempts.slice(0, 8)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(attempts.at(-1)).toBe(0);
    expect(log.disconnected.slice(0, 3)).toEqual(Array(3).fill({ code: 1006, reason: '', willReconnect: true }));
    expect(log.errors[0]).toContain('503');
  });

  it('does not reconnect after a 1008 policy close, nor after an error 1008 followed by a broken socket', async () => {
    const one = setup();
    await one.realtime.subscribe('account', () => {});
    const conn = server.last();
    conn.send({ type: 'error', data: { code: 1008, message: 'Invalid Origin. Register your new client as a new platform.' } });
    conn.socket.close(1008, 'Invalid Origin');
    await until(() => one.log.disconnected.length);
    expect(one.log.errors).toEqual(['Invalid Origin. Register your new client as a new platform.']);
    expect(one.log.disconnected).toEqual([{ code: 1008, reason: 'Invalid Origin', willReconnect: false }]);

    const two = setup();
    await two.realtime.subscribe('account', () => {});
    const conn2 = server.last();
    conn2.send({ type: 'error', data: { code: 1008, message: 'policy' } });
    await until(() => two.log.errors.length);
    conn2.socket.terminate();
    await until(() => two.log.disconnected.length);
    expect(two.log.disconnected[0]!.willReconnect).toBe(false);
    await new Promise((r) => setTimeout(r, 40));
    expect(server.conns.length).toBe(conn2.n);
  });

  it('drops garbage and oversized frames with an error event and keeps working', async () => {
    const { realtime, log } = setup({ ...fast, maxMessageLength: 4096 });
    const seen: unknown[] = [];
    const sub = await realtime.subscribe('account', (e) => seen.push(e.payload));
    const conn = server.last();
    for (const frame of ['not json', '[]', 'null', '{"type":5}', '{"type":"event","data":{"events":"x"}}', JSON.stringify({ type: 'event', data: { events: [], channels: [], payload: 'x'.repeat(5000), subscriptions: [sub.id] } })]) conn.send(frame);
    conn.socket.send(Buffer.from([1, 2, 3]), { binary: true });
    conn.send({ type: 'mystery', data: {} }); // unknown types are ignored, as the Web SDK does
    conn.publish(['ok'], { fine: true });
    await until(() => seen.length);
    expect(seen).toEqual([{ fine: true }]);
    expect(log.errors).toEqual([
      ...Array(4).fill('realtime: dropped a malformed frame'), 'realtime: dropped a malformed event',
      expect.stringMatching(/^realtime: dropped a frame of 5\d{3} characters \(limit 4096\)$/), 'realtime: dropped a binary frame',
    ]);
    expect(log.disconnected).toEqual([]);
  });

  it('reports a throwing callback and still delivers to the other subscriptions', async () => {
    const { realtime, log } = setup();
    const seen: string[] = [];
    await realtime.subscribe('account', () => { throw new Error('game bug'); });
    await realtime.subscribe('account', () => seen.push('ok'));
    server.last().publish(['e'], {});
    await until(() => seen.length);
    expect(log.errors).toEqual(['realtime: a callback threw: game bug']);
  });

  it('drops a half-open socket after two silent heartbeats and reconnects', async () => {
    const { realtime, log } = setup({ ...fast, heartbeatMs: 40 });
    await realtime.subscribe('account', () => {});
    const conn = server.last();
    await until(() => received('ping', conn).length >= 2, 2000, 'pings');
    server.setHooks({ onMessage: (c) => c !== conn }); // the server goes silent on this socket: no pong, nothing
    const next = await until(() => server.conns.at(-1) !== conn && server.last(), 3000, 'reconnect');
    expect(log.disconnected[0]).toEqual({ code: 1006, reason: 'heartbeat timeout', willReconnect: true });
    await until(() => server.subscriptionsOf(next).length);
    await until(() => conn.closed, 2000, 'old socket closed'); // the half-open socket is released, not leaked
  });

  it('survives a flapping network: one socket at a time, no duplicate delivery, settles when the network does', async () => {
    const { realtime, log } = setup();
    const seen: string[] = [];
    let concurrent = 0;
    await realtime.subscribe('account', (e) => seen.push(e.events[0]!));
    let flaps = 0;
    server.setHooks({
      onConnection: (conn) => {
        concurrent = Math.max(concurrent, server.open().length);
        if (++flaps <= 12) setTimeout(() => conn.socket.terminate(), flaps % 3); // open, maybe connected, then gone
      },
    });
    server.dropAll();
    await until(() => flaps > 12 && server.subscriptionsOf(server.last()).length && !server.last().closed, 5000, 'stable');
    const stable = server.last();
    stable.publish(['once'], {});
    await until(() => seen.length);
    await new Promise((r) => setTimeout(r, 30));
    expect(seen).toEqual(['once']);
    expect(concurrent).toBe(1);
    expect(server.open()).toEqual([stable]);
    expect(log.disconnected.every((d) => d.willReconnect)).toBe(true);
    expect(log.disconnected.length).toBeGreaterThanOrEqual(12);
  });

  it('client.dispose() and disconnect() close the socket and leave nothing behind', async () => {
    const { client, realtime } = setup();
    await realtime.subscribe('account', () => {});
    const conn = server.last();
    client.dispose();
    await until(() => conn.closed);
    expect(conn.closed).toEqual({ code: 1000, reason: 'disconnect' });

    const other = setup();
    const sub = await other.realtime.subscribe('account', () => {});
    await other.realtime.disconnect();
    await until(() => server.last().closed);
    await sub.close(); // after disconnect: harmless
    expect(server.open()).toEqual([]);
  });

  it('rejects bad arguments and missing configuration before opening anything', async () => {
    const { realtime } = setup();
    const before = server.conns.length;
    await expect(realtime.subscribe([], () => {})).rejects.toMatchObject({ type: 'general_argument_invalid' });
    await expect(realtime.subscribe([''], () => {})).rejects.toMatchObject({ type: 'general_argument_invalid' });
    await expect(realtime.subscribe('account', () => {}, [5 as never])).rejects.toMatchObject({ type: 'general_argument_invalid' });
    await expect(realtime.subscribe('account', 'nope' as never)).rejects.toMatchObject({ type: 'general_argument_invalid' });
    const noProject = new Realtime(new Client({ webSocket: WebSocket }).setEndpoint(server.endpoint));
    await expect(noProject.subscribe('account', () => {})).rejects.toMatchObject({ type: 'client_not_configured' });
    const noSocket = new Realtime(new Client().setEndpoint(server.endpoint).setProject('demo'));
    const hadGlobal = 'WebSocket' in globalThis;
    if (!hadGlobal) await expect(noSocket.subscribe('account', () => {})).rejects.toMatchObject({ type: 'client_not_configured' });
    await new Promise((r) => setTimeout(r, 10));
    expect(server.conns.length).toBe(before);
  });
});
