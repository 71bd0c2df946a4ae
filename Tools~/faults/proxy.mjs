// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// A fault-injecting HTTP/1.1 proxy for tests: SDK → proxy → Appwrite (the emulator). Loopback only.
//
// It speaks raw HTTP on the client side (its own small parser over node:net), so it can break a response anywhere:
// before the request reaches the server, after the server handled it, between headers and body, or in the body.
// Every request is forwarded at most once, and the proxy counts forwards per (method, path, body hash, call tag),
// so "a non-idempotent request the server saw twice" is measured where the server sees it, not inferred.
//
// Faults (the `fault` a plan returns for one request):
//   refuse        RST on the client socket before forwarding: the server never sees the request
//   blackhole     no forward and no answer, until the client gives up (or maxStallMs): packets lost on the way in
//   reset         forward, then RST instead of the response: the server did the work, the client saw nothing
//   stallHeaders  forward, then send nothing until the client gives up (or maxStallMs passes)
//   stallBody     forward, send the headers and half the body, then stall
//   truncate      forward, send the headers (full Content-Length) and half the body, then close (FIN)
//   cutBody       forward, send the first half of the body as if it were all of it (Content-Length of the half)
//   garbage       forward, replace the body with random bytes (headers kept, Content-Length fixed)
//   garbageResponse forward, answer random non-HTTP bytes, then close
//   burst5xx      answer 500/502/503/504 without forwarding; the next attempts of the same call get one too
//   rateLimit     answer 429 with X-RateLimit-Limit/Remaining/Reset, without forwarding
//   duplicate     forward, write the response twice (in one write) and close the connection
//   reorder       forward, hold the response until a later one was delivered (or reorderMaxMs), then deliver
//   trickle       forward, deliver the response a few bytes at a time
//
// A plan is a function `(info) => fault | null`, or data: `{seed, rate, weights, rules}` (see makePlan), so it can
// also be set over the control endpoint (`POST /_faults/plan`) by a test in another process (.NET ring).
// Control endpoints (never forwarded): GET /_faults/stats, POST /_faults/plan, POST /_faults/offline?mode=reset|off,
// POST /_faults/reset-stats.
//
// CLI: node Tools~/faults/proxy.mjs --upstream http://127.0.0.1:8787 [--port 0] [--seed 1 --rate 0.3]
//      prints one JSON line {"url":"http://127.0.0.1:<port>"} and runs until stdin closes or SIGTERM.

import { createHash } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import { pathToFileURL } from 'node:url';

export const FAULTS = ['refuse', 'blackhole', 'reset', 'stallHeaders', 'stallBody', 'truncate', 'cutBody', 'garbage', 'garbageResponse', 'burst5xx', 'rateLimit', 'duplicate', 'reorder', 'trickle'];
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'te', 'trailer', 'upgrade', 'proxy-connection', 'proxy-authorization', 'proxy-authenticate', 'content-length', 'host']);
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
const MAX_HEAD = 64 * 1024;
const MAX_BODY = 16 * 1024 * 1024;

/**
 * Which Appwrite Account requests may be repeated: GETs and the updates the descriptor table marks idempotent
 * (src/services/account.descriptors.ts; proxy.test.ts checks that the two agree). Everything else is counted when
 * the server sees it twice.
 */
const APPWRITE_IDEMPOTENT = [/^PATCH \/v1\/account\/(name|prefs|mfa)$/, /^PUT \/v1\/account\/targets\/[^/]+\/push$/];
export function appwriteIdempotent(method, path) {
  return method === 'GET' || method === 'HEAD' || APPWRITE_IDEMPOTENT.some((r) => r.test(`${method} ${path}`));
}

/** FNV-1a of a string: the seed of one decision. */
export function hash32(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h >>> 0;
}

/** mulberry32: a small seeded PRNG returning floats in [0, 1). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Turns plan data into a decision function. Decisions are a pure function of (seed, call, attempt), never of arrival
 * order, so concurrent flows get the same faults on every run.
 * `exemptTag` (data) or `exempt` (a function) spares matching requests from random faults, e.g. an app's last try.
 * @param {{seed?: number, rate?: number, weights?: Record<string, number>, rules?: Array<{method?: string, path?: string, fault: string, times?: number}>, exemptTag?: string, exempt?: (info: any) => boolean} | ((info: any) => string | null) | null | undefined} plan
 */
export function makePlan(plan) {
  if (!plan) return () => null;
  if (typeof plan === 'function') return plan;
  const seed = plan.seed ?? 1;
  const rate = plan.rate ?? 0;
  const weights = Object.entries(plan.weights ?? Object.fromEntries(FAULTS.map((f) => [f, 1]))).filter(([, w]) => w > 0);
  const total = weights.reduce((s, [, w]) => s + w, 0);
  const rules = (plan.rules ?? []).map((r) => ({ ...r, left: r.times ?? Infinity, pattern: r.path === undefined ? undefined : new RegExp(r.path) }));
  return (info) => {
    for (const r of rules) {
      if (r.left <= 0 || (r.method && r.method !== info.method) || (r.pattern && !r.pattern.test(info.path))) continue;
      r.left--;
      info.rule = true;
      return r.fault;
    }
    if (rate <= 0 || total <= 0 || plan.exempt?.(info) || (plan.exemptTag && (info.tag ?? '').includes(plan.exemptTag))) return null;
    const random = prng(hash32(`${seed}|${info.call}|${info.attempt}`));
    if (random() >= rate) return null;
    let pick = random() * total;
    for (const [fault, w] of weights) if ((pick -= w) < 0) return fault;
    return weights[weights.length - 1][0];
  };
}

/**
 * @typedef {object} ProxyOptions
 * @property {string} upstream `http://127.0.0.1:<port>` (loopback only)
 * @property {number} [port] default 0: an ephemeral port
 * @property {any} [plan] a decision function `(info) => fault | null`, or plan data for makePlan
 * @property {string} [tagHeader] request header naming the logical call (removed before forwarding) (default 'x-fault-tag')
 * @property {(method: string, path: string) => boolean} [isIdempotent] (default appwriteIdempotent)
 * @property {number} [maxStallMs] how long a stall holds a connection at most (default 10000)
 * @property {number} [reorderMaxMs] (default 250)
 * @property {{chunkBytes: number, intervalMs: number}} [trickle] (default {chunkBytes: 24, intervalMs: 15})
 * @property {number} [burstLength] 5xx answers per burst, at most (default 3)
 */

/**
 * Starts the proxy on 127.0.0.1.
 * @param {ProxyOptions} options
 */
export async function startFaultProxy(options) {
  const upstream = new URL(options.upstream);
  if (upstream.protocol !== 'http:' || !LOOPBACK.has(upstream.hostname)) throw new Error(`fault proxy: upstream must be http on loopback (got ${options.upstream})`);
  const tagHeader = (options.tagHeader ?? 'x-fault-tag').toLowerCase();
  const isIdempotent = options.isIdempotent ?? appwriteIdempotent;
  const maxStallMs = options.maxStallMs ?? 10_000;
  const reorderMaxMs = options.reorderMaxMs ?? 250;
  const trickle = options.trickle ?? { chunkBytes: 24, intervalMs: 15 };
  const burstLength = options.burstLength ?? 3;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  let decide = makePlan(options.plan);
  let offline = false;

  const stats = newStats();
  /** per call: attempts seen and 5xx answers left in a running burst */
  const calls = new Map();
  const sockets = new Set();
  const timers = new Set();
  /** responses held by `reorder`, released when a later response goes out */
  const held = new Set();
  let seq = 0;

  const later = (ms, fn) => {
    const t = setTimeout(() => { timers.delete(t); fn(); }, ms);
    timers.add(t);
    return t;
  };

  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    readRequests(socket, (req) => handle(socket, req));
  });

  async function handle(socket, req) {
    const [path, query = ''] = req.target.split('?');
    if (path.startsWith('/_faults/')) return control(socket, req, path, query);
    if (offline) return void resetSocket(socket);
    stats.requests++;
    const tag = req.headers[tagHeader];
    const bodyHash = createHash('sha256').update(req.body).digest('hex').slice(0, 16);
    const auth = createHash('sha256').update(['x-fallback-cookies', 'x-appwrite-session', 'x-appwrite-jwt', 'cookie'].map((h) => req.headers[h] ?? '').join('|')).digest('hex').slice(0, 12);
    const callKey = tag ? `tag:${tag}|${req.method} ${req.target}|${bodyHash}` : `${req.method} ${req.target}|${bodyHash}|${auth}`;
    const call = calls.get(callKey) ?? { attempts: 0, burst: 0 };
    calls.set(callKey, call);
    call.attempts++;
    const info = { seq: ++seq, method: req.method, path, query, tag: tag ?? null, attempt: call.attempts, call: tag ?? `${req.method} ${path}`, idempotent: isIdempotent(req.method, path) };
    let fault = call.burst > 0 ? 'burst5xx' : decide(info);
    if (fault && !FAULTS.includes(fault)) fault = null;
    // A random burst continues over the next attempts of the call; a rule's 5xx is exactly one answer.
    if (fault === 'burst5xx') call.burst = call.burst > 0 ? call.burst - 1 : info.rule ? 0 : Math.floor(prng(hash32(callKey))() * burstLength);
    if (fault) {
      stats.faults[fault] = (stats.faults[fault] ?? 0) + 1;
      stats.faultsTotal++;
    }
    call.history = [...(call.history ?? []), fault ?? 'pass'];
    stats.pending++;
    try {
      if (fault === 'refuse') return void resetSocket(socket);
      if (fault === 'blackhole') return await stall(socket);
      if (fault === 'burst5xx') return void writeResponse(socket, gatewayError(info.seq));
      if (fault === 'rateLimit') return void writeResponse(socket, rateLimited());
      const response = await forward(req, callKey, info);
      if (!response) return void writeResponse(socket, { status: 502, headers: { 'content-type': 'text/plain' }, body: Buffer.from('fault proxy: upstream unreachable') });
      await deliver(socket, response, fault, info);
    } finally {
      stats.pending--;
    }
  }

  function forward(req, callKey, info) {
    const headers = {};
    for (const [name, value] of Object.entries(req.headers)) if (!HOP_BY_HOP.has(name) && name !== tagHeader) headers[name] = value;
    headers['content-length'] = String(req.body.length);
    const entry = stats.byKey.get(callKey) ?? { method: req.method, path: info.path, tag: info.tag, idempotent: info.idempotent, received: 0, forwarded: 0, history: [] };
    stats.byKey.set(callKey, entry);
    entry.received = info.attempt;
    entry.history = calls.get(callKey)?.history ?? [];
    entry.forwarded++;
    stats.forwarded++;
    return new Promise((resolve) => {
      const out = http.request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.target, headers, agent }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 502, statusText: res.statusMessage ?? '', headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', () => resolve(undefined));
      });
      out.on('error', () => { stats.upstreamErrors++; resolve(undefined); });
      out.end(req.body);
    });
  }

  async function deliver(socket, response, fault, info) {
    const random = prng(hash32(`${info.call}|${info.attempt}|body`));
    const half = Math.floor(response.body.length / 2);
    switch (fault) {
      case 'reset': return void resetSocket(socket);
      case 'stallHeaders': return stall(socket);
      case 'stallBody':
        socket.write(Buffer.concat([head(response, response.body.length), response.body.subarray(0, half)]));
        return stall(socket);
      case 'truncate': {
        // Without a body to cut (204), cut the head instead: a 204 with a Content-Length is complete to a client.
        const h = head(response, response.body.length);
        socket.end(response.body.length ? Buffer.concat([h, response.body.subarray(0, half)]) : h.subarray(0, Math.floor(h.length / 2)));
        return;
      }
      case 'cutBody':
        // A complete response whose body was cut short (Content-Length matches the cut): a size-limited gateway.
        return void writeResponse(socket, { ...response, body: response.body.subarray(0, half) });
      case 'garbage': {
        const body = Buffer.alloc(Math.max(16, response.body.length), 0).map(() => Math.floor(random() * 256));
        return void writeResponse(socket, { ...response, body });
      }
      case 'garbageResponse':
        socket.end(Buffer.alloc(64 + Math.floor(random() * 256)).map(() => Math.floor(random() * 256)));
        return;
      case 'duplicate': {
        // Both copies in one write, then close: the copy can only be seen as an unsolicited response. Written apart
        // on a kept-alive connection, it would be read as the answer of whatever request goes out next on it (HTTP/1.1
        // response desync), which no client can tell from a real answer: see RELIABILITY.md.
        const bytes = Buffer.concat([head(response, response.body.length), response.body]);
        socket.end(Buffer.concat([bytes, bytes]));
        releaseHeld();
        return;
      }
      case 'reorder':
        await new Promise((resolve) => {
          const entry = { release: resolve };
          held.add(entry);
          later(reorderMaxMs, () => { held.delete(entry); resolve(); });
        });
        return void writeResponse(socket, response);
      case 'trickle': {
        const bytes = Buffer.concat([head(response, response.body.length), response.body]);
        for (let i = 0; i < bytes.length && !socket.destroyed; i += trickle.chunkBytes) {
          socket.write(bytes.subarray(i, i + trickle.chunkBytes));
          await new Promise((r) => later(trickle.intervalMs, r));
        }
        return;
      }
      default:
        return void writeResponse(socket, response);
    }
  }

  // Holds the connection open without answering until the client closes it or maxStallMs passes.
  function stall(socket) {
    return new Promise((resolve) => {
      const timer = later(maxStallMs, () => { socket.destroy(); resolve(); });
      socket.once('close', () => { clearTimeout(timer); timers.delete(timer); resolve(); });
    });
  }

  function writeResponse(socket, response) {
    if (socket.destroyed) return;
    socket.write(Buffer.concat([head(response, response.body.length), response.body]));
    releaseHeld();
  }

  // A response going out releases the oldest held (reordered) one after it.
  function releaseHeld() {
    const first = held.values().next().value;
    if (first) {
      held.delete(first);
      setImmediate(first.release);
    }
  }

  function control(socket, req, path, query) {
    const reply = (status, body) => writeResponse(socket, { status, headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify(body)) });
    try {
      if (path === '/_faults/stats') return reply(200, snapshot());
      if (path === '/_faults/reset-stats' && req.method === 'POST') { resetStats(); return reply(200, {}); }
      if (path === '/_faults/plan' && req.method === 'POST') { decide = makePlan(req.body.length ? JSON.parse(req.body.toString('utf8')) : null); calls.clear(); return reply(200, {}); }
      if (path === '/_faults/offline' && req.method === 'POST') { setOffline(new URLSearchParams(query).get('mode') !== 'off', socket); return reply(200, { offline }); }
      return reply(404, { message: 'unknown control endpoint' });
    } catch (e) {
      return reply(400, { message: String(e?.message ?? e) });
    }
  }

  // Pulling the network: every open connection dies at once (in-flight requests see a reset) and every later request
  // is reset, until it comes back. Control requests still work (`except` is the one asking).
  function setOffline(value, except) {
    offline = value;
    if (value) for (const s of sockets) if (s !== except) resetSocket(s);
  }

  function snapshot() {
    const duplicates = [];
    for (const [key, e] of stats.byKey) if (!e.idempotent && e.forwarded > 1) duplicates.push({ key, ...e });
    return {
      requests: stats.requests, forwarded: stats.forwarded, pending: stats.pending, upstreamErrors: stats.upstreamErrors,
      faultsTotal: stats.faultsTotal, faults: { ...stats.faults }, nonIdempotentForwardedTwice: duplicates.length, duplicates,
      forwardedByKey: [...stats.byKey].map(([key, e]) => ({ key, ...e })),
    };
  }

  function resetStats() {
    Object.assign(stats, newStats());
    calls.clear();
  }

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const port = /** @type {net.AddressInfo} */ (server.address()).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    /** Counters: requests, forwarded, faults by kind, non-idempotent requests forwarded more than once. */
    stats: snapshot,
    resetStats,
    /** Replaces the plan; attempt counters restart. */
    setPlan(plan) { decide = makePlan(plan); calls.clear(); },
    /** `true` pulls the network: open connections are reset and new ones too, until `false`. */
    setOffline,
    async close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      for (const h of held) h.release();
      held.clear();
      for (const s of sockets) s.destroy();
      agent.destroy();
      await new Promise((resolve) => server.close(() => resolve(undefined)));
    },
  };
}

function newStats() {
  return { requests: 0, forwarded: 0, pending: 0, upstreamErrors: 0, faultsTotal: 0, faults: /** @type {Record<string, number>} */ ({}), byKey: new Map() };
}

function resetSocket(socket) {
  if (socket.destroyed) return;
  if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
  else socket.destroy();
}

function head(response, contentLength) {
  const lines = [`HTTP/1.1 ${response.status} ${response.statusText || http.STATUS_CODES[response.status] || 'Unknown'}`];
  for (const [name, value] of Object.entries(response.headers)) {
    if (HOP_BY_HOP.has(name.toLowerCase()) || value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) lines.push(`${name}: ${v}`);
  }
  lines.push(`content-length: ${contentLength}`, 'connection: keep-alive', '', '');
  return Buffer.from(lines.join('\r\n'), 'latin1');
}

function gatewayError(n) {
  const status = [500, 502, 503, 504][n % 4];
  // Half look like a gateway's HTML page, half like Appwrite's own JSON error.
  if (n % 2) return { status, headers: { 'content-type': 'text/html' }, body: Buffer.from(`<html><body><h1>${status} ${http.STATUS_CODES[status]}</h1></body></html>`) };
  return { status, headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify({ message: 'Server Error', code: status, type: 'general_server_error', version: '1.9.6' })) };
}

function rateLimited() {
  const reset = Math.floor(Date.now() / 1000) + 60;
  return {
    status: 429,
    headers: { 'content-type': 'application/json', 'x-ratelimit-limit': '10', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
    body: Buffer.from(JSON.stringify({ message: 'Rate limit for the current endpoint has been exceeded. Please try again after some time.', code: 429, type: 'general_rate_limit_exceeded', version: '1.9.6' })),
  };
}

// Minimal HTTP/1.1 request reader: request line, headers, and a Content-Length or chunked body. One request at a
// time per connection (clients here do not pipeline); the next is parsed once the previous one was handled.
function readRequests(socket, onRequest) {
  let buffer = Buffer.alloc(0);
  let busy = false;
  const pump = async () => {
    if (busy) return;
    busy = true;
    try {
      for (;;) {
        const parsed = parseRequest(buffer);
        if (parsed === 'invalid') return void socket.destroy();
        if (!parsed) return;
        buffer = buffer.subarray(parsed.consumed);
        await onRequest(parsed.request);
        if (socket.destroyed) return;
      }
    } finally {
      busy = false;
    }
  };
  socket.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    if (buffer.length > MAX_HEAD + MAX_BODY) return void socket.destroy();
    void pump();
  });
}

function parseRequest(buffer) {
  const end = buffer.indexOf('\r\n\r\n');
  if (end < 0) return buffer.length > MAX_HEAD ? 'invalid' : undefined;
  const [line, ...headerLines] = buffer.subarray(0, end).toString('latin1').split('\r\n');
  const match = /^([A-Z]+) (\S+) HTTP\/1\.[01]$/.exec(line);
  if (!match) return 'invalid';
  const headers = {};
  for (const h of headerLines) {
    const i = h.indexOf(':');
    if (i > 0) headers[h.slice(0, i).trim().toLowerCase()] = h.slice(i + 1).trim();
  }
  let offset = end + 4;
  let body;
  if (/chunked/i.test(headers['transfer-encoding'] ?? '')) {
    const parts = [];
    for (;;) {
      const lineEnd = buffer.indexOf('\r\n', offset);
      if (lineEnd < 0) return undefined;
      const size = parseInt(buffer.subarray(offset, lineEnd).toString('latin1'), 16);
      if (!Number.isFinite(size)) return 'invalid';
      if (buffer.length < lineEnd + 2 + size + 2) return undefined;
      offset = lineEnd + 2 + size + 2;
      if (size === 0) break;
      parts.push(buffer.subarray(lineEnd + 2, lineEnd + 2 + size));
    }
    body = Buffer.concat(parts);
  } else {
    const length = Number(headers['content-length'] ?? 0);
    if (!Number.isInteger(length) || length < 0 || length > MAX_BODY) return 'invalid';
    if (buffer.length < offset + length) return undefined;
    body = buffer.subarray(offset, offset + length);
    offset += length;
  }
  return { consumed: offset, request: { method: match[1], target: match[2], headers, body: Buffer.from(body) } };
}

// CLI: a proxy in its own process, for the .NET ring or manual experiments.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const upstreamUrl = arg('upstream');
  if (!upstreamUrl) {
    console.error('usage: node Tools~/faults/proxy.mjs --upstream http://127.0.0.1:<port> [--port 0] [--seed 1 --rate 0.3]');
    process.exit(2);
  }
  const proxy = await startFaultProxy({ upstream: upstreamUrl, port: Number(arg('port', '0')), plan: { seed: Number(arg('seed', '1')), rate: Number(arg('rate', '0')) } });
  console.log(JSON.stringify({ url: proxy.url }));
  const stop = () => void proxy.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.stdin.on('end', stop);
  process.stdin.resume();
}
