// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

/** Rate-limit state reported by the server with a 429 (`X-RateLimit-*` headers). */
export interface RateLimitInfo {
  /** Requests allowed in the window. */
  limit: number;
  /** Requests left in the window (0 after a 429). */
  remaining: number;
  /** When the window resets, in epoch milliseconds: show a cooldown until then instead of retrying. */
  resetAt: number;
}

/** The plain-data form of an {@link AppwriteException}, as it crosses the C# bridge. */
export interface AppwriteExceptionData {
  name: 'AppwriteException';
  message: string;
  code: number;
  type: string;
  response: string;
  rateLimit?: RateLimitInfo;
}

/**
 * The one error type of the SDK, for server errors and client-side failures alike.
 *
 * `code` is the HTTP status, or 0 when the request never produced a response (validation, network, timeout,
 * cancellation). `type` tells the kinds apart: server types such as `user_invalid_token`, or the client types in
 * {@link ErrorType}. Messages name the method and path and never contain a secret.
 */
export class AppwriteException extends Error {
  override readonly name = 'AppwriteException';
  readonly code: number;
  readonly type: string;
  /** The raw response body for HTTP errors, `''` otherwise. */
  readonly response: string;
  /** Present on 429 responses that carried rate-limit headers. */
  readonly rateLimit?: RateLimitInfo;

  constructor(message: string, code = 0, type = '', response = '', rateLimit?: RateLimitInfo) {
    super(message);
    this.code = code;
    this.type = type;
    this.response = response;
    if (rateLimit) this.rateLimit = rateLimit;
  }

  toJSON(): AppwriteExceptionData {
    const data: AppwriteExceptionData = {
      name: this.name,
      message: this.message,
      code: this.code,
      type: this.type,
      response: this.response,
    };
    if (this.rateLimit) data.rateLimit = this.rateLimit;
    return data;
  }
}

/**
 * Error types raised on the client. Server types (`user_*`, `general_*`, ...) pass through unchanged;
 * argument validation reuses the server's `general_argument_invalid` so handlers need one check for both.
 */
export const ErrorType = {
  /** A parameter failed the server's validation rule before any request was sent. */
  argumentInvalid: 'general_argument_invalid',
  /** The connection failed: refused, reset, DNS, TLS, or the body was cut off. */
  network: 'client_network_error',
  /** No complete response arrived before the deadline. */
  timeout: 'client_timeout',
  /** The caller cancelled the call (AbortSignal, CancellationToken, or the client was disposed). */
  cancelled: 'client_cancelled',
  /** The server answered with a body that is not the JSON it declared, or not the expected model. */
  malformedResponse: 'client_malformed_response',
  /** An HTTP error whose body is not Appwrite's JSON, typically a proxy or gateway error page. */
  errorPage: 'client_error_page',
  /** The client is missing configuration (project ID) or was used after dispose. */
  notConfigured: 'client_not_configured',
  /** A message across the C# bridge was not understood (unknown method, invalid JSON). */
  bridge: 'client_bridge_error',
} as const;

/**
 * True for an {@link AppwriteException}, also across realms and the bridge, where `instanceof` fails.
 * @param value Anything caught.
 */
export function isAppwriteException(value: unknown): value is AppwriteException {
  return value instanceof AppwriteException || (typeof value === 'object' && value !== null && (value as { name?: unknown }).name === 'AppwriteException');
}
