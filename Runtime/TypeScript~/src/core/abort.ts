// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// Cancellation without relying on AbortController, which Puerts' V8 and QuickJS do not have. A standard
// AbortSignal (Node, browsers) works wherever an AbortSignalLike is accepted.

/** The subset of the DOM AbortSignal the SDK reads. */
export interface AbortSignalLike {
  readonly aborted: boolean;
  readonly reason?: unknown;
  addEventListener(type: 'abort', listener: () => void): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

class HandleSignal implements AbortSignalLike {
  aborted = false;
  reason: unknown = undefined;
  readonly listeners = new Set<() => void>();
  addEventListener(_type: 'abort', listener: () => void): void {
    this.listeners.add(listener);
  }
  removeEventListener(_type: 'abort', listener: () => void): void {
    this.listeners.delete(listener);
  }
}

/**
 * An AbortController look-alike that works in every JS engine Puerts hosts.
 * @example
 * const handle = new AbortHandle();
 * const pending = account.get({}, { signal: handle.signal });
 * handle.abort(); // pending rejects with type 'client_cancelled'
 */
export class AbortHandle {
  private readonly handleSignal = new HandleSignal();

  get signal(): AbortSignalLike {
    return this.handleSignal;
  }

  /** Aborts once; later calls do nothing. */
  abort(reason?: unknown): void {
    const signal = this.handleSignal;
    if (signal.aborted) return;
    signal.aborted = true;
    signal.reason = reason;
    for (const listener of [...signal.listeners]) listener();
    signal.listeners.clear();
  }
}

/** Calls `onAbort` when the signal aborts (at once if it already has); returns the unsubscribe function. */
export function onAbort(signal: AbortSignalLike | undefined, onAbortFn: () => void): () => void {
  if (!signal) return () => {};
  if (signal.aborted) {
    onAbortFn();
    return () => {};
  }
  signal.addEventListener('abort', onAbortFn);
  return () => signal.removeEventListener('abort', onAbortFn);
}
