// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

import { onAbort, type AbortSignalLike } from './abort.js';
import { TransportError, type Transport, type TransportRequest, type TransportResponse } from './transport.js';

// Minimal fetch typings: the core compiles without DOM types so that it cannot touch fetch by accident elsewhere.
interface FetchResponse {
  status: number;
  headers: { forEach(cb: (value: string, key: string) => void): void };
  text(): Promise<string>;
}
type FetchFn = (url: string, init: Record<string, unknown>) => Promise<FetchResponse>;
interface AbortControllerLike {
  signal: unknown;
  abort(): void;
}

/** The global `fetch`, when this engine has one (Node 18+, browsers and so Unity WebGL). */
export function globalFetch(): FetchFn | undefined {
  const f = (globalThis as { fetch?: unknown }).fetch;
  return typeof f === 'function' ? (f as FetchFn).bind(globalThis) : undefined;
}

/** A transport over a WHATWG `fetch`. */
export class FetchTransport implements Transport {
  private readonly fetchFn: FetchFn;

  constructor(fetchFn: FetchFn) {
    this.fetchFn = fetchFn;
  }

  async send(request: TransportRequest, signal: AbortSignalLike): Promise<TransportResponse> {
    const Controller = (globalThis as { AbortController?: new () => AbortControllerLike }).AbortController;
    if (!Controller) return this.sendUnabortable(request, signal);
    // fetch rejects by itself once its signal aborts, also while the body is still streaming.
    const controller = new Controller();
    const unsubscribe = onAbort(signal, () => controller.abort());
    try {
      return await this.exchange(request, controller.signal);
    } catch (error) {
      if (signal.aborted) throw new TransportError('aborted', 'aborted');
      throw new TransportError('network', describeFetchError(error));
    } finally {
      unsubscribe();
    }
  }

  // Without AbortController the request cannot be stopped, but the call still settles the moment the signal fires.
  private sendUnabortable(request: TransportRequest, signal: AbortSignalLike): Promise<TransportResponse> {
    return new Promise((resolve, reject) => {
      const unsubscribe = onAbort(signal, () => reject(new TransportError('aborted', 'aborted')));
      this.exchange(request, undefined).then(resolve, (error) => reject(new TransportError('network', describeFetchError(error)))).finally(unsubscribe);
    });
  }

  private async exchange(request: TransportRequest, abortSignal: unknown): Promise<TransportResponse> {
    const response = await this.fetchFn(request.url, { method: request.method, headers: request.headers, body: request.body, signal: abortSignal });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => (headers[key.toLowerCase()] = value));
    return { status: response.status, headers, body: await response.text() };
  }
}

// Node's fetch hides the reason (ECONNREFUSED, ECONNRESET...) in `cause`; surface it.
function describeFetchError(error: unknown): string {
  const e = error as { message?: unknown; cause?: { code?: unknown; message?: unknown } };
  const cause = e?.cause?.code ?? e?.cause?.message;
  const message = typeof e?.message === 'string' ? e.message : String(error);
  return cause ? `${message} (${String(cause)})` : message;
}
