// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// Each server rule (reference 6.1) with passing and failing values, through a real method: a failing value must
// reject with general_argument_invalid naming the parameter, before any request; a passing one must reach the server.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Account, AppwriteException, Client } from '../../../Runtime/TypeScript~/src/index.js';
import { accountMethods, type MethodDescriptor } from '../../../Runtime/TypeScript~/src/services/account.descriptors.js';
import { rules, validate, type RuleName } from '../../../Runtime/TypeScript~/src/services/validators.js';
import { phpJsonLength, utf8ByteLength, codePointLength } from '../../../Runtime/TypeScript~/src/utils/text.js';
import { startRecorder } from '../helpers/recording-server.js';
import { ruleSamples, sampleParams } from '../helpers/samples.js';

let server: Awaited<ReturnType<typeof startRecorder>>;
beforeAll(async () => (server = await startRecorder()));
afterAll(() => server.close());

// One method and parameter per rule (the first that uses it).
const uses = new Map<RuleName, { d: MethodDescriptor; param: string }>();
for (const d of Object.values(accountMethods)) {
  if (d.model === 'url' && d.params.some((p) => p.rule !== 'provider' && p.rule !== 'url' && p.rule !== 'scopes')) continue;
  for (const p of d.params) if (!uses.has(p.rule)) uses.set(p.rule, { d, param: p.name });
}

const account = () => new Account(new Client().setEndpoint(server.url).setProject('demo-project')) as unknown as Record<string, (p: unknown, o?: unknown) => unknown>;

async function callWith(d: MethodDescriptor, param: string, value: unknown) {
  const params = { ...sampleParams(d), [param]: value };
  if (d.model === 'url') return account()[d.name]!(params);
  return account()[d.name]!(params, { retry: false });
}

describe('validators', () => {
  it('every rule is exercised by some method', () => {
    expect([...uses.keys()].sort()).toEqual(Object.keys(rules).sort());
  });

  for (const [rule, { d, param }] of uses) {
    const samples = ruleSamples[rule];
    it(`${rule}: accepts ${samples.valid.length} valid values (${d.name}.${param})`, async () => {
      for (const value of samples.valid) {
        const before = server.requests.length;
        await callWith(d, param, value);
        if (d.model !== 'url') expect(server.requests.length, `value ${JSON.stringify(value)?.slice(0, 40)}`).toBe(before + 1);
      }
    });
    it(`${rule}: rejects ${samples.invalid.length} invalid values before any request`, async () => {
      for (const value of samples.invalid) {
        const before = server.requests.length;
        let error: unknown;
        try {
          await callWith(d, param, value);
        } catch (e) {
          error = e;
        }
        expect(error, `value ${String(JSON.stringify(value)).slice(0, 40)} should fail`).toBeInstanceOf(AppwriteException);
        const e = error as AppwriteException;
        expect(e.type).toBe('general_argument_invalid');
        expect(e.code).toBe(0);
        expect(e.message).toContain(`"${param}"`);
        expect(e.message).toContain(`account.${d.name}`);
        expect(server.requests.length).toBe(before);
      }
    });
  }

  it('never echoes the rejected value (it may be a password or OTP)', async () => {
    const secret = 'sekr1t-value-that-must-not-leak';
    const e = await (account().createEmailPasswordSession!({ email: 'a@example.com', password: secret + 'x'.repeat(300) }) as Promise<unknown>).catch((x) => x);
    expect((e as Error).message).not.toContain(secret);
  });

  it('reports missing required parameters by name', async () => {
    const e = (await (account().createPhoneToken!({ userId: 'unique()' }) as Promise<unknown>).catch((x) => x)) as AppwriteException;
    expect(e.type).toBe('general_argument_invalid');
    expect(e.message).toBe('Missing required parameter "phone" of account.createPhoneToken.');
  });

  it('rejects a non-object params argument with a usage hint', async () => {
    const e = (await (account().createPhoneToken!('unique()') as Promise<unknown>).catch((x) => x)) as AppwriteException;
    expect(e.message).toContain('account.createPhoneToken({ userId, phone })');
  });

  it('ignores inherited (prototype) keys', async () => {
    const params = Object.create({ userId: 'unique()', phone: '+14255550123' });
    const e = (await (account().createPhoneToken!(params) as Promise<unknown>).catch((x) => x)) as AppwriteException;
    expect(e.message).toContain('Missing required parameter "userId"');
  });

  it('sends an optional null as null, like the official SDK', async () => {
    await account().create!({ userId: 'unique()', email: 'a@example.com', password: '12345678', name: null }, { retry: false });
    expect(JSON.parse(server.requests.at(-1)!.body)).toEqual({ userId: 'unique()', email: 'a@example.com', password: '12345678', name: null });
  });
});

describe('length measures', () => {
  it('count UTF-8 bytes like PHP strlen', () => {
    expect(utf8ByteLength('abc')).toBe(3);
    expect(utf8ByteLength('é')).toBe(2);
    expect(utf8ByteLength('€')).toBe(3);
    expect(utf8ByteLength('🎮')).toBe(4);
    expect(utf8ByteLength('\ud800')).toBe(3);
  });
  it('count code points like mb_strlen', () => {
    expect(codePointLength('🎮🎮')).toBe(2);
    expect(codePointLength('ab')).toBe(2);
  });
  it('measure prefs as PHP json_encode does', () => {
    expect(phpJsonLength(JSON.stringify({ a: '/' }))).toBe('{"a":"\\/"}'.length);
    expect(phpJsonLength(JSON.stringify({ a: 'é' }))).toBe('{"a":"\\u00e9"}'.length);
    expect(validate('prefs', { a: 'x'.repeat(65527) })).toBeUndefined();
    expect(validate('prefs', { a: 'x'.repeat(65528) })).toContain('65535');
  });
});
