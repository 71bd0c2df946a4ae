// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// `npm run bench:realtime`: event latency from an emulator write to the Realtime callback, through the bundle.
// Starts an emulator on a loopback port (rate limits off, no session limit), signs CLIENTS clients in as the same
// user (the mock phone), subscribes each to `account`, then makes WRITES updateName/updatePrefs calls from one more
// client of that user. Each write should reach every subscribed client once; latency is measured per callback from
// the moment the write request starts (so it includes the HTTP round trip of the write). Prints p50/p99, counts,
// and any missing or duplicate deliveries. Bounded loops; stops by itself.

import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import WebSocket from 'ws';
import { startEmulator } from '../emulator/index.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { Account, Channel, Client, ID, Realtime } = await import(pathToFileURL(join(root, 'Runtime/Resources/PlayloomAppwrite/appwrite.mjs')).href);

const CLIENTS = 100;
const WRITES = 60;
const WARMUP = 5; // writes before the measured ones (JIT, socket buffers), not counted
const WRITE_TIMEOUT_MS = 5000;
const PHONE = '+15555550100';

const emulator = await startEmulator({ port: 0, host: '127.0.0.1', quiet: true, rateLimit: false, sessionLimit: 0 });
const clients = [];
const realtimes = [];
try {
  const signIn = async () => {
    const client = new Client({ webSocket: WebSocket }).setEndpoint(emulator.url).setProject('demo-project');
    const account = new Account(client);
    const token = await account.createPhoneToken({ userId: ID.unique(), phone: PHONE });
    await account.createSession({ userId: token.userId, secret: '123456' });
    clients.push(client);
    return { client, account };
  };

  // Who received which write, and when.
  let current = { tag: '', started: 0, seen: new Map() };
  const latencies = [];
  let duplicates = 0;
  let other = 0; // e.g. the session events of later sign-ins
  const onEvent = (index) => (event) => {
    const at = performance.now();
    const tag = event.payload?.name === current.tag || event.payload?.prefs?.tag === current.tag ? current.tag : '';
    if (!tag) return void other++;
    if (current.seen.has(index)) return void duplicates++;
    current.seen.set(index, at - current.started);
  };

  const setupStarted = performance.now();
  for (let i = 0; i < CLIENTS; i++) {
    const { client } = await signIn();
    const realtime = new Realtime(client);
    realtimes.push(realtime);
    await realtime.subscribe(Channel.account(), onEvent(i));
  }
  const writer = await signIn();
  console.log(`setup: ${CLIENTS} clients signed in and subscribed in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s (emulator ${emulator.url})`);

  let missing = 0;
  let writesStarted = performance.now();
  for (let w = -WARMUP; w < WRITES; w++) {
    const tag = `bench-${w}`;
    current = { tag, started: performance.now(), seen: new Map() };
    if (w % 2 === 0) await writer.account.updateName({ name: tag });
    else await writer.account.updatePrefs({ prefs: { tag } });
    const deadline = performance.now() + WRITE_TIMEOUT_MS;
    while (current.seen.size < CLIENTS && performance.now() < deadline) await new Promise((r) => setTimeout(r, 1));
    if (w < 0) {
      writesStarted = performance.now();
      continue;
    }
    missing += CLIENTS - current.seen.size;
    latencies.push(...current.seen.values());
  }
  const elapsed = (performance.now() - writesStarted) / 1000;
  await new Promise((r) => setTimeout(r, 100)); // late duplicates would land here

  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
  console.log(`writes: ${WRITES} (updateName/updatePrefs alternating) in ${elapsed.toFixed(2)} s; deliveries ${latencies.length} of ${WRITES * CLIENTS} expected`);
  console.log(`latency write start → callback (ms): p50 ${pct(50).toFixed(2)}  p99 ${pct(99).toFixed(2)}  min ${latencies[0]?.toFixed(2)}  max ${latencies.at(-1)?.toFixed(2)}  (n=${latencies.length})`);
  console.log(`missing ${missing}, duplicates ${duplicates}, other account events ${other}`);
  if (missing || duplicates) process.exitCode = 1;
} finally {
  await Promise.all(realtimes.map((r) => r.disconnect()));
  for (const c of clients) c.dispose();
  await emulator.close();
}
