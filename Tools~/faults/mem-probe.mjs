// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// Preloaded into a child process (`node --expose-gc --import <this file> …`) to report its memory over the IPC
// channel: the parent sends 'memory' and gets `process.memoryUsage()` back, measured after a full GC when
// --expose-gc is on. Used by the emulator load test to watch the emulator process without changing it.

if (process.send) {
  process.on('message', (message) => {
    if (message !== 'memory') return;
    globalThis.gc?.();
    process.send?.({ memory: process.memoryUsage() });
  });
  // The channel alone must not keep the process running.
  process.channel?.unref();
}
