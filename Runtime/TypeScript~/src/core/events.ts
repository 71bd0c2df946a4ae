// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// Client events. Payloads never carry a secret (session value, JWT, OTP, password, dev key): they are forwarded
// verbatim to C# and to logs.

import type { RetryInfo } from './retry.js';

/** The stored session appeared, disappeared or changed user. */
export interface SessionChangedEvent {
  signedIn: boolean;
  userId: string | null;
  /** `server`: a response set or cleared it; `setSession`: the app set a session header; `clear`: clearSession(). */
  source: 'server' | 'setSession' | 'clear' | 'restore';
  /** With `setSession`: whether a session header is now set. */
  headerSession?: boolean;
}

export interface SignedInEvent {
  userId: string | null;
  /** The new session's ID when the call returned a Session. */
  sessionId: string | null;
  /** `phone`, `email`, `anonymous`, `token`, `oauth2`... when known. */
  provider: string | null;
}

export interface SignedOutEvent {
  userId: string | null;
  /** `signOut`: a sign-out call or the server cleared the session; `cleared`: clearSession(); `invalid`: the server rejected the stored session. */
  reason: 'signOut' | 'cleared' | 'invalid';
}

/**
 * Where the session stands. `restoring`: restoreSession() is checking the stored session; `offline`: a session is
 * kept but the server could not be reached (the session is not lost); `signedIn` / `signedOut` as named.
 */
export type SessionStatus = 'restoring' | 'signedIn' | 'signedOut' | 'offline';

export interface StateChangedEvent {
  state: SessionStatus;
  previous: SessionStatus;
  userId: string | null;
}

/** A call failed (after any retries). */
export interface ErrorEvent {
  label: string;
  method: string;
  path: string;
  code: number;
  type: string;
  message: string;
}

/** One HTTP attempt finished; status 0 when no response arrived. */
export interface RequestEvent {
  label: string;
  method: string;
  /** The path without the query string. */
  path: string;
  status: number;
  durationMs: number;
}

/** The typed event map of {@link Client}. */
export interface ClientEvents {
  sessionChanged: (event: SessionChangedEvent) => void;
  stateChanged: (event: StateChangedEvent) => void;
  signedIn: (event: SignedInEvent) => void;
  signedOut: (event: SignedOutEvent) => void;
  error: (event: ErrorEvent) => void;
  request: (event: RequestEvent) => void;
  retry: (event: RetryInfo) => void;
}
