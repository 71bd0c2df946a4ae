// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** Path with query string, as sent. */
  url: string;
  path: string;
  query: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export type Responder = (req: RecordedRequest, res: http.ServerResponse) => void;

/** A loopback HTTP server on an ephemeral port that records every request. Answers `{}` unless told otherwise. */
export async function startRecorder(respond?: Responder) {
  const requests: RecordedRequest[] = [];
  let responder: Responder = respond ?? ((_req, res) => json(res, 200, {}));
  const sockets = new Set<import('node:net').Socket>();
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const url = req.url ?? '';
      const [path = '', query = ''] = url.split('?');
      const recorded = { method: req.method ?? '', url, path, query, headers: req.headers, body };
      requests.push(recorded);
      responder(recorded, res);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    port,
    requests,
    /** Replaces the responder for the following requests. */
    respond(next: Responder) {
      responder = next;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export function json(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** A server-style error body. */
export function appwriteError(res: http.ServerResponse, status: number, type: string, message: string, headers: Record<string, string> = {}) {
  json(res, status, { message, code: status, type, version: '1.9.6' }, headers);
}

/** The base64 session cookie value the server sends in X-Fallback-Cookies. */
export function cookieValue(userId: string, secret: string): string {
  return Buffer.from(JSON.stringify({ id: userId, secret })).toString('base64');
}
