// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// Runs the Account flows of Tools~/faults/flows.mjs against the emulator, directly or through the fault proxy, over
// the TypeScript API or over the bridge bundle (as C# does), and measures what the reliability figures need:
// every call's outcome and duration, calls that outlived their deadline, errors of another type than
// AppwriteException, sessions lost on a transient failure, and everything the SDK logged, emitted or threw.

import { TOTP, Secret } from 'otpauth';
import { AppwriteException, Account, Client, ID, Query, isAppwriteException, type KeyValueStorage } from '../../../Runtime/TypeScript~/src/index.js';
import { FetchTransport } from '../../../Runtime/TypeScript~/src/core/fetch-transport.js';
import { accountMethods } from '../../../Runtime/TypeScript~/src/services/account.descriptors.js';
import * as bridge from '../../../Runtime/Resources/PlayloomAppwrite/appwrite.mjs';
import { startEmulator } from '../../../Tools~/emulator/index.mjs';
import { flows } from '../../../Tools~/faults/flows.mjs';
import { hash32, prng, startFaultProxy } from '../../../Tools~/faults/proxy.mjs';
import { createNodeHost, invokeAsync } from '../helpers/node-host.js';

export const PROJECT = 'demo-project';
export type Mode = 'ts' | 'bridge';
const EVENTS = ['sessionChanged', 'stateChanged', 'signedIn', 'signedOut', 'error', 'request', 'retry'] as const;
const TRANSIENT_TYPES = ['client_network_error', 'client_timeout', 'client_malformed_response', 'client_error_page'];

/** A failure the network could cause: no answer, a broken answer, a 5xx or a 429. */
export function isTransient(e: unknown): boolean {
  const x = e as { type?: string; code?: number };
  return TRANSIENT_TYPES.includes(x?.type ?? '') || (x?.code ?? 0) >= 500 || x?.code === 429;
}

/** The proxy's view of which requests may be repeated: GETs and the descriptors marked idempotent. */
export function isIdempotentRoute(method: string, path: string): boolean {
  if (method === 'GET') return true;
  return Object.values(accountMethods).some((d) => d.idempotent && d.verb === method && new RegExp(`^/v1${d.path.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path));
}

/** An emulator, with the fault proxy in front when `faults` is given. */
export async function startStack(faults?: { seed: number; rate: number; weights?: Record<string, number>; maxStallMs?: number }) {
  const emulator = await startEmulator({ port: 0, quiet: true, rateLimit: false });
  const origin = emulator.url.replace(/\/v1$/, '');
  const proxy = faults
    ? await startFaultProxy({
      upstream: origin,
      isIdempotent: isIdempotentRoute,
      maxStallMs: faults.maxStallMs ?? 5_000,
      trickle: { chunkBytes: 128, intervalMs: 10 },
      plan: { seed: faults.seed, rate: faults.rate, weights: faults.weights, exempt: (info: { tag: string | null }) => (info.tag ?? '').includes('!clean') },
    })
    : undefined;
  return {
    emulator,
    proxy,
    endpoint: proxy ? `${proxy.url}/v1` : emulator.url,
    /** Newest outbox message, read from the emulator over HTTP (never through the proxy). */
    async outbox(filter: { to: string; type: string }) {
      const res = await fetch(`${origin}/_emulator/messages?to=${encodeURIComponent(filter.to)}`);
      const { messages } = (await res.json()) as { messages: Array<Record<string, string>> };
      return messages.filter((m) => m.to === filter.to && m.type === filter.type).at(-1);
    },
    async close() {
      await proxy?.close();
      await emulator.close();
    },
  };
}
export type Stack = Awaited<ReturnType<typeof startStack>>;

interface Device {
  name: string;
  tag: string;
  hasSession(): boolean;
  storedText(): string;
  invoke(method: string, params?: unknown, options?: unknown): Promise<unknown>;
  restart(): Device;
  withJWT(jwt: string): Device;
  dispose(): void;
}

export interface Captured {
  logs: string[];
  events: string[];
  errors: string[];
}

export interface RunOptions {
  mode: Mode;
  timeoutMs: number;
  slackMs: number;
  seed: number;
  flows?: string[];
  devKey?: string;
  /** Bridge mode: the share of requests whose host `done` misbehaves (twice, or an error then the answer). */
  hostFaultRate?: number;
  /** How many times each flow runs, concurrently, with its own users and tags. @default 1 */
  rounds?: number;
}

export interface CallRecord {
  tag: string;
  method: string;
  ms: number;
  outcome: 'value' | string;
}

export function newReport() {
  return {
    calls: [] as CallRecord[],
    hung: [] as string[],
    foreignErrors: [] as string[],
    sessionsLost: [] as string[],
    flowFailures: [] as string[],
    flowsPassed: [] as string[],
    methods: new Set<string>(),
    secrets: new Map<string, Set<string>>(),
    hostFaults: {} as Record<string, number>,
    captured: { logs: [], events: [], errors: [] } as Captured,
  };
}
export type Report = ReturnType<typeof newReport>;

/** Runs the chosen flows concurrently (each flow on its own devices); resolves when all ended. */
export async function runFlows(stack: Stack, options: RunOptions, report: Report = newReport()): Promise<Report> {
  const names = options.flows ?? Object.keys(flows);
  const rounds = Array.from({ length: options.rounds ?? 1 }, (_, i) => i + 1);
  await Promise.all(rounds.flatMap((round) => names.map((name) => runFlow(stack, options, name, report, round))));
  return report;
}

async function runFlow(stack: Stack, options: RunOptions, flow: string, report: Report, round: number): Promise<void> {
  const id = round > 1 ? `${flow}.r${round}` : flow;
  const devices: Device[] = [];
  let counter = 0;
  let steps = 0;
  const learn = (kind: string, value: unknown) => {
    if (typeof value !== 'string' || value === '') return;
    if (!report.secrets.has(kind)) report.secrets.set(kind, new Set());
    report.secrets.get(kind)!.add(value);
  };
  if (options.devKey) learn('devKey', options.devKey);
  const track = (device: Device) => (devices.push(device), device);
  const ctx = {
    Query,
    device: (name: string) => track(makeDevice(stack, options, `${id}.${name}.${options.mode}`, report, learn, track)),
    outbox: (filter: { to: string; type: string }) => stack.outbox(filter),
    // The emulator accepts the current 30 s window only: never hand out a code in its last 3 seconds.
    totp: async (secret: string) => {
      const left = 30_000 - (Date.now() % 30_000);
      if (left < 3_000) await new Promise((r) => setTimeout(r, left + 50));
      return new TOTP({ secret: Secret.fromBase32(secret) }).generate();
    },
    transient: (message: string) => new AppwriteException(message, 0, 'client_network_error'),
    unique: (kind: string) => {
      const n = hash32(`${options.seed}|${options.mode}|${id}|${++counter}`) % 1_000_000_000;
      if (kind === 'email') return `${id.toLowerCase()}.${options.mode}.${n}@example.com`;
      if (kind === 'phone') return `+1555${String(n).padStart(9, '0').slice(0, 7)}`;
      return `${flow.slice(0, 10)}${n}`.replace(/[^A-Za-z0-9]/g, '');
    },
    expect(condition: unknown, message: string) {
      if (!condition) throw new FlowAssertion(`${id}: ${message}`);
    },
    secret: learn,
    attempt: async (action: string, fn: (call: CallFn) => Promise<unknown>, accept?: (e: unknown) => boolean) => {
      const step = ++steps; // actions repeat within a flow (sign in twice): the step number keeps tags unique
      for (let attempt = 1; ; attempt++) {
        const clean = attempt === 4;
        const prefix = `${id}.${options.mode}:${step}.${action}#${attempt}${clean ? '!clean' : ''}`;
        let k = 0;
        const call: CallFn = (device, method, params, callOptions) => callOnce(device, `${prefix}:${method}:${++k}`, method, params, callOptions, options, report);
        try {
          return await fn(call);
        } catch (e) {
          if (e instanceof FlowAssertion || e instanceof HangError || !isAppwriteException(e)) throw e;
          if (accept?.(e)) return undefined;
          // A 4xx on a later try can be the consequence of an earlier try the server handled; on the first, a bug.
          if (clean || (attempt === 1 && !isTransient(e))) throw e;
        }
      }
    },
  };
  try {
    await (flows as Record<string, (c: typeof ctx) => Promise<void>>)[flow]!(ctx);
    report.flowsPassed.push(`${id}.${options.mode}`);
  } catch (e) {
    report.flowFailures.push(`${id}.${options.mode}: ${describeError(e)}`);
  } finally {
    for (const d of devices) d.dispose();
  }
}

type CallFn = (device: Device, method: string, params?: unknown, options?: unknown) => Promise<any>;

class FlowAssertion extends Error {}
class HangError extends Error {}

function describeError(e: unknown): string {
  if (isAppwriteException(e)) return `AppwriteException ${(e as AppwriteException).code} ${(e as AppwriteException).type}: ${(e as AppwriteException).message}`;
  return String((e as Error)?.stack ?? e);
}

async function callOnce(device: Device, tag: string, method: string, params: unknown, callOptions: unknown, options: RunOptions, report: Report): Promise<unknown> {
  device.tag = tag;
  report.methods.add(method);
  const hadSession = device.hasSession();
  const started = Date.now();
  const bound = options.timeoutMs + options.slackMs;
  let timer: NodeJS.Timeout | undefined;
  const watchdog = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new HangError(`${tag} did not settle within ${bound} ms`)), bound)));
  try {
    const value = await Promise.race([device.invoke(method, params, callOptions), watchdog]);
    report.calls.push({ tag, method, ms: Date.now() - started, outcome: 'value' });
    return value;
  } catch (e) {
    report.calls.push({ tag, method, ms: Date.now() - started, outcome: isAppwriteException(e) ? (e as AppwriteException).type || String((e as AppwriteException).code) : 'foreign' });
    if (e instanceof HangError) report.hung.push(e.message);
    else if (!isAppwriteException(e)) report.foreignErrors.push(`${tag}: ${describeError(e)}`);
    else {
      const x = e as AppwriteException;
      report.captured.errors.push(JSON.stringify({ message: x.message, response: x.response, type: x.type, code: x.code }));
      if (isTransient(x) && hadSession && !device.hasSession()) report.sessionsLost.push(`${tag}: ${x.type} ${x.code}`);
    }
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

/** A KeyValueStorage whose contents the test can read. */
function inspectableStorage(values = new Map<string, string>()): KeyValueStorage & { values: Map<string, string> } {
  return {
    values,
    get: (key) => values.get(key),
    set: (key, value) => void (value === undefined ? values.delete(key) : values.set(key, value)),
  };
}

function makeDevice(stack: Stack, options: RunOptions, name: string, report: Report, learn: (k: string, v: unknown) => void, track: (d: Device) => Device): Device {
  return options.mode === 'ts' ? tsDevice(stack, options, name, report, learn, track) : bridgeDevice(stack, options, name, report, learn, track);
}

function tsDevice(stack: Stack, options: RunOptions, name: string, report: Report, learn: (k: string, v: unknown) => void, track: (d: Device) => Device, from?: { storage?: Map<string, string>; jwt?: string }): Device {
  const storage = inspectableStorage(from?.storage);
  const device = { tag: '' } as Device;
  // The SDK's own fetch transport; the wrapper only labels each attempt with the logical call for the proxy.
  const taggedFetch = (url: string, init: Record<string, unknown>) => fetch(url, { ...init, headers: { ...(init.headers as Record<string, string>), 'x-fault-tag': device.tag } });
  const client = new Client({
    transport: new FetchTransport(taggedFetch as never),
    storage,
    timeoutMs: options.timeoutMs,
    random: prng(hash32(name)),
    logger: (level, message) => report.captured.logs.push(`${level} ${message}`),
  }).setEndpoint(stack.endpoint).setProject(PROJECT);
  if (options.devKey) client.setDevKey(options.devKey);
  if (from?.jwt) client.setJWT(from.jwt);
  for (const event of EVENTS) client.on(event, (payload: unknown) => void report.captured.events.push(`${event} ${JSON.stringify(payload)}`));
  const account = new Account(client) as unknown as Record<string, (p?: unknown, o?: unknown) => unknown>;
  const captureCookie = () => {
    // The session cookie value (X-Fallback-Cookies, via the storage) is a secret the hygiene suite looks for.
    for (const v of storage.values.values()) {
      try {
        for (const cookie of Object.values(JSON.parse(v) as Record<string, string>)) learn('session', cookie);
      } catch { /* not JSON */ }
    }
  };
  Object.assign(device, {
    name,
    hasSession: () => client.session.signedIn,
    storedText: () => JSON.stringify([...storage.values]),
    async invoke(method: string, params?: unknown, callOptions?: unknown) {
      try {
        if (method === 'client.getJWT') return await client.getJWT(callOptions as never);
        if (method === 'client.restoreSession') return await client.restoreSession(callOptions as never);
        if (method === 'client.ping') return await client.ping(callOptions as never);
        return await account[method]!(params, callOptions);
      } finally {
        captureCookie();
      }
    },
    restart: () => track(tsDevice(stack, options, `${name}+`, report, learn, track, { storage: storage.values })),
    withJWT: (jwt: string) => track(tsDevice(stack, options, `${name}+jwt`, report, learn, track, { jwt })),
    dispose: () => client.dispose(),
  });
  return device;
}

function bridgeDevice(stack: Stack, options: RunOptions, name: string, report: Report, learn: (k: string, v: unknown) => void, track: (d: Device) => Device, from?: { storage?: Map<string, string>; jwt?: string }): Device {
  const node = createNodeHost({
    onEmit: (event: string, payload: unknown) => void report.captured.events.push(`${event} ${JSON.stringify(payload)}`),
    onLog: (level: string, message: string) => void report.captured.logs.push(`${level} ${message}`),
  });
  if (from?.storage) for (const [k, v] of from.storage) node.storage.set(k, v);
  const device = { tag: '' } as Device;
  let sent = 0;
  const host = {
    ...node.host,
    http(requestJson: string, done: (s: string) => void) {
      const request = JSON.parse(requestJson) as { headers: Record<string, string> };
      const tag = device.tag;
      request.headers['x-fault-tag'] = tag;
      // Host-level faults, as a buggy C# bridge could produce them: `done` twice, or an error and then the answer.
      const random = prng(hash32(`${options.seed}|host|${tag}|${++sent}`));
      const fault = options.hostFaultRate && !tag.includes('!clean') && random() < options.hostFaultRate ? (random() < 0.5 ? 'doubleDone' : 'errorThenAnswer') : undefined;
      if (fault) report.hostFaults[fault] = (report.hostFaults[fault] ?? 0) + 1;
      if (fault === 'errorThenAnswer') done(JSON.stringify({ error: { kind: 'network', message: 'host: connection lost' } }));
      node.host.http(JSON.stringify(request), (text: string) => {
        done(text);
        if (fault === 'doubleDone') done(text);
      });
    },
  };
  const config: Record<string, unknown> = { endpoint: stack.endpoint, project: PROJECT, timeoutMs: options.timeoutMs };
  if (options.devKey) config.devKey = options.devKey;
  if (from?.jwt) config.jwt = from.jwt;
  const handle = bridge.createClient(JSON.stringify(config), host);
  if (!/^h\d+$/.test(handle)) throw new Error(`createClient failed: ${handle}`);
  let callId = 0;
  const captureCookie = () => {
    for (const v of node.storage.values()) {
      try {
        for (const cookie of Object.values(JSON.parse(v) as Record<string, string>)) learn('session', cookie);
      } catch { /* not JSON */ }
    }
  };
  Object.assign(device, {
    name,
    hasSession: () => [...node.storage.values()].some((v) => v.includes('a_session_')),
    storedText: () => JSON.stringify([...node.storage]),
    async invoke(method: string, params?: unknown, callOptions?: unknown) {
      const [service, name] = method.startsWith('client.') ? ['client', method.slice(7)] : ['account', method];
      const args: Record<string, unknown> = {};
      if (params !== undefined) args.params = params;
      if (callOptions !== undefined) args.options = callOptions;
      const r = await invokeAsync(bridge, handle, `c${++callId}`, service, name, args);
      captureCookie();
      if (r.sync) throw new Error(`${method}: the bridge called back synchronously`);
      if (!r.ok) {
        report.captured.errors.push(r.text); // the reject JSON exactly as C# receives it
        const e = JSON.parse(r.text) as { name: string; message: string; code: number; type: string; response: string; rateLimit?: never };
        if (e.name !== 'AppwriteException') throw new Error(`reject with ${e.name}`);
        throw new AppwriteException(e.message, e.code, e.type, e.response, e.rateLimit);
      }
      return decode(service, name, r.text);
    },
    restart: () => track(bridgeDevice(stack, options, `${name}+`, report, learn, track, { storage: node.storage })),
    withJWT: (jwt: string) => track(bridgeDevice(stack, options, `${name}+jwt`, report, learn, track, { jwt })),
    dispose: () => bridge.disposeClient(handle),
  });
  return device;
}

// Turns a bridge result back into what the TS API returns, as far as the flows read it (`$id` for `id`).
function decode(service: string, method: string, text: string): unknown {
  if (service === 'client') return method === 'restoreSession' || method === 'getSession' ? JSON.parse(text) : text;
  const model = accountMethods[method]!.model;
  if (model === 'none') return undefined;
  if (model === 'url') return text;
  const value = JSON.parse(text);
  return model === 'preferences' ? value : withDollarIds(value);
}

function withDollarIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withDollarIds);
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = withDollarIds(v);
  if ('id' in out && !('$id' in out)) out.$id = out.id;
  return out;
}

/** Percentile of call durations. */
export function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export { ID };
