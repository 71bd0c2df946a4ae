// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// The .NET test ring's script engine: runs the real bundle in Node and speaks the bridge contract to C# over
// stdin/stdout, one JSON message per line. See PROTOCOL.md beside this file.
//
// Synchronous host members (storageGet/storageSet) must return a value inside the JS call, so this thread blocks
// on Atomics.wait while a worker thread, which owns stdin, hands it C#'s reply through shared memory. Every other
// line the worker reads is posted to this thread and handled in order.

import { readFileSync, writeSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { runInThisContext } from 'node:vm';
import { Worker } from 'node:worker_threads';

const REPLY_BYTES = 1 << 20;
const bundlePath = process.argv[2];
// --classic: the file is the bundle as a classic script (C#'s ClassicBundle.Wrap, what WebGL players Eval), which
// stores its exports on globalThis.__playloomAppwrite instead of exporting them.
const classic = process.argv.includes('--classic');
if (!bundlePath) {
  process.stderr.write('usage: node host.mjs <path to appwrite.mjs> [--classic]\n');
  process.exit(2);
}

// [0] state: 0 waiting, 1 reply ready, 2 reply too large, 3 stdin closed; [1] reply length in bytes.
const control = new Int32Array(new SharedArrayBuffer(8));
const replyBytes = new Uint8Array(new SharedArrayBuffer(REPLY_BYTES));
const decoder = new TextDecoder();

function send(message) {
  const line = Buffer.from(JSON.stringify(message) + '\n', 'utf8');
  for (let offset = 0; offset < line.length;) {
    try {
      offset += writeSync(1, line, offset);
    } catch (error) {
      if (error.code !== 'EAGAIN') throw error;
    }
  }
}

let bundle;
try {
  if (classic) {
    runInThisContext(readFileSync(bundlePath, 'utf8'), { filename: bundlePath });
    bundle = globalThis.__playloomAppwrite;
    if (!bundle || typeof bundle !== 'object') throw new Error('the classic script did not set globalThis.__playloomAppwrite');
  } else {
    bundle = await import(pathToFileURL(bundlePath).href);
  }
} catch (error) {
  send({ t: 'hello', error: `cannot import the bundle: ${error?.message ?? error}` });
  process.exit(1);
}

let seq = 0;
const jsFunctions = new Map(); // id → JS function handed to C# (the core's `done` and `onEvent` callbacks)
const keptFunctions = new Set(); // ids of functions C# calls many times (wsOpen's onEvent)
let nextFunction = 0;

// A JS function passed to C# becomes {"$fn": id}; C# calls it back with {"t":"fn"}. A `keep` function (wsOpen's
// onEvent) lives until its socket's `close` event or until the core closes the socket (wsClose: the core ignores the
// socket's events from then on); any other is forgotten after its first call.
function functionToken(fn, keep = false) {
  const id = `j${++nextFunction}`;
  jsFunctions.set(id, fn);
  if (keep) keptFunctions.add(id);
  return keep ? { $fn: id, keep: true } : { $fn: id };
}

// Blocks until C# answers a synchronous host call; C# answers on its main thread.
function callSync(host, member, args) {
  const id = ++seq;
  Atomics.store(control, 0, 0);
  send({ t: 'host', seq: id, host, member, args, sync: true });
  while (Atomics.load(control, 0) === 0) {
    if (Atomics.wait(control, 0, 0, 30000) === 'timed-out') throw new Error(`the C# host did not answer ${member} within 30 s`);
  }
  const state = Atomics.load(control, 0);
  if (state === 3) throw new Error('stdin closed while waiting for the C# host');
  if (state === 2) throw new Error(`the C# reply to ${member} exceeds ${REPLY_BYTES} bytes`);
  const reply = JSON.parse(decoder.decode(replyBytes.slice(0, Atomics.load(control, 1))));
  if (reply.seq !== id) throw new Error(`reply ${reply.seq} does not answer host call ${id}`);
  if (reply.error !== undefined) throw new Error(reply.error);
  return reply.value;
}

// The host object of one C# client: every member forwards to C#.
function hostProxy(id) {
  const post = (member) => (...args) => send({ t: 'host', host: id, member, args: args.map((a) => (typeof a === 'function' ? functionToken(a) : a)) });
  const sockets = new Map(); // socket id → its onEvent function's id
  return {
    http: post('http'),
    httpAbort: post('httpAbort'),
    emit: post('emit'),
    log: post('log'),
    // The realtime members run in C# (the real ClientWebSocketBridge): Node only forwards the core's frames.
    wsOpen: (socketId, url, protocolsJson, onEvent) => {
      const token = functionToken(onEvent, true);
      sockets.set(socketId, token.$fn);
      send({ t: 'host', host: id, member: 'wsOpen', args: [socketId, url, protocolsJson, token] });
    },
    wsSend: post('wsSend'),
    wsClose: (socketId, code, reason) => {
      forget(sockets.get(socketId));
      sockets.delete(socketId);
      send({ t: 'host', host: id, member: 'wsClose', args: [socketId, code, reason] });
    },
    storageGet: (key) => callSync(id, 'storageGet', [key]),
    storageSet: (key, value) => void callSync(id, 'storageSet', [key, value]),
  };
}

const callback = (id) => (text) => send({ t: 'cb', id, args: [text] });

function forget(fnId) {
  jsFunctions.delete(fnId);
  keptFunctions.delete(fnId);
}
// A C# callback handed over as {"$cb": id} (subscribe's onEvent and onReady).
const callbackOf = (token) => (token && typeof token.$cb === 'string' ? callback(token.$cb) : undefined);

function handle(message) {
  switch (message.t) {
    case 'call': {
      // Synchronous exports: the reply carries the return value.
      const [a, b, c] = message.args;
      let value;
      if (message.fn === 'createClient') value = bundle.createClient(a, hostProxy(b.$host));
      else if (message.fn === 'configure') value = bundle.configure(a, b, c);
      else if (message.fn === 'subscribe') value = bundle.subscribe(a, b, c, message.args[3], callbackOf(message.args[4]), callbackOf(message.args[5]));
      else if (message.fn === 'updateSubscription') value = bundle.updateSubscription(a, b, c, message.args[3]);
      else if (message.fn === 'unsubscribe') value = bundle.unsubscribe(a, b);
      else if (message.fn === 'stats') value = JSON.stringify({ functions: jsFunctions.size, kept: keptFunctions.size }); // leak checks of the ring
      else value = JSON.stringify({ name: 'AppwriteException', message: `unknown export ${message.fn}`, code: 0, type: 'client_bridge_error', response: '' });
      send({ t: 'ret', seq: message.seq, value });
      break;
    }
    case 'invoke': {
      const [handleId, callId, service, method, argsJson] = message.args;
      bundle.invoke(handleId, callId, service, method, argsJson, callback(message.resolve), callback(message.reject));
      break;
    }
    case 'cancel':
      bundle.cancel(message.args[0], message.args[1]);
      break;
    case 'dispose':
      bundle.disposeClient(message.args[0]);
      break;
    case 'fn': {
      const fn = jsFunctions.get(message.id);
      if (!keptFunctions.has(message.id) || String(message.args[0]).startsWith('{"type":"close"')) forget(message.id);
      fn?.(...message.args);
      break;
    }
    case 'eof':
      process.exit(0);
      break;
    default:
      process.stderr.write(`host.mjs: unknown message ${JSON.stringify(message).slice(0, 200)}\n`);
  }
}

const worker = new Worker(new URL('./stdin-reader.mjs', import.meta.url), { workerData: { control, replyBytes } });
worker.on('message', (line) => {
  try {
    handle(JSON.parse(line));
  } catch (error) {
    process.stderr.write(`host.mjs: ${error?.stack ?? error}\n`);
  }
});
worker.on('error', (error) => {
  process.stderr.write(`host.mjs: stdin reader failed: ${error?.stack ?? error}\n`);
  process.exit(1);
});

const exports = ['bridgeVersion', 'createClient', 'configure', 'invoke', 'cancel', 'disposeClient', 'subscribe', 'updateSubscription', 'unsubscribe'].filter((name) => name in bundle);
send({ t: 'hello', bridgeVersion: typeof bundle.bridgeVersion === 'string' ? bundle.bridgeVersion : '', exports, node: process.version });
