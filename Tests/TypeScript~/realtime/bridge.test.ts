// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// Realtime through the bridge exports of the committed bundle, with a host whose ws* members wrap the `ws` package
// (as C# wraps ClientWebSocket): strings in, strings out, events as JSON with C#-ready payloads. Also in QuickJS.

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as bridge from '../../../Runtime/Resources/PlayloomAppwrite/appwrite.mjs';
import { createNodeHost } from '../helpers/node-host.js';
import { addWebSocketMembers } from '../helpers/ws-host.js';
import { loadBundleInQuickJS } from '../helpers/quickjs-harness.js';
import { sessionFor, startFakeRealtime, until, type FakeRealtime } from './fake-realtime.js';

let server: FakeRealtime;
beforeAll(async () => (server = await startFakeRealtime()));
afterAll(() => server.close());
const handles: string[] = [];
afterEach(() => {
  handles.splice(0).forEach((h) => bridge.disposeClient(h));
  server.setHooks({});
});

const user = {
  $id: 'u1', $createdAt: '2026-01-01T00:00:00.000+00:00', $updatedAt: '2026-01-01T00:00:00.000+00:00', name: 'Ada', registration: '2026-01-01T00:00:00.000+00:00',
  status: true, labels: [], passwordUpdate: '', email: '', phone: '', emailVerification: false, emailCanonical: null, emailIsFree: null, emailIsDisposable: null,
  emailIsCorporate: null, emailIsCanonical: null, phoneVerification: false, mfa: false, prefs: { theme: 'dark' }, targets: [], accessedAt: '', impersonator: null, impersonatorUserId: null,
};

function newClient(extra: Record<string, unknown> = {}) {
  const node = createNodeHost();
  const ws = addWebSocketMembers(node.host);
  const handle = bridge.createClient(JSON.stringify({ endpoint: server.endpoint, project: 'demo', ...extra }), ws.host);
  expect(handle).toMatch(/^h\d+$/);
  handles.push(handle);
  const events: Array<Record<string, any>> = [];
  const realtimeEmits = () => node.emitted.filter((e) => e.event.startsWith('realtime'));
  return { ...node, ...ws, handle, events, realtimeEmits };
}

function subscribe(c: ReturnType<typeof newClient>, id: string, channels: string[] = ['account']) {
  return new Promise<string>((resolve, reject) => {
    const result = bridge.subscribe(c.handle, id, JSON.stringify(channels), '[]', (json: string) => c.events.push({ id, ...JSON.parse(json) }), resolve);
    if (result !== '') reject(new Error(result));
  });
}

describe('realtime bridge', () => {
  it('is contract version 1.1 with subscribe, updateSubscription and unsubscribe', () => {
    expect(bridge.bridgeVersion).toBe('1.1');
    for (const name of ['subscribe', 'updateSubscription', 'unsubscribe']) expect(typeof (bridge as Record<string, unknown>)[name]).toBe('function');
  });

  it('opens the socket through the host, delivers events as JSON and projects account models for JsonUtility', async () => {
    const c = newClient();
    expect(await subscribe(c, 'mine')).toBe('');
    expect(c.calls[0]).toEqual(['wsOpen', 'w' + c.calls[0]![1]!.slice(1), `${server.endpoint.replace('http', 'ws')}/realtime?project=demo`, '[]']);
    expect(c.realtimeEmits()).toEqual([{ event: 'realtimeConnected', payload: { userId: null } }]);
    const conn = server.last();
    conn.publish(['users.u1.update.name', 'users.*.update.name', 'users.u1', 'users.*'], user);
    conn.publish(['users.u1.sessions.s1.create', 'users.*.sessions.*.create'], { $id: 's1', userId: 'u1', provider: 'anonymous', current: true });
    conn.publish(['databases.db.tables.t.rows.r.create'], { $id: 'r', score: 7 });
    conn.publish(['users.u1.update.name'], { ...user, name: 42 }); // not the model its name promises: raw
    await until(() => c.events.length === 4);
    const [name, session, row, odd] = c.events;
    expect(name).toMatchObject({ id: 'mine', events: ['users.u1.update.name', 'users.*.update.name', 'users.u1', 'users.*'], channels: ['account'], model: 'user' });
    expect(name!.timestamp).toMatch(/^\d{4}-/);
    expect(JSON.parse(name!.payload)).toMatchObject({ id: 'u1', name: 'Ada', emailIsFree: -1, impersonator: -1, prefs: '{"theme":"dark"}' });
    expect(session!.model).toBe('session');
    expect(JSON.parse(session!.payload)).toMatchObject({ id: 's1', userId: 'u1', provider: 'anonymous', current: true, ip: '' });
    expect(row!.model).toBe('');
    expect(JSON.parse(row!.payload)).toEqual({ $id: 'r', score: 7 });
    expect(odd!.model).toBe('');
    expect(JSON.parse(odd!.payload).name).toBe(42);
    expect(Object.keys(name!)).toEqual(['id', 'events', 'channels', 'timestamp', 'model', 'payload']);
  });

  it('updates and unsubscribes by the caller\'s ID; the last unsubscribe closes the socket with 1000', async () => {
    const c = newClient();
    await subscribe(c, 'a');
    await subscribe(c, 'b');
    const conn = server.last();
    const [rowA, rowB] = server.subscriptionsOf(conn);
    expect(bridge.updateSubscription(c.handle, 'b', '["account","teams"]', '')).toBe('');
    await until(() => conn.received.filter((m) => m.type === 'subscribe').length === 3);
    expect(conn.received.at(-1)).toEqual({ type: 'subscribe', data: [{ subscriptionId: rowB, channels: ['account', 'teams'], queries: [] }] });

    expect(bridge.unsubscribe(c.handle, 'a')).toBe('');
    expect(bridge.unsubscribe(c.handle, 'a')).toBe(''); // unknown IDs are ignored
    await until(() => conn.received.some((m) => m.type === 'unsubscribe'));
    expect(conn.received.find((m) => m.type === 'unsubscribe')).toEqual({ type: 'unsubscribe', data: [{ subscriptionId: rowA }] });
    conn.publish(['users.u1.update.prefs'], user, [rowA!, rowB!]);
    await until(() => c.events.length);
    expect(c.events.map((e) => e.id)).toEqual(['b']);

    expect(bridge.unsubscribe(c.handle, 'b')).toBe('');
    await until(() => conn.closed);
    expect(conn.closed).toEqual({ code: 1000, reason: 'no subscriptions left' });
    expect(c.calls.at(-1)).toEqual(['wsClose', expect.stringMatching(/^w\d+$/), '1000', 'no subscriptions left']);
    expect(c.realtimeEmits().at(-1)).toEqual({ event: 'realtimeDisconnected', payload: { code: 1000, reason: 'no subscriptions left', willReconnect: false } });
  });

  it('returns error JSON for bad input and never throws', () => {
    const c = newClient();
    const error = (text: string) => JSON.parse(text) as { type: string; message: string };
    expect(error(bridge.subscribe('h999', 'x', '["account"]', '[]', () => {})).type).toBe('client_not_configured');
    expect(error(bridge.subscribe(c.handle, 'x', 'account', '[]', () => {})).type).toBe('client_bridge_error');
    expect(error(bridge.subscribe(c.handle, 'x', '[1]', '[]', () => {})).type).toBe('client_bridge_error');
    expect(error(bridge.subscribe(c.handle, 'x', '[]', '[]', () => {})).type).toBe('general_argument_invalid');
    expect(error(bridge.subscribe(c.handle, 'x', '["account"]', '[]', 'not a callback')).type).toBe('client_bridge_error');
    expect(bridge.subscribe(c.handle, 'x', '["account"]', '', () => {})).toBe('');
    expect(error(bridge.subscribe(c.handle, 'x', '["account"]', '[]', () => {})).message).toContain('already exists');
    expect(error(bridge.updateSubscription(c.handle, 'nope', '["account"]', '')).type).toBe('client_bridge_error');
    expect(error(bridge.updateSubscription(c.handle, 'x', '{}', '')).type).toBe('client_bridge_error');
    // Invalid channels come back as an error JSON; no rejection is left behind (vitest fails on unhandled ones).
    expect(error(bridge.updateSubscription(c.handle, 'x', '[]', '')).type).toBe('general_argument_invalid');
    expect(error(bridge.updateSubscription(c.handle, 'x', '[""]', '')).type).toBe('general_argument_invalid');
    expect(error(bridge.updateSubscription(c.handle, 'x', '["account"]', '[1]')).type).toBe('client_bridge_error');
    expect(error(bridge.unsubscribe('h999', 'x')).type).toBe('client_not_configured');
    expect(error(bridge.configure(c.handle, 'realtimeHeartbeatMs', '5')).type).toBe('general_argument_invalid');
  });

  it('authenticates with the session set through configure, before and after the socket connected', async () => {
    const before = newClient({ session: sessionFor('u5') });
    await subscribe(before, 's');
    expect(server.last().received.map((m) => m.type)).toEqual(['authentication', 'subscribe']);
    expect(before.realtimeEmits()[0]).toEqual({ event: 'realtimeConnected', payload: { userId: 'u5' } });

    const after = newClient();
    await subscribe(after, 's');
    const conn = server.last();
    expect(bridge.configure(after.handle, 'session', sessionFor('u6'))).toBe('');
    await until(() => conn.user === 'u6');
    expect(conn.received.map((m) => m.type)).toEqual(['subscribe', 'authentication', 'subscribe']);
    expect(JSON.stringify(after.emitted) + JSON.stringify(after.logs)).not.toContain(sessionFor('u6'));
  });

  it('reports drops and garbage as events, resumes, and uses the configured heartbeat', async () => {
    const c = newClient({ realtimeHeartbeatMs: 100 });
    await subscribe(c, 's');
    const first = server.last();
    await until(() => first.received.some((m) => m.type === 'ping'), 2000, 'ping');
    first.send('garbage');
    await until(() => c.realtimeEmits().some((e) => e.event === 'realtimeError'));
    server.dropAll();
    const second = await until(() => server.last() !== first && server.subscriptionsOf(server.last()).length && server.last());
    second.publish(['users.u1.update.name'], user);
    await until(() => c.events.length);
    expect(c.realtimeEmits().map((e) => e.event)).toEqual(['realtimeConnected', 'realtimeError', 'realtimeDisconnected', 'realtimeConnected']);
    expect(c.realtimeEmits()[1]!.payload).toEqual({ message: 'realtime: dropped a malformed frame' });
    expect(c.realtimeEmits()[2]!.payload).toEqual({ code: 1006, reason: '', willReconnect: true });
  });

  it('disposeClient closes the socket through wsClose', async () => {
    const c = newClient();
    await subscribe(c, 's');
    const conn = server.last();
    bridge.disposeClient(c.handle);
    await until(() => conn.closed);
    expect(conn.closed).toEqual({ code: 1000, reason: 'disconnect' });
    expect(c.sockets.size).toBe(0);
  });

  it('runs in QuickJS with nothing but the host contract', async () => {
    const q = await loadBundleInQuickJS('Runtime/Resources/PlayloomAppwrite/appwrite.mjs');
    try {
      expect(q.typeofGlobal('WebSocket')).toBe('undefined');
      const node = createNodeHost();
      const { host } = addWebSocketMembers(node.host);
      const handle = q.callExport('createClient', [JSON.stringify({ endpoint: server.endpoint, project: 'demo' }), host as never]);
      const events: string[] = [];
      let ready = false;
      expect(q.callExport('subscribe', [handle!, 'q', '["account"]', '[]', (json: string) => void events.push(json), () => void (ready = true)])).toBe('');
      await until(() => ready, 3000, 'ready');
      server.last().publish(['users.u1.update.name'], user);
      await until(() => events.length);
      expect(JSON.parse(JSON.parse(events[0]!).payload).name).toBe('Ada');
      const conn = server.last();
      q.callExport('disposeClient', [handle!]);
      await until(() => conn.closed);
    } finally {
      q.dispose();
    }
  });
});
