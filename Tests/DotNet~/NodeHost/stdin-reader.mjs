// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// Owns stdin for host.mjs. Replies to synchronous host calls go straight into shared memory (the main thread is
// blocked in Atomics.wait); every other line is posted to the main thread.

import { readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { parentPort, workerData } from 'node:worker_threads';

const { control, replyBytes } = workerData;
const encoder = new TextEncoder();
const chunk = Buffer.alloc(1 << 16);
const pause = new Int32Array(new SharedArrayBuffer(4));
const utf8 = new StringDecoder('utf8'); // keeps a character split across reads whole
let pending = '';

function deliverReply(line) {
  const bytes = encoder.encode(line);
  if (bytes.length > replyBytes.length) {
    Atomics.store(control, 0, 2);
  } else {
    replyBytes.set(bytes);
    Atomics.store(control, 1, bytes.length);
    Atomics.store(control, 0, 1);
  }
  Atomics.notify(control, 0);
}

for (;;) {
  let read;
  try {
    read = readSync(0, chunk, 0, chunk.length, null);
  } catch (error) {
    if (error.code === 'EAGAIN') {
      Atomics.wait(pause, 0, 0, 5);
      continue;
    }
    if (error.code === 'EOF') read = 0;
    else throw error;
  }
  if (read === 0) break;
  pending += utf8.write(chunk.subarray(0, read));
  let newline;
  while ((newline = pending.indexOf('\n')) >= 0) {
    const line = pending.slice(0, newline);
    pending = pending.slice(newline + 1);
    if (line.length === 0) continue;
    if (line.startsWith('{"t":"reply"')) deliverReply(line);
    else parentPort.postMessage(line);
  }
}
Atomics.store(control, 0, 3);
Atomics.notify(control, 0);
parentPort.postMessage('{"t":"eof"}');
