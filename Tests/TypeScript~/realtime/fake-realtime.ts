// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// A scripted Appwrite realtime server on a loopback port (reference section 5): `connected` on open, `pong` for
// `ping`, `response` rows for `subscribe`/`authentication`, plus just enough HTTP (anonymous sign-in, sign-out) to
// move a client's session. Every socket and message is recorded; tests script faults by replacing hooks.

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket, type RawData } from 'ws';

export interface Message {
  type: string;
  data?: any;
}

export interface Conn {
  n: number;
  url: string;
  socket: WebSocket;
  received: Message[];
  /** The user bound by handshake or `authentication`, as the server sees it. */
  user: string | null;
  closed: { code: number; reason: string } | undefined;
  send(message: unknown): void;
  /** Publishes an event for these subscription IDs (all of this connection's by default). */
  publish(events: string[], payload: unknown, subscriptions?: string[]): void;
}

export interface FakeOptions {
  /** Runs when a socket connects; return false to suppress the automatic `connected` message. */
  onConnection?: (conn: Conn) => boolean | void;
  /** Runs for every client message before the automatic answer; return false to suppress it. */
  onMessage?: (conn: Conn, message: Message) => boolean | void;
}

/** The base64 session cookie value the server hands out (`{"id","secret"}`). */
export const sessionFor = (userId: string, secret = 'fake-secret') => Buffer.from(JSON.stringify({ id: userId, secret })).toString('base64');
const userOf = (session: string): string | null => {
  try {
    return JSON.parse(Buffer.from(session, 'base64').toString('utf8')).id ?? null;
  } catch {
    return null;
  }
};

export async function startFakeRealtime(options: FakeOptions = {}) {
  const conns: Conn[] = [];
  const subscriptions = new Map<Conn, Set<string>>();
  let hooks = options;
  let anonymousCount = 0;
  let refusing = false;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const cookies = (value: unknown) => ({ 'content-type': 'application/json', 'x-fallback-cookies': JSON.stringify(value) });
      if (req.method === 'POST' && req.url === '/v1/account/sessions/anonymous') {
        const userId = `anon${++anonymousCount}`;
        res.writeHead(201, cookies({ a_session_demo: sessionFor(userId) }));
        return res.end(JSON.stringify({ $id: `s${anonymousCount}`, userId, provider: 'anonymous', current: true }));
      }
      if (req.method === 'DELETE' && req.url === '/v1/account/sessions/current') {
        res.writeHead(204, { 'x-fallback-cookies': '[]' });
        return res.end();
      }
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: 'Route not found.', code: 404, type: 'general_route_not_found' }));
    });
  });
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    if (!req.url?.startsWith('/v1/realtime')) return socket.destroy();
    if (refusing) return void socket.end('HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n');
    wss.handleUpgrade(req, socket, head, (ws) => accept(ws, req.url!));
  });

  function accept(socket: WebSocket, url: string) {
    const jwt = /[?&]jwt=([^&]*)/.exec(url)?.[1];
    const conn: Conn = {
      n: conns.length + 1,
      url,
      socket,
      received: [],
      user: jwt ? `jwt:${decodeURIComponent(jwt)}` : null,
      closed: undefined,
      send: (message) => socket.readyState === socket.OPEN && socket.send(typeof message === 'string' ? message : JSON.stringify(message)),
      publish(events, payload, ids) {
        conn.send({ type: 'event', data: { events, channels: ['account'], timestamp: new Date().toISOString(), payload, subscriptions: ids ?? [...(subscriptions.get(conn) ?? [])] } });
      },
    };
    conns.push(conn);
    subscriptions.set(conn, new Set());
    socket.on('close', (code, reason) => (conn.closed = { code, reason: reason.toString() }));
    socket.on('error', () => {});
    socket.on('message', (raw: RawData) => {
      let message: Message;
      try {
        message = JSON.parse(raw.toString());
      } catch {
        return conn.send({ type: 'error', data: { code: 1003, message: 'Message format is not valid.' } });
      }
      conn.received.push(message);
      if (hooks.onMessage?.(conn, message) === false) return;
      answer(conn, message);
    });
    if (hooks.onConnection?.(conn) === false) return;
    conn.send({ type: 'connected', data: { channels: [], subscriptions: {}, user: conn.user ? { $id: conn.user } : null } });
  }

  function answer(conn: Conn, { type, data }: Message) {
    const subs = subscriptions.get(conn)!;
    if (type === 'ping') conn.send({ type: 'pong' });
    else if (type === 'authentication') {
      conn.user = userOf(data?.session ?? '');
      if (!conn.user) return conn.send({ type: 'error', data: { code: 1003, message: 'Session is not valid.' } });
      conn.send({ type: 'response', data: { to: 'authentication', success: true, user: { $id: conn.user } } });
    } else if (type === 'subscribe') {
      for (const row of data) subs.add(row.subscriptionId);
      conn.send({ type: 'response', data: { to: 'subscribe', success: true, subscriptions: data } });
    } else if (type === 'unsubscribe') {
      for (const row of data) subs.delete(row.subscriptionId);
      conn.send({ type: 'response', data: { to: 'unsubscribe', success: true, subscriptions: data } });
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}/v1`,
    conns,
    /** Sockets the server still holds open. */
    open: () => conns.filter((c) => !c.closed),
    last: () => conns[conns.length - 1]!,
    subscriptionsOf: (conn: Conn) => [...(subscriptions.get(conn) ?? [])],
    /** While true, WebSocket handshakes are answered 503 (the server is unreachable for realtime). */
    refuse(value: boolean) {
      refusing = value;
    },
    setHooks(next: FakeOptions) {
      hooks = next;
    },
    /** Kills every socket without a close frame (as a crashed server or a dropped network). */
    dropAll() {
      for (const c of conns) if (!c.closed) c.socket.terminate();
    },
    async close() {
      for (const c of conns) c.socket.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FakeRealtime = Awaited<ReturnType<typeof startFakeRealtime>>;

/** Polls `check` until it returns a truthy value (or throws after `timeoutMs`). */
export async function until<T>(check: () => T, timeoutMs = 3000, what = 'condition'): Promise<Exclude<T, false | 0 | '' | null | undefined>> {
  const started = Date.now();
  for (;;) {
    const value = check();
    if (value) return value as Exclude<T, false | 0 | '' | null | undefined>;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
