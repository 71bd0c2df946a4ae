// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// Checks at the edges of a call, so that whatever a caller passes or a custom transport returns, the outcome is a
// value or an AppwriteException, never a TypeError from deep inside the Client (found by the fuzz suite).

import { AppwriteException, ErrorType } from '../errors/appwrite-exception.js';
import type { CallOptions } from './client.js';
import { TransportError, type TransportResponse } from './transport.js';

/**
 * Checks the per-call options (the last argument of every method); `null` counts as none.
 * @throws {AppwriteException} `general_argument_invalid` naming the option.
 */
export function checkCallOptions(options: unknown, label: string): CallOptions {
  if (options === undefined || options === null) return {};
  const bad = (what: string) => new AppwriteException(`Invalid options of ${label}: ${what}.`, 0, ErrorType.argumentInvalid);
  if (typeof options !== 'object' || Array.isArray(options)) throw bad('expected an object such as { timeoutMs: 5000, retry: false, signal }');
  const o = options as { signal?: unknown; timeoutMs?: unknown };
  const s = o.signal as { addEventListener?: unknown; removeEventListener?: unknown } | undefined | null;
  if (s !== undefined && (typeof s !== 'object' || s === null || typeof s.addEventListener !== 'function' || typeof s.removeEventListener !== 'function')) {
    throw bad('signal must be an AbortSignal or AbortHandle.signal');
  }
  if (o.timeoutMs !== undefined && !(typeof o.timeoutMs === 'number' && o.timeoutMs > 0 && o.timeoutMs <= 600_000)) {
    throw bad('timeoutMs must be milliseconds from 1 to 600000');
  }
  return options as CallOptions;
}

/** Checks what a (possibly custom) transport resolved with. @throws {TransportError} `network` when it is not a response. */
export function checkResponse(response: unknown): TransportResponse {
  const r = response as Partial<TransportResponse> | null | undefined;
  if (!r || typeof r !== 'object' || typeof r.status !== 'number' || typeof r.body !== 'string' || typeof r.headers !== 'object' || r.headers === null) {
    throw new TransportError('network', 'the transport returned something that is not a response');
  }
  return r as TransportResponse;
}

/** The message of anything thrown, without throwing itself (null-prototype objects, symbols, getters that throw). */
export function errorText(error: unknown): string {
  try {
    const message = (error as { message?: unknown } | null | undefined)?.message;
    return typeof message === 'string' ? message : String(error);
  } catch {
    return 'unknown error';
  }
}
