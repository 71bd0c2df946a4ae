// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

import { callHost, type Host } from './host.js';

/** Synchronous string storage for the session. Unity: PlayerPrefs (or a secure store) behind the host. */
export interface KeyValueStorage {
  get(key: string): string | undefined;
  /** Stores `value`; `undefined` deletes the key. */
  set(key: string, value: string | undefined): void;
}

/** The shape of browser `localStorage`, accepted wherever a storage is. */
export interface WebStorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Keeps values for the life of the process (the default in Node, where no persistent store is implied). */
export class MemoryStorage implements KeyValueStorage {
  private readonly values = new Map<string, string>();
  get(key: string): string | undefined {
    return this.values.get(key);
  }
  set(key: string, value: string | undefined): void {
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, value);
  }
}

/** Adapts `localStorage` (or anything shaped like it). */
export function fromWebStorage(storage: WebStorageLike): KeyValueStorage {
  return {
    get: (key) => storage.getItem(key) ?? undefined,
    set: (key, value) => (value === undefined ? storage.removeItem(key) : storage.setItem(key, value)),
  };
}

/** Storage over the host's `storageGet`/`storageSet`; '' and null read as absent. */
export function fromHost(host: Host): KeyValueStorage {
  return {
    get: (key) => {
      const value = callHost(host, 'storageGet', key);
      return typeof value === 'string' && value !== '' ? value : undefined;
    },
    set: (key, value) => void callHost(host, 'storageSet', key, value ?? ''),
  };
}

/** Accepts either storage shape. */
export function toKeyValueStorage(storage: KeyValueStorage | WebStorageLike): KeyValueStorage {
  return 'getItem' in storage ? fromWebStorage(storage) : storage;
}
