// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// Every Account flow (Tools~/faults/flows.mjs) against the emulator through the fault proxy, over the TypeScript API
// and over the bridge bundle (the C# path), seeded. The five figures of RELIABILITY.md come from here:
//   faults injected; calls not settled within timeout + slack (0); unhandled rejections or exceptions (0);
//   non-idempotent requests the server saw twice (0); sessions lost on a transient fault (0).
// FAULT_SEED picks another seed, FAULT_RATE another fault rate.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Account, Client, MemoryStorage, type RetryInfo } from '../../../Runtime/TypeScript~/src/index.js';
import { accountMethods } from '../../../Runtime/TypeScript~/src/services/account.descriptors.js';
import * as bridge from '../../../Runtime/Resources/PlayloomAppwrite/appwrite.mjs';
import { FAULTS } from '../../../Tools~/faults/proxy.mjs';
import { createNodeHost, invokeAsync } from '../helpers/node-host.js';
import { isTransient, newReport, percentile, PROJECT, runFlows, startStack, type Mode, type Report, type Stack } from './harness.js';

const SEED = Number(process.env.FAULT_SEED ?? 6);
const RATE = Number(process.env.FAULT_RATE ?? 0.3);
const ROUNDS = Number(process.env.FAULT_ROUNDS ?? 2);
const TIMEOUT_MS = 2_000;
const RUN_MS = 60_000 * Math.max(1, ROUNDS / 2);
const SLACK_MS = 1_000;

const unhandled: string[] = [];
const onRejection = (reason: unknown) => void unhandled.push(`unhandledRejection: ${String((reason as Error)?.stack ?? reason)}`);
const onException = (error: unknown) => void unhandled.push(`uncaughtException: ${String((error as Error)?.stack ?? error)}`);
beforeAll(() => {
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
});

const figures: string[] = [];
afterAll(async () => {
  // Late rejections (a call abandoned by a watchdog) would surface now.
  await new Promise((r) => setTimeout(r, 200));
  process.off('unhandledRejection', onRejection);
  process.off('uncaughtException', onException);
  console.log(`[faults] seed ${SEED}, rate ${RATE}, ${ROUNDS} rounds, timeout ${TIMEOUT_MS} ms + slack ${SLACK_MS} ms\n${figures.join('\n')}\n[faults] unhandled rejections or exceptions: ${unhandled.length}`);
  expect(unhandled).toEqual([]);
});

async function faultRun(mode: Mode): Promise<{ report: Report; stack: Stack; stats: ReturnType<NonNullable<Stack['proxy']>['stats']> }> {
  const stack = await startStack({ seed: SEED + (mode === 'bridge' ? 1000 : 0), rate: RATE, maxStallMs: TIMEOUT_MS + 2_000 });
  try {
    const report = await runFlows(stack, { mode, timeoutMs: TIMEOUT_MS, slackMs: SLACK_MS, seed: SEED, rounds: ROUNDS, hostFaultRate: mode === 'bridge' ? 0.1 : 0 });
    return { report, stack, stats: stack.proxy!.stats() };
  } finally {
    await stack.close();
  }
}

function summarise(mode: Mode, { report, stats }: Awaited<ReturnType<typeof faultRun>>) {
  const durations = report.calls.map((c) => c.ms);
  const failedTransient = report.calls.filter((c) => c.outcome !== 'value' && ['client_network_error', 'client_timeout', 'client_malformed_response', 'client_error_page', 'general_server_error', 'general_rate_limit_exceeded'].includes(c.outcome)).length;
  const hostFaults = Object.values(report.hostFaults).reduce((a, b) => a + b, 0);
  figures.push(
    `[faults] ${mode}: ${report.flowsPassed.length}/${report.flowsPassed.length + report.flowFailures.length} flows, ${report.calls.length} SDK calls (${failedTransient} failed transiently), ` +
    `${stats.requests} requests at the proxy, ${stats.forwarded} forwarded; faults injected ${stats.faultsTotal + hostFaults} ` +
    `(${Object.entries({ ...stats.faults, ...report.hostFaults }).sort().map(([k, v]) => `${k} ${v}`).join(', ')}); ` +
    `not settled within ${TIMEOUT_MS}+${SLACK_MS} ms: ${report.hung.length}; other error types: ${report.foreignErrors.length}; ` +
    `non-idempotent requests forwarded twice: ${stats.nonIdempotentForwardedTwice}; sessions lost on a transient fault: ${report.sessionsLost.length}; ` +
    `call ms p50 ${percentile(durations, 50)} p99 ${percentile(durations, 99)} max ${Math.max(...durations)}`,
  );
}

function assertFigures(mode: Mode, run: Awaited<ReturnType<typeof faultRun>>) {
  const { report, stats } = run;
  summarise(mode, run);
  expect(report.flowFailures).toEqual([]);
  expect(report.hung).toEqual([]);
  expect(report.foreignErrors).toEqual([]);
  expect(report.sessionsLost).toEqual([]);
  expect(stats.duplicates).toEqual([]);
  // The run must have been hostile enough to mean something: every kind of fault, and many of them.
  expect(Object.keys(stats.faults).sort()).toEqual([...FAULTS].sort());
  expect(stats.faultsTotal).toBeGreaterThanOrEqual(60);
  // Every one of the 58 methods ran, and every call settled within its deadline plus slack.
  const missing = Object.keys(accountMethods).filter((m) => !report.methods.has(m));
  expect(missing).toEqual([]);
  expect(Math.max(...report.calls.map((c) => c.ms))).toBeLessThan(TIMEOUT_MS + SLACK_MS);
}

describe.concurrent('every Account flow through the fault proxy', () => {
  it('over the TypeScript API', async () => assertFigures('ts', await faultRun('ts')), RUN_MS);
  it('over the bridge bundle (the C# path), with host callbacks that misbehave too', async () => {
    const run = await faultRun('bridge');
    assertFigures('bridge', run);
    expect(Object.values(run.report.hostFaults).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  }, RUN_MS);
});

describe('retry policy against the emulator', () => {
  async function stackWith(rules: unknown[]) {
    const stack = await startStack({ seed: SEED, rate: 0 });
    stack.proxy!.setPlan({ rules });
    return stack;
  }
  const signedIn = async (stack: Stack) => {
    const storage = new MemoryStorage();
    const client = new Client({ storage, timeoutMs: 5_000, retry: { baseDelayMs: 10, maxDelayMs: 20 } }).setEndpoint(stack.endpoint).setProject(PROJECT);
    await new Account(client).createAnonymousSession();
    return { client, account: new Account(client), storage };
  };

  it('retries an idempotent call through a 5xx burst, one retry event each, and the server sees it once', async () => {
    const stack = await stackWith([{ method: 'PATCH', path: '^/v1/account/name$', fault: 'burst5xx', times: 2 }]);
    try {
      const { client, account } = await signedIn(stack);
      const retries: RetryInfo[] = [];
      client.on('retry', (e) => retries.push(e));
      expect((await account.updateName({ name: 'After Burst' })).name).toBe('After Burst');
      expect(retries.map((r) => [r.label, r.attempt])).toEqual([['account.updateName', 1], ['account.updateName', 2]]);
      expect(retries.every((r) => r.code >= 500 && r.delayMs <= 20)).toBe(true);
      expect(stack.proxy!.stats().forwardedByKey.filter((e: { path: string }) => e.path === '/v1/account/name')).toHaveLength(1);
    } finally {
      await stack.close();
    }
  });

  it('never retries a request that sends a message, even on a reset after the server handled it', async () => {
    const stack = await stackWith([{ path: '^/v1/account/tokens/phone$', fault: 'reset', times: 1 }]);
    try {
      const client = new Client({ timeoutMs: 5_000, retry: { baseDelayMs: 1, limit: 5 } }).setEndpoint(stack.endpoint).setProject(PROJECT);
      const retries: RetryInfo[] = [];
      client.on('retry', (e) => retries.push(e));
      const phone = '+15550001234';
      await expect(new Account(client).createPhoneToken({ userId: 'unique()', phone })).rejects.toMatchObject({ type: 'client_network_error' });
      expect(retries).toEqual([]);
      expect(stack.emulator.messages({ to: phone })).toHaveLength(1); // the server sent exactly one SMS
      expect(stack.proxy!.stats().forwarded).toBe(1);
    } finally {
      await stack.close();
    }
  });

  it('never retries a 429, not even a GET, and reports when the limit resets', async () => {
    const stack = await stackWith([{ path: '^/v1/account$', fault: 'rateLimit', times: 1 }]);
    try {
      const { client, account } = await signedIn(stack);
      const retries: RetryInfo[] = [];
      client.on('retry', (e) => retries.push(e));
      client.setRetryPolicy({ statusCodes: [429, 503] }); // even when asked to
      const e = await account.get().then(() => undefined, (x: unknown) => x as { code: number; rateLimit?: { resetAt: number; remaining: number } });
      expect(e?.code).toBe(429);
      expect(e?.rateLimit?.remaining).toBe(0);
      expect(e!.rateLimit!.resetAt).toBeGreaterThan(Date.now());
      expect(retries).toEqual([]);
      expect(client.session.signedIn).toBe(true);
    } finally {
      await stack.close();
    }
  });
});

describe('pulling the network mid-login', () => {
  for (const mode of ['ts', 'bridge'] as const) {
    it(`ends in a clean AppwriteException with the stored session intact (${mode})`, async () => {
      const stack = await startStack({ seed: SEED, rate: 0 });
      try {
        const phone = mode === 'ts' ? '+15550002001' : '+15550002002';
        const node = createNodeHost();
        const storage = new MemoryStorage();
        type Call = (method: string, params?: Record<string, unknown>) => Promise<Record<string, unknown>>;
        let call: Call;
        let stored: () => string | undefined;
        let restore: () => Promise<{ state: string }>;
        if (mode === 'ts') {
          const client = new Client({ storage, timeoutMs: 5_000 }).setEndpoint(stack.endpoint).setProject(PROJECT);
          const account = new Account(client) as unknown as Record<string, (p?: unknown) => Promise<Record<string, unknown>>>;
          call = (method, params) => account[method]!(params);
          stored = () => storage.get(`appwrite.fallbackCookies.${PROJECT}.${stack.endpoint}`);
          restore = () => client.restoreSession();
        } else {
          const handle = bridge.createClient(JSON.stringify({ endpoint: stack.endpoint, project: PROJECT, timeoutMs: 5_000 }), node.host);
          let id = 0;
          call = async (method, params) => {
            const r = await invokeAsync(bridge, handle, `n${++id}`, 'account', method, { params });
            if (!r.ok) throw JSON.parse(r.text);
            return JSON.parse(r.text || '{}');
          };
          stored = () => node.storage.get(`appwrite.fallbackCookies.${PROJECT}.${stack.endpoint}`);
          restore = async () => JSON.parse((await invokeAsync(bridge, handle, `n${++id}`, 'client', 'restoreSession', {})).text);
        }
        const login = async () => {
          const token = await call('createPhoneToken', { userId: 'unique()', phone });
          const otp = stack.emulator.lastMessage({ to: phone })!.secret as string;
          return call('createSession', { userId: token.userId as string, secret: otp });
        };
        await login();
        const before = stored();
        expect(before).toContain('a_session_');

        // Another login on the signed-in device: the network goes while its session request is on the way.
        stack.proxy!.setPlan({ rules: [{ path: '^/v1/account/sessions/token$', fault: 'blackhole', times: 1 }] });
        const token = await call('createPhoneToken', { userId: 'unique()', phone });
        const otp = stack.emulator.lastMessage({ to: phone })!.secret as string;
        const pending = call('createSession', { userId: token.userId as string, secret: otp }).then(() => undefined, (e: unknown) => e);
        for (let i = 0; i < 500 && stack.proxy!.stats().pending === 0; i++) await new Promise((r) => setTimeout(r, 10));
        expect(stack.proxy!.stats().pending).toBe(1); // the session request is on its way
        stack.proxy!.setOffline(true);
        const error = (await pending) as { name: string; type: string; code: number; message: string };
        expect(error).toMatchObject({ name: 'AppwriteException', type: 'client_network_error', code: 0 });
        expect(error.message).toContain('createSession');
        expect(stored()).toBe(before);

        // Still offline: restore keeps the session and says so; back online, it is confirmed.
        expect((await restore()).state).toBe('offline');
        expect(stored()).toBe(before);
        stack.proxy!.setOffline(false);
        expect((await restore()).state).toBe('signedIn');
        expect(stored()).toBe(before);
      } finally {
        await stack.close();
      }
    });
  }
});

describe('the measurements can fail (negative controls)', () => {
  it('a client that drops its session on errors is caught losing sessions', async () => {
    const stack = await startStack({ seed: SEED, rate: 0 });
    try {
      stack.proxy!.setPlan({ rules: [{ path: '^/v1/account$', fault: 'reset', times: 1 }] });
      const report = newReport();
      const storage = new MemoryStorage();
      const client = new Client({ storage, retry: { limit: 0 } }).setEndpoint(stack.endpoint).setProject(PROJECT);
      client.on('error', () => client.clearSession()); // the naive app/SDK behaviour users of peer SDKs complain about
      await new Account(client).createAnonymousSession();
      const had = client.session.signedIn;
      const e = await new Account(client).get().catch((x: unknown) => x);
      if (isTransient(e) && had && !client.session.signedIn) report.sessionsLost.push('get');
      expect(report.sessionsLost).toEqual(['get']);
    } finally {
      await stack.close();
    }
  });

  it('a transport that resends on network errors is caught double-sending', async () => {
    const stack = await startStack({ seed: SEED, rate: 0 });
    try {
      stack.proxy!.setPlan({ rules: [{ path: '^/v1/account/tokens/phone$', fault: 'reset', times: 1 }] });
      const naive = {
        async send(req: { method: string; url: string; headers: Record<string, string>; body?: string }) {
          const once = () => fetch(req.url, { method: req.method, headers: { ...req.headers, 'x-fault-tag': 'naive-1' }, body: req.body });
          const res = await once().catch(() => once()); // a blind retry of a POST
          const headers: Record<string, string> = {};
          res.headers.forEach((v, k) => (headers[k] = v));
          return { status: res.status, headers, body: await res.text() };
        },
      };
      const client = new Client({ transport: naive }).setEndpoint(stack.endpoint).setProject(PROJECT);
      await new Account(client).createPhoneToken({ userId: 'unique()', phone: '+15550003003' });
      expect(stack.proxy!.stats().nonIdempotentForwardedTwice).toBe(1);
      expect(stack.emulator.messages({ to: '+15550003003' })).toHaveLength(2); // two SMS: the quota burnt twice
    } finally {
      await stack.close();
    }
  });
});

describe('descriptor invariants behind the retry rules', () => {
  it('methods that send a message or mint a secret are never idempotent nor GET', () => {
    for (const d of Object.values(accountMethods)) if (d.sendsMessage) expect([d.name, d.verb !== 'GET' && !d.idempotent]).toEqual([d.name, true]);
  });
});
