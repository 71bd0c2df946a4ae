// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// The HTTP server: CORS, the emulator's own endpoints (`/_emulator/*` and the default redirect pages), the API
// pipeline for `/v1/*`, and the WebSocket upgrade of `/v1/realtime`.

import { createServer } from 'node:http';
import { APP_VERSION } from './errors.mjs';
import { headerValue, parsePhpQuery } from './http-utils.mjs';
import { createContext, errorResult, runApi } from './pipeline.mjs';
import { accountRoutes } from './routes/account.mjs';
import { listRoutes } from './routes/lists.mjs';
import { mfaRoutes } from './routes/mfa.mjs';
import { oauthPage, oauthRoutes } from './routes/oauth.mjs';
import { recoveryRoutes } from './routes/recovery.mjs';
import { sessionRoutes } from './routes/sessions.mjs';
import { tokenRoutes } from './routes/tokens.mjs';
import { Router } from './router.mjs';
import { hostnameAllowed } from './validators.mjs';

const ALLOWED_HEADERS = ['Accept', 'Origin', 'Cookie', 'Set-Cookie', 'Content-Type', 'Content-Range', 'X-Appwrite-Project', 'X-Appwrite-Key',
  'X-Appwrite-Dev-Key', 'X-Appwrite-Locale', 'X-Appwrite-Mode', 'X-Appwrite-JWT', 'X-Appwrite-Response-Format', 'X-Appwrite-Timeout',
  'X-Appwrite-ID', 'X-Appwrite-Timestamp', 'X-Appwrite-Session', 'X-Appwrite-Platform', 'X-Appwrite-Impersonate-User-Id',
  'X-Appwrite-Impersonate-User-Email', 'X-Appwrite-Impersonate-User-Phone', 'X-SDK-Version', 'X-SDK-Name', 'X-SDK-Language',
  'X-SDK-Platform', 'X-SDK-GraphQL', 'X-SDK-Profile', 'Range', 'Cache-Control', 'Expires', 'Pragma', 'X-Fallback-Cookies',
  'X-Requested-With', 'X-Forwarded-For', 'X-Forwarded-User-Agent'].join(', ');
const EXPOSED_HEADERS = ['X-Appwrite-Session', 'X-Fallback-Cookies', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset', 'X-Appwrite-Warning'].join(', ');

/** Builds the route table of the whole client Account API (plus ping). */
export function createRouter() {
  const router = new Router();
  router.add([...accountRoutes, ...sessionRoutes, ...tokenRoutes, ...recoveryRoutes, ...mfaRoutes, ...listRoutes, ...oauthRoutes]);
  router.add([{ method: 'GET', path: '/v1/ping', scope: 'global', handler: () => ({ status: 200, text: 'Pong!' }) }]);
  return router;
}

/** CORS headers for a browser (Unity WebGL) origin; with `--platform` only allowed hosts are echoed. */
function corsHeaders(emu, req) {
  const origin = headerValue(req.headers, 'origin');
  /** @type {Record<string, string>} */
  const headers = { Vary: 'Origin' };
  if (!origin) return headers;
  if (emu.config.platforms.length) {
    let host = '';
    try {
      host = new URL(origin).hostname;
    } catch {
      return headers;
    }
    if (!hostnameAllowed(host, emu.allowedHostnames)) return headers;
  }
  headers['Access-Control-Allow-Origin'] = origin;
  headers['Access-Control-Allow-Credentials'] = 'true';
  headers['Access-Control-Allow-Methods'] = 'GET, POST, PUT, PATCH, DELETE';
  headers['Access-Control-Allow-Headers'] = ALLOWED_HEADERS;
  headers['Access-Control-Expose-Headers'] = EXPOSED_HEADERS;
  return headers;
}

/** Writes a handler result: JSON body, text, HTML, redirect or empty 204. */
function send(res, method, result, headers, cookies) {
  const out = { ...headers };
  if (cookies.length) out['Set-Cookie'] = cookies;
  let payload = '';
  if (result.location) {
    out.Location = result.location;
  } else if (result.status === 204) {
    payload = '';
  } else if (result.text !== undefined) {
    out['Content-Type'] = 'text/plain; charset=UTF-8';
    payload = result.text;
  } else if (result.html !== undefined) {
    out['Content-Type'] = 'text/html; charset=UTF-8';
    payload = result.html;
  } else {
    out['Content-Type'] = 'application/json; charset=UTF-8';
    payload = JSON.stringify(result.body ?? {});
  }
  if (result.status !== 204) out['Content-Length'] = String(Buffer.byteLength(payload));
  res.writeHead(result.status, out);
  res.end(method === 'HEAD' ? undefined : payload);
}

/** `GET/DELETE /_emulator/messages` and `GET /_emulator/health`. */
function emulatorEndpoint(emu, req, url) {
  if (url.pathname === '/_emulator/messages') {
    if (req.method === 'DELETE') {
      emu.outbox.clear();
      return { status: 204 };
    }
    if (req.method === 'GET' || req.method === 'HEAD') {
      const q = url.searchParams;
      const filter = { to: q.get('to') ?? undefined, channel: q.get('channel') ?? undefined, project: q.get('project') ?? undefined, userId: q.get('userId') ?? undefined };
      return { status: 200, body: { messages: emu.outbox.list(filter) } };
    }
    return { status: 405, body: { message: 'Use GET or DELETE.', code: 405, type: 'general_route_not_found', version: APP_VERSION } };
  }
  if (url.pathname === '/_emulator/health') {
    return { status: 200, body: { status: 'ok', version: APP_VERSION, projects: [...emu.store.projects.keys()] } };
  }
  return null;
}

/** `GET /` in a browser: what this server is and where to point an SDK. */
function landingPage(emu, req) {
  const base = `http://${headerValue(req.headers, 'host') || `${emu.config.host}:${emu.port}`}`;
  const escape = (text) => String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
  const projects = [...emu.store.projects.keys()].map(escape).join(', ');
  return {
    status: 200,
    html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Appwrite Account emulator</title></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem">
<h1>Appwrite Account emulator</h1><p>The client Account API of Appwrite ${APP_VERSION} is served at <code>${escape(base)}/v1</code> for the projects ${projects}.</p>
<p>Outbox (OTPs and email links): <a href="/_emulator/messages">/_emulator/messages</a></p></body></html>`,
  };
}

/** @param {any} emu */
export function createHttpServer(emu) {
  const server = createServer({ keepAliveTimeout: 10_000 }, (req, res) => {
    const url = new URL(req.url ?? '/', 'http://emulator');
    const cors = corsHeaders(emu, req);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...cors, 'Access-Control-Max-Age': '86400' });
      res.end();
      return;
    }
    const own = url.pathname.startsWith('/_emulator/')
      ? emulatorEndpoint(emu, req, url) ?? oauthPage(emu, url)
      : url.pathname.startsWith('/console/')
        ? oauthPage(emu, url)
        : url.pathname === '/' && (req.method === 'GET' || req.method === 'HEAD')
          ? landingPage(emu, req)
          : null;
    if (own) {
      req.resume();
      send(res, req.method, own, { ...cors, 'Cache-Control': 'no-store' }, []);
      return;
    }
    const ctx = createContext(emu, req, url, parsePhpQuery(url.search.slice(1)));
    const format = headerValue(req.headers, 'x-appwrite-response-format');
    if (format && compareVersions(format, APP_VERSION) > 0) {
      ctx.setHeader('X-Appwrite-Warning', `The current SDK is built for Appwrite ${format}. However, the current Appwrite server version is ${APP_VERSION}. Please downgrade your SDK to match the Appwrite version: https://appwrite.io/docs/sdks`);
    }
    runApi(ctx)
      .catch((error) => errorResult(ctx, error))
      .then((result) => {
        if (res.headersSent || res.destroyed) return;
        send(res, req.method, result, { ...cors, ...ctx.outHeaders }, ctx.cookies);
        emu.logRequest(req.method, url.pathname, result.status);
      })
      .catch((error) => emu.logError(error));
  });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://emulator');
    if (url.pathname === '/v1/realtime') emu.realtime.upgrade(req, socket, head);
    else socket.destroy();
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
  });
  return server;
}

function compareVersions(a, b) {
  const x = a.split('.').map((n) => Number.parseInt(n, 10) || 0);
  const y = b.split('.').map((n) => Number.parseInt(n, 10) || 0);
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}
