// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// `/v1/realtime` over WebSocket (the `ws` package) with the message protocol of reference section 5:
// `connected`, `authentication`, `subscribe`, `unsubscribe`, `ping`/`pong`, `event` and `error`, for the account
// channels. Events come from the API pipeline (pipeline.mjs) and reach the connections of the user they concern.

import { WebSocketServer } from 'ws';
import { findSession, resolveCaller } from './auth.mjs';
import { AppwriteError } from './errors.mjs';
import { convertChannels, rebindAccountChannels } from './events.mjs';
import { headerValue, parseCookies, parsePhpQuery } from './http-utils.mjs';
import { accountModel } from './models.mjs';
import { decodeSessionCookie, uniqueId } from './util.mjs';
import { customId, hostnameAllowed } from './validators.mjs';

const MESSAGES_PER_MINUTE = 32;

/**
 * @typedef {object} Connection
 * @property {import('ws').WebSocket} socket
 * @property {string} projectId
 * @property {string} userId
 * @property {Map<string, { channels: string[], queries: string[] }>} subscriptions
 * @property {{ window: number, count: number }} budget
 */

export class RealtimeHub {
  /** @param {any} emu */
  constructor(emu) {
    this.emu = emu;
    this.wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
    /** @type {Set<Connection>} */
    this.connections = new Set();
  }

  /** Handles an HTTP upgrade to `/v1/realtime`. */
  upgrade(req, socket, head) {
    this.wss.handleUpgrade(req, socket, head, (ws) => this.open(ws, req));
  }

  send(ws, message) {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  }

  fail(ws, error, close) {
    this.send(ws, { type: 'error', data: { code: error.code, message: error.message } });
    if (close) ws.close(error.code === 1008 ? 1008 : 1011, error.message.slice(0, 120));
  }

  open(ws, req) {
    const emu = this.emu;
    const url = new URL(req.url ?? '/', 'http://emulator');
    const query = parsePhpQuery(url.search.slice(1));
    const projectId = headerValue(req.headers, 'x-appwrite-project') || (typeof query.project === 'string' ? query.project : '');
    const project = emu.store.projects.get(projectId);
    if (!project) return this.fail(ws, new AppwriteError('realtime_policy_violation', 'Missing or unknown project ID'), true);
    const origin = headerValue(req.headers, 'origin');
    if (origin && emu.config.platforms.length) {
      let host = '';
      try {
        host = new URL(origin).hostname;
      } catch {
        host = '';
      }
      if (!hostnameAllowed(host, emu.allowedHostnames)) {
        return this.fail(ws, new AppwriteError('realtime_policy_violation', `Invalid Origin. Register your new client (${host}) as a new Web platform on your project console dashboard`), true);
      }
    }
    /** @type {any} */
    const ctx = { project, store: emu.store, now: emu.now, user: null, session: null, viaJwt: false, cookieSecret: '' };
    try {
      resolveCaller(ctx, { headers: req.headers, cookies: parseCookies(headerValue(req.headers, 'cookie')), query });
    } catch (e) {
      return this.fail(ws, e instanceof AppwriteError ? new AppwriteError('realtime_policy_violation', e.message) : e, true);
    }
    /** @type {Connection} */
    const connection = { socket: ws, projectId, userId: ctx.user?.$id ?? '', subscriptions: new Map(), budget: { window: 0, count: 0 } };
    this.connections.add(connection);
    ws.on('close', () => this.connections.delete(connection));
    ws.on('error', () => this.connections.delete(connection));
    ws.on('message', (data) => this.message(connection, data));

    // Legacy URL form: `channels[]=account&…` subscribes right away.
    const legacy = Array.isArray(query.channels) ? query.channels.filter((c) => typeof c === 'string') : [];
    const user = ctx.user ? accountModel(ctx.user) : null;
    if (legacy.length) {
      const id = uniqueId(emu.now());
      connection.subscriptions.set(id, { channels: convertChannels(legacy, connection.userId), queries: [] });
      this.send(ws, { type: 'connected', data: { channels: legacy, subscriptions: { 0: id }, user } });
    } else {
      this.send(ws, { type: 'connected', data: { channels: [], subscriptions: [], user } });
    }
  }

  message(connection, data) {
    const ws = connection.socket;
    const now = Math.floor(this.emu.now() / 1000);
    const window = now - (now % 60);
    if (connection.budget.window !== window) connection.budget = { window, count: 0 };
    if (this.emu.config.rateLimit && ++connection.budget.count > MESSAGES_PER_MINUTE) {
      return this.fail(ws, new AppwriteError('realtime_too_many_messages', 'Too many messages.'), false);
    }
    let message;
    try {
      message = JSON.parse(data.toString());
    } catch {
      message = null;
    }
    try {
      if (!message || typeof message !== 'object' || (!('type' in message) && !('data' in message))) {
        throw new AppwriteError('realtime_message_format_invalid', 'Message format is not valid.');
      }
      const reply = this.dispatch(connection, message);
      if (reply) this.send(ws, reply);
    } catch (e) {
      if (!(e instanceof AppwriteError)) this.emu.logError(e);
      const error = e instanceof AppwriteError ? e : new AppwriteError('general_unknown', 'Error: Server Error', 500);
      this.fail(ws, error, error.code === 1008);
    }
  }

  dispatch(connection, message) {
    const { type } = message;
    const hasData = Object.hasOwn(message, 'data') && message.data !== null;
    const data = message.data;
    const invalid = (text) => new AppwriteError('realtime_message_format_invalid', text);
    switch (type) {
      case 'ping':
        return { type: 'pong' };
      case 'authentication': {
        if (!hasData || typeof data !== 'object' || !Object.hasOwn(data, 'session')) throw invalid('Payload is not valid. Session is required');
        if (typeof data.session !== 'string' || data.session.length < 1 || data.session.length > 2048) {
          throw invalid('session: Value must be a valid string and at least 1 chars and no longer than 2048 chars');
        }
        const project = this.emu.store.projects.get(connection.projectId);
        const { id, secret } = decodeSessionCookie(data.session);
        const user = project?.users.get(id);
        if (!user || !findSession(user, secret, this.emu.now())) throw invalid('Session is not valid.');
        for (const sub of connection.subscriptions.values()) sub.channels = rebindAccountChannels(sub.channels, connection.userId, user.$id);
        connection.userId = user.$id;
        return { type: 'response', data: { to: 'authentication', success: true, user: accountModel(user) } };
      }
      case 'subscribe': {
        if (!hasData) throw invalid('Payload is not valid. Items is required');
        const problem = subscribeProblem(data);
        if (problem) throw invalid(`items: ${problem}`);
        const added = data.map((item) => {
          const id = Object.hasOwn(item, 'subscriptionId') ? String(item.subscriptionId) : uniqueId(this.emu.now());
          const channels = convertChannels(item.channels, connection.userId);
          const queries = Array.isArray(item.queries) ? item.queries.map(String) : [];
          connection.subscriptions.set(id, { channels, queries });
          return { subscriptionId: id, channels, queries };
        });
        return { type: 'response', data: { to: 'subscribe', success: true, subscriptions: added } };
      }
      case 'unsubscribe': {
        if (!hasData) throw invalid('Payload is not valid. Items is required');
        if (!Array.isArray(data) || data.some((item) => !item || typeof item !== 'object' || typeof item.subscriptionId !== 'string')) {
          throw invalid('items: Payload is not valid.');
        }
        const results = data.map((item) => ({ subscriptionId: item.subscriptionId, removed: connection.subscriptions.delete(item.subscriptionId) }));
        return { type: 'response', data: { to: 'unsubscribe', success: true, subscriptions: results } };
      }
      default:
        throw invalid('Message type is not valid.');
    }
  }

  /**
   * Delivers an event to every connection of the project whose user may see it and whose subscriptions match.
   * @param {string} projectId
   * @param {{ events: string[], channels: string[], roles: string[], payload: unknown }} event
   */
  publish(projectId, event) {
    const timestamp = new Date(this.emu.now()).toISOString().replace('Z', '+00:00');
    for (const connection of this.connections) {
      if (connection.projectId !== projectId || !connection.userId || !event.roles.includes(`user:${connection.userId}`)) continue;
      const matched = [];
      for (const [id, sub] of connection.subscriptions) if (sub.channels.some((c) => event.channels.includes(c))) matched.push(id);
      if (!matched.length) continue;
      this.send(connection.socket, { type: 'event', data: { events: event.events, channels: event.channels, timestamp, payload: event.payload, subscriptions: matched } });
    }
  }

  async close() {
    for (const connection of this.connections) connection.socket.terminate();
    this.connections.clear();
    await new Promise((resolve) => this.wss.close(() => resolve(undefined)));
  }
}

/** The SubscribePayload validator's checks and messages. */
function subscribeProblem(items) {
  if (!Array.isArray(items)) return 'Payload is not valid.';
  const id = customId();
  for (const item of items) {
    if (!item || typeof item !== 'object' || Array.isArray(item)) return 'Each subscribe payload must be an object.';
    if (Object.hasOwn(item, 'subscriptionId') && !id.isValid(item.subscriptionId)) return 'subscriptionId is not a valid id.';
    if (!Object.hasOwn(item, 'channels')) return 'channels is not present in payload.';
    if (!Array.isArray(item.channels)) return 'channels is not a valid array.';
    if (item.channels.some((c) => typeof c !== 'string')) return 'channels must contain only strings.';
    if (Object.hasOwn(item, 'queries') && !Array.isArray(item.queries)) return 'queries is not a valid array.';
  }
  return '';
}
