// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// The one WebSocket seam of the core. Where sockets come from is decided here, in this order:
//   1. the host's ws* members (Unity: C# over System.Net.WebSockets.ClientWebSocket, wss:// with the platform's TLS).
//      The host comes first because under Puerts a global WebSocket is no evidence of a usable one: Puerts'
//      websocketpp.mjs assigns globalThis.WebSocket even when its native addon failed to load, and the released
//      addon is built without TLS, so it cannot open wss:// (Appwrite Cloud).
//   2. the constructor given as ClientOptions.webSocket (Node: `import WebSocket from 'ws'`).
//   3. the global WebSocket, by feature detection (browsers, and so Unity WebGL, where C# has no sockets).

import { callHost, hostHas, type Host } from './host.js';

/** The subset of the WHATWG WebSocket the core uses; the browser's and the `ws` package's both fit. */
// Handler parameters are `any` so that the DOM's and the `ws` package's event types are both assignable.
// Events read: message `{data}`, close `{code, reason}`, error `{message?}`.
export interface WebSocketLike {
  onopen: ((event: any) => void) | null;
  onmessage: ((event: any) => void) | null;
  onclose: ((event: any) => void) | null;
  onerror: ((event: any) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

/** A WebSocket class, e.g. the `ws` package's default export or a browser's `WebSocket`. */
export type WebSocketConstructor = new (url: string) => WebSocketLike;

let nextSocketId = 0;

/**
 * Picks how sockets are opened (see the order above).
 * @returns A function opening a socket to a URL, or undefined when this engine can open none.
 */
export function socketFactory(host: Host | undefined, ctor: WebSocketConstructor | undefined): ((url: string) => WebSocketLike) | undefined {
  if (host && hostHas(host, 'wsOpen') && hostHas(host, 'wsSend') && hostHas(host, 'wsClose')) return (url) => hostSocket(host, url);
  const global = (globalThis as { WebSocket?: unknown }).WebSocket;
  const C = ctor ?? (typeof global === 'function' ? (global as WebSocketConstructor) : undefined);
  return C && ((url) => new C(url));
}

// The host contract (Documentation~/bridge-contract.md) as a WebSocketLike: wsOpen(id, url, protocolsJson, onEvent)
// with onEvent(eventJson) receiving {"type":"open"}, {"type":"message","data":"…"}, {"type":"error","message":"…"}
// and last {"type":"close","code":1006,"reason":"…"}; wsSend(id, text); wsClose(id, code, reason), code in decimal.
function hostSocket(host: Host, url: string): WebSocketLike {
  const id = `w${++nextSocketId}`;
  const ws: WebSocketLike = {
    onopen: null, onmessage: null, onclose: null, onerror: null,
    send: (text) => void callHost(host, 'wsSend', id, text),
    close: (code = 1000, reason = '') => void callHost(host, 'wsClose', id, String(code), reason),
  };
  callHost(host, 'wsOpen', id, url, '[]', (eventJson: unknown) => {
    let e: { type?: unknown; data?: unknown; code?: unknown; reason?: unknown; message?: unknown };
    try {
      e = JSON.parse(String(eventJson)) ?? {};
    } catch {
      return ws.onerror?.({ message: 'the host sent a websocket event that is not JSON' });
    }
    if (e.type === 'open') ws.onopen?.(e);
    else if (e.type === 'message') ws.onmessage?.({ data: e.data });
    else if (e.type === 'error') ws.onerror?.(e);
    else if (e.type === 'close') ws.onclose?.({ code: typeof e.code === 'number' ? e.code : 1006, reason: typeof e.reason === 'string' ? e.reason : '' });
  });
  return ws;
}
