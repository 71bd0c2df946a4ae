// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// Secret hygiene: every flow, over the TypeScript API and over the bridge, with faults on (broken bodies are where
// secrets slip into errors), with every log line, event payload, error (message and response) and bridge output
// (emit, log, reject JSON) captured. No OTP, token secret, session cookie value, JWT, password, dev key, TOTP secret
// or MFA recovery code may appear in any of them. The secrets are collected as the test learns them: OTPs and token
// secrets from the outbox, the cookie from X-Fallback-Cookies via the storage, JWTs from getJWT/createJWT.
// (Values the app asked for, such as the JWT getJWT resolves with, are results, not leaks, and are not searched.)

import { describe, expect, it } from 'vitest';
import { Account, Client, MemoryStorage } from '../../../Runtime/TypeScript~/src/index.js';
import * as bridge from '../../../Runtime/Resources/PlayloomAppwrite/appwrite.mjs';
import { createNodeHost, invokeAsync } from '../helpers/node-host.js';
import { newReport, PROJECT, runFlows, startStack, type Report } from './harness.js';

const SEED = Number(process.env.SECRETS_SEED ?? 11);
const DEV_KEY = 'devkey-7f3c9a21e4b84d0c95aa';

/** Where a secret (or, for long ones, any 16-character slice of it) shows up in the captured text. */
export function findLeaks(secrets: Map<string, Set<string>>, haystacks: Record<string, string[]>): string[] {
  const leaks: string[] = [];
  for (const [kind, values] of secrets) {
    for (const value of values) {
      const probes = value.length >= 24 ? slices(value, 16) : [value];
      for (const [where, lines] of Object.entries(haystacks)) {
        for (const line of lines) {
          // Short secrets (6-digit OTPs) only as whole tokens: "123456" inside an ID or a timestamp is not a leak.
          const hit = probes.some((p) => (value.length >= 24 ? line.includes(p) : new RegExp(`(?<![0-9A-Za-z])${escape(p)}(?![0-9A-Za-z])`).test(line)));
          if (hit) leaks.push(`${kind} in ${where}: ${line.slice(0, 300)}`);
        }
      }
    }
  }
  return leaks;
}

function slices(value: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i + size <= value.length; i += 4) out.push(value.slice(i, i + size));
  return out;
}
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const haystacksOf = (r: Report) => ({ logs: r.captured.logs, events: r.captured.events, errors: r.captured.errors });

describe('secret hygiene', () => {
  it('the leak finder finds planted secrets (whole, sliced, as a token) and ignores digits inside other words', () => {
    const secrets = new Map([['otp', new Set(['493817'])], ['jwt', new Set(['eyJhbGciOiJIUzI1NiJ9.eyJ1c2VySWQiOiJ1MSJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ'])]]);
    expect(findLeaks(secrets, { logs: ['code 493817 sent'] })).toHaveLength(1);
    expect(findLeaks(secrets, { errors: ['{"response":"{\\"jwt\\":\\"eyJhbGciOiJIUzI1NiJ9.eyJ1c2Vy'] })).toHaveLength(1);
    expect(findLeaks(secrets, { events: ['{"durationMs":1493817}', 'user 6740a493817b'] })).toEqual([]);
  });

  it('no secret in any log, event, error or bridge output of every flow under faults', async () => {
    const stacks = await Promise.all([startStack({ seed: SEED, rate: 0.3 }), startStack({ seed: SEED + 1, rate: 0.3 })]);
    try {
      const report = newReport();
      await Promise.all([
        runFlows(stacks[0]!, { mode: 'ts', timeoutMs: 2_000, slackMs: 1_000, seed: SEED, devKey: DEV_KEY }, report),
        runFlows(stacks[1]!, { mode: 'bridge', timeoutMs: 2_000, slackMs: 1_000, seed: SEED, devKey: DEV_KEY, hostFaultRate: 0.1 }, report),
      ]);
      expect(report.flowFailures).toEqual([]);
      const kinds = Object.fromEntries([...report.secrets].map(([k, v]) => [k, v.size]));
      // The test did learn every kind of secret, so "none found" means something.
      for (const kind of ['otp', 'token', 'session', 'jwt', 'password', 'devKey', 'totpSecret', 'recoveryCode']) expect(kinds[kind] ?? 0).toBeGreaterThan(0);
      const captured = haystacksOf(report);
      expect(captured.events.length).toBeGreaterThan(500);
      expect(captured.errors.length).toBeGreaterThan(50);
      const faults = stacks.map((s) => s.proxy!.stats().faultsTotal);
      console.log(`[secrets] seed ${SEED}: secrets learned ${JSON.stringify(kinds)}; searched ${captured.logs.length} log lines, ${captured.events.length} events, ${captured.errors.length} errors (faults injected ${faults.join(' + ')}); leaks: ${findLeaks(report.secrets, captured).length}`);
      expect(findLeaks(report.secrets, captured)).toEqual([]);
    } finally {
      await Promise.all(stacks.map((s) => s.close()));
    }
  }, 60_000);

  it('a success body cut short does not carry its secret (JWT, recovery codes) into the error', async () => {
    const stack = await startStack({ seed: SEED, rate: 0 });
    try {
      stack.proxy!.setPlan({ rules: [{ path: '^/v1/account/(jwts|mfa/recovery-codes)$', fault: 'cutBody', times: 2 }] });
      const account = new Account(new Client({ storage: new MemoryStorage() }).setEndpoint(stack.endpoint).setProject(PROJECT));
      await account.createAnonymousSession();
      for (const call of [() => account.createJWT(), () => account.createMFARecoveryCodes()]) {
        const e = await call().then(() => undefined, (x: unknown) => x as { type: string; response: string; message: string });
        expect(e?.type).toBe('client_malformed_response');
        expect(e?.response).toBe('');
        expect(`${e?.message}`).not.toMatch(/eyJ|recoveryCodes/);
      }
    } finally {
      await stack.close();
    }
  });

  it('wrong codes, wrong passwords and invalid secrets never come back in messages', async () => {
    const stack = await startStack();
    try {
      const secrets = new Map<string, Set<string>>([['otp', new Set(['731904'])], ['password', new Set(['Wrong horse battery 9'])], ['jwt', new Set(['not.a-real.jwt-but-secret-enough-to-matter'])], ['session', new Set(['c2Vzc2lvbi12YWx1ZS10aGF0LWlzLXNlY3JldA=='])], ['devKey', new Set([DEV_KEY])]]);
      const logs: string[] = [];
      const events: string[] = [];
      const errors: string[] = [];
      const client = new Client({ storage: new MemoryStorage(), logger: (l, m) => logs.push(`${l} ${m}`) }).setEndpoint(stack.endpoint).setProject(PROJECT).setDevKey(DEV_KEY);
      for (const e of ['error', 'request', 'retry', 'sessionChanged', 'stateChanged', 'signedIn', 'signedOut'] as const) client.on(e, (p: unknown) => void events.push(JSON.stringify(p)));
      const account = new Account(client);
      const attempts: Array<() => unknown> = [
        () => account.createSession({ userId: 'someone', secret: '731904' }),
        () => account.createEmailPasswordSession({ email: 'nobody@example.com', password: 'Wrong horse battery 9' }),
        () => account.createSession({ userId: 'bad id!', secret: '731904' }),
        () => account.updatePhoneSession({ userId: 'x', secret: '' }),
        () => account.createEmailPasswordSession({ email: 'not-an-email', password: 'Wrong horse battery 9' }),
        () => account.create({ userId: 'unique()', email: 'a@example.com', password: 'short' }),
        () => client.setJWT(42 as unknown as string),
        () => new Client().setSession({ secret: '731904' } as unknown as string),
      ];
      for (const attempt of attempts) {
        try {
          await attempt();
        } catch (e) {
          errors.push(JSON.stringify(e), String((e as Error).message));
        }
      }
      client.setSession('c2Vzc2lvbi12YWx1ZS10aGF0LWlzLXNlY3JldA==').setJWT('not.a-real.jwt-but-secret-enough-to-matter');
      await account.get().catch((e: unknown) => errors.push(JSON.stringify(e)));
      // The bridge: the same through configure/invoke, with the host's log and emit captured.
      const node = createNodeHost();
      const handle = bridge.createClient(JSON.stringify({ endpoint: stack.endpoint, project: PROJECT, devKey: DEV_KEY, session: 'c2Vzc2lvbi12YWx1ZS10aGF0LWlzLXNlY3JldA==' }), node.host);
      errors.push(bridge.configure(handle, 'jwt', 'not.a-real.jwt-but-secret-enough-to-matter'));
      for (const [method, params] of [['createSession', { userId: 'someone', secret: '731904' }], ['createEmailPasswordSession', { email: 'nobody@example.com', password: 'Wrong horse battery 9' }], ['get', {}]] as const) {
        errors.push((await invokeAsync(bridge, handle, method, 'account', method, { params })).text);
      }
      logs.push(...node.logs.map((l) => `${l.level} ${l.message}`));
      events.push(...node.emitted.map((e) => `${e.event} ${JSON.stringify(e.payload)}`));
      bridge.disposeClient(handle);
      expect(errors.length).toBeGreaterThan(10);
      expect(findLeaks(secrets, { logs, events, errors })).toEqual([]);
    } finally {
      await stack.close();
    }
  });
});
