// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// Shared helpers of the emulator tests: an emulator on port 0 with a clock the test moves, a raw HTTP client that
// keeps the fallback-cookie session like a native SDK, and the SDKs under test behind one small factory.

import { startEmulator } from '../../../Tools~/emulator/index.mjs';

export type Emulator = Awaited<ReturnType<typeof startEmulator>>;

/** A clock the test controls: starts at the real time, moves only with `advance`. */
export function testClock(start = Date.now()) {
  let t = start;
  return {
    now: () => t,
    advance(ms: number) {
      t += ms;
    },
    set(ms: number) {
      t = ms;
    },
  };
}

export async function startTestEmulator(options: Parameters<typeof startEmulator>[0] = {}) {
  const clock = testClock();
  const emulator = await startEmulator({ port: 0, quiet: true, now: clock.now, ...options });
  return { emulator, clock };
}

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  body: any;
}

/**
 * A minimal native client over fetch: sends `X-Appwrite-Project`, keeps `X-Fallback-Cookies` (and clears it on
 * `[]`), as the Unity/native path does. `raw` lets a test send any body and headers.
 */
export function rawClient(endpoint: string, project = 'demo-project') {
  let fallback = '';
  const client = {
    get fallback() {
      return fallback;
    },
    set fallback(value: string) {
      fallback = value;
    },
    /** The cookie value (base64 `{id, secret}`) of the current session, for X-Appwrite-Session and realtime. */
    get sessionValue(): string {
      if (!fallback || fallback === '[]') return '';
      return JSON.parse(fallback)[`a_session_${project}`] ?? '';
    },
    async raw(method: string, path: string, init: { body?: string; headers?: Record<string, string>; session?: boolean } = {}): Promise<RawResponse> {
      const headers: Record<string, string> = { 'x-appwrite-project': project, ...init.headers };
      if (init.session !== false && fallback && !headers['x-fallback-cookies']) headers['x-fallback-cookies'] = fallback;
      const res = await fetch(endpoint + path, { method, headers, body: init.body, redirect: 'manual' });
      const text = await res.text();
      const stored = res.headers.get('x-fallback-cookies');
      if (stored) fallback = stored === '[]' ? '' : stored;
      let body: any = text;
      if (res.headers.get('content-type')?.includes('application/json')) body = JSON.parse(text);
      return { status: res.status, headers: res.headers, text, body };
    },
    call(method: string, path: string, params?: Record<string, unknown>, headers: Record<string, string> = {}) {
      if (method === 'GET') {
        const query = params ? `?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))}` : '';
        return client.raw('GET', path + query, { headers });
      }
      return client.raw(method, path, { body: JSON.stringify(params ?? {}), headers: { 'content-type': 'application/json', ...headers } });
    },
  };
  return client;
}

/** The newest outbox message for `to`, read over HTTP as a user would. */
export async function outboxFor(emulator: Emulator, to: string): Promise<any> {
  const res = await fetch(`${emulator.url.replace(/\/v1$/, '')}/_emulator/messages?to=${encodeURIComponent(to)}`);
  const { messages } = (await res.json()) as { messages: any[] };
  return messages.at(-1);
}

// ---------------------------------------------------------------------------------------------------------------
// SDKs under test. Each device is an isolated client with its own session storage.

export interface Device {
  client: any;
  account: any;
  /** Forgets the stored session (a fresh install). */
  reset(): void;
}

export interface SdkUnderTest {
  name: string;
  ID: { unique(): string };
  Query: { limit(n: number): string; offset(n: number): string; equal(attribute: string, value: unknown): string };
  recoveryCodeFactor: string;
  totpType: string;
  device(endpoint: string, project?: string): Device;
}

/**
 * The official Web SDK `appwrite@26.2.0` in Node. It keeps the fallback-cookie session in
 * `window.localStorage.cookieFallback`, so `window` is this global and `localStorage` a proxy to the storage of the
 * device currently calling (devices are used one call at a time). It puts the globals in place; `restore` puts
 * the previous ones back.
 */
export async function officialSdk(): Promise<{ sdk: SdkUnderTest; restore: () => void }> {
  const g = globalThis as any;
  const saved = { window: Object.getOwnPropertyDescriptor(g, 'window'), localStorage: Object.getOwnPropertyDescriptor(g, 'localStorage') };
  let current = new Map<string, string>();
  const storage = {
    getItem: (k: string) => (current.has(k) ? current.get(k)! : null),
    setItem: (k: string, v: string) => void current.set(k, String(v)),
    removeItem: (k: string) => void current.delete(k),
    clear: () => current.clear(),
  };
  Object.defineProperty(g, 'window', { value: g, configurable: true, writable: true });
  Object.defineProperty(g, 'localStorage', { value: storage, configurable: true, writable: true });
  const restore = () => {
    for (const key of ['window', 'localStorage'] as const) {
      const descriptor = saved[key];
      if (descriptor) Object.defineProperty(g, key, descriptor);
      else delete g[key];
    }
  };
  const appwrite: any = await import('appwrite');
  const sdk: SdkUnderTest = {
    name: 'appwrite@26.2.0 (official Web SDK)',
    ID: appwrite.ID,
    Query: appwrite.Query,
    recoveryCodeFactor: appwrite.AuthenticationFactor.Recoverycode,
    totpType: appwrite.AuthenticatorType.Totp,
    device(endpoint: string, project = 'demo-project') {
      const own = new Map<string, string>();
      const client = new appwrite.Client().setEndpoint(endpoint).setProject(project);
      const account = new appwrite.Account(client);
      // Route every call through this device's storage.
      const bound = new Proxy(account, {
        get(target, prop) {
          const value = target[prop];
          if (typeof value !== 'function') return value;
          return (...args: unknown[]) => {
            current = own;
            return value.apply(target, args);
          };
        },
      });
      return { client, account: bound, reset: () => own.clear() };
    },
  };
  return { sdk, restore };
}

/**
 * Our TypeScript SDK (Runtime/TypeScript~/src), when it loads: each device gets its own MemoryStorage. Returns
 * undefined (and the reason) when the core is missing or does not load yet.
 */
export async function ourSdk(): Promise<{ sdk?: SdkUnderTest; reason?: string }> {
  try {
    const core: any = await import('../../../Runtime/TypeScript~/src/index.js');
    if (!core.Client || !core.Account || !core.ID) return { reason: 'Runtime/TypeScript~/src/index.ts does not export Client, Account and ID yet' };
    return {
      sdk: {
        name: 'our TypeScript SDK (Runtime/TypeScript~/src)',
        ID: core.ID,
        Query: core.Query,
        recoveryCodeFactor: core.AuthenticationFactor?.Recoverycode ?? 'recoverycode',
        totpType: core.AuthenticatorType?.Totp ?? 'totp',
        device(endpoint: string, project = 'demo-project') {
          const storage = new core.MemoryStorage();
          const client = new core.Client({ storage, retry: { limit: 0 } }).setEndpoint(endpoint).setProject(project);
          const account = new core.Account(client);
          return { client, account, reset: () => storage.clear?.() ?? client.clearSession?.() };
        },
      },
    };
  } catch (e) {
    return { reason: `Runtime/TypeScript~/src/index.ts does not load: ${(e as Error).message}` };
  }
}
