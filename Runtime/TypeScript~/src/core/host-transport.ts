// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

import { onAbort, type AbortSignalLike } from './abort.js';
import { callHost, type Host } from './host.js';
import { TransportError, type Transport, type TransportRequest, type TransportResponse } from './transport.js';

let nextRequestId = 0;

/**
 * A transport over the host's `http` member (UnityWebRequest inside Unity). Request and response cross as JSON:
 * `{id, method, url, headers, body, timeoutMs}` out, `{status, headers, body}` or `{error: {kind, message}}` back.
 */
export class HostTransport implements Transport {
  private readonly host: Host;

  constructor(host: Host) {
    this.host = host;
  }

  send(request: TransportRequest, signal: AbortSignalLike): Promise<TransportResponse> {
    return new Promise<TransportResponse>((resolve, reject) => {
      const id = `r${++nextRequestId}`;
      let settled = false;
      const settle = (fn: () => void) => {
        if (settled) return;
        settled = true;
        unsubscribe();
        fn();
      };
      const unsubscribe = onAbort(signal, () => {
        settle(() => reject(new TransportError('aborted', 'aborted')));
        try {
          callHost(this.host, 'httpAbort', id);
        } catch {
          // A host without httpAbort lets the request finish in the background; its result is ignored.
        }
      });
      if (settled) return;
      const done = (responseJson: unknown) => settle(() => {
        const parsed = parseHostResponse(responseJson);
        if (parsed instanceof TransportError) reject(parsed);
        else resolve(parsed);
      });
      try {
        callHost(this.host, 'http', JSON.stringify({ id, ...request }), done);
      } catch (error) {
        settle(() => reject(new TransportError('network', `host http failed: ${String((error as Error)?.message ?? error)}`)));
      }
    });
  }
}

// The host is trusted code, but a bug there must surface as a clean error rather than a crash or a hang.
function parseHostResponse(json: unknown): TransportResponse | TransportError {
  let data: { status?: unknown; headers?: unknown; body?: unknown; error?: { kind?: unknown; message?: unknown } };
  try {
    data = JSON.parse(String(json)) as typeof data;
  } catch {
    return new TransportError('network', 'host http answered with invalid JSON');
  }
  if (!data || typeof data !== 'object') return new TransportError('network', 'host http answered with a non-object');
  if (data.error) {
    const kind = data.error.kind === 'timeout' || data.error.kind === 'aborted' ? data.error.kind : 'network';
    return new TransportError(kind, typeof data.error.message === 'string' ? data.error.message : kind);
  }
  const status = data.status;
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599) {
    return new TransportError('network', 'host http answered without a valid status');
  }
  const headers: Record<string, string> = {};
  if (data.headers && typeof data.headers === 'object') {
    for (const [key, value] of Object.entries(data.headers as Record<string, unknown>)) {
      if (typeof value === 'string') headers[key.toLowerCase()] = value;
    }
  }
  return { status, headers, body: typeof data.body === 'string' ? data.body : '' };
}
