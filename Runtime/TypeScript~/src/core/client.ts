// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

import { EventEmitter } from 'eventemitter3';
import { AppwriteException, ErrorType, type RateLimitInfo } from '../errors/appwrite-exception.js';
import { buildQueryString } from '../utils/form-encode.js';
import { AbortHandle, onAbort, type AbortSignalLike } from './abort.js';
import type { ClientEvents, SessionStatus } from './events.js';
import { jwtExpiry } from './jwt.js';
import { HTTP_ENDPOINT_PATTERN, REALTIME_ENDPOINT_PATTERN } from './patterns.js';
import { FetchTransport, globalFetch } from './fetch-transport.js';
import { hostHas, type Host } from './host.js';
import { HostTransport } from './host-transport.js';
import { checkCallOptions, checkResponse, errorText } from './guards.js';
import { defaultRetryPolicy, hookAllows, mergeRetryPolicy, retryDelay, type RetryPolicy } from './retry.js';
import { SessionStore, type SessionState } from './session-store.js';
import { fromHost, MemoryStorage, toKeyValueStorage, type KeyValueStorage, type WebStorageLike } from './storage.js';
import { TransportError, type HttpMethod, type Transport, type TransportResponse } from './transport.js';
import type { WebSocketConstructor } from './websocket.js';

/** SDK identity sent as `x-sdk-*`; the only headers that differ from the official Web SDK. */
export const SDK_VERSION = '0.1.0';
const RESPONSE_FORMAT = '1.9.5';

/** How a Client reaches the network and where it keeps the session. Everything is optional. */
export interface ClientOptions {
  /** A custom transport; default: the host's `http` if given, else global `fetch`. */
  transport?: Transport;
  /** The Unity (or test) host of the bridge contract: supplies http, storage and log. */
  host?: Host;
  /** Where the session is kept: default the host's storage, else memory (lost when the process ends). */
  storage?: KeyValueStorage | WebStorageLike;
  /**
   * The WebSocket class for Realtime when the host has no `ws*` members, e.g. `WebSocket` from the `ws` package in
   * Node. @default the global `WebSocket` (browsers, Unity WebGL)
   */
  webSocket?: WebSocketConstructor;
  /** Deadline of a whole call, retries included. @default 15000 */
  timeoutMs?: number;
  /** Overrides of the default retry policy. */
  retry?: Partial<RetryPolicy>;
  /** Receives warnings and diagnostics, already free of secrets. */
  logger?: (level: 'debug' | 'info' | 'warn' | 'error', message: string) => void;
  /** Clock and random source, injectable for deterministic tests. */
  now?: () => number;
  random?: () => number;
}

/** Per-call options, the last argument of every service method. */
export interface CallOptions {
  /** Cancels the call: an AbortSignal, or `AbortHandle.signal` where AbortController is missing. */
  signal?: AbortSignalLike;
  /** Deadline for this call, retries included; overrides the client's. */
  timeoutMs?: number;
  /** Retry policy overrides for this call, or `false` for a single attempt. */
  retry?: Partial<RetryPolicy> | false;
}

/** One API call as services describe it to the Client. @internal */
export interface ApiRequest {
  /** For messages and events, e.g. `account.get`. */
  label: string;
  method: HttpMethod;
  /** Path under the endpoint, parameters already encoded. */
  path: string;
  params: Record<string, unknown>;
  /** Safe to repeat (GETs always are). */
  idempotent?: boolean;
  session?: 'signIn' | 'signOut';
  /** `text` for endpoints answering text/plain (ping). @default 'json' */
  responseType?: 'json' | 'text';
}

/**
 * Holds the configuration and the session, and performs every request.
 * @example
 * const client = new Client().setEndpoint('https://<REGION>.cloud.appwrite.io/v1').setProject('<PROJECT_ID>');
 * const account = new Account(client);
 */
export class Client {
  // TS `private` rather than `#private`: at the es2020 target `#` fields become WeakMap helpers that would make up a
  // third of the bundle. Secrets stay unreachable through the public API; getHeaders() is the documented way in.
  private readonly emitter = new EventEmitter<ClientEvents>();
  private readonly headers: Record<string, string> = {
    'x-sdk-name': 'Playloom Unity',
    'x-sdk-platform': 'client',
    'x-sdk-language': 'unity',
    'x-sdk-version': SDK_VERSION,
    'X-Appwrite-Response-Format': RESPONSE_FORMAT,
  };
  private readonly transport: Transport | undefined;
  private readonly store: SessionStore;
  private readonly inFlight = new Set<AbortHandle>();
  private readonly log: NonNullable<ClientOptions['logger']>;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly warned = new Set<string>();
  private readonly sockets: { host?: Host; webSocket?: WebSocketConstructor };
  private readonly disposers = new Set<() => void>();
  private endpoint = 'https://cloud.appwrite.io/v1';
  private endpointRealtime = 'wss://cloud.appwrite.io/v1';
  private project = '';
  private locale = '';
  private timeoutMs: number;
  private retry: RetryPolicy;
  private disposed = false;
  private restoring: Promise<{ state: SessionStatus; userId: string | null }> | undefined;
  private offline = false;
  private lastState: SessionStatus | undefined;
  private jwtCache: { jwt: string; expiresAt: number; userId: string | null } | undefined;
  private jwtMinting: Promise<string> | undefined;

  constructor(options: ClientOptions = {}) {
    const host = options.host;
    const fetchFn = globalFetch();
    this.transport = options.transport ?? (hostHas(host, 'http') ? new HostTransport(host!) : fetchFn ? new FetchTransport(fetchFn) : undefined);
    const storage = options.storage ? toKeyValueStorage(options.storage) : hostHas(host, 'storageGet') ? fromHost(host!) : new MemoryStorage();
    const logger = options.logger;
    // A logger that throws must not break the call that logged.
    this.log = (level, message) => { try { logger?.(level, message); } catch { /* the app's logger failed */ } };
    this.store = new SessionStore(storage, (e) => this.log('error', `session storage failed: ${String((e as Error)?.message ?? e)}`));
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.retry = mergeRetryPolicy(defaultRetryPolicy, options.retry);
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.sockets = { host, webSocket: options.webSocket };
  }

  /**
   * Sets the API endpoint and derives the realtime one (`https` → `wss`).
   * @param endpoint e.g. `https://<REGION>.cloud.appwrite.io/v1` or `http://127.0.0.1:<port>/v1` for the emulator.
   * @throws {AppwriteException} `general_argument_invalid` unless it starts with `http://` or `https://`.
   */
  setEndpoint(endpoint: string): this {
    if (typeof endpoint !== 'string' || !HTTP_ENDPOINT_PATTERN.test(endpoint)) {
      throw new AppwriteException(`Invalid endpoint URL: it must start with http:// or https:// and name a host, e.g. https://cloud.appwrite.io/v1 (got ${describe(endpoint)}).`, 0, ErrorType.argumentInvalid);
    }
    this.endpoint = endpoint.replace(/\/+$/, '');
    this.endpointRealtime = this.endpoint.replace(/^http/i, 'ws');
    return this;
  }

  /**
   * Sets the realtime endpoint when it differs from the derived one.
   * @throws {AppwriteException} `general_argument_invalid` unless it starts with `ws://` or `wss://`.
   */
  setEndpointRealtime(endpoint: string): this {
    if (typeof endpoint !== 'string' || !REALTIME_ENDPOINT_PATTERN.test(endpoint)) {
      throw new AppwriteException(`Invalid realtime endpoint URL: it must start with ws:// or wss:// (got ${describe(endpoint)}).`, 0, ErrorType.argumentInvalid);
    }
    this.endpointRealtime = endpoint.replace(/\/+$/, '');
    return this;
  }

  /** Sets the project ID (Console → Settings), sent as `X-Appwrite-Project` on every request. */
  setProject(project: string): this {
    this.project = requireString(project, 'project');
    return this;
  }

  /** Authenticates with a JWT (`X-Appwrite-JWT`); '' removes it. JWTs are never stored. */
  setJWT(jwt: string): this {
    this.setHeader('X-Appwrite-JWT', jwt, 'jwt');
    this.updateState();
    return this;
  }

  /** Sets the locale for server messages (`X-Appwrite-Locale`), e.g. `en` or `fr-FR`; '' removes it. */
  setLocale(locale: string): this {
    this.locale = requireString(locale, 'locale');
    return this.setHeader('X-Appwrite-Locale', locale, 'locale');
  }

  /** Authenticates with a session cookie value (`X-Appwrite-Session`, the base64 secret); '' removes it. */
  setSession(session: string): this {
    const before = this.session;
    this.setHeader('X-Appwrite-Session', session, 'session');
    this.emit('sessionChanged', { ...before, source: 'setSession', headerSession: session !== '' });
    this.updateState();
    return this;
  }

  /** Sets a dev key (`X-Appwrite-Dev-Key`) that lifts rate limits in development; '' removes it. Never ship one. */
  setDevKey(devKey: string): this {
    return this.setHeader('X-Appwrite-Dev-Key', devKey, 'devKey');
  }

  /** Deadline of a whole call (retries included) for calls without their own `timeoutMs`. */
  setRequestTimeout(timeoutMs: number): this {
    if (typeof timeoutMs !== 'number' || !(timeoutMs > 0) || timeoutMs > 600_000) {
      throw new AppwriteException('Invalid timeout: give milliseconds between 1 and 600000.', 0, ErrorType.argumentInvalid);
    }
    this.timeoutMs = timeoutMs;
    return this;
  }

  /** Replaces parts of the default retry policy for every call; `false` turns retries off. */
  setRetryPolicy(policy: Partial<RetryPolicy> | false): this {
    this.retry = mergeRetryPolicy(defaultRetryPolicy, policy);
    return this;
  }

  /** The configuration without secrets. */
  get config(): { endpoint: string; endpointRealtime: string; project: string; locale: string; timeoutMs: number } {
    return { endpoint: this.endpoint, endpointRealtime: this.endpointRealtime, project: this.project, locale: this.locale, timeoutMs: this.timeoutMs };
  }

  /** Whether a stored session exists for this project and endpoint, and whose it is. */
  get session(): SessionState {
    this.store.use(this.endpoint, this.project);
    return this.store.state;
  }

  /**
   * Where the session stands: `signedIn`, `signedOut`, `restoring` (restoreSession() is checking it) or `offline`
   * (a session is kept, but the last call could not reach the server).
   */
  get state(): SessionStatus {
    if (this.restoring) return 'restoring';
    if (!this.hasCredentials()) return 'signedOut';
    return this.offline ? 'offline' : 'signedIn';
  }

  /**
   * Checks the stored session with the server (GET /account), e.g. at startup. A network failure keeps the session
   * and reports `offline`; a session the server rejects (401/403) is cleared and reported `signedOut`. Concurrent
   * calls share one check. Without a stored session it sends nothing.
   */
  restoreSession(options?: CallOptions): Promise<{ state: SessionStatus; userId: string | null }> {
    if (this.restoring) return this.restoring;
    if (!this.hasCredentials()) {
      this.updateState();
      return Promise.resolve({ state: this.state, userId: null });
    }
    const check = async () => {
      try {
        await this.call({ label: 'client.restoreSession', method: 'GET', path: '/account', params: {}, idempotent: true }, options);
      } catch (error) {
        const e = error as AppwriteException;
        if (e.code >= 400 && e.code < 500 && INVALID_SESSION_TYPES.includes(e.type)) this.dropSession('invalid');
        else if (e.type === ErrorType.cancelled) throw error;
        // Reachable but unable to vouch (5xx, 429), or not Appwrite answering (a captive portal's page): keep it.
        else if (e.code >= 500 || e.code === 429 || e.type === ErrorType.malformedResponse || e.type === ErrorType.errorPage) this.offline = true;
      }
    };
    this.restoring = check().finally(() => {
      this.restoring = undefined;
      this.updateState();
    }).then(() => ({ state: this.state, userId: this.session.userId }));
    this.updateState();
    return this.restoring;
  }

  /**
   * A JWT for the signed-in user (e.g. for your game server), minted with createJWT on first use and reused until
   * shortly before it expires. Never stored. Concurrent callers share one request.
   * @param minValidityMs Mint a new one when the cached JWT expires sooner than this. @default 60000
   */
  getJWT(options: CallOptions & { minValidityMs?: number } = {}): Promise<string> {
    const userId = this.session.userId;
    const cached = this.jwtCache;
    const minValidityMs = typeof options?.minValidityMs === 'number' ? options.minValidityMs : 60_000;
    if (cached && cached.userId === userId && cached.expiresAt - this.now() > minValidityMs) return Promise.resolve(cached.jwt);
    if (this.jwtMinting) return this.jwtMinting;
    const mintedAt = this.now();
    this.jwtMinting = this.call<{ jwt?: unknown }>({ label: 'client.getJWT', method: 'POST', path: '/account/jwts', params: {} }, options)
      .then((result) => {
        if (typeof result?.jwt !== 'string') throw new AppwriteException('createJWT returned no jwt.', 0, ErrorType.malformedResponse);
        this.jwtCache = { jwt: result.jwt, userId, expiresAt: jwtExpiry(result.jwt) ?? mintedAt + 900_000 };
        return result.jwt;
      })
      .finally(() => (this.jwtMinting = undefined));
    return this.jwtMinting;
  }

  /** The stored session cookie value, for realtime authentication. @internal */
  sessionCookie(): string | undefined {
    this.store.use(this.endpoint, this.project);
    return this.store.cookie;
  }

  /** Where Realtime gets its sockets: the host's ws* members, or the webSocket option. @internal */
  socketOptions(): { host?: Host; webSocket?: WebSocketConstructor } {
    return this.sockets;
  }

  /** Runs `fn` when the client is disposed (Realtime closes its socket); returns the unregister function. @internal */
  onDispose(fn: () => void): () => void {
    this.disposers.add(fn);
    return () => void this.disposers.delete(fn);
  }

  /** A copy of the headers sent on every request, secrets included: handle with care. */
  getHeaders(): Record<string, string> {
    return { ...this.headers };
  }

  /** Subscribes to a client event. */
  on<E extends keyof ClientEvents>(event: E, listener: ClientEvents[E]): this {
    this.emitter.on(event, listener as never);
    return this;
  }

  once<E extends keyof ClientEvents>(event: E, listener: ClientEvents[E]): this {
    this.emitter.once(event, listener as never);
    return this;
  }

  off<E extends keyof ClientEvents>(event: E, listener?: ClientEvents[E]): this {
    this.emitter.off(event, listener as never);
    return this;
  }

  /**
   * Checks that the endpoint answers for this project.
   * @returns The server's answer, `Pong!`.
   */
  ping(options?: CallOptions): Promise<string> {
    return this.call<string>({ label: 'client.ping', method: 'GET', path: '/ping', params: {}, idempotent: true, responseType: 'text' }, options);
  }

  /** Forgets the stored session for this project and endpoint without calling the server. */
  clearSession(): void {
    this.dropSession('cleared');
  }

  private dropSession(reason: 'cleared' | 'invalid'): void {
    const before = this.session;
    this.store.clear();
    this.jwtCache = undefined;
    if (before.signedIn) {
      this.emit('sessionChanged', { signedIn: false, userId: null, source: reason === 'invalid' ? 'restore' : 'clear' });
      this.emit('signedOut', { userId: before.userId, reason });
    }
    this.updateState();
  }

  private hasCredentials(): boolean {
    return this.session.signedIn || 'X-Appwrite-Session' in this.headers || 'X-Appwrite-JWT' in this.headers;
  }

  // Emits stateChanged when the derived state moved since the last look.
  private updateState(): void {
    const state = this.state;
    const previous = this.lastState ?? 'signedOut'; // nothing is known before the first look
    this.lastState = state;
    if (state !== previous) this.emit('stateChanged', { state, previous, userId: this.session.userId });
  }

  /** Cancels every pending call and detaches all listeners. The client cannot be used afterwards. */
  dispose(): void {
    this.disposed = true;
    for (const handle of [...this.inFlight]) handle.abort('disposed');
    for (const fn of [...this.disposers]) fn();
    this.disposers.clear();
    this.emitter.removeAllListeners();
  }

  /** Performs one API call with deadline, cancellation and retries. Services call this. @internal */
  async call<T>(request: ApiRequest, options: CallOptions = {}): Promise<T> {
    options = checkCallOptions(options, request.label);
    const handle = new AbortHandle();
    const unlink = onAbort(options.signal, () => handle.abort('cancel'));
    this.inFlight.add(handle);
    try {
      if (this.disposed) throw new AppwriteException(`${request.label} was called on a disposed client.`, 0, ErrorType.notConfigured);
      if (!this.project) throw new AppwriteException(`${request.label} needs a project: call setProject('<PROJECT_ID>') first (Console → Settings → Project ID).`, 0, ErrorType.notConfigured);
      return (await this.withRetries(request, options, handle.signal)) as T;
    } catch (error) {
      const e = error as AppwriteException;
      this.emit('error', { label: request.label, method: request.method, path: request.path, code: e.code, type: e.type, message: e.message });
      throw error;
    } finally {
      unlink();
      this.inFlight.delete(handle);
    }
  }

  private async withRetries(request: ApiRequest, options: CallOptions, signal: AbortSignalLike): Promise<unknown> {
    const deadline = this.now() + (options.timeoutMs ?? this.timeoutMs);
    const policy = mergeRetryPolicy(this.retry, options.retry);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(request, signal, deadline);
      } catch (error) {
        const e = error as AppwriteException;
        const retryable = (request.method === 'GET' || request.idempotent) &&
          (e.type === ErrorType.network ? policy.networkErrors : e.code > 0 && e.code !== 429 && policy.statusCodes.includes(e.code)); // 429: never blindly, see rateLimit
        const delayMs = retryDelay(policy, attempt, this.random);
        const info = { label: request.label, attempt, type: e.type, code: e.code, delayMs };
        if (!retryable || attempt > policy.limit || this.now() + delayMs >= deadline || !hookAllows(policy, info, (m) => this.log('error', m))) throw error;
        this.emit('retry', info);
        await sleep(delayMs, signal);
        if (signal.aborted) throw this.abortError(request);
      }
    }
  }

  private async attempt(request: ApiRequest, signal: AbortSignalLike, deadline: number): Promise<unknown> {
    const { method, path, params } = request;
    const timeoutMs = deadline - this.now();
    const headers: Record<string, string> = { ...this.headers, 'X-Appwrite-Project': this.project };
    if (method !== 'DELETE') headers.accept = 'application/json'; // as Web SDK 26.2.0, whose deletes expect no body
    let url = this.endpoint + path;
    let body: string | undefined;
    if (method === 'GET') {
      const query = buildQueryString(params);
      if (query) url += '?' + query;
    } else {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(params);
    }
    this.store.use(this.endpoint, this.project);
    const fallback = this.store.header;
    if (fallback) headers['X-Fallback-Cookies'] = fallback;

    const attempt = new AbortHandle();
    let timedOut = timeoutMs <= 0;
    const unlink = onAbort(signal, () => attempt.abort());
    const timer = timedOut ? undefined : setTimeout(() => { timedOut = true; attempt.abort(); }, timeoutMs);
    if (timedOut) attempt.abort();
    const started = this.now();
    let response: TransportResponse;
    try {
      if (!this.transport) throw new TransportError('network', 'no transport: this engine has no fetch and no host http was given');
      response = checkResponse(await this.transport.send({ method, url, headers, body, timeoutMs }, attempt.signal));
    } catch (error) {
      this.emit('request', { label: request.label, method, path, status: 0, durationMs: this.now() - started });
      const kind = (error as TransportError | undefined)?.kind;
      if (timedOut || kind === 'timeout') throw this.unreachable(this.timeoutError(request));
      if (signal.aborted) throw this.abortError(request);
      throw this.unreachable(new AppwriteException(`${request.label} (${method} ${path}) could not reach the server: ${errorText(error)}. Check the endpoint and the network.`, 0, ErrorType.network));
    } finally {
      clearTimeout(timer);
      unlink();
    }
    this.emit('request', { label: request.label, method, path, status: response.status, durationMs: this.now() - started });
    // Back online on an answer from Appwrite: JSON or a 204, not a captive portal's HTML page.
    if (this.offline && response.status < 500 && (response.status === 204 || (response.headers['content-type'] ?? '').includes('application/json'))) {
      this.offline = false;
      this.updateState();
    }
    return this.readResponse(request, response);
  }

  private readResponse(request: ApiRequest, response: TransportResponse): unknown {
    const { status, headers, body } = response;
    const where = `${request.label} (${request.method} ${request.path})`;
    const contentType = headers['content-type'] ?? '';
    const warning = headers['x-appwrite-warning'];
    if (warning && !this.warned.has(warning) && this.warned.size < 32) { // bounded: a server could vary it forever
      this.warned.add(warning);
      for (const w of warning.split(';')) this.log('warn', `Appwrite warning: ${w.trim()}`);
    }
    let data: unknown;
    const isJson = contentType.includes('application/json');
    if (isJson) {
      try {
        data = JSON.parse(body);
      } catch {
        // A broken success body may still hold what the call was for (a JWT, recovery codes, a TOTP secret): errors
        // get logged, so it is not kept. A broken error body holds no secret and helps debugging.
        throw new AppwriteException(`${where} returned a body that is not valid JSON (HTTP ${status}, ${body.length} characters): it was cut off or corrupted.`, status >= 400 ? status : 0, ErrorType.malformedResponse, status >= 400 ? body : '');
      }
    }
    if (status >= 400) {
      const error = data as { message?: unknown; type?: unknown } | undefined;
      if (error && typeof error === 'object' && typeof error.message === 'string') {
        throw new AppwriteException(error.message, status, typeof error.type === 'string' ? error.type : '', body, rateLimitOf(headers));
      }
      if (isJson) throw new AppwriteException(`${where} failed with HTTP ${status} and a JSON body without a message.`, status, ErrorType.malformedResponse, body);
      throw new AppwriteException(`${where} failed with HTTP ${status} and a non-JSON body (${contentType || 'no content type'}): an error page from a proxy or gateway, not from Appwrite.`, status, ErrorType.errorPage, body, rateLimitOf(headers));
    }
    if (request.responseType === 'text') return body;
    if (!isJson) {
      // A 204 (or empty 200) is a success without a model; any other non-JSON success is not Appwrite talking.
      if (body === '' || status === 204) data = {};
      else throw new AppwriteException(`${where} returned HTTP ${status} with ${contentType || 'no content type'} instead of JSON: a captive portal or proxy may have answered.`, 0, ErrorType.malformedResponse, body);
    }
    this.applySession(request, headers['x-fallback-cookies'], data);
    return data;
  }

  // Sessions change when the server sends X-Fallback-Cookies (sign-in, or [] on sign-out) and when a sign-in or
  // sign-out method succeeds (also with setSession/setJWT, where no cookie moves). Each event is emitted once.
  private applySession(request: ApiRequest, cookieHeader: string | undefined, data: unknown): void {
    const before = this.store.state;
    if (cookieHeader !== undefined) this.store.capture(cookieHeader);
    const after = this.store.state;
    const changed = before.signedIn !== after.signedIn || before.userId !== after.userId;
    if (changed) this.emit('sessionChanged', { ...after, source: 'server' });
    const model = (data ?? {}) as { $id?: unknown; userId?: unknown; provider?: unknown };
    if (request.session === 'signIn' || (changed && after.signedIn)) {
      const isSession = typeof model.provider === 'string' && typeof model.userId === 'string';
      this.emit('signedIn', {
        userId: isSession ? (model.userId as string) : after.userId,
        sessionId: isSession && typeof model.$id === 'string' ? model.$id : null,
        provider: isSession ? (model.provider as string) : null,
      });
    }
    if ((before.signedIn && !after.signedIn) || (request.session === 'signOut' && !changed)) {
      this.emit('signedOut', { userId: before.userId, reason: 'signOut' });
    }
    if (changed) this.jwtCache = undefined;
    this.updateState();
  }

  // No response: a kept session is now `offline`, never dropped.
  private unreachable(error: AppwriteException): AppwriteException {
    if (!this.offline && this.hasCredentials()) {
      this.offline = true;
      this.updateState();
    }
    return error;
  }

  private timeoutError(request: ApiRequest): AppwriteException {
    return new AppwriteException(`${request.label} (${request.method} ${request.path}) timed out: no complete response before the deadline. Raise timeoutMs or check the network.`, 0, ErrorType.timeout);
  }

  private abortError(request: ApiRequest): AppwriteException {
    const why = this.disposed ? 'the client was disposed' : 'it was cancelled';
    return new AppwriteException(`${request.label} (${request.method} ${request.path}) did not complete: ${why}.`, 0, ErrorType.cancelled);
  }

  private setHeader(name: string, value: string, param: string): this {
    if (requireString(value, param) === '') delete this.headers[name];
    else this.headers[name] = value;
    return this;
  }

  private emit<E extends keyof ClientEvents>(event: E, payload: Parameters<ClientEvents[E]>[0]): void {
    try {
      (this.emitter.emit as (e: string, p: unknown) => boolean)(event, payload);
    } catch (error) {
      // A throwing listener is the app's bug; it must not break the call that emitted.
      this.log('error', `a '${event}' listener threw: ${String((error as Error)?.message ?? error)}`);
    }
  }
}

// Types with which the server rejects the stored session itself (not a transient problem): restore drops it.
const INVALID_SESSION_TYPES = ['general_unauthorized_scope', 'user_invalid_token', 'user_session_not_found', 'user_jwt_invalid', 'user_blocked', 'user_unauthorized'];

function requireString(value: unknown, param: string): string {
  if (typeof value !== 'string') throw new AppwriteException(`Invalid ${param}: expected a string (got ${describe(value)}).`, 0, ErrorType.argumentInvalid);
  return value;
}

// For messages about non-secret config values only.
function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value.length > 80 ? value.slice(0, 80) + '…' : value) : value === null ? 'null' : typeof value;
}

function rateLimitOf(headers: Record<string, string>): RateLimitInfo | undefined {
  const reset = Number(headers['x-ratelimit-reset']);
  if (!headers['x-ratelimit-reset'] || !Number.isFinite(reset)) return undefined;
  return { limit: Number(headers['x-ratelimit-limit']) || 0, remaining: Number(headers['x-ratelimit-remaining']) || 0, resetAt: reset * 1000 };
}

function sleep(ms: number, signal: AbortSignalLike): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => { unlink(); resolve(); }, ms);
    const unlink = onAbort(signal, () => { clearTimeout(timer); resolve(); });
  });
}
