// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// The clock of the Realtime service with fake timers and an in-memory WebSocket: the 20 s heartbeat, the half-open
// watchdog, the official backoff table to the millisecond, and no timer left behind.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Client, Realtime, reconnectDelay, type WebSocketLike } from '../../../Runtime/TypeScript~/src/index.js';

/** A WebSocket whose server side the test plays by hand. */
class FakeSocket implements WebSocketLike {
  static all: FakeSocket[] = [];
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  sent: string[] = [];
  closedWith: [number | undefined, string | undefined] | undefined;
  readonly openedAt = Date.now();
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  send(data: string) {
    this.sent.push(data);
  }
  close(code?: number, reason?: string) {
    this.closedWith = [code, reason];
  }
  // Server side:
  accept(user: unknown = null) {
    this.onopen?.({});
    this.push({ type: 'connected', data: { channels: [], subscriptions: {}, user } });
  }
  push(message: unknown) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  /** Confirms the last subscribe message, as the server does. */
  ack() {
    const rows = this.sent.map((t) => JSON.parse(t)).filter((m) => m.type === 'subscribe').at(-1)?.data;
    this.push({ type: 'response', data: { to: 'subscribe', success: true, subscriptions: rows } });
  }
  fail() {
    this.onerror?.({ message: 'connect ECONNREFUSED' });
    this.onclose?.({ code: 1006, reason: '' });
  }
  types() {
    return this.sent.map((s) => JSON.parse(s).type as string);
  }
}

const last = () => FakeSocket.all[FakeSocket.all.length - 1]!;

beforeEach(() => {
  FakeSocket.all = [];
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

function setup() {
  const client = new Client({ webSocket: FakeSocket }).setEndpoint('https://example.test/v1').setProject('demo');
  const realtime = new Realtime(client);
  const disconnects: Array<{ code: number; reason: string; willReconnect: boolean }> = [];
  realtime.on('disconnected', (e) => disconnects.push(e));
  return { client, realtime, disconnects };
}

describe('Realtime timing', () => {
  it('uses the official backoff table', () => {
    expect([0, 4, 5, 14, 15, 99, 100, 1000].map(reconnectDelay)).toEqual([1000, 1000, 5000, 5000, 10_000, 10_000, 60_000, 60_000]);
  });

  it('derives wss:// from https:// and sends a ping every 20 s once open', async () => {
    const { realtime } = setup();
    void realtime.subscribe('account', () => {});
    await vi.advanceTimersByTimeAsync(1);
    const socket = last();
    expect(socket.url).toBe('wss://example.test/v1/realtime?project=demo');
    socket.accept();
    expect(socket.types()).toEqual(['subscribe']);
    for (let beat = 1; beat <= 5; beat++) {
      await vi.advanceTimersByTimeAsync(19_999);
      expect(socket.types().filter((t) => t === 'ping')).toHaveLength(beat - 1);
      await vi.advanceTimersByTimeAsync(1);
      expect(socket.sent.at(-1)).toBe('{"type":"ping"}');
      socket.push({ type: 'pong' });
    }
    expect(FakeSocket.all).toHaveLength(1);
    await realtime.disconnect();
  });

  it('closes a half-open socket after two unanswered heartbeats and reconnects 1 s later', async () => {
    const { realtime, disconnects } = setup();
    void realtime.subscribe('account', () => {});
    await vi.advanceTimersByTimeAsync(1);
    const socket = last();
    socket.accept();
    await vi.advanceTimersByTimeAsync(40_000); // two pings, no answer
    expect(socket.types().filter((t) => t === 'ping')).toHaveLength(2);
    expect(disconnects).toEqual([]);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(disconnects).toEqual([{ code: 1006, reason: 'heartbeat timeout', willReconnect: true }]);
    expect(socket.closedWith).toEqual([4000, '']);
    await vi.advanceTimersByTimeAsync(999);
    expect(FakeSocket.all).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(FakeSocket.all).toHaveLength(2);
    await realtime.disconnect();
  });

  it('gives up on a socket that never opens after the same two heartbeats', async () => {
    const { realtime, disconnects } = setup();
    void realtime.subscribe('account', () => {});
    await vi.advanceTimersByTimeAsync(60_001);
    expect(disconnects).toEqual([{ code: 1006, reason: 'heartbeat timeout', willReconnect: true }]);
    await realtime.disconnect();
  });

  it('waits 1 s, 5 s, 10 s, then 60 s between refused attempts, and 1 s again after an open', async () => {
    const { realtime } = setup();
    const subscribed = realtime.subscribe('account', () => {});
    await vi.advanceTimersByTimeAsync(1);
    last().fail();
    await subscribed; // the first attempt failed: subscribe() resolves, the subscription stays registered
    const gaps: number[] = [];
    for (let attempt = 0; attempt < 102; attempt++) {
      const before = FakeSocket.all.length;
      const started = Date.now();
      while (FakeSocket.all.length === before) await vi.advanceTimersByTimeAsync(500);
      gaps.push(Date.now() - started);
      last().fail();
    }
    const expected = Array.from({ length: 102 }, (_, i) => reconnectDelay(i));
    expect(gaps).toEqual(expected);
    // An opened socket resets the count.
    const before = FakeSocket.all.length;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeSocket.all.length).toBe(before + 1);
    last().accept();
    last().onclose?.({ code: 1006, reason: '' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(FakeSocket.all.length).toBe(before + 2);
    await realtime.disconnect();
  });

  it('a subscribe during a backoff wait connects at once, as the Web SDK does', async () => {
    const { realtime } = setup();
    void realtime.subscribe('account', () => {});
    await vi.advanceTimersByTimeAsync(1);
    last().fail();
    void realtime.subscribe('teams', () => {});
    await vi.advanceTimersByTimeAsync(1);
    expect(FakeSocket.all).toHaveLength(2);
    last().accept();
    expect(JSON.parse(last().sent[0]!).data.map((r: { channels: string[] }) => r.channels[0])).toEqual(['account', 'teams']);
    await vi.advanceTimersByTimeAsync(5000);
    expect(FakeSocket.all).toHaveLength(2); // the cancelled backoff wait does not open a second socket
    await realtime.disconnect();
  });

  it('leaves no timer and no socket behind after the last close, disconnect or client dispose', async () => {
    for (const end of ['close', 'disconnect', 'dispose', 'close-while-waiting'] as const) {
      const { client, realtime } = setup();
      const sub = realtime.subscribe('account', () => {});
      await vi.advanceTimersByTimeAsync(1);
      if (end === 'close-while-waiting') last().fail();
      else {
        last().accept();
        last().ack();
      }
      await vi.advanceTimersByTimeAsync(1);
      const s = await sub;
      if (end === 'close' || end === 'close-while-waiting') await s.close();
      else if (end === 'disconnect') await realtime.disconnect();
      else client.dispose();
      expect(vi.getTimerCount(), end).toBe(0);
      if (end !== 'close-while-waiting') expect(last().closedWith?.[0], end).toBe(1000);
      await vi.advanceTimersByTimeAsync(120_000);
      expect(FakeSocket.all.filter((s) => !s.closedWith).length, end).toBe(0);
      FakeSocket.all = [];
    }
  });

  it('resolves subscribe() after at most 5 s when the server never confirms', async () => {
    const { realtime } = setup();
    let resolved = false;
    void realtime.subscribe('account', () => {}).then(() => (resolved = true));
    await vi.advanceTimersByTimeAsync(1);
    last().accept();
    await vi.advanceTimersByTimeAsync(4999);
    expect(resolved).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(resolved).toBe(true);
    await realtime.disconnect();
  });
});
