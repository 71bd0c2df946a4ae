// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// Native clients keep their session in the `X-Fallback-Cookies` header (reference 3.5): the server sends
// {"a_session_<project>":"<base64 of {id, secret}>"} on sign-in and `[]` on sign-out; the client stores the raw
// value and sends it back on every request. Stored per project and endpoint so environments never share a session.

import { decodeBase64Utf8 } from '../utils/base64.js';
import type { KeyValueStorage } from './storage.js';

/** The session as the rest of the SDK may see it: never the secret. */
export interface SessionState {
  signedIn: boolean;
  userId: string | null;
}

export class SessionStore {
  private readonly storage: KeyValueStorage;
  private readonly onStorageError: (error: unknown) => void;
  private key = '';
  private project = '';
  private value: string | undefined;

  constructor(storage: KeyValueStorage, onStorageError: (error: unknown) => void) {
    this.storage = storage;
    this.onStorageError = onStorageError;
  }

  /** Points the store at a project and endpoint, loading what was saved for them. */
  use(endpoint: string, project: string): void {
    const key = `appwrite.fallbackCookies.${project}.${endpoint}`;
    if (key === this.key) return;
    this.key = key;
    this.project = project;
    try {
      this.value = this.storage.get(key);
    } catch (error) {
      this.value = undefined;
      this.onStorageError(error);
    }
  }

  /** The value to send as `X-Fallback-Cookies`, if any. */
  get header(): string | undefined {
    return this.value;
  }

  /** The `a_session_<project>` cookie value (base64), e.g. for realtime authentication. */
  get cookie(): string | undefined {
    return parseCookies(this.value)?.[`a_session_${this.project}`];
  }

  get state(): SessionState {
    const cookie = this.cookie;
    return { signedIn: cookie !== undefined, userId: cookie ? userIdOf(cookie) : null };
  }

  /** Takes an `X-Fallback-Cookies` response header; `[]` (or any value without a session) clears. */
  capture(header: string): void {
    const cookies = parseCookies(header);
    if (cookies === undefined) return; // not JSON: keep what we have rather than lose a good session
    this.save(Object.keys(cookies).length > 0 ? header : undefined);
  }

  clear(): void {
    this.save(undefined);
  }

  private save(value: string | undefined): void {
    if (value === this.value) return;
    this.value = value;
    try {
      this.storage.set(this.key, value);
    } catch (error) {
      this.onStorageError(error);
    }
  }
}

function parseCookies(value: string | undefined): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  try {
    const parsed = JSON.parse(value) as unknown;
    if (Array.isArray(parsed)) return {};
    if (!parsed || typeof parsed !== 'object') return undefined;
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) if (typeof v === 'string' && v) out[k] = v;
    return out;
  } catch {
    return undefined;
  }
}

/** The user a session cookie value names (base64 of {"id","secret"}); never the secret. */
export function userIdOf(cookie: string | undefined): string | null {
  if (!cookie) return null;
  try {
    const id = (JSON.parse(decodeBase64Utf8(cookie) ?? '') as { id?: unknown }).id;
    return typeof id === 'string' ? id : null;
  } catch {
    return null;
  }
}
