// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// `npm run bench:emulator`: requests per second of the emulator for a sign-in-and-get-account loop
// (POST /v1/account/sessions/email, then GET /v1/account with the fallback-cookie session), at concurrency 1 and 50,
// over keep-alive loopback connections. It starts its own emulator (rate limits off, quiet) in a worker thread, so
// the load generator does not share the emulator's event loop, and stops by itself.
//
// Options: --duration <seconds per level> (default 3), --concurrency <list> (default 1,50)

import { Agent, request } from 'node:http';
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
import { startEmulator } from '../emulator/index.mjs';

if (!isMainThread && parentPort) {
  // The emulator's thread: start, report the URL, stop when told.
  const port = parentPort;
  const emulator = await startEmulator({ port: 0, rateLimit: false, quiet: true });
  port.postMessage(emulator.url);
  port.once('message', async () => {
    await emulator.close();
    process.exit(0);
  });
}

function option(name, fallback) {
  const at = process.argv.indexOf(name);
  return at > 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

const durationS = Number(option('--duration', '3'));
const levels = option('--concurrency', '1,50').split(',').map(Number).filter((n) => n > 0);
if (!(durationS > 0) || durationS > 120 || !levels.length) {
  console.error('Usage: node Tools~/bench/emulator.mjs [--duration <1-120 s>] [--concurrency 1,50]');
  process.exit(2);
}

const PROJECT = 'demo-project';
const PASSWORD = 'bench-password';

/** One HTTP request over the keep-alive agent; resolves with status, headers and body text. */
function send(agent, url, method, path, headers, body) {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { method, agent, headers: { 'x-appwrite-project': PROJECT, ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

function percentile(sorted, p) {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function runLevel(url, concurrency) {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const json = { 'content-type': 'application/json' };
  const emails = Array.from({ length: concurrency }, (_, i) => `bench-${concurrency}-${i}@example.com`);
  for (const email of emails) {
    const res = await send(agent, url, 'POST', '/account', json, JSON.stringify({ userId: 'unique()', email, password: PASSWORD }));
    if (res.status !== 201) throw new Error(`could not create ${email}: ${res.status} ${res.text}`);
  }
  const latencies = [];
  let iterations = 0;
  let failures = 0;
  const deadline = performance.now() + durationS * 1000;
  async function worker(email) {
    const credentials = JSON.stringify({ email, password: PASSWORD });
    while (performance.now() < deadline) {
      let started = performance.now();
      const signIn = await send(agent, url, 'POST', '/account/sessions/email', json, credentials);
      latencies.push(performance.now() - started);
      const fallback = signIn.headers['x-fallback-cookies'];
      if (signIn.status !== 201 || typeof fallback !== 'string') {
        failures += 1;
        continue;
      }
      started = performance.now();
      const me = await send(agent, url, 'GET', '/account', { 'x-fallback-cookies': fallback });
      latencies.push(performance.now() - started);
      if (me.status === 200) iterations += 1;
      else failures += 1;
    }
  }
  const started = performance.now();
  await Promise.all(emails.map(worker));
  const elapsedS = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    concurrency,
    requests: latencies.length,
    requestsPerSecond: latencies.length / elapsedS,
    loopsPerSecond: iterations / elapsedS,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    failures,
  };
}

async function main() {
  const worker = new Worker(new URL(import.meta.url));
  const url = await new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  try {
    console.log(`Emulator benchmark: sign in (POST /account/sessions/email) + GET /account, ${durationS} s per level, Node ${process.version}`);
    console.log('concurrency  requests     req/s   loops/s  p50 ms  p99 ms  failures');
    for (const level of levels) {
      const r = await runLevel(url, level);
      const row = [
        String(r.concurrency).padStart(11),
        String(r.requests).padStart(8),
        r.requestsPerSecond.toFixed(0).padStart(9),
        r.loopsPerSecond.toFixed(0).padStart(9),
        r.p50.toFixed(2).padStart(6),
        r.p99.toFixed(2).padStart(6),
        String(r.failures).padStart(8),
      ];
      console.log(row.join('  '));
    }
  } finally {
    worker.postMessage('stop');
    await new Promise((resolve) => worker.once('exit', resolve));
  }
}

if (isMainThread) await main();
