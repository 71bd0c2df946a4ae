// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// The Realtime service (reference section 5), shaped like the official Web SDK 26.x: subscriptions keyed by
// client-generated IDs and sent in `subscribe` messages after the server's `connected`, the stored session sent as
// `authentication` when the server does not know the user, everything re-sent after a reconnect, and a new
// connection when the user signs out or changes. Socket lifetime, heartbeat and backoff: realtime/socket.ts.

import type { Client } from '../core/client.js';
import { errorText } from '../core/guards.js';
import { socketFactory } from '../core/websocket.js';
import { AppwriteException, ErrorType } from '../errors/appwrite-exception.js';
import { RealtimeSocket } from '../realtime/socket.js';
import type { AccountChannel, AccountEventPayload, RealtimeEvent, RealtimeOptions, RealtimeSubscription } from '../realtime/types.js';
import { userIdOf } from '../core/session-store.js';
import { ID } from '../utils/id.js';

interface Entry {
  channels: string[];
  queries: string[];
  callback: (event: RealtimeEvent<never>) => void;
}

type Channels = string | readonly string[];

// A subscribe/update resolves when the server confirms it; a server that never answers is given this long.
const ACK_TIMEOUT_MS = 5000;

/**
 * Live events from the server over one WebSocket.
 * @example
 * const realtime = new Realtime(client);
 * const sub = await realtime.subscribe(Channel.account(), (e) => show(e.events[0], e.payload));
 * await sub.close();
 */
export class Realtime extends RealtimeSocket {
  private readonly client: Client;
  private readonly subs = new Map<string, Entry>();
  private readonly pending = new Set<string>();
  private readonly acks = new Map<string, Array<() => void>>();
  private ready = false;
  private authed = false;
  private boundSession: string | undefined;
  private flushTimer: unknown;
  private ackTimer: unknown;
  private unhook: (() => void) | undefined;

  constructor(client: Client, options: RealtimeOptions = {}) {
    super(options);
    this.client = client;
  }

  /**
   * Subscribes `callback` to channels. Resolves once the server confirmed the subscription, or when the attempt to
   * reach it failed: the subscription stays registered and is sent again on every reconnect.
   * @param channels One channel or several, e.g. `Channel.account()`.
   * @param queries Query strings filtering the events (`Query.equal(...)`).
   * @throws {AppwriteException} `general_argument_invalid` for empty channels; `client_not_configured` without a
   * project or any WebSocket (see ClientOptions.webSocket).
   */
  subscribe(channels: AccountChannel | readonly AccountChannel[], callback: (event: RealtimeEvent<AccountEventPayload>) => void, queries?: readonly string[]): Promise<RealtimeSubscription>;
  subscribe<T = any>(channels: Channels, callback: (event: RealtimeEvent<T>) => void, queries?: readonly string[]): Promise<RealtimeSubscription>;
  subscribe(channels: Channels, callback: (event: RealtimeEvent<never>) => void, queries?: readonly string[]): Promise<RealtimeSubscription> {
    try {
      const sub = this.add(channels, callback, queries);
      return this.acked(sub.id).then(() => sub);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** The synchronous part of subscribe(): registers and queues the subscription. @internal */
  add(channels: Channels, callback: (event: RealtimeEvent<never>) => void, queries: readonly string[] = []): RealtimeSubscription {
    const { host, webSocket } = this.client.socketOptions();
    this.open ??= socketFactory(host, webSocket);
    if (!this.open) throw new AppwriteException('Realtime needs a WebSocket and this engine has none: pass ClientOptions.webSocket (in Node, WebSocket from the ws package).', 0, ErrorType.notConfigured);
    if (!this.client.config.project) throw new AppwriteException('Realtime needs a project: call setProject(\'<PROJECT_ID>\') first.', 0, ErrorType.notConfigured);
    if (typeof callback !== 'function') throw invalid('callback');
    const entry: Entry = { channels: channelList(channels), queries: queryList(queries), callback };
    let id = ID.unique();
    while (this.subs.has(id)) id = ID.unique();
    if (!this.subs.size) this.unhook = this.hook();
    this.subs.set(id, entry);
    this.queue(id);
    return {
      id,
      update: (changes) => {
        try {
          if (changes.channels !== undefined) entry.channels = channelList(changes.channels);
          if (changes.queries !== undefined) entry.queries = queryList(changes.queries);
        } catch (error) {
          return Promise.reject(error);
        }
        if (this.subs.has(id)) this.queue(id);
        return this.acked(id);
      },
      close: () => Promise.resolve(this.remove(id)),
    };
  }

  /** Resolves when the server confirmed subscription `id` (see subscribe()). @internal */
  acked(id: string): Promise<void> {
    return this.subs.has(id) ? new Promise((resolve) => this.acks.set(id, [...(this.acks.get(id) ?? []), resolve])) : Promise.resolve();
  }

  /** Drops every subscription and closes the socket (code 1000). Subscribing again opens a new one. */
  disconnect(): Promise<void> {
    this.subs.clear();
    this.pending.clear();
    this.shutdown('disconnect');
    return Promise.resolve();
  }

  // While anything is subscribed: follow sign-in and sign-out, and close with the client.
  private hook(): () => void {
    const onSession = () => this.sessionChanged();
    this.client.on('sessionChanged', onSession);
    const unDispose = this.client.onDispose(() => void this.disconnect());
    return () => {
      this.client.off('sessionChanged', onSession);
      unDispose();
    };
  }

  // The session header set with setSession() wins over the stored cookie, as in the Web SDK.
  private session(): string | undefined {
    return this.client.getHeaders()['X-Appwrite-Session'] || this.client.sessionCookie();
  }

  protected url(): string {
    const { endpointRealtime, project } = this.client.config;
    const jwt = this.client.getHeaders()['X-Appwrite-JWT'];
    return `${endpointRealtime}/realtime?project=${encodeURIComponent(project)}${jwt ? `&jwt=${encodeURIComponent(jwt)}` : ''}`;
  }

  protected wanted(): boolean {
    return this.subs.size > 0;
  }

  protected lost(): void {
    this.ready = false;
    this.settle();
  }

  protected handle(type: string, d: any): void {
    if (type === 'connected') {
      this.ready = true;
      this.boundSession = this.session();
      this.authed = !!d.user;
      if (!d.user && this.boundSession) this.authenticate(this.boundSession);
      else this.resubscribe();
      this.emit('connected', { userId: d.user ? String(d.user.$id) : userIdOf(this.boundSession) });
    } else if (type === 'event') {
      this.deliver(d);
    } else if (type === 'response' && d.to === 'subscribe') {
      this.settle(Array.isArray(d.subscriptions) ? d.subscriptions.map((row: { subscriptionId?: unknown } | null) => row?.subscriptionId) : undefined);
    } else if (type === 'error') {
      this.emit('error', { message: String(d.message ?? 'realtime error'), code: Number(d.code) || 0 });
    }
  }

  // Sign-in on a guest socket: authenticate in band. Sign-out or another user: a fresh connection.
  private sessionChanged(): void {
    if (!this.ready) return; // `connected` reads the session itself
    const session = this.session();
    if (session === this.boundSession) return;
    if (session && !this.authed) this.authenticate((this.boundSession = session));
    else this.drop(1000, 'session changed', true, true);
  }

  // Subscriptions are re-sent after the authentication so that the server binds `account` to the user.
  private authenticate(session: string): void {
    this.authed = true;
    this.send('authentication', { session });
    this.resubscribe();
  }

  private resubscribe(): void {
    for (const id of this.subs.keys()) this.pending.add(id);
    this.sendPending();
  }

  // Debounced by 1 ms (as the Web SDK) so that the subscribes of one tick share a message.
  private queue(id: string): void {
    this.pending.add(id);
    this.flushTimer ??= setTimeout(() => {
      this.flushTimer = undefined;
      if (this.ready) this.sendPending();
      else if (this.subs.size) this.connect(true);
    }, 1);
  }

  private sendPending(): void {
    // Rows {subscriptionId, channels, queries}: JSON drops the undefined callback.
    const data = [...this.pending].map((subscriptionId) => ({ subscriptionId, ...this.subs.get(subscriptionId)!, callback: undefined }));
    this.pending.clear();
    if (!data.length || !this.send('subscribe', data)) return;
    clearTimeout(this.ackTimer);
    this.ackTimer = setTimeout(() => this.settle(), ACK_TIMEOUT_MS);
  }

  private remove(id: string): void {
    if (!this.subs.delete(id)) return;
    this.pending.delete(id);
    this.settle([id]);
    if (this.ready) this.send('unsubscribe', [{ subscriptionId: id }]);
    if (!this.subs.size) this.shutdown('no subscriptions left');
  }

  private shutdown(reason: string): void {
    for (const timer of [this.flushTimer, this.ackTimer, this.retryTimer]) clearTimeout(timer);
    this.flushTimer = this.ackTimer = this.retryTimer = undefined;
    this.unhook?.();
    this.unhook = undefined;
    this.settle();
    if (this.hasSocket) this.drop(1000, reason, true);
  }

  // Resolves the subscribe()/update() promises of the given subscriptions, or of all.
  private settle(ids: unknown[] = [...this.acks.keys()]): void {
    for (const id of ids) {
      const waiting = this.acks.get(id as string);
      this.acks.delete(id as string);
      waiting?.forEach((resolve) => resolve());
    }
  }

  // One callback call per subscription and event, whatever the server repeats; a throwing callback is reported.
  private deliver(d: Record<string, unknown>): void {
    const { events, channels, subscriptions } = d;
    if (!isStrings(events) || !isStrings(channels) || !isStrings(subscriptions)) return this.emit('error', { message: 'realtime: dropped a malformed event' });
    const event = { events, channels, timestamp: String(d.timestamp ?? ''), payload: d.payload as never, subscriptions };
    for (const id of new Set(subscriptions)) {
      try {
        this.subs.get(id)?.callback(event);
      } catch (error) {
        this.emit('error', { message: `realtime: a callback threw: ${errorText(error)}` });
      }
    }
  }
}

function invalid(what: string): AppwriteException {
  return new AppwriteException(`Realtime: invalid ${what}.`, 0, ErrorType.argumentInvalid);
}

function isStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/** The channels as a list. @throws {AppwriteException} `general_argument_invalid` for none or empty ones. */
export function channelList(channels: Channels): string[] {
  const list = typeof channels === 'string' ? [channels] : Array.isArray(channels) ? [...new Set(channels)] : [];
  if (!list.length || !list.every((c) => typeof c === 'string' && c)) throw invalid('channels: give one or more non-empty strings');
  return list;
}

/** The queries as a list. @throws {AppwriteException} `general_argument_invalid` unless strings. */
export function queryList(queries: readonly string[]): string[] {
  if (!isStrings(queries)) throw invalid('queries: give an array of query strings');
  return [...queries];
}
