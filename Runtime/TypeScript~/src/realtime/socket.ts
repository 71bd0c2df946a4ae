// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// The connection half of Realtime (reference 5.2, 5.5): one socket at a time, a `ping` every heartbeat with a
// watchdog for half-open sockets, reconnects with the official backoff, and frames checked before the protocol sees
// them. Each socket gets a generation number and events of an older one are ignored, so a late close or message can
// never cause a second reconnect or a duplicate delivery. The subscription half is services/realtime.ts.

import { EventEmitter } from 'eventemitter3';
import { errorText } from '../core/guards.js';
import type { WebSocketLike } from '../core/websocket.js';
import { reconnectDelay, type RealtimeEvents, type RealtimeOptions } from './types.js';

// Heartbeats in a row without a single frame from the server: the socket is half-open (or never opened).
const SILENT_BEATS = 2;

export abstract class RealtimeSocket {
  protected readonly options: RealtimeOptions;
  protected open: ((url: string) => WebSocketLike) | undefined;
  protected retryTimer: unknown;
  private readonly emitter = new EventEmitter<RealtimeEvents>();
  private socket: WebSocketLike | undefined;
  private generation = 0;
  private opened = false;
  private silent = 0;
  private policyViolation = false;
  private attempts = 0;
  private beatTimer: unknown;

  constructor(options: RealtimeOptions) {
    this.options = options;
  }

  /** Listens to connection events: `connected`, `disconnected` (code, reason, willReconnect) and `error`. */
  on<E extends keyof RealtimeEvents>(event: E, listener: RealtimeEvents[E]): this {
    this.emitter.on(event, listener as never);
    return this;
  }

  off<E extends keyof RealtimeEvents>(event: E, listener?: RealtimeEvents[E]): this {
    this.emitter.off(event, listener as never);
    return this;
  }

  /** The URL of the next socket (read at every connect). */
  protected abstract url(): string;
  /** Whether anything still needs the socket; nothing reconnects otherwise. */
  protected abstract wanted(): boolean;
  /** A checked server message. */
  protected abstract handle(type: string, data: any): void;
  /** The socket is gone (before `disconnected` is emitted). */
  protected abstract lost(): void;

  protected get hasSocket(): boolean {
    return this.socket !== undefined;
  }

  // `now` skips a pending backoff wait: an app call (subscribe, update) reconnects at once, as in the Web SDK.
  protected connect(now?: boolean): void {
    if (this.socket || (this.retryTimer !== undefined && !now)) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    const generation = ++this.generation;
    const live = () => generation === this.generation;
    this.opened = this.policyViolation = false;
    this.silent = 0;
    try {
      const ws = (this.socket = this.open!(this.url()));
      ws.onopen = () => {
        if (!live()) return;
        this.opened = true;
        this.attempts = this.silent = 0;
      };
      ws.onmessage = (e) => live() && this.frame(e.data);
      ws.onerror = (e) => live() && this.emit('error', { message: String(e?.message ?? 'websocket error') });
      ws.onclose = (e) => live() && this.drop(e.code || 1006, e.reason || '');
    } catch (error) {
      // The engine refused the URL or the host failed: reported and retried like a failed connection.
      setTimeout(() => live() && this.drop(1006, errorText(error)), 0);
    }
    this.watch();
  }

  // Every way a socket ends comes through here, once per generation. Intentional closes never reconnect; `reopen`
  // opens the next socket at once (the session changed).
  protected drop(code: number, reason: string, intentional?: boolean, reopen?: boolean): void {
    const ws = this.socket;
    this.socket = undefined;
    this.generation++;
    this.opened = false;
    clearTimeout(this.beatTimer);
    try {
      ws?.close(intentional ? code : 4000, intentional ? reason : ''); // frees a half-open socket; no-op after close
    } catch {
      // Already gone.
    }
    const willReconnect = !!reopen || (!intentional && code !== 1008 && !this.policyViolation && this.wanted());
    // Scheduled before listeners run: one that closes the last subscription cancels it.
    if (willReconnect && !reopen) {
      this.retryTimer = setTimeout(() => {
        this.retryTimer = undefined;
        this.attempts++;
        this.connect();
      }, (this.options.reconnectDelayMs ?? reconnectDelay)(this.attempts));
    }
    this.lost();
    this.emit('disconnected', { code, reason, willReconnect });
    if (reopen) this.connect();
  }

  protected send(type: string, data?: unknown): boolean {
    if (!this.opened) return false;
    try {
      this.socket!.send(JSON.stringify(data === undefined ? { type } : { type, data }));
      return true;
    } catch (error) {
      this.emit('error', { message: `could not send ${type}: ${errorText(error)}` });
      return false;
    }
  }

  protected emit<E extends keyof RealtimeEvents>(event: E, payload: Parameters<RealtimeEvents[E]>[0]): void {
    try {
      (this.emitter.emit as (e: string, p: unknown) => boolean)(event, payload);
    } catch {
      // A throwing listener must not break the connection.
    }
  }

  private watch(): void {
    clearTimeout(this.beatTimer);
    this.beatTimer = setTimeout(() => {
      if (this.silent >= SILENT_BEATS) return this.drop(1006, 'heartbeat timeout');
      this.silent++;
      this.send('ping');
      this.watch();
    }, this.options.heartbeatMs ?? 20_000);
  }

  // Garbage never reaches the protocol: binary, oversized, non-JSON and type-less frames are dropped and reported.
  private frame(data: unknown): void {
    this.silent = 0;
    this.opened = true; // a frame proves it, even from a host that reported `open` late
    const max = this.options.maxMessageLength ?? 1 << 20;
    let m: { type?: unknown; data?: any } | undefined;
    try {
      m = typeof data === 'string' && data.length <= max ? JSON.parse(data) : undefined;
    } catch {
      // reported below
    }
    if (!m || typeof m.type !== 'string') {
      const what = typeof data !== 'string' ? 'a binary frame' : data.length > max ? `a frame of ${data.length} characters (limit ${max})` : 'a malformed frame';
      return this.emit('error', { message: `realtime: dropped ${what}` });
    }
    if (m.type === 'error' && m.data?.code === 1008) this.policyViolation = true;
    this.handle(m.type, m.data ?? {});
  }
}
