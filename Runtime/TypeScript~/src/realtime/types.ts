// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// Realtime types, the Channel helper and the pure parts of the protocol (reference section 5).

import type { Identity, MfaChallenge, Session, Target, Token, User } from '../generated/models.gen.js';

/** One event as a subscription callback receives it (the official Web SDK's `RealtimeResponseEvent`). */
export interface RealtimeEvent<T = unknown> {
  /** Event names, most specific first, e.g. `users.<id>.update.name`, `users.*.update.name`, ... */
  events: string[];
  /** The channels it was published on, e.g. `account.<userId>`. */
  channels: string[];
  /** When the server published it (ISO 8601). */
  timestamp: string;
  payload: T;
  /** The subscription IDs of this connection it was sent for. */
  subscriptions: string[];
}

/**
 * What an `account` channel event carries: the user (`users.<id>.update.name`, `.update.prefs`, ...), a session
 * (`users.<id>.sessions.<id>.create`/`.delete`), a token (`.tokens.`, `.verification.`, `.recovery.`), an identity,
 * a target or an MFA challenge. {@link eventModel} tells which.
 */
export type AccountEventPayload = User | Session | Token | Identity | Target | MfaChallenge;

/** The channels whose events carry {@link AccountEventPayload}. */
export type AccountChannel = 'account' | `account.${string}`;

/** A live subscription, as `Realtime.subscribe` returns it. */
export interface RealtimeSubscription {
  /** The subscription ID sent to the server (client-generated, `ID.unique()`). */
  readonly id: string;
  /** Replaces the channels and/or queries on the server; resolves like `subscribe`. */
  update(changes: { channels?: string | readonly string[]; queries?: readonly string[] }): Promise<void>;
  /** Stops delivery at once and unsubscribes; the last close closes the socket (code 1000). Idempotent. */
  close(): Promise<void>;
}

/** Tuning for tests and special networks; the defaults are the official SDK's. */
export interface RealtimeOptions {
  /**
   * Interval of the `ping` heartbeat. A socket that sent no frame at all for two intervals (no `pong` either) is
   * half-open: it is dropped at the next beat (40 to 60 s by default) and reconnected. @default 20000
   */
  heartbeatMs?: number;
  /** Delay before reconnect attempt `attempt` (0 after a socket opened). @default {@link reconnectDelay} */
  reconnectDelayMs?: (attempt: number) => number;
  /** Frames longer than this (in UTF-16 characters) are dropped with an `error` event. @default 1048576 */
  maxMessageLength?: number;
}

/** Connection events of a {@link Realtime}. */
export interface RealtimeEvents {
  /** The server accepted the connection and the subscriptions were (re)sent. `userId` is null for a guest. */
  connected: (event: { userId: string | null }) => void;
  /** The socket is gone. `willReconnect` is false after 1008, an intentional close, or with nothing subscribed. */
  disconnected: (event: { code: number; reason: string; willReconnect: boolean }) => void;
  /** A dropped frame, a server `error` message (with its code), or a callback that threw. Never fatal. */
  error: (event: { message: string; code?: number }) => void;
}

/**
 * The official backoff table: 1 s for attempts under 5, 5 s under 15, 10 s under 100, then 60 s.
 * @param attempt Reconnect attempts since the last socket opened, from 0.
 */
export function reconnectDelay(attempt: number): number {
  return attempt < 5 ? 1000 : attempt < 15 ? 5000 : attempt < 100 ? 10_000 : 60_000;
}

const ACCOUNT_MODELS: Record<string, AccountModel> = {
  sessions: 'session', tokens: 'token', verification: 'token', recovery: 'token', identities: 'identity', targets: 'target', challenges: 'mfaChallenge',
};
export type AccountModel = 'user' | 'session' | 'token' | 'identity' | 'target' | 'mfaChallenge';

/**
 * The model an account event's payload is, read from its event names (`users.<id>.update.name` → `user`,
 * `users.<id>.sessions.<id>.create` → `session`).
 * @returns The model name, or undefined for events that are not about a user.
 */
export function eventModel(event: { events: readonly string[] }): AccountModel | undefined {
  for (const name of event.events) {
    const [root, id, sub] = name.split('.');
    if (root !== 'users' || !id || id === '*') continue;
    return sub === undefined || sub === 'create' || sub === 'update' || sub === 'delete' ? 'user' : ACCOUNT_MODELS[sub];
  }
  return undefined;
}

/** Channel names for `Realtime.subscribe`. Other channels are plain strings (`databases.<id>.tables.<id>.rows`). */
export class Channel {
  /** The signed-in user's account: the server binds it to `account.<userId>` (guests receive nothing). */
  static account(): 'account' {
    return 'account';
  }
}
