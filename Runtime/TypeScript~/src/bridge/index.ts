// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// The bridge exports of Documentation~/bridge-contract.md: the only entry points C# (or any host) uses. Strings and
// callbacks only, so Puerts' IL2CPP build needs no per-signature glue. Synchronous exports never throw: they return
// a value, or an error JSON that starts with '{'.

import { AppwriteException, ErrorType, isAppwriteException } from '../errors/appwrite-exception.js';
import { AbortHandle } from '../core/abort.js';
import { Client, type CallOptions } from '../core/client.js';
import { errorText } from '../core/guards.js';
import type { ClientEvents } from '../core/events.js';
import { callHost, hostHas, toFunction, type Host } from '../core/host.js';
import { accountMethods } from '../services/account.descriptors.js';
import { oauthUrl, run } from '../services/method-runner.js';
import type { TableModelName } from '../models/model-table.js';
import { prefsJson, projectModel } from './projection.js';
import { channelList, queryList, Realtime } from '../services/realtime.js';
import { eventModel, type RealtimeEvent, type RealtimeSubscription } from '../realtime/types.js';

/** Bumped on any change of the contract; C# refuses a bundle with another major version. */
export const bridgeVersion = '1.1';

interface Entry {
  client: Client;
  calls: Map<string, AbortHandle>;
  host: Host;
  /** Created by the first subscribe. */
  realtime?: Realtime;
  /** By the caller's subscription ID. */
  subs: Map<string, RealtimeSubscription>;
  heartbeatMs?: number;
}

const entries = new Map<string, Entry>();
let nextHandle = 0;
const EVENTS: Array<keyof ClientEvents> = ['sessionChanged', 'stateChanged', 'signedIn', 'signedOut', 'error', 'request', 'retry'];

/**
 * Creates a client. `configJson` holds any of the `configure` keys (`{"endpoint":...,"project":...}`).
 * @returns The handle (`h1`, `h2`...), or an error JSON.
 */
export function createClient(configJson: string, host: Host): string {
  return guard(() => {
    const config = parseObject(configJson, 'configJson');
    const client = new Client({
      host,
      logger: hostHas(host, 'log') ? (level, message) => void callHost(host, 'log', level, message) : undefined,
    });
    for (const [key, value] of Object.entries(config)) if (key !== 'realtimeHeartbeatMs') applyConfig(client, key, value);
    if (hostHas(host, 'emit')) {
      for (const event of EVENTS) client.on(event, ((payload: unknown) => void callHost(host, 'emit', event, JSON.stringify(payload))) as never);
    }
    const handle = `h${++nextHandle}`;
    const entry: Entry = { client, calls: new Map(), host, subs: new Map() };
    for (const [key, value] of Object.entries(config)) if (key === 'realtimeHeartbeatMs') setHeartbeat(entry, value);
    entries.set(handle, entry);
    return handle;
  });
}

/**
 * Sets one configuration value: endpoint, endpointRealtime, project, jwt, locale, session, devKey, timeoutMs,
 * retry (JSON policy or `false`).
 * @returns '' on success, or an error JSON.
 */
export function configure(handle: string, key: string, value: string): string {
  return guard(() => {
    const entry = entryOf(handle);
    if (key === 'realtimeHeartbeatMs') setHeartbeat(entry, value);
    else applyConfig(entry.client, key, value);
    return '';
  });
}

/**
 * Calls `service.method` with `argsJson` = `{"params":{...},"options":{"timeoutMs":...,"retry":...}}`.
 * Exactly one of `resolve(resultText)` and `reject(errorJson)` is called, later (never synchronously).
 */
export function invoke(handle: string, callId: string, service: string, method: string, argsJson: string, resolve: unknown, reject: unknown): void {
  const onResolve = toFunction(resolve);
  const onReject = toFunction(reject);
  const entry = entries.get(handle);
  // Engines differ in when they run promise jobs: Node after the current call, while QuickJS and V8 under Puerts may
  // run them before `invoke` returns to C#. A result known in the same turn (a bad argument, an unknown handle) thus
  // waits for a timer, so a callback never runs inside the `invoke` call (found by the QuickJS fuzz run).
  let sameTurn = true;
  setTimeout(() => (sameTurn = false), 0);
  const settle = (fn: (() => unknown) | undefined) => Promise.resolve().then(() => {
    const run = () => {
      try {
        fn?.();
      } catch {
        // The host's callback threw; nothing sensible is left to tell it.
      }
    };
    if (sameTurn) setTimeout(run, 0);
    else run();
  });
  const fail = (error: unknown) => settle(() => onReject?.(JSON.stringify(toErrorData(error))));
  if (!onResolve || !onReject) return;
  if (!entry) return void fail(new AppwriteException(`No client with handle ${shown(handle)}: it was disposed or never created.`, 0, ErrorType.notConfigured));
  const abort = new AbortHandle();
  entry.calls.set(callId, abort);
  let result: Promise<string>;
  try {
    const args = parseObject(argsJson, 'argsJson');
    const params = (args.params ?? {}) as Record<string, unknown>;
    const options = parseOptions(args.options, abort);
    result = dispatch(entry.client, service, method, params, options);
  } catch (error) {
    result = Promise.reject(error);
  }
  result.then(
    (text) => settle(() => onResolve(text)),
    (error) => fail(error),
  ).finally(() => entry.calls.delete(callId));
}

/** Cancels a pending call: it rejects with type `client_cancelled`. Unknown IDs are ignored. */
export function cancel(handle: string, callId: string): void {
  entries.get(handle)?.calls.get(callId)?.abort();
}

/** Cancels every pending call of the client and forgets it. */
export function disposeClient(handle: string): void {
  const entry = entries.get(handle);
  if (!entry) return;
  entries.delete(handle);
  void entry.realtime?.disconnect();
  entry.client.dispose();
}

/**
 * Subscribes to realtime channels. `onEvent(eventJson)` is called once per event with
 * `{"events":[…],"channels":[…],"timestamp":"…","model":"user"|…|"","payload":"<JSON text>"}`; with `model` set the
 * payload is that model's C# projection, else the raw payload. The optional `onReady("")` is called once when the
 * server confirmed the subscription or the first connection attempt ended.
 * @param subscriptionId Chosen by the caller, unique among the client's subscriptions; names it for update/unsubscribe.
 * @returns '' on success, or an error JSON.
 */
export function subscribe(handle: string, subscriptionId: string, channelsJson: string, queriesJson: string, onEvent: unknown, onReady?: unknown): string {
  return guard(() => {
    const entry = entryOf(handle);
    const deliver = toFunction(onEvent);
    if (!deliver) throw new AppwriteException('subscribe needs an onEvent callback.', 0, ErrorType.bridge);
    if (entry.subs.has(subscriptionId)) throw new AppwriteException(`Subscription ${subscriptionId.slice(0, 40)} already exists.`, 0, ErrorType.bridge);
    const realtime = entry.realtime ?? createRealtime(entry);
    const sub = realtime.add(strings(channelsJson, 'channelsJson'), (e) => void deliver(eventJson(e)), strings(queriesJson, 'queriesJson'));
    entry.realtime = realtime;
    entry.subs.set(subscriptionId, sub);
    const ready = toFunction(onReady);
    if (ready) void realtime.acked(sub.id).then(() => ready('')).catch(() => {});
    return '';
  });
}

/** Replaces a subscription's channels and queries (`queriesJson` '' keeps them). @returns '' or an error JSON. */
export function updateSubscription(handle: string, subscriptionId: string, channelsJson: string, queriesJson: string): string {
  return guard(() => {
    const sub = entryOf(handle).subs.get(subscriptionId);
    if (!sub) throw new AppwriteException(`No subscription ${subscriptionId.slice(0, 40)}.`, 0, ErrorType.bridge);
    // Checked here so that bad channels come back as an error JSON instead of a rejection nobody awaits.
    const channels = channelList(strings(channelsJson, 'channelsJson'));
    const queries = queriesJson === '' ? undefined : queryList(strings(queriesJson, 'queriesJson'));
    sub.update({ channels, queries }).catch(() => {});
    return '';
  });
}

/** Stops a subscription at once; the last one closes the socket. Unknown IDs are ignored. @returns '' or an error JSON. */
export function unsubscribe(handle: string, subscriptionId: string): string {
  return guard(() => {
    const entry = entryOf(handle);
    void entry.subs.get(subscriptionId)?.close();
    entry.subs.delete(subscriptionId);
    return '';
  });
}

function createRealtime(entry: Entry): Realtime {
  const realtime = new Realtime(entry.client, { heartbeatMs: entry.heartbeatMs });
  const { host } = entry;
  if (hostHas(host, 'emit')) {
    realtime.on('connected', (e) => void callHost(host, 'emit', 'realtimeConnected', JSON.stringify(e)));
    realtime.on('disconnected', (e) => void callHost(host, 'emit', 'realtimeDisconnected', JSON.stringify(e)));
    realtime.on('error', (e) => void callHost(host, 'emit', 'realtimeError', JSON.stringify(e)));
  }
  return realtime;
}

// Account events carry a model C# binds with JsonUtility: project it like a call result; anything else stays raw.
function eventJson(e: RealtimeEvent<unknown>): string {
  let model = eventModel(e);
  let payload: unknown = e.payload;
  try {
    if (model) payload = projectModel(model, payload);
  } catch {
    model = undefined; // not the model its name promised: hand it over raw rather than drop it
  }
  return JSON.stringify({ events: e.events, channels: e.channels, timestamp: e.timestamp, model: model ?? '', payload: JSON.stringify(payload ?? null) });
}

function strings(json: string, what: string): string[] {
  let value: unknown;
  try {
    value = JSON.parse(json === '' ? '[]' : json);
  } catch {
    throw new AppwriteException(`${what} is not valid JSON.`, 0, ErrorType.bridge);
  }
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw new AppwriteException(`${what} must be a JSON array of strings.`, 0, ErrorType.bridge);
  return value;
}

function setHeartbeat(entry: Entry, value: unknown): void {
  const ms = Number(value);
  if (!(ms >= 100 && ms <= 600_000)) throw new AppwriteException('Invalid realtimeHeartbeatMs: give milliseconds between 100 and 600000.', 0, ErrorType.argumentInvalid);
  entry.heartbeatMs = ms;
}

function dispatch(client: Client, service: string, method: string, params: Record<string, unknown>, options: CallOptions): Promise<string> {
  if (service === 'account') {
    const d = Object.prototype.hasOwnProperty.call(accountMethods, method) ? accountMethods[method] : undefined;
    if (!d) throw new AppwriteException(`Unknown method account.${method}.`, 0, ErrorType.bridge);
    if (d.model === 'url') return Promise.resolve(oauthUrl(client, 'account', d, params));
    return run(client, 'account', d, params, options).then((value) => project(d.model, value, `account.${method}`));
  }
  if (service === 'client') {
    if (method === 'ping') return client.ping(options);
    if (method === 'getSession') return Promise.resolve(JSON.stringify({ ...client.session, state: client.state }));
    if (method === 'restoreSession') return client.restoreSession(options).then((r) => JSON.stringify(r));
    if (method === 'getJWT') return client.getJWT(options);
    if (method === 'clearSession') return Promise.resolve(client.clearSession()).then(() => '');
  }
  throw new AppwriteException(`Unknown method ${service}.${method}.`, 0, ErrorType.bridge);
}

// What resolve() receives per response model: see the contract's "Results" table.
function project(model: string, value: unknown, label: string): string {
  if (model === 'none') return '';
  try {
    return model === 'preferences' ? prefsJson(value, 'preferences') : JSON.stringify(projectModel(model as TableModelName, value));
  } catch (error) {
    throw new AppwriteException(`${label} returned an unexpected body. ${(error as Error).message}`, 0, ErrorType.malformedResponse);
  }
}

function applyConfig(client: Client, key: string, value: unknown): void {
  const text = typeof value === 'string' ? value : value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  switch (key) {
    case 'endpoint': client.setEndpoint(text); break;
    case 'endpointRealtime': client.setEndpointRealtime(text); break;
    case 'project': client.setProject(text); break;
    case 'jwt': client.setJWT(text); break;
    case 'locale': client.setLocale(text); break;
    case 'session': client.setSession(text); break;
    case 'devKey': client.setDevKey(text); break;
    case 'timeoutMs': client.setRequestTimeout(Number(text)); break;
    case 'retry': client.setRetryPolicy(text === 'false' ? false : (parseObject(text, 'retry') as never)); break;
    default: throw new AppwriteException(`Unknown configuration key "${key.slice(0, 40)}".`, 0, ErrorType.bridge);
  }
}

function parseOptions(raw: unknown, abort: AbortHandle): CallOptions {
  const options: CallOptions = { signal: abort.signal };
  if (raw && typeof raw === 'object') {
    const o = raw as { timeoutMs?: unknown; retry?: unknown };
    if (typeof o.timeoutMs === 'number' && o.timeoutMs > 0) options.timeoutMs = o.timeoutMs;
    if (o.retry === false || (o.retry && typeof o.retry === 'object')) options.retry = o.retry as CallOptions['retry'];
  }
  return options;
}

function parseObject(json: string, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(json === '' ? '{}' : json);
  } catch {
    throw new AppwriteException(`${what} is not valid JSON.`, 0, ErrorType.bridge);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new AppwriteException(`${what} must be a JSON object.`, 0, ErrorType.bridge);
  return value as Record<string, unknown>;
}

function entryOf(handle: string): Entry {
  const entry = entries.get(handle);
  if (!entry) throw new AppwriteException(`No client with handle ${shown(handle)}: it was disposed or never created.`, 0, ErrorType.notConfigured);
  return entry;
}

function toErrorData(error: unknown) {
  if (isAppwriteException(error)) return (error as AppwriteException).toJSON?.() ?? error;
  return new AppwriteException(`Internal error in the Appwrite core: ${errorText(error)}`, 0, ErrorType.bridge).toJSON();
}

// A handle for messages: callers other than C# may pass anything, and a Symbol would break a template string.
function shown(value: unknown): string {
  return typeof value === 'string' ? value.slice(0, 40) : typeof value;
}

function guard(fn: () => string): string {
  try {
    return fn();
  } catch (error) {
    return JSON.stringify(toErrorData(error));
  }
}
