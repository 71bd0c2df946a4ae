// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// Complete sign-in flows against the emulator, driven by real SDKs: the official Web SDK appwrite@26.2.0 and our
// TypeScript SDK. Every flow is written once against a small factory (`SdkUnderTest`) and runs for each SDK that
// loads.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Emulator, type SdkUnderTest, officialSdk, ourSdk, outboxFor, startTestEmulator, testClock } from './harness.js';
import { expectModel } from './models.js';

let official: Awaited<ReturnType<typeof officialSdk>> | undefined;
let emulator: Emulator;
let clock: ReturnType<typeof testClock>;
const quietWarn = console.warn;

beforeAll(async () => {
  ({ emulator, clock } = await startTestEmulator());
  official = await officialSdk();
  // The Web SDK warns on every fallback cookie it stores ("Appwrite is using localStorage…").
  console.warn = (...args: unknown[]) => {
    if (!String(args[0]).includes('localStorage')) quietWarn(...args);
  };
});
afterAll(async () => {
  console.warn = quietWarn;
  official?.restore();
  await emulator?.close();
});

let counter = 0;
const email = () => `flow${Date.now().toString(36)}${++counter}@example.com`;
const phone = () => `+1444${String(1000000 + Math.floor(Math.random() * 8999999))}`;

async function rejects(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

/** The same flows for each SDK. An SDK that fails to load fails every flow with the reason (never a silent skip). */
const suites: Array<[string, () => Promise<{ sdk?: SdkUnderTest; reason?: string }>]> = [
  ['appwrite@26.2.0 (official Web SDK)', async () => ({ sdk: official!.sdk })],
  ['our TypeScript SDK (Runtime/TypeScript~/src)', ourSdk],
];

describe.each(suites)('%s', (_name, load) => {
  let sdk: SdkUnderTest;
  let reason = '';
  beforeAll(async () => {
    const loaded = await load();
    if (loaded.sdk) sdk = loaded.sdk;
    else reason = loaded.reason ?? 'not available';
  });
  const device = () => sdk.device(emulator.url);
  // All tests come from one IP, and the server limits some routes per IP and hour (e.g. 10 phone tokens):
  // each test starts in a fresh rate-limit window of the emulator clock.
  beforeEach(() => {
    if (!sdk) throw new Error(`SDK not loaded: ${reason}`);
    clock.advance(3_600_000);
  });

  it('signs in by phone with the OTP read from the outbox', async () => {
    const { account } = device();
    const number = phone();
    const token = await account.createPhoneToken({ userId: sdk.ID.unique(), phone: number });
    expectModel(token, 'token');
    const message = await outboxFor(emulator, number);
    expect(message).toMatchObject({ channel: 'sms', to: number, userId: token.userId, url: null });
    const session = await account.createSession({ userId: token.userId, secret: message.secret });
    expectModel(session, 'session');
    expect(session).toMatchObject({ userId: token.userId, provider: 'phone', current: true });
    const user = await account.get();
    expectModel(user, 'user');
    expect(user).toMatchObject({ $id: token.userId, phone: number, phoneVerification: true });
    // The same phone again: the user ID is ignored, the account is the same.
    const again = await device().account.createPhoneToken({ userId: sdk.ID.unique(), phone: number });
    expect(again.userId).toBe(token.userId);
  });

  it('signs in with the fixed code of a mock number, with nothing sent', async () => {
    emulator.clearMessages();
    const { account } = device();
    const token = await account.createPhoneToken({ userId: sdk.ID.unique(), phone: '+15555550100' });
    await account.createSession({ userId: token.userId, secret: '123456' });
    expect((await account.get()).phone).toBe('+15555550100');
    expect(emulator.messages({ to: '+15555550100' })).toEqual([]);
  });

  it('signs up and in with email and password, then out', async () => {
    const { account } = device();
    const address = email();
    const user = await account.create({ userId: sdk.ID.unique(), email: address, password: 'correct-horse', name: 'Ada' });
    expectModel(user, 'user');
    const error = await rejects(account.createEmailPasswordSession({ email: address, password: 'wrong-horse!' }));
    expect({ code: error.code, type: error.type }).toEqual({ code: 401, type: 'user_invalid_credentials' });
    const session = await account.createEmailPasswordSession({ email: address, password: 'correct-horse' });
    expect(session.factors).toEqual(['password']);
    expect((await account.get()).name).toBe('Ada');
    await account.deleteSession({ sessionId: 'current' });
    const signedOut = await rejects(account.get());
    expect({ code: signedOut.code, type: signedOut.type }).toEqual({ code: 401, type: 'general_unauthorized_scope' });
  });

  it('upgrades an anonymous account with updateEmail', async () => {
    const { account } = device();
    const session = await account.createAnonymousSession();
    expect(session.provider).toBe('anonymous');
    const address = email();
    const user = await account.updateEmail({ email: address, password: 'anon-password' });
    expect(user).toMatchObject({ $id: session.userId, email: address, emailVerification: false });
    expect(user.passwordUpdate).not.toBe('');
    await account.deleteSessions();
    const { account: other } = device();
    const back = await other.createEmailPasswordSession({ email: address, password: 'anon-password' });
    expect(back.userId).toBe(session.userId);
  });

  it('signs in with a magic URL', async () => {
    const { account } = device();
    const address = email();
    const token = await account.createMagicURLToken({ userId: sdk.ID.unique(), email: address, url: 'https://game.example/magic?from=mail' });
    const link = new URL((await outboxFor(emulator, address)).url);
    expect(link.origin + link.pathname).toBe('https://game.example/magic');
    expect(link.searchParams.get('from')).toBe('mail');
    expect(link.searchParams.get('userId')).toBe(token.userId);
    const session = await account.createSession({ userId: link.searchParams.get('userId')!, secret: link.searchParams.get('secret')! });
    expect(session.provider).toBe('magic-url');
    expect((await account.get()).emailVerification).toBe(true);
  });

  it('signs in with an email OTP', async () => {
    const { account } = device();
    const address = email();
    const token = await account.createEmailToken({ userId: sdk.ID.unique(), email: address, phrase: true });
    expect(token.phrase).toMatch(/^\w+ \w+$/);
    const { secret } = await outboxFor(emulator, address);
    const session = await account.createSession({ userId: token.userId, secret });
    expect(session).toMatchObject({ provider: 'token', factors: ['email'] });
  });

  it('recovers a password through the recovery link', async () => {
    const address = email();
    const { account } = device();
    await account.create({ userId: sdk.ID.unique(), email: address, password: 'old-password' });
    const token = await account.createRecovery({ email: address, url: 'https://game.example/reset' });
    expectModel(token, 'token');
    const link = new URL((await outboxFor(emulator, address)).url);
    const done = await account.updateRecovery({ userId: link.searchParams.get('userId')!, secret: link.searchParams.get('secret')!, password: 'new-password' });
    expect(done.$id).toBe(token.$id);
    expect((await rejects(account.createEmailPasswordSession({ email: address, password: 'old-password' }))).code).toBe(401);
    await account.createEmailPasswordSession({ email: address, password: 'new-password' });
    // The link is spent.
    const reuse = await rejects(account.updateRecovery({ userId: link.searchParams.get('userId')!, secret: link.searchParams.get('secret')!, password: 'other-password' }));
    expect(reuse.type).toBe('user_invalid_token');
  });

  it('verifies the email and the phone', async () => {
    const { account } = device();
    const address = email();
    const number = phone();
    await account.create({ userId: sdk.ID.unique(), email: address, password: 'verify-me-1' });
    await account.createEmailPasswordSession({ email: address, password: 'verify-me-1' });
    await account.createEmailVerification({ url: 'https://game.example/verified' });
    const link = new URL((await outboxFor(emulator, address)).url);
    await account.updateEmailVerification({ userId: link.searchParams.get('userId')!, secret: link.searchParams.get('secret')! });
    await account.updatePhone({ phone: number, password: 'verify-me-1' });
    await account.createPhoneVerification();
    const { secret } = await outboxFor(emulator, number);
    await account.updatePhoneVerification({ userId: link.searchParams.get('userId')!, secret });
    const user = await account.get();
    expect(user).toMatchObject({ email: address, emailVerification: true, phone: number, phoneVerification: true });
    expect((await rejects(account.createEmailVerification({ url: 'https://game.example/verified' }))).type).toBe('user_email_already_verified');
  });

  it('creates a JWT that authenticates another client', async () => {
    const { account } = device();
    await account.createAnonymousSession();
    const me = await account.get();
    const { jwt } = await account.createJWT({ duration: 60 });
    const server = device();
    server.client.setJWT(jwt);
    expect((await server.account.get()).$id).toBe(me.$id);
    clock.advance(61_000);
    expect((await rejects(server.account.get())).type).toBe('user_jwt_invalid');
  });

  it('enrols TOTP, then needs a second factor: TOTP, then a recovery code', async () => {
    const address = email();
    const { account } = device();
    await account.create({ userId: sdk.ID.unique(), email: address, password: 'mfa-password' });
    await account.createEmailPasswordSession({ email: address, password: 'mfa-password' });
    const type = await account.createMFAAuthenticator({ type: sdk.totpType });
    expectModel(type, 'mfaType');
    const otp = () => new TOTP({ secret: Secret.fromBase32(type.secret) }).generate({ timestamp: clock.now() });
    await account.updateMFAAuthenticator({ type: sdk.totpType, otp: otp() });
    const { recoveryCodes } = await account.createMFARecoveryCodes();
    expect(recoveryCodes).toHaveLength(6);
    expect((await account.updateMFA({ mfa: true })).mfa).toBe(true);
    expect(await account.listMFAFactors()).toEqual({ totp: true, phone: false, email: false, recoveryCode: true });

    const second = device().account;
    await second.createEmailPasswordSession({ email: address, password: 'mfa-password' });
    expect((await rejects(second.get())).type).toBe('user_more_factors_required');
    const challenge = await second.createMFAChallenge({ factor: 'totp' });
    expectModel(challenge, 'mfaChallenge');
    expect((await rejects(second.updateMFAChallenge({ challengeId: challenge.$id, otp: '000000' }))).type).toBe('user_invalid_token');
    const session = await second.updateMFAChallenge({ challengeId: challenge.$id, otp: otp() });
    expect(session.factors).toEqual(['password', 'totp']);
    expect((await second.get()).email).toBe(address);

    const third = device().account;
    await third.createEmailPasswordSession({ email: address, password: 'mfa-password' });
    const byCode = await third.createMFAChallenge({ factor: sdk.recoveryCodeFactor });
    await third.updateMFAChallenge({ challengeId: byCode.$id, otp: recoveryCodes[0] });
    expect((await third.get()).$id).toBe(session.userId);
    const fourth = device().account;
    await fourth.createEmailPasswordSession({ email: address, password: 'mfa-password' });
    const reused = await fourth.createMFAChallenge({ factor: sdk.recoveryCodeFactor });
    expect((await rejects(fourth.updateMFAChallenge({ challengeId: reused.$id, otp: recoveryCodes[0] }))).type).toBe('user_invalid_token');
  });

  it('lists sessions and deletes one, then all', async () => {
    const address = email();
    const first = device();
    await first.account.create({ userId: sdk.ID.unique(), email: address, password: 'many-sessions' });
    await first.account.createEmailPasswordSession({ email: address, password: 'many-sessions' });
    const second = device();
    const secondSession = await second.account.createEmailPasswordSession({ email: address, password: 'many-sessions' });
    const list = await first.account.listSessions();
    expectModel(list, 'sessionList');
    expect(list.total).toBe(2);
    expect(list.sessions.filter((s: any) => s.current)).toHaveLength(1);
    expect((await first.account.getSession({ sessionId: 'current' })).current).toBe(true);
    await first.account.deleteSession({ sessionId: secondSession.$id });
    expect((await rejects(second.account.get())).code).toBe(401);
    expect((await first.account.listSessions()).total).toBe(1);
    await first.account.deleteSessions();
    expect((await rejects(first.account.get())).code).toBe(401);
  });

  it('replaces preferences', async () => {
    const { account } = device();
    await account.createAnonymousSession();
    await account.updatePrefs({ prefs: { volume: 7, language: 'en' } });
    const user = await account.updatePrefs({ prefs: { language: 'fr' } });
    expect(user.prefs).toEqual({ language: 'fr' });
    expect({ ...(await account.getPrefs()) }).toEqual({ language: 'fr' });
  });

  it('signs in with OAuth2 through the emulated provider (token flow) and manages the identity', async () => {
    const { client, account } = device();
    const url = await account.createOAuth2Token({ provider: 'github', success: 'appwrite-callback-demo-project://auth', failure: 'appwrite-callback-demo-project://fail' });
    expect(url).toMatch(/\/account\/tokens\/oauth2\/github\?success=/);
    const start = await fetch(url, { redirect: 'manual' });
    expect(start.status).toBe(301);
    const page = await fetch(start.headers.get('location')!);
    const html = await page.text();
    expect(html).toContain('Continue as a test user of GitHub');
    const continueHref = /id="continue" href="([^"]+)"/.exec(html)![1].replaceAll('&amp;', '&');
    const back = await fetch(new URL(continueHref, start.headers.get('location')!), { redirect: 'manual' });
    expect(back.status).toBe(301);
    const deepLink = new URL(back.headers.get('location')!);
    expect(deepLink.protocol).toBe('appwrite-callback-demo-project:');
    const session = await account.createSession({ userId: deepLink.searchParams.get('userId')!, secret: deepLink.searchParams.get('secret')! });
    expect(session).toMatchObject({ provider: 'github', factors: ['email'] });
    expect(client).toBeTruthy();
    const identities = await account.listIdentities({ queries: [sdk.Query.equal('provider', 'github')] });
    expectModel(identities, 'identityList');
    expect(identities.total).toBe(1);
    expect(identities.identities[0]).toMatchObject({ provider: 'github', providerEmail: 'test.user@github.example' });
    await account.deleteIdentity({ identityId: identities.identities[0].$id });
    expect((await account.listIdentities()).total).toBe(0);
  });

  it('logs every account action', async () => {
    const { account } = device();
    await account.createAnonymousSession();
    await account.updateName({ name: 'Logged' });
    await account.updatePrefs({ prefs: { a: 1 } });
    const logs = await account.listLogs({ queries: [sdk.Query.limit(2)] });
    expectModel(logs, 'logList');
    expect(logs.total).toBe(3);
    expect(logs.logs.map((l: any) => l.event)).toEqual(['user.update', 'user.update']);
    expect((await account.listLogs({ queries: [sdk.Query.offset(2)] })).logs.map((l: any) => l.event)).toEqual(['session.create']);
  });

  it('manages push targets', async () => {
    const { account } = device();
    await account.createAnonymousSession();
    const target = await account.createPushTarget({ targetId: sdk.ID.unique(), identifier: `device-token-${counter++}` });
    expectModel(target, 'target');
    const updated = await account.updatePushTarget({ targetId: target.$id, identifier: `device-token-${counter++}` });
    expect(updated.identifier).not.toBe(target.identifier);
    expect((await account.get()).targets.map((t: any) => t.$id)).toEqual([target.$id]);
    await account.deletePushTarget({ targetId: target.$id });
    expect((await account.get()).targets).toEqual([]);
  });

  it('reaches a rate limit', async () => {
    const { account } = device();
    const number = phone();
    for (let i = 0; i < 10; i++) await account.createPhoneToken({ userId: sdk.ID.unique(), phone: number });
    const error = await rejects(account.createPhoneToken({ userId: sdk.ID.unique(), phone: number }));
    expect({ code: error.code, type: error.type }).toEqual({ code: 429, type: 'general_rate_limit_exceeded' });
  });

  it('keeps accounts and sessions across a restart with --data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emulator-flow-'));
    try {
      const first = await startTestEmulator({ dataDir: dir });
      const phoneDevice = sdk.device(first.emulator.url);
      const number = phone();
      const token = await phoneDevice.account.createPhoneToken({ userId: sdk.ID.unique(), phone: number });
      const code = first.emulator.lastMessage({ to: number })!.secret;
      await phoneDevice.account.createSession({ userId: token.userId, secret: code });
      await phoneDevice.account.updateName({ name: 'Persisted' });
      await first.emulator.close();
      const second = await startTestEmulator({ dataDir: dir, port: first.emulator.port });
      try {
        const user = await phoneDevice.account.get();
        expect(user).toMatchObject({ $id: token.userId, name: 'Persisted', phone: number });
      } finally {
        await second.emulator.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
