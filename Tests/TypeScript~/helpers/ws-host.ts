// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// The host's realtime members (bridge contract: wsOpen/wsSend/wsClose) over the `ws` package, as the C# shell
// provides them over ClientWebSocket. Add them to any host object, e.g. one from createNodeHost().

import WebSocket from 'ws';

type OnEvent = ((eventJson: string) => void) | { Invoke(eventJson: string): void };

export function addWebSocketMembers<H extends object>(host: H) {
  const sockets = new Map<string, WebSocket>();
  const calls: string[][] = [];
  const members = {
    wsOpen(id: string, url: string, protocolsJson: string, onEvent: OnEvent) {
      calls.push(['wsOpen', id, url, protocolsJson]);
      const deliver = (event: unknown) => (typeof onEvent === 'function' ? onEvent : onEvent.Invoke.bind(onEvent))(JSON.stringify(event));
      const ws = new WebSocket(url, JSON.parse(protocolsJson) as string[]);
      sockets.set(id, ws);
      ws.on('open', () => deliver({ type: 'open' }));
      ws.on('message', (data, isBinary) => deliver(isBinary ? { type: 'error', message: 'binary frame dropped by the host' } : { type: 'message', data: data.toString() }));
      ws.on('error', (e) => deliver({ type: 'error', message: e.message }));
      ws.on('close', (code, reason) => {
        sockets.delete(id);
        deliver({ type: 'close', code, reason: reason.toString() });
      });
    },
    wsSend(id: string, text: string) {
      calls.push(['wsSend', id, text]);
      sockets.get(id)?.send(text);
    },
    wsClose(id: string, code: string, reason: string) {
      calls.push(['wsClose', id, code, reason]);
      sockets.get(id)?.close(Number(code), reason);
    },
  };
  return { host: Object.assign(host, members), calls, sockets };
}
