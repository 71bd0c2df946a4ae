// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// Property-based fuzzing (fast-check, fixed seed): whatever a player types, a server answers or a host sends across
// the bridge, every outcome is a value or an AppwriteException (across the bridge: a resolve text or a reject JSON
// named AppwriteException), within a time bound, with exactly one callback. Never a crash, a hang or another error.
//
// In `npm test` the run is small and seeded. A larger run: FUZZ_SCALE=20 npx vitest run --config
// Tests/TypeScript~/vitest.config.mts Tests/TypeScript~/reliability/fuzz.test.ts (FUZZ_SEED picks another seed).

import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { Account, AppwriteException, Client, ErrorType, MemoryStorage, TransportError, isAppwriteException, type Transport, type TransportResponse } from '../../../Runtime/TypeScript~/src/index.js';
import { accountMethods, type MethodDescriptor } from '../../../Runtime/TypeScript~/src/services/account.descriptors.js';
import { modelFields, type TableModelName } from '../../../Runtime/TypeScript~/src/models/model-table.js';
import * as bridge from '../../../Runtime/Resources/PlayloomAppwrite/appwrite.mjs';
import { ruleSamples, sampleParams } from '../helpers/samples.js';
import { cookieValue } from '../helpers/recording-server.js';
import { loadBundleInQuickJS } from '../helpers/quickjs-harness.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20260601);
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const runs = (n: number) => Math.max(1, Math.round(n * SCALE));
const counts: Record<string, number> = {};
const count = (name: string) => (counts[name] = (counts[name] ?? 0) + 1);
const timeLimit = 15_000 * SCALE;
/** vitest's own limit per property: above fast-check's time limit, so a slow run ends as a counted interruption. */
const TEST_MS = 30_000 * SCALE;

afterAll(() => {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  console.log(`[fuzz] seed ${SEED}, scale ${SCALE}: ${total} cases (${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ')})`);
});

const methods = Object.values(accountMethods);
const callable = methods.filter((d) => d.model !== 'url');
const SLACK_MS = 1_000;

// ---- arbitraries ---------------------------------------------------------------------------------------------------

const protoKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'then');
const huge = fc.tuple(fc.constantFrom('x', 'é', '🎮', '\u0000', '\uD800', '%', '"'), fc.integer({ min: 300, max: 100_000 })).map(([c, n]) => c.repeat(n));
const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 40 }), // lone surrogates and control characters
  huge,
  protoKey,
  fc.constantFrom('unique()', 'current', '', ' ', '+15555550100', 'a@b.co', 'https://example.com/cb', 'totp', '{}', 'null'),
);
const nested = fc.tuple(fc.integer({ min: 1, max: 2_000 }), fc.boolean()).map(([depth, arrays]) => {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = arrays ? [v] : { a: v };
  return v;
});
// JSON with own `__proto__` / `constructor` keys, as JSON.parse builds them from hostile input.
const protoObject = fc.tuple(protoKey, fc.jsonValue()).map(([k, v]) => JSON.parse(`{${JSON.stringify(k)}:${JSON.stringify(v ?? null)},"polluted":true}`) as unknown);
const weird: fc.Arbitrary<unknown> = fc.oneof(
  text,
  fc.anything({ maxDepth: 3, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true, withObjectString: true, withBoxedValues: true }),
  nested,
  protoObject,
  fc.constantFrom(null, undefined, NaN, Infinity, -0, true, false, 0, -1, 2 ** 53, [], {}),
  fc.array(text, { maxLength: 120 }),
  fc.constant(Symbol('s')),
  fc.constant(() => 'fn'),
);
/** A value for one parameter: the rule's valid and invalid samples, or anything. */
const paramValue = (d: MethodDescriptor, name: string) => {
  const rule = d.params.find((p) => p.name === name)!.rule;
  return fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...ruleSamples[rule].valid, ...ruleSamples[rule].invalid) }, { weight: 2, arbitrary: weird });
};
const paramsFor = (d: MethodDescriptor): fc.Arbitrary<unknown> => fc.oneof(
  { weight: 4, arbitrary: fc.record(Object.fromEntries(d.params.map((p) => [p.name, paramValue(d, p.name)])), { requiredKeys: [] }) },
  { weight: 1, arbitrary: fc.constant(sampleParams(d)) },
  { weight: 1, arbitrary: fc.tuple(fc.constant(sampleParams(d)), protoKey, weird).map(([p, k, v]) => Object.defineProperty({ ...p }, k, { value: v, enumerable: true })) },
  { weight: 1, arbitrary: weird },
);
const retryOverride = fc.oneof(
  fc.constant(false),
  fc.record({
    limit: fc.oneof(fc.integer({ min: 0, max: 3 }), weird),
    baseDelayMs: fc.oneof(fc.integer({ min: 0, max: 5 }), weird),
    maxDelayMs: fc.oneof(fc.integer({ min: 0, max: 5 }), weird),
    jitter: fc.oneof(fc.constantFrom('full', 'none'), weird),
    statusCodes: fc.oneof(fc.constant([503]), weird),
    networkErrors: fc.oneof(fc.boolean(), weird),
    shouldRetry: fc.oneof(fc.constant(() => true), fc.constant(() => { throw new Error('hook bug'); }), weird),
  }, { requiredKeys: [] }),
  weird,
);
const abortedSignal = () => { const c = new AbortController(); c.abort(); return c.signal; };
const callOptions = fc.oneof(
  fc.constant(undefined),
  fc.record({
    timeoutMs: fc.oneof(fc.integer({ min: 1, max: 300 }), weird),
    retry: retryOverride,
    signal: fc.oneof(fc.constant(undefined), fc.constant('aborted').map(abortedSignal), weird),
  }, { requiredKeys: [] }),
  weird,
);

// ---- outcome checks ------------------------------------------------------------------------------------------------

type Outcome = { kind: 'value'; value: unknown } | { kind: 'error'; error: AppwriteException };

/** Runs `fn`; fails the property unless it yields a value or an AppwriteException within `boundMs`. */
async function outcomeOf(fn: () => unknown, boundMs: number): Promise<Outcome> {
  let result: unknown;
  try {
    result = fn();
  } catch (error) {
    return asAppwrite(error);
  }
  if (!(result instanceof Promise)) return { kind: 'value', value: result };
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`HANG: not settled within ${boundMs} ms`)), boundMs)));
  try {
    return { kind: 'value', value: await Promise.race([result, hang]) };
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('HANG')) throw error;
    return asAppwrite(error);
  } finally {
    clearTimeout(timer);
  }
}

function asAppwrite(error: unknown): Outcome {
  if (!(error instanceof AppwriteException) || !isAppwriteException(error)) {
    throw new Error(`not an AppwriteException: ${Object.prototype.toString.call(error)} ${String((error as Error)?.stack ?? (error as Error)?.message ?? error)}`);
  }
  expect(typeof error.message).toBe('string');
  expect(typeof error.type).toBe('string');
  expect(Number.isInteger(error.code)).toBe(true);
  return { kind: 'error', error };
}

/** JSON of a generated value; BigInts and cycles (which JSON cannot carry) become a truncated document. */
const safeJson = (v: unknown): string => {
  try {
    return JSON.stringify(v) ?? '';
  } catch {
    return '{"broken":';
  }
};
const okJson = (body: unknown, status = 200): TransportResponse => ({ status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** Upper bound of one call: its deadline (per call, else the client's) plus slack. */
function boundOf(options: unknown, clientTimeoutMs: number): number {
  const t = (options as { timeoutMs?: unknown } | undefined)?.timeoutMs;
  return (typeof t === 'number' && t > 0 && t <= 600_000 ? Math.min(t, 600_000) : clientTimeoutMs) + SLACK_MS;
}

const protoSnapshot = () => Object.getOwnPropertyNames(Object.prototype).sort().join(',');
const protoBefore = protoSnapshot();

// ---- properties ----------------------------------------------------------------------------------------------------

describe('fuzz: arguments of all 58 Account methods (TS API)', () => {
  it('has 58 methods to fuzz', () => expect(methods).toHaveLength(58));

  it('every call yields a value or an AppwriteException; invalid arguments send nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...methods).chain((d) => fc.tuple(fc.constant(d), paramsFor(d), callOptions, fc.constantFrom<'ok' | '503' | 'network'>('ok', 'ok', 'ok', '503', 'network'))),
        async ([d, params, options, answer]) => {
          count('ts-args');
          let sent = 0;
          const transport: Transport = {
            send: async () => {
              sent++;
              if (answer === 'network') throw new TransportError('network', 'fuzz');
              return answer === '503' ? okJson({ message: 'busy', code: 503, type: 'general_server_error' }, 503) : okJson({});
            },
          };
          const client = new Client({ transport, timeoutMs: 300, retry: { baseDelayMs: 0, maxDelayMs: 1 } }).setEndpoint('http://127.0.0.1:1/v1').setProject('p');
          const account = new Account(client) as unknown as Record<string, (p: unknown, o?: unknown) => unknown>;
          const outcome = await outcomeOf(() => account[d.name]!(params, options), boundOf(options, 300));
          if (outcome.kind === 'error' && outcome.error.type === ErrorType.argumentInvalid) expect(sent).toBe(0);
          if (d.model === 'url' && outcome.kind === 'value') expect(String(outcome.value)).toMatch(/^http:\/\/127\.0\.0\.1:1\/v1\/account\//);
          if (outcome.kind === 'error') expect(outcome.error.message).not.toContain('undefined is not');
        },
      ),
      { seed: SEED, numRuns: runs(2500), interruptAfterTimeLimit: timeLimit },
    );
    expect(protoSnapshot()).toBe(protoBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, TEST_MS);

  it('client setters and options take anything: `this` or an AppwriteException', async () => {
    const setters = ['setEndpoint', 'setEndpointRealtime', 'setProject', 'setJWT', 'setLocale', 'setSession', 'setDevKey', 'setRequestTimeout', 'setRetryPolicy'] as const;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...setters), fc.oneof(weird, retryOverride), async (setter, value) => {
        count('setters');
        // The first answer is a 503, so whatever retry policy was accepted is exercised.
        let n = 0;
        const send = async () => (n++ === 0 ? okJson({ message: 'busy', code: 503, type: 'general_server_error' }, 503) : okJson({ $id: 'u' }));
        const client = new Client({ transport: { send }, timeoutMs: 300, retry: { baseDelayMs: 0, maxDelayMs: 1 } }).setEndpoint('http://127.0.0.1:1/v1').setProject('p');
        const outcome = await outcomeOf(() => (client as unknown as Record<string, (v: unknown) => unknown>)[setter]!(value), 1_000);
        if (outcome.kind === 'value') expect(outcome.value).toBe(client);
        // Whatever was accepted, the client still works or fails cleanly, within its deadline.
        await outcomeOf(() => new Account(client).get(), 600_000 + SLACK_MS);
        await outcomeOf(() => client.ping(), 600_000 + SLACK_MS);
      }),
      { seed: SEED, numRuns: runs(800), interruptAfterTimeLimit: timeLimit },
    );
  }, TEST_MS);
});

describe('fuzz: server responses (fake transport)', () => {
  const model = (name: TableModelName, depth = 0): fc.Arbitrary<unknown> =>
    fc.record(Object.fromEntries(modelFields(name).map((f) => [f.name, depth > 1 ? weird : fc.oneof(weird, fieldValue(f.kind, f.array, depth))])), { requiredKeys: [] });
  const fieldValue = (kind: string, array: boolean, depth: number): fc.Arbitrary<unknown> => {
    if (kind === 's' || kind === 'd') return fc.string();
    if (kind === 'b') return fc.boolean();
    if (kind === 'i') return fc.integer();
    if (kind === 's[]') return fc.array(fc.string());
    if (kind === 'prefs') return fc.oneof(fc.object(), nested);
    const inner = model(kind as TableModelName, depth + 1);
    return array ? fc.array(inner, { maxLength: 3 }) : inner;
  };
  const modelOf = (d: MethodDescriptor) => (d.model === 'none' || d.model === 'url' || d.model === 'preferences' ? fc.object() : model(d.model as TableModelName));
  const bodyFor = (d: MethodDescriptor) => fc.oneof(
    modelOf(d).map(safeJson),
    fc.json({ maxDepth: 4 }),
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.uint8Array({ maxLength: 2_000 }).map((b) => Buffer.from(b).toString('latin1')),
    fc.integer({ min: 1, max: 200_000 }).map((n) => '['.repeat(n) + ']'.repeat(n)),
    fc.integer({ min: 1, max: 5_000 }).map((n) => '{"a":'.repeat(n) + '1' + '}'.repeat(n)),
    fc.integer({ min: 1, max: 5_000_000 }).map((n) => JSON.stringify({ $id: 'x'.repeat(n) })),
    fc.record({ message: weird, code: weird, type: weird }, { requiredKeys: [] }).map(safeJson),
    fc.constantFrom('', 'null', '[]', '"str"', '1e400', '{"message":"x"', 'Pong!'),
  );
  const headers = fc.tuple(
    fc.record({
      'content-type': fc.oneof(fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/html', 'text/plain', ''), fc.string()),
      'x-fallback-cookies': fc.oneof(fc.constant('[]'), fc.constant(JSON.stringify({ a_session_p: cookieValue('u2', 'fuzz-secret') })), fc.json(), fc.string()),
      'x-ratelimit-reset': fc.oneof(fc.integer().map(String), fc.string(), fc.constant('1e400')),
      'x-ratelimit-limit': fc.string(),
      'x-appwrite-warning': fc.string({ maxLength: 200 }),
    }, { requiredKeys: [] }),
    fc.dictionary(fc.string({ maxLength: 20 }).map((s) => s.toLowerCase()), fc.string({ maxLength: 50 }), { maxKeys: 4 }),
  ).map(([known, extra]) => ({ ...extra, ...known }) as Record<string, string>);
  const status = fc.oneof(fc.constantFrom(200, 201, 204, 301, 400, 401, 403, 404, 409, 429, 500, 502, 503, 504), fc.integer({ min: 100, max: 599 }));
  const response = (d: MethodDescriptor) => fc.record({ status, headers, body: bodyFor(d) });
  const INVALID_SESSION = ['general_unauthorized_scope', 'user_invalid_token', 'user_session_not_found', 'user_jwt_invalid', 'user_blocked', 'user_unauthorized'];

  it('every response to every method yields a value or an AppwriteException', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...callable).chain((d) => fc.tuple(fc.constant(d), fc.array(response(d), { minLength: 1, maxLength: 3 }))),
        async ([d, responses]) => {
          count('responses');
          let i = 0;
          const transport: Transport = { send: async () => responses[Math.min(i++, responses.length - 1)]! };
          const client = new Client({ transport, timeoutMs: 500, retry: { baseDelayMs: 0, maxDelayMs: 0 } }).setEndpoint('http://127.0.0.1:1/v1').setProject('p');
          const account = new Account(client) as unknown as Record<string, (p: unknown) => unknown>;
          await outcomeOf(() => account[d.name]!(sampleParams(d)), 500 + SLACK_MS);
        },
      ),
      { seed: SEED, numRuns: runs(1500), interruptAfterTimeLimit: timeLimit },
    );
  }, TEST_MS);

  /** No answer, a 5xx/429, or an answer that is not Appwrite's JSON (a captive portal's page, a cut-off body). */
  function cannotVouch(answer: TransportResponse | string): boolean {
    if (typeof answer === 'string') return true; // even 'aborted' from the transport itself: the call was not cancelled
    if (answer.status >= 500 || answer.status === 429) return true;
    const isJson = (answer.headers['content-type'] ?? '').includes('application/json');
    if (!isJson) return answer.status >= 400 || (answer.body !== '' && answer.status !== 204);
    let parsed: unknown;
    try { parsed = JSON.parse(answer.body); } catch { return true; }
    return answer.status >= 400 && typeof (parsed as { message?: unknown } | null)?.message !== 'string';
  }

  it('restoreSession never throws and drops the stored session only when the server rejects or clears it', async () => {
    const stored = JSON.stringify({ a_session_p: cookieValue('u1', 'stored-secret') });
    const transportError = fc.constantFrom('network', 'timeout', 'aborted', 'weird');
    await fc.assert(
      fc.asyncProperty(fc.oneof(response(accountMethods.get!), transportError), async (answer) => {
        count('restore');
        const transport: Transport = {
          send: async () => {
            if (typeof answer !== 'string') return answer;
            if (answer === 'weird') throw undefined; // a buggy custom transport
            throw new TransportError(answer, 'fuzz');
          },
        };
        const storage = new MemoryStorage();
        storage.set('appwrite.fallbackCookies.p.http://127.0.0.1:1/v1', stored);
        const client = new Client({ transport, storage, timeoutMs: 500, retry: { limit: 0 } }).setEndpoint('http://127.0.0.1:1/v1').setProject('p');
        const outcome = await outcomeOf(() => client.restoreSession(), 500 + SLACK_MS);
        expect(outcome.kind).toBe('value');
        const result = (outcome as { value: { state: string } }).value;
        expect(['signedIn', 'signedOut', 'offline']).toContain(result.state);
        expect(client.state).toBe(result.state);
        if (!client.session.signedIn) {
          // Dropped: allowed only for a session-rejecting error, or a success that cleared the cookie.
          expect(typeof answer).toBe('object');
          const r = answer as TransportResponse;
          let type: unknown;
          try { type = (JSON.parse(r.body) as { type?: unknown })?.type; } catch { type = undefined; }
          const rejected = r.status >= 400 && INVALID_SESSION.includes(type as string);
          const cleared = r.status < 400 && r.headers['x-fallback-cookies'] !== undefined;
          expect(rejected || cleared).toBe(true);
        }
        // The server could not vouch for the session: kept and reported offline (never signedIn, never dropped).
        if (cannotVouch(answer)) expect(result.state).toBe('offline');
      }),
      { seed: SEED, numRuns: runs(1000), interruptAfterTimeLimit: timeLimit },
    );
  }, TEST_MS);

  it('getJWT yields a JWT string or an AppwriteException, and concurrent callers agree', async () => {
    await fc.assert(
      fc.asyncProperty(response(accountMethods.createJWT!), async (answer) => {
        count('jwt');
        const client = new Client({ transport: { send: async () => answer }, timeoutMs: 500, retry: { limit: 0 } }).setEndpoint('http://127.0.0.1:1/v1').setProject('p');
        const [a, b] = await Promise.all([outcomeOf(() => client.getJWT(), 1_500), outcomeOf(() => client.getJWT(), 1_500)]);
        expect(a.kind).toBe(b.kind);
        if (a.kind === 'value') {
          expect(typeof a.value).toBe('string');
          expect((b as { value: unknown }).value).toBe(a.value);
        }
      }),
      { seed: SEED, numRuns: runs(500), interruptAfterTimeLimit: timeLimit },
    );
  }, TEST_MS);
});

describe('fuzz: bridge messages (the committed bundle)', () => {
  const names = [...methods.map((d) => d.name), 'ping', 'getSession', 'clearSession', 'restoreSession', 'getJWT'];
  const anyArg = fc.oneof({ weight: 3, arbitrary: text }, { weight: 1, arbitrary: weird });

  /** A host whose http answers with anything: random JSON, wrong shapes, twice, late, never, or by throwing. */
  const hostBehaviour = fc.record({
    responses: fc.array(fc.oneof(
      fc.record({ status: fc.oneof(fc.integer({ min: 100, max: 599 }), weird), headers: fc.oneof(fc.dictionary(fc.string({ maxLength: 20 }), fc.oneof(fc.string(), weird), { maxKeys: 4 }), weird), body: fc.oneof(fc.string(), fc.json(), weird) }, { requiredKeys: [] })
        .map((r) => { try { return JSON.stringify(r) ?? 'undefined'; } catch { return '{"status":200}'; } }),
      fc.record({ error: fc.record({ kind: fc.oneof(fc.constantFrom('network', 'timeout', 'aborted'), weird), message: weird }, { requiredKeys: [] }) }).map((r) => { try { return JSON.stringify(r); } catch { return '{"error":{}}'; } }),
      fc.json(),
      text,
    ), { minLength: 1, maxLength: 3 }),
    mode: fc.constantFrom('async', 'sync', 'twice', 'never', 'throws'),
    storage: fc.oneof(fc.constant('ok'), fc.constant('throws'), text),
    emitThrows: fc.boolean(),
    logThrows: fc.boolean(),
  });

  function fuzzHost(b: { responses: string[]; mode: string; storage: unknown; emitThrows: boolean; logThrows: boolean }) {
    let i = 0;
    return {
      http(_req: string, done: (s: string) => void) {
        const r = b.responses[Math.min(i++, b.responses.length - 1)]!;
        if (b.mode === 'throws') throw new Error('host http failed');
        if (b.mode === 'sync') return done(r);
        if (b.mode === 'never') return;
        setTimeout(() => { done(r); if (b.mode === 'twice') done(r); }, 0);
      },
      httpAbort() {},
      storageGet: () => { if (b.storage === 'throws') throw new Error('storage'); return b.storage === 'ok' ? '' : b.storage; },
      storageSet: () => { if (b.storage === 'throws') throw new Error('storage'); },
      emit: () => { if (b.emitThrows) throw new Error('emit'); },
      log: () => { if (b.logThrows) throw new Error('log'); },
    };
  }

  const isErrorJson = (s: unknown) => {
    expect(typeof s).toBe('string');
    expect((s as string).startsWith('{')).toBe(true);
    const e = JSON.parse(s as string) as { name: string; type: string; code: number; message: string };
    expect(e.name).toBe('AppwriteException');
    expect(typeof e.type).toBe('string');
    expect(typeof e.message).toBe('string');
    return e;
  };

  it('invoke with random argsJson and random host answers calls back exactly once, asynchronously', async () => {
    const argsJson = fc.oneof(
      fc.record({ params: fc.oneof(fc.dictionary(fc.oneof(fc.string({ maxLength: 12 }), protoKey), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 5 }), fc.jsonValue()), options: fc.record({ timeoutMs: fc.oneof(fc.integer({ min: 1, max: 300 }), fc.jsonValue()), retry: fc.oneof(fc.constant(false), fc.jsonValue()) }, { requiredKeys: [] }) }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
      fc.json(),
      text,
    );
    const tracked: Array<{ calls: number; sync: boolean }> = [];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('account', 'account', 'client', 'other', ''), fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...names) }, { weight: 1, arbitrary: anyArg }), argsJson, hostBehaviour, async (service, method, args, behaviour) => {
        count('bridge-invoke');
        const handle = bridge.createClient(JSON.stringify({ endpoint: 'http://127.0.0.1:1/v1', project: 'p', timeoutMs: 300, retry: { baseDelayMs: 0, maxDelayMs: 0 } }), fuzzHost(behaviour));
        expect(handle).toMatch(/^h\d+$/);
        const t = { calls: 0, sync: false };
        tracked.push(t);
        let returned = false;
        const settled = new Promise<{ ok: boolean; text: unknown }>((resolve) => {
          bridge.invoke(handle, 'c1', service, method as string, args,
            (text: unknown) => { t.calls++; t.sync ||= !returned; resolve({ ok: true, text }); },
            (text: unknown) => { t.calls++; t.sync ||= !returned; resolve({ ok: false, text }); });
        });
        returned = true;
        let timer: NodeJS.Timeout | undefined;
        const result = await Promise.race([settled, new Promise<'hang'>((r) => (timer = setTimeout(() => r('hang'), 300 + SLACK_MS)))]);
        clearTimeout(timer);
        expect(result).not.toBe('hang');
        const r = result as { ok: boolean; text: unknown };
        if (r.ok) expect(typeof r.text).toBe('string');
        else isErrorJson(r.text);
        expect(t.sync).toBe(false);
        bridge.disposeClient(handle);
      }),
      { seed: SEED, numRuns: runs(1500), interruptAfterTimeLimit: timeLimit },
    );
    await new Promise((r) => setTimeout(r, 50)); // late second callbacks would land here
    expect(tracked.filter((t) => t.calls !== 1)).toEqual([]);
  }, TEST_MS);

  it('createClient / configure / cancel / disposeClient never throw and answer a handle, "" or an error JSON', async () => {
    const configJson = fc.oneof(
      fc.dictionary(fc.oneof(fc.constantFrom('endpoint', 'endpointRealtime', 'project', 'jwt', 'locale', 'session', 'devKey', 'timeoutMs', 'retry'), fc.string({ maxLength: 10 }), protoKey), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }).map((v) => JSON.stringify(v)),
      fc.json(),
      anyArg,
    );
    const key = fc.oneof(fc.constantFrom('endpoint', 'endpointRealtime', 'project', 'jwt', 'locale', 'session', 'devKey', 'timeoutMs', 'retry'), anyArg);
    await fc.assert(
      fc.asyncProperty(configJson, fc.oneof(weird, hostBehaviour.map(fuzzHost)), fc.array(fc.tuple(key, anyArg), { maxLength: 4 }), anyArg, async (config, host, settings, stray) => {
        count('bridge-sync');
        const handle = (bridge.createClient as (a: unknown, b: unknown) => unknown)(config, host);
        expect(typeof handle).toBe('string');
        if (!/^h\d+$/.test(handle as string)) isErrorJson(handle);
        for (const [k, v] of settings) {
          const answer = (bridge.configure as (...a: unknown[]) => unknown)(handle, k, v);
          if (answer !== '') isErrorJson(answer);
        }
        expect(() => (bridge.cancel as (...a: unknown[]) => unknown)(handle, stray)).not.toThrow();
        expect(() => (bridge.cancel as (...a: unknown[]) => unknown)(stray, stray)).not.toThrow();
        expect(() => (bridge.disposeClient as (...a: unknown[]) => unknown)(stray)).not.toThrow();
        expect(() => (bridge.disposeClient as (...a: unknown[]) => unknown)(handle)).not.toThrow();
        // A stray invoke on anything: exactly one rejection, later.
        const answer = await new Promise<unknown>((resolve) => {
          (bridge.invoke as (...a: unknown[]) => void)(stray, stray, 'account', 'get', '{}', resolve, resolve);
          setTimeout(() => resolve('none'), 500);
        });
        isErrorJson(answer);
      }),
      { seed: SEED, numRuns: runs(800), interruptAfterTimeLimit: timeLimit },
    );
  }, TEST_MS);
});

describe('fuzz: bridge messages in QuickJS (a Puerts backend)', () => {
  it('random configs, invokes and host answers: sync exports never throw, one async callback per invoke', async () => {
    const q = await loadBundleInQuickJS('Runtime/Resources/PlayloomAppwrite/appwrite.mjs');
    const names = [...methods.map((d) => d.name), 'ping', 'getSession', 'restoreSession', 'getJWT'];
    const tracked: Array<{ calls: number; sync: boolean }> = [];
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(fc.json(), fc.string(), fc.constant('{"endpoint":"http://127.0.0.1:1/v1","project":"p"}')),
          fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 20 })),
          fc.oneof(fc.json({ maxDepth: 3 }), fc.string({ unit: 'binary', maxLength: 60 }), fc.constant('{"params":{"userId":"unique()","phone":"+15555550100"}}')),
          fc.array(fc.oneof(fc.json(), fc.string({ maxLength: 80 }), fc.constant('{"status":200,"headers":{"content-type":"application/json"},"body":"{}"}')), { minLength: 1, maxLength: 3 }),
          fc.constantFrom('async', 'never', 'twice'),
          async (config, method, argsJson, answers, mode) => {
            count('quickjs');
            let n = 0;
            const host = {
              http: (_req: string, done: unknown) => {
                const answer = answers[Math.min(n++, answers.length - 1)]!;
                if (mode === 'never') return;
                setTimeout(() => { (done as (s: string) => void)(answer); if (mode === 'twice') (done as (s: string) => void)(answer); }, 0);
              },
              httpAbort: () => {},
              storageGet: () => '',
              storageSet: () => {},
              emit: () => {},
              log: () => {},
            };
            const handle = q.callExport('createClient', [config, host as never]);
            expect(typeof handle).toBe('string');
            const live = /^h\d+$/.test(handle!);
            if (!live) expect(JSON.parse(handle!).name).toBe('AppwriteException');
            const target = live ? handle! : 'h0';
            if (live) expect(q.callExport('configure', [target, 'timeoutMs', '200'])).toBe('');
            const t = { calls: 0, sync: false };
            tracked.push(t);
            let returned = false;
            const result = await new Promise<{ ok: boolean; text: string } | 'hang'>((resolve) => {
              const timer = setTimeout(() => resolve('hang'), 200 + SLACK_MS);
              const settle = (ok: boolean) => (text: string) => { t.calls++; t.sync ||= !returned; clearTimeout(timer); resolve({ ok, text }); };
              q.callExport('invoke', [target, 'q1', 'account', method, argsJson, settle(true), settle(false)]);
              returned = true;
            });
            expect(result).not.toBe('hang');
            const r = result as { ok: boolean; text: string };
            if (!r.ok) expect(JSON.parse(r.text).name).toBe('AppwriteException');
            expect(t.sync).toBe(false);
            q.callExport('cancel', [target, 'q1']);
            q.callExport('disposeClient', [target]);
          },
        ),
        { seed: SEED, numRuns: runs(300), interruptAfterTimeLimit: timeLimit },
      );
      await new Promise((r) => setTimeout(r, 50));
      expect(tracked.filter((t) => t.calls !== 1)).toEqual([]);
    } finally {
      q.dispose();
    }
  }, TEST_MS);
});
