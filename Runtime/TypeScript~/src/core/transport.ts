// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

import type { AbortSignalLike } from './abort.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One HTTP exchange as the Client hands it to a transport. */
export interface TransportRequest {
  method: HttpMethod;
  url: string;
  headers: Record<string, string>;
  /** JSON text for non-GET requests. */
  body?: string;
  /** The time left before the Client gives up; a transport may use it as its own safety net. */
  timeoutMs: number;
}

/** A complete response: the body was read to the end. */
export interface TransportResponse {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
}

/**
 * Moves requests: global `fetch` in Node and browsers, or the host bridge (UnityWebRequest) inside Unity.
 * It must reject with a {@link TransportError} and settle promptly once `signal` aborts.
 */
export interface Transport {
  send(request: TransportRequest, signal: AbortSignalLike): Promise<TransportResponse>;
}

/** Why a transport could not produce a response. The Client turns it into an AppwriteException. */
export class TransportError extends Error {
  override readonly name = 'TransportError';
  /** `network`: no (complete) response; `aborted`: the signal fired; `timeout`: the transport's own deadline passed. */
  readonly kind: 'network' | 'aborted' | 'timeout';

  constructor(kind: TransportError['kind'], message: string) {
    super(message);
    this.kind = kind;
  }
}
