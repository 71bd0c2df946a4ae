// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// The host contract (Documentation~/bridge-contract.md): what Unity (C#) or a Node test host provides to the core.
// Every argument is a string or a callback. A member may be a JS function or a C# delegate/method object, which
// Puerts exposes with `.Invoke`; callHost accepts both and keeps `this` for C# instance methods.

/** A JS function, or a C# delegate as Puerts hands it to JS. */
export type HostCallable = ((...args: never[]) => unknown) | { Invoke(...args: never[]): unknown };

/** What the host provides. All members are optional; a missing one disables its feature. */
export interface Host {
  /** `http(requestJson, done)`: performs a request and calls `done(responseJson)` exactly once. */
  http?: HostCallable;
  /** `httpAbort(id)`: aborts the request with that id; `done` must still be called (with an aborted error) or never. */
  httpAbort?: HostCallable;
  /** `storageGet(key)`: returns the stored string, or null/'' when absent. Synchronous. */
  storageGet?: HostCallable;
  /** `storageSet(key, value)`: stores a string; null or '' deletes. Synchronous. */
  storageSet?: HostCallable;
  /** `emit(event, payloadJson)`: a client event, already free of secrets. */
  emit?: HostCallable;
  /** `log(level, message)`: level is `debug`, `info`, `warn` or `error`; secrets are already redacted. */
  log?: HostCallable;
  /** Realtime: `wsOpen(id, url, protocolsJson, onEvent)`, `wsSend(id, text)`, `wsClose(id, code, reason)`. */
  wsOpen?: HostCallable;
  wsSend?: HostCallable;
  wsClose?: HostCallable;
}

export type HostMember = keyof Host;

/** True when the host provides `member`. */
export function hostHas(host: Host | undefined, member: HostMember): boolean {
  const f = host?.[member] as unknown;
  return typeof f === 'function' || (typeof f === 'object' && f !== null && typeof (f as { Invoke?: unknown }).Invoke === 'function');
}

/** Calls a host member with string/callback arguments, whether it is a JS function or a C# delegate. */
export function callHost(host: Host, member: HostMember, ...args: unknown[]): unknown {
  const f = host[member] as unknown;
  if (typeof f === 'function') return (host as Record<string, (...a: unknown[]) => unknown>)[member]!(...args);
  if (f && typeof (f as { Invoke?: unknown }).Invoke === 'function') return (f as { Invoke(...a: unknown[]): unknown }).Invoke(...args);
  throw new Error(`host has no ${member}`);
}

/** Normalises a callback that may be a JS function or a C# delegate into a JS function. */
export function toFunction(callback: unknown): ((...args: unknown[]) => unknown) | undefined {
  if (typeof callback === 'function') return callback as (...args: unknown[]) => unknown;
  if (callback && typeof (callback as { Invoke?: unknown }).Invoke === 'function') {
    return (...args: unknown[]) => (callback as { Invoke(...a: unknown[]): unknown }).Invoke(...args);
  }
  return undefined;
}
