// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// Crash-safe JSON snapshots for `--data <dir>`.
//
// Every mutation schedules a write; writes are coalesced (one write at a time, and every change made while a write
// is in flight is picked up by the next one), so the snapshot trails the in-memory state by one write cycle,
// typically a few milliseconds (more when fsync is slow). A write goes to a temp file in the same directory, is
// fsynced, then renamed over the snapshot and the directory is fsynced: a `kill -9` at any point leaves either the
// previous snapshot or the new one, never a torn file. Leftover temp files are ignored and removed on load.

import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

export const SNAPSHOT_FILE = 'emulator-state.json';

/**
 * Reads the snapshot of `dir`, if any. A snapshot that cannot be parsed (which atomic writes never produce, but a
 * hand edit can) is moved aside to `<file>.corrupt-<time>` and the emulator starts empty.
 * @param {string} dir
 * @param {(message: string) => void} warn
 * @returns {any | undefined}
 */
export function loadSnapshot(dir, warn) {
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(dir)) {
    if (name.startsWith(`${SNAPSHOT_FILE}.`) && name.endsWith('.tmp')) rmSync(join(dir, name), { force: true });
  }
  const file = join(dir, SNAPSHOT_FILE);
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if (/** @type {NodeJS.ErrnoException} */ (e).code === 'ENOENT') return undefined;
    throw e;
  }
  try {
    return JSON.parse(text);
  } catch {
    const aside = `${file}.corrupt-${Date.now()}`;
    renameSync(file, aside);
    warn(`State file ${file} is not valid JSON; moved it to ${aside} and starting empty.`);
    return undefined;
  }
}

/**
 * @param {string} dir
 * @param {() => unknown} snapshot returns the data to write (called at write time, so it is always current)
 * @param {(message: string) => void} warn
 */
export function createSnapshotWriter(dir, snapshot, warn) {
  const file = join(dir, SNAPSHOT_FILE);
  let counter = 0;
  let dirty = false;
  let scheduled = false;
  /** @type {Promise<void> | null} */
  let writing = null;

  async function writeOnce() {
    const tmp = join(dir, `${SNAPSHOT_FILE}.${process.pid}.${++counter}.tmp`);
    const data = JSON.stringify(snapshot());
    const handle = await open(tmp, 'w');
    try {
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await rename(tmp, file);
    } catch (e) {
      await rm(tmp, { force: true });
      throw e;
    }
    try {
      const dirHandle = await open(dir, 'r');
      await dirHandle.sync().finally(() => dirHandle.close());
    } catch {
      // Directory fsync is not supported everywhere (e.g. Windows); the rename itself is still atomic.
    }
  }

  async function drain() {
    while (dirty) {
      dirty = false;
      try {
        await writeOnce();
      } catch (e) {
        warn(`Could not save state to ${file}: ${/** @type {Error} */ (e).message}`);
      }
    }
    writing = null;
  }

  return {
    /** Marks the state changed; the write starts on the next turn of the event loop. */
    changed() {
      dirty = true;
      if (writing || scheduled) return;
      scheduled = true;
      setImmediate(() => {
        scheduled = false;
        if (!writing) writing = drain();
      });
    },
    /** Resolves once every change so far is on disk. */
    async flush() {
      if (scheduled || dirty) {
        scheduled = false;
        if (!writing) writing = drain();
      }
      while (writing) await writing;
    },
  };
}
