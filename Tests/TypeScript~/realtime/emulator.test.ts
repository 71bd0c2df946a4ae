// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// The realtime flows against the local emulator's /v1/realtime: account events from another client of the
// same user, a guest socket that authenticates after sign-in, resuming after the emulator dropped every socket,
// close(), the heartbeat on an idle socket, and the official Web SDK's Realtime receiving the same events.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Client as WebClient, Realtime as WebRealtime } from 'appwrite';
import { startEmulator } from '../../../Tools~/emulator/index.mjs';
import { Account, Channel, Client, ID, Realtime, type Models, type RealtimeEvent, type RealtimeOptions } from '../../../Runtime/TypeScript~/src/index.js';
import { until } from './fake-realtime.js';

const PHONE = '+15555550100';
const dataDir = mkdtempSync(join(tmpdir(), 'playloom-realtime-'));
let emulator: Awaited<ReturnType<typeof startEmulator>>;
const start = (port = 0) => startEmulator({ port, quiet: true, rateLimit: false, dataDir });

beforeAll(async () => (emulator = await start()));
afterAll(async () => {
  await emulator.close();
  rmSync(dataDir, { recursive: true, force: true });
});
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0)) await fn();
});

function newClient() {
  const client = new Client({ webSocket: WebSocket }).setEndpoint(emulator.url).setProject('demo-project');
  cleanups.push(() => client.dispose());
  return { client, account: new Account(client) };
}

/** Signs a client in as the mock phone's user (the same user every time: a second client of that user). */
async function phoneLogin(account: Account): Promise<string> {
  const token = await account.createPhoneToken({ userId: ID.unique(), phone: PHONE });
  await account.createSession({ userId: token.userId, secret: '123456' });
  return token.userId;
}

function watch(client: Client, options?: RealtimeOptions) {
  const realtime = new Realtime(client, options);
  const log = { connected: [] as Array<string | null>, disconnected: [] as number[], errors: [] as string[] };
  realtime.on('connected', (e) => log.connected.push(e.userId));
  realtime.on('disconnected', (e) => log.disconnected.push(e.code));
  realtime.on('error', (e) => log.errors.push(e.message));
  return { realtime, log };
}

const settle = (ms = 150) => new Promise((r) => setTimeout(r, ms));

describe('Realtime against the emulator', () => {
  it('an account subscription receives updateName and updatePrefs made by another client of the same user', async () => {
    const a = newClient();
    const b = newClient();
    const userId = await phoneLogin(a.account);
    expect(await phoneLogin(b.account)).toBe(userId);
    const { realtime, log } = watch(a.client);
    const seen: Array<RealtimeEvent<Models.User>> = [];
    await realtime.subscribe(Channel.account(), (e) => seen.push(e as RealtimeEvent<Models.User>));
    expect(log.connected).toEqual([userId]);

    await b.account.updateName({ name: 'Ada' });
    await until(() => seen.length === 1, 3000, 'name event');
    await b.account.updatePrefs({ prefs: { theme: 'dark' } });
    await until(() => seen.length === 2, 3000, 'prefs event');
    await settle();
    expect(seen).toHaveLength(2);
    expect(seen[0]!.events).toContain(`users.${userId}.update.name`);
    expect(seen[0]!.channels).toContain(`account.${userId}`);
    expect(seen[0]!.payload).toMatchObject({ $id: userId, name: 'Ada', phone: PHONE });
    expect(seen[1]!.events).toContain(`users.${userId}.update.prefs`);
    expect(seen[1]!.payload.prefs).toEqual({ theme: 'dark' });
    expect(log.errors).toEqual([]);
  });

  it('a guest socket authenticates after sign-in, on the same connection', async () => {
    const a = newClient();
    const b = newClient();
    const { realtime, log } = watch(a.client);
    const seen: string[] = [];
    await realtime.subscribe('account', (e) => seen.push(e.events[0]!));
    expect(log.connected).toEqual([null]);
    const userId = await phoneLogin(a.account);
    await phoneLogin(b.account);
    await settle(50); // the in-band authentication and re-subscribe are on their way
    await b.account.updateName({ name: 'After sign-in' });
    await until(() => seen.length, 3000, 'event after sign-in');
    expect(seen[0]).toContain(`users.${userId}`);
    expect(log.connected).toEqual([null]); // no reconnect: authenticated in band
    expect(log.disconnected).toEqual([]);
    expect(log.errors).toEqual([]);
  });

  it('after the emulator drops every socket, subscriptions resume and no event is delivered twice', async () => {
    const a = newClient();
    const b = newClient();
    await phoneLogin(a.account);
    await phoneLogin(b.account);
    const { realtime, log } = watch(a.client);
    const names: string[] = [];
    await realtime.subscribe('account', (e) => names.push((e.payload as Models.User).name));
    await realtime.subscribe('account.update', (e) => names.push(`update:${(e.payload as Models.User).name}`));
    await b.account.updateName({ name: 'before' });
    await until(() => names.length === 2, 3000, 'events before the drop');

    // The emulator has no "drop sockets" switch: restart it on the same port with its persisted state.
    const port = emulator.port;
    await emulator.close();
    emulator = await start(port);
    await until(() => log.connected.length === 2, 10_000, 'reconnect');
    await settle(50);
    await b.account.updateName({ name: 'after' });
    await until(() => names.length === 4, 3000, 'events after the drop');
    await settle(300);
    expect(names.sort()).toEqual(['after', 'before', 'update:after', 'update:before']);
    expect(log.disconnected[0]).toBe(1006);
  }, 20_000);

  it('close() stops delivery, and the last close closes the socket', async () => {
    const a = newClient();
    const b = newClient();
    await phoneLogin(a.account);
    await phoneLogin(b.account);
    const { realtime, log } = watch(a.client);
    const seen: string[] = [];
    const first = await realtime.subscribe('account', () => seen.push('first'));
    const second = await realtime.subscribe('account', () => seen.push('second'));
    await first.close();
    await b.account.updateName({ name: 'one' });
    await until(() => seen.length, 3000, 'event');
    await settle();
    expect(seen).toEqual(['second']);
    await second.close();
    expect(log.disconnected).toEqual([1000]);
    await b.account.updateName({ name: 'two' });
    await settle();
    expect(seen).toEqual(['second']);
  });

  it('the heartbeat keeps an idle socket alive: pings are answered and the watchdog never fires', async () => {
    const a = newClient();
    const b = newClient();
    await phoneLogin(a.account);
    await phoneLogin(b.account);
    const { realtime, log } = watch(a.client, { heartbeatMs: 40 });
    const seen: string[] = [];
    await realtime.subscribe('account', (e) => seen.push(e.events[0]!));
    await settle(400); // ten heartbeats of silence from the app; a dead socket would be dropped after three
    await b.account.updateName({ name: 'still here' });
    await until(() => seen.length, 3000, 'event after idling');
    expect(log.disconnected).toEqual([]);
    expect(log.connected).toHaveLength(1);
    expect(log.errors).toEqual([]);
  });

  it('the official Web SDK\'s Realtime (ws as WebSocket) receives the same events', async () => {
    const a = newClient();
    const b = newClient();
    await phoneLogin(a.account);
    await phoneLogin(b.account);
    const g = globalThis as Record<string, unknown>;
    const saved = { WebSocket: g.WebSocket, window: g.window };
    g.WebSocket = WebSocket;
    g.window = globalThis; // its heartbeat uses window.setInterval
    try {
      const web = new WebClient().setEndpoint(emulator.url).setProject('demo-project').setSession(a.client.sessionCookie()!);
      const webRealtime = new WebRealtime(web);
      const theirs: Array<{ events: string[]; channels: string[]; payload: unknown }> = [];
      const ours: Array<{ events: string[]; channels: string[]; payload: unknown }> = [];
      const webSub = await webRealtime.subscribe('account', (e) => theirs.push({ events: e.events, channels: e.channels, payload: e.payload }));
      const { realtime } = watch(a.client);
      await realtime.subscribe('account', (e) => ours.push({ events: e.events, channels: e.channels, payload: e.payload }));
      // Its subscribe() resolves when the socket opens, before the server has the subscription: warm up until it hears.
      for (let i = 0; i < 20 && !theirs.length; i++) {
        await b.account.updateName({ name: `warm-up ${i}` });
        await settle(50);
      }
      await until(() => theirs.length && ours.length, 3000, 'warm-up');
      await settle(50);
      theirs.length = ours.length = 0;
      await b.account.updateName({ name: 'Both' });
      await until(() => theirs.length && ours.length, 3000, 'both SDKs');
      await settle();
      expect(theirs).toHaveLength(1);
      expect(ours).toEqual(theirs);
      await webSub.close();
    } finally {
      g.WebSocket = saved.WebSocket;
      g.window = saved.window;
    }
  });
});
