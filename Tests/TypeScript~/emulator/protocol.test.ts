// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// The emulator on the wire, driven with plain fetch: status codes and bodies of every Account route against the
// reference models, error bodies, projects and routes that do not exist, bad bodies, scopes, the session lookup
// order, JWTs, cookies, CORS and redirect validation.

import { TOTP, Secret } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, outboxFor, rawClient, startTestEmulator, testClock } from './harness.js';
import { expectModel } from './models.js';

let emulator: Emulator;
let clock: ReturnType<typeof testClock>;
let endpoint: string;

beforeAll(async () => {
  ({ emulator, clock } = await startTestEmulator({ rateLimit: false }));
  endpoint = emulator.url;
});
afterAll(() => emulator.close());

const unique = () => `u${Math.random().toString(36).slice(2, 12)}`;

function expectError(res: { status: number; body: any }, status: number, type: string, message?: string | RegExp) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expectModel(res.body, 'error');
  expect(res.body).toMatchObject({ code: status, type, version: '1.9.6' });
  if (typeof message === 'string') expect(res.body.message).toBe(message);
  else if (message) expect(res.body.message).toMatch(message);
}

async function signedUp(email = `${unique()}@example.com`, password = 'password123') {
  const c = rawClient(endpoint);
  const created = await c.call('POST', '/account', { userId: 'unique()', email, password, name: 'Ada' });
  expect(created.status).toBe(201);
  const session = await c.call('POST', '/account/sessions/email', { email, password });
  expect(session.status).toBe(201);
  return { c, email, password, userId: created.body.$id as string, sessionId: session.body.$id as string };
}

describe('general', () => {
  it('answers ping with text Pong!', async () => {
    const res = await rawClient(endpoint).raw('GET', '/ping');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(res.text).toBe('Pong!');
  });

  it('gives project_not_found for an unknown or missing project', async () => {
    expectError(await rawClient(endpoint, 'nope').raw('GET', '/ping'), 404, 'project_not_found', /X-Appwrite-Project/);
    expectError(await rawClient(endpoint, 'nope').call('GET', '/account'), 404, 'project_not_found');
    const res = await fetch(`${endpoint}/account`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as any).type).toBe('project_not_found');
  });

  it('gives general_route_not_found for an unknown route, and accepts the project as a query parameter', async () => {
    expectError(await rawClient(endpoint).call('GET', '/account/nothing-here'), 404, 'general_route_not_found');
    expectError(await rawClient(endpoint).call('POST', '/account/prefs'), 404, 'general_route_not_found');
    const res = await fetch(`${endpoint}/ping?project=demo-project`);
    expect(await res.text()).toBe('Pong!');
  });

  it('warns a client built for a newer server', async () => {
    const res = await rawClient(endpoint).raw('GET', '/ping', { headers: { 'x-appwrite-response-format': '2.0.0' } });
    expect(res.headers.get('x-appwrite-warning')).toMatch(/built for Appwrite 2\.0\.0.*server version is 1\.9\.6/);
    const current = await rawClient(endpoint).raw('GET', '/ping', { headers: { 'x-appwrite-response-format': '1.9.5' } });
    expect(current.headers.get('x-appwrite-warning')).toBeNull();
  });
});

describe('request bodies', () => {
  it('reports malformed JSON, non-object JSON, other content types and a missing body as clean 400s', async () => {
    const c = rawClient(endpoint);
    const bad = await c.raw('POST', '/account/sessions/email', { body: '{"email": ', headers: { 'content-type': 'application/json' } });
    expectError(bad, 400, 'general_argument_invalid', /^Invalid JSON body/);
    const list = await c.raw('POST', '/account/sessions/email', { body: '[1,2]', headers: { 'content-type': 'application/json' } });
    expectError(list, 400, 'general_argument_invalid', 'Param "email" is not optional.');
    const text = await c.raw('POST', '/account/sessions/email', { body: 'email=a@b.co', headers: { 'content-type': 'text/plain' } });
    expectError(text, 400, 'general_argument_invalid', 'Param "email" is not optional.');
    const none = await c.raw('POST', '/account/tokens/phone');
    expectError(none, 400, 'general_argument_invalid', 'Param "userId" is not optional.');
  });

  it('accepts form-encoded bodies like PHP does', async () => {
    const c = rawClient(endpoint);
    const res = await c.raw('POST', '/account/tokens/phone', { body: 'userId=unique()&phone=%2B15555550100', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(201);
    expectModel(res.body, 'token');
  });

  it('refuses an oversized body with 413 and an error body', async () => {
    const c = rawClient(endpoint);
    const res = await c.raw('PATCH', '/account/prefs', { body: JSON.stringify({ prefs: { big: 'x'.repeat(2 * 1024 * 1024) } }), headers: { 'content-type': 'application/json' } });
    expectError(res, 413, 'general_argument_invalid', /larger than the limit/);
  });

  it('words parameter errors as utopia-php/http does', async () => {
    const c = rawClient(endpoint);
    expectError(await c.call('POST', '/account', { userId: 'unique()', email: 'not-an-email', password: 'password123' }), 400, 'general_argument_invalid', 'Invalid `email` param: Value must be a valid email address');
    expectError(await c.call('POST', '/account', { userId: '_bad', email: 'a@b.co', password: 'password123' }), 400, 'general_argument_invalid',
      "Invalid `userId` param: Parameter must contain at most 36 chars. Valid chars are a-z, A-Z, 0-9, period, hyphen, and underscore. Can't start with a special char");
    expectError(await c.call('POST', '/account', { userId: 'unique()', email: 'a@b.co', password: 'short' }), 400, 'general_argument_invalid', 'Invalid `password` param: Password must be between 8 and 256 characters long.');
    expectError(await c.call('POST', '/account', { userId: 'unique()', email: 'a@b.co', password: 'password123', name: '' }), 400, 'general_argument_invalid',
      'Invalid `name` param: Value must be a valid string and at least 1 chars and no longer than 128 chars');
    expectError(await c.call('POST', '/account/tokens/phone', { userId: 'unique()', phone: '5551234' }), 400, 'general_argument_invalid',
      "Invalid `phone` param: Phone number must start with a '+' can have a maximum of fifteen digits.");
    expectError(await c.call('POST', '/account/tokens/email', { userId: 'unique()', email: 'a@b.co', phrase: 'yes' }), 400, 'general_argument_invalid', 'Invalid `phrase` param: Value must be a valid boolean');
  });
});

describe('scopes and sessions', () => {
  it('tells guests from users', async () => {
    const guest = rawClient(endpoint);
    expectError(await guest.call('GET', '/account'), 401, 'general_unauthorized_scope', 'User (role: guests) missing scopes (["account"])');
    expectError(await guest.call('POST', '/account/targets/push', { targetId: 'unique()', identifier: 'x' }), 401, 'general_unauthorized_scope', 'User (role: guests) missing scopes (["targets.write"])');
    const { c } = await signedUp();
    expectError(await c.call('POST', '/account/sessions/anonymous'), 401, 'user_session_already_exists');
    expectError(await c.call('POST', '/account/sessions/email', { email: 'a@b.co', password: 'password123' }), 401, 'user_session_already_exists');
    // Public routes work for both.
    expectError(await c.call('PUT', '/account/verifications/email', { userId: 'nobody', secret: 'x' }), 404, 'user_not_found');
    expectError(await guest.call('PUT', '/account/verifications/email', { userId: 'nobody', secret: 'x' }), 404, 'user_not_found');
  });

  it('sets both session cookies and the fallback header, and reads the session from each source', async () => {
    const { c, userId } = await signedUp();
    const value = c.sessionValue;
    expect(JSON.parse(Buffer.from(value, 'base64').toString())).toEqual({ id: userId, secret: expect.any(String) });
    const anon = await rawClient(endpoint).call('POST', '/account/sessions/anonymous');
    const cookies = anon.headers.getSetCookie();
    expect(cookies.some((line) => line.startsWith('a_session_demo-project=') && /HttpOnly/i.test(line) && /SameSite=None/i.test(line))).toBe(true);
    expect(cookies.some((line) => line.startsWith('a_session_demo-project_legacy='))).toBe(true);
    expect(JSON.parse(anon.headers.get('x-fallback-cookies')!)).toHaveProperty(['a_session_demo-project']);

    const bare = rawClient(endpoint);
    const sources: Array<Record<string, string>> = [
      { cookie: `a_session_demo-project=${value}` },
      { cookie: `a_session_demo-project_legacy=${value}` },
      { 'x-appwrite-session': value },
      { 'x-fallback-cookies': JSON.stringify({ 'a_session_demo-project': value }) },
    ];
    for (const headers of sources) {
      const res = await bare.raw('GET', '/account', { headers });
      expect(res.status, JSON.stringify(headers)).toBe(200);
      expect(res.body.$id).toBe(userId);
    }
    // The cookie wins over the headers that come later in the lookup order.
    const other = await rawClient(endpoint).call('POST', '/account/sessions/anonymous');
    const otherValue = JSON.parse(other.headers.get('x-fallback-cookies')!)['a_session_demo-project'];
    const res = await bare.raw('GET', '/account', { headers: { cookie: `a_session_demo-project=${value}`, 'x-appwrite-session': otherValue } });
    expect(res.body.$id).toBe(userId);
  });

  it('clears the session on logout with X-Fallback-Cookies: [] and expired cookies', async () => {
    const { c } = await signedUp();
    const res = await c.call('DELETE', '/account/sessions/current');
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect(res.headers.get('x-fallback-cookies')).toBe('[]');
    expect(res.headers.getSetCookie().some((line) => line.startsWith('a_session_demo-project=;'))).toBe(true);
    expectError(await c.call('GET', '/account'), 401, 'general_unauthorized_scope');
  });

  it('authenticates with a JWT, refuses a JWT with a cookie session, and expires it', async () => {
    const { c, userId, sessionId } = await signedUp();
    const created = await c.call('POST', '/account/jwts', { duration: 900 });
    expect(created.status).toBe(201);
    expectModel(created.body, 'jwt');
    const [header, payload] = created.body.jwt.split('.').slice(0, 2).map((part: string) => JSON.parse(Buffer.from(part, 'base64url').toString()));
    expect(header).toEqual({ typ: 'JWT', alg: 'HS256' });
    expect(payload).toMatchObject({ userId, sessionId, exp: Math.floor(clock.now() / 1000) + 900 });

    const viaJwt = rawClient(endpoint);
    const headers = { 'x-appwrite-jwt': created.body.jwt };
    expect((await viaJwt.raw('GET', '/account', { headers })).body.$id).toBe(userId);
    expectError(await viaJwt.raw('POST', '/account/jwts', { headers, body: '{}' }), 404, 'user_session_not_found');
    expectError(await c.raw('GET', '/account', { headers }), 403, 'user_jwt_and_cookie_set');
    expectError(await viaJwt.raw('GET', '/account', { headers: { 'x-appwrite-jwt': 'a.b.c' } }), 401, 'user_jwt_invalid', /^Failed to verify JWT\. Invalid token/);
    const alias = await c.call('POST', '/account/jwt');
    expect(alias.status).toBe(201);
    clock.advance(901_000);
    expectError(await viaJwt.raw('GET', '/account', { headers }), 401, 'user_jwt_invalid', 'Failed to verify JWT. Invalid token: Expired');
  });

  it('keeps at most the session limit per user, deleting the oldest first', async () => {
    const limited = await startTestEmulator({ sessionLimit: 3, rateLimit: false });
    try {
      const url = limited.emulator.url;
      const email = `${unique()}@example.com`;
      await rawClient(url).call('POST', '/account', { userId: 'unique()', email, password: 'password123' });
      const devices = [];
      for (let i = 0; i < 5; i++) {
        const d = rawClient(url);
        expect((await d.call('POST', '/account/sessions/email', { email, password: 'password123' })).status).toBe(201);
        devices.push(d);
      }
      const list = await devices[4].call('GET', '/account/sessions');
      expectModel(list.body, 'sessionList');
      expect(list.body.total).toBe(3);
      expect((await devices[0].call('GET', '/account')).status).toBe(401);
      expect((await devices[1].call('GET', '/account')).status).toBe(401);
      expect((await devices[2].call('GET', '/account')).status).toBe(200);
    } finally {
      await limited.emulator.close();
    }
  });

  it('blocks a user after updateStatus', async () => {
    const { c, email, password } = await signedUp();
    const blocked = await c.call('PATCH', '/account/status');
    expect(blocked.status).toBe(200);
    expectModel(blocked.body, 'user');
    expect(blocked.body.status).toBe(false);
    expect(blocked.headers.get('x-fallback-cookies')).toBe('[]');
    expectError(await rawClient(endpoint).call('POST', '/account/sessions/email', { email, password }), 403, 'user_blocked');
  });
});

describe('every Account route', () => {
  it('answers with the reference status code and model', async () => {
    const phone = `+1555${Math.floor(1000000 + Math.random() * 8999999)}`;
    const email = `${unique()}@example.com`;
    const c = rawClient(endpoint);
    const expectRes = (res: { status: number; body: any }, status: number, model?: string) => {
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      if (model) expectModel(res.body, model);
      else expect(res.body).toBe('');
      return res.body;
    };

    // Sign-up, tokens and sessions (as a guest).
    const created = expectRes(await c.call('POST', '/account', { userId: 'unique()', email, password: 'password123', name: 'Grace' }), 201, 'user');
    expect(created).not.toHaveProperty('password');
    expect(created).toMatchObject({ email, name: 'Grace', emailCanonical: email, emailIsCorporate: true, emailIsFree: false, impersonator: false, impersonatorUserId: null });
    expectRes(await c.call('POST', '/account/tokens/email', { userId: 'unique()', email, phrase: true }), 201, 'token');
    const magic = expectRes(await c.call('POST', '/account/tokens/magic-url', { userId: 'unique()', email, url: 'https://app.example/magic' }), 201, 'token');
    expect(magic.secret).toBe('');
    expectRes(await c.call('POST', '/account/sessions/magic-url', { userId: 'unique()', email }), 201, 'token');
    const phoneToken = expectRes(await c.call('POST', '/account/tokens/phone', { userId: 'unique()', phone }), 201, 'token');
    expectRes(await c.call('POST', '/account/sessions/phone', { userId: 'unique()', phone }), 201, 'token');
    const code = (await outboxFor(emulator, phone)).secret;
    const phoneSession = expectRes(await rawClient(endpoint).call('PUT', '/account/sessions/phone', { userId: phoneToken.userId, secret: code }), 201, 'session');
    expect(phoneSession).toMatchObject({ provider: 'phone', factors: ['phone'], current: true, secret: '', countryCode: '--' });
    const link = new URL((await outboxFor(emulator, email)).url);
    expect(link.searchParams.get('project')).toBe('demo-project');
    const magicSession = expectRes(await rawClient(endpoint).call('PUT', '/account/sessions/magic-url', { userId: link.searchParams.get('userId'), secret: link.searchParams.get('secret') }), 201, 'session');
    expect(magicSession.provider).toBe('magic-url');
    expectRes(await rawClient(endpoint).call('POST', '/account/sessions/anonymous'), 201, 'session');
    const otpToken = expectRes(await rawClient(endpoint).call('POST', '/account/tokens/email', { userId: 'unique()', email: `otp.${email}` }), 201, 'token');
    const otp = (await outboxFor(emulator, `otp.${email}`)).secret;
    const otpSession = expectRes(await rawClient(endpoint).call('POST', '/account/sessions/token', { userId: otpToken.userId, secret: otp }), 201, 'session');
    expect(otpSession).toMatchObject({ provider: 'token', factors: ['email'] });
    expectRes(await rawClient(endpoint).call('POST', '/account/sessions', { email, password: 'password123' }), 201, 'session');
    const session = expectRes(await c.call('POST', '/account/sessions/email', { email, password: 'password123' }), 201, 'session');
    expect(session).toMatchObject({ provider: 'email', providerUid: email, factors: ['password'], current: true });
    const recoveryToken = expectRes(await rawClient(endpoint).call('POST', '/account/recovery', { email, url: 'https://app.example/recover' }), 201, 'token');
    const recoveryLink = new URL((await outboxFor(emulator, email)).url);
    expect(recoveryLink.searchParams.get('userId')).toBe(created.$id);
    const recovered = expectRes(await rawClient(endpoint).call('PUT', '/account/recovery', { userId: created.$id, secret: recoveryLink.searchParams.get('secret'), password: 'password123' }), 200, 'token');
    expect(recovered.$id).toBe(recoveryToken.$id);

    // The account (as the signed-in user).
    expectRes(await c.call('GET', '/account'), 200, 'user');
    expectRes(await c.call('PATCH', '/account/name', { name: 'Grace H.' }), 200, 'user');
    expectRes(await c.call('PATCH', '/account/password', { password: 'password456', oldPassword: 'password123' }), 200, 'user');
    expectRes(await c.call('PATCH', '/account/phone', { phone: `+1666${phone.slice(5)}`, password: 'password456' }), 200, 'user');
    expectRes(await c.call('PATCH', '/account/email', { email: `new.${email}`, password: 'password456' }), 200, 'user');
    const prefs = await c.call('GET', '/account/prefs');
    expect(prefs.status).toBe(200);
    expect(prefs.body).toEqual({});
    expectRes(await c.call('PATCH', '/account/prefs', { prefs: { theme: 'dark' } }), 200, 'user');
    expect((await c.call('GET', '/account/prefs')).body).toEqual({ theme: 'dark' });
    expectRes(await c.call('GET', '/account/logs'), 200, 'logList');
    expectRes(await c.call('GET', '/account/identities'), 200, 'identityList');
    expectRes(await c.call('POST', '/account/jwts'), 201, 'jwt');

    // Sessions.
    const sessions = expectRes(await c.call('GET', '/account/sessions'), 200, 'sessionList');
    expect(sessions.sessions.filter((s: any) => s.current)).toHaveLength(1);
    const current = expectRes(await c.call('GET', '/account/sessions/current'), 200, 'session');
    expect(current.current).toBe(true);
    expectRes(await c.call('GET', `/account/sessions/${current.$id}`), 200, 'session');
    expectRes(await c.call('PATCH', '/account/sessions/current'), 200, 'session');
    const other = sessions.sessions.find((s: any) => !s.current);
    expectRes(await c.call('DELETE', `/account/sessions/${other.$id}`), 204);

    // Verification.
    expectRes(await c.call('POST', '/account/verifications/email', { url: 'https://app.example/verify' }), 201, 'token');
    const verifyLink = new URL((await outboxFor(emulator, `new.${email}`)).url);
    expectRes(await c.call('PUT', '/account/verifications/email', { userId: verifyLink.searchParams.get('userId'), secret: verifyLink.searchParams.get('secret') }), 200, 'token');
    expectRes(await c.call('POST', '/account/verification', { url: 'https://app.example/verify' }), 409, 'error');
    expectRes(await c.call('POST', '/account/verification/phone'), 201, 'token');
    const phoneCodeMessage = await outboxFor(emulator, `+1666${phone.slice(5)}`);
    expectRes(await c.call('PUT', '/account/verifications/phone', { userId: created.$id, secret: phoneCodeMessage.secret }), 200, 'token');
    const me = (await c.call('GET', '/account')).body;
    expect(me).toMatchObject({ emailVerification: true, phoneVerification: true });

    // Push targets.
    const target = expectRes(await c.call('POST', '/account/targets/push', { targetId: 'unique()', identifier: 'fcm-token-1' }), 201, 'target');
    expect(target).toMatchObject({ providerType: 'push', providerId: null, identifier: 'fcm-token-1', expired: false });
    expectRes(await c.call('PUT', `/account/targets/${target.$id}/push`, { identifier: 'fcm-token-2' }), 200, 'target');
    expectRes(await c.call('DELETE', `/account/targets/${target.$id}/push`), 204);

    // MFA.
    const totp = expectRes(await c.call('POST', '/account/mfa/authenticators/totp'), 200, 'mfaType');
    expect(totp.uri).toMatch(/^otpauth:\/\/totp\//);
    const totpCode = () => new TOTP({ secret: Secret.fromBase32(totp.secret) }).generate({ timestamp: clock.now() });
    expectRes(await c.call('PUT', '/account/mfa/authenticators/totp', { otp: totpCode() }), 200, 'user');
    expectRes(await c.call('GET', '/account/mfa/factors'), 200, 'mfaFactors');
    expectRes(await c.call('POST', '/account/mfa/recovery-codes'), 201, 'mfaRecoveryCodes');
    expectError(await c.call('GET', '/account/mfa/recovery-codes'), 401, 'user_challenge_required');
    const challenge = expectRes(await c.call('POST', '/account/mfa/challenges', { factor: 'totp' }), 201, 'mfaChallenge');
    expectRes(await c.call('PUT', '/account/mfa/challenges', { challengeId: challenge.$id, otp: totpCode() }), 200, 'session');
    expectRes(await c.call('GET', '/account/mfa/recovery-codes'), 200, 'mfaRecoveryCodes');
    expectRes(await c.call('PATCH', '/account/mfa/recovery-codes'), 200, 'mfaRecoveryCodes');
    expectRes(await c.call('PATCH', '/account/mfa', { mfa: true }), 200, 'user');
    expectRes(await c.call('POST', '/account/mfa/challenge', { factor: 'email' }), 201, 'mfaChallenge');
    expectRes(await c.call('DELETE', '/account/mfa/authenticators/totp'), 204);
    expectRes(await c.call('PATCH', '/account/mfa', { mfa: false }), 200, 'user');

    // The rest.
    expectRes(await c.call('DELETE', '/account/sessions'), 204);
    const anon = rawClient(endpoint);
    await anon.call('POST', '/account/sessions/anonymous');
    expectRes(await anon.call('PATCH', '/account/status'), 200, 'user');
  });

  it('shapes the users of every sign-up path, with optional fields as null', async () => {
    const anon = rawClient(endpoint);
    await anon.call('POST', '/account/sessions/anonymous');
    const user = (await anon.call('GET', '/account')).body;
    expectModel(user, 'user');
    expect(user).toMatchObject({ email: '', phone: '', name: '', passwordUpdate: '', emailCanonical: null, emailIsFree: null, targets: [], prefs: {} });
    const gmail = (await rawClient(endpoint).call('POST', '/account', { userId: unique(), email: `First.Last+tag${unique()}@Gmail.com`, password: 'password123' })).body;
    expectModel(gmail, 'user');
    expect(gmail).toMatchObject({ emailIsFree: true, emailIsCorporate: false, emailIsCanonical: false });
    expect(gmail.emailCanonical).toMatch(/^firstlast@gmail\.com$/);
  });
});

describe('lists and queries', () => {
  it('reads queries[0]= and queries[]= alike, and total as a loose boolean', async () => {
    const { c } = await signedUp();
    await c.call('PATCH', '/account/name', { name: 'One' });
    await c.call('PATCH', '/account/name', { name: 'Two' });
    const limit = encodeURIComponent(JSON.stringify({ method: 'limit', values: [1] }));
    const indexed = await c.raw('GET', `/account/logs?queries%5B0%5D=${limit}`);
    const bracketed = await c.raw('GET', `/account/logs?queries[]=${limit}`);
    expect(indexed.body.logs).toHaveLength(1);
    expect(bracketed.body.logs).toHaveLength(1);
    expect(indexed.body.total).toBeGreaterThanOrEqual(4);
    expect(indexed.body.logs[0]).toMatchObject({ event: 'user.update', userName: 'Two', userType: 'user', mode: 'default' });
    for (const value of ['false', '0']) expect((await c.raw('GET', `/account/logs?total=${value}`)).body.total).toBe(0);
    expectError(await c.raw('GET', '/account/logs?total=False'), 400, 'general_argument_invalid', 'Invalid `total` param: Value must be a valid boolean');
    const equal = encodeURIComponent(JSON.stringify({ method: 'equal', attribute: 'event', values: ['x'] }));
    expectError(await c.raw('GET', `/account/logs?queries[]=${equal}`), 400, 'general_argument_invalid', 'Invalid `queries` param: Invalid query method: equal');
    expectError(await c.raw('GET', '/account/logs?queries[]=nope'), 400, 'general_argument_invalid', 'Invalid `queries` param: Invalid query: Invalid query: Syntax error');
  });

  it('replaces prefs, accepts up to 64 KB and refuses lists', async () => {
    const { c } = await signedUp();
    await c.call('PATCH', '/account/prefs', { prefs: { a: 1, b: 2 } });
    expect((await c.call('PATCH', '/account/prefs', { prefs: { c: 3 } })).body.prefs).toEqual({ c: 3 });
    expectError(await c.call('PATCH', '/account/prefs', { prefs: [1, 2] }), 400, 'general_argument_invalid', 'Invalid `prefs` param: Value must be a valid object.');
    expectError(await c.call('PATCH', '/account/prefs', { prefs: { big: 'x'.repeat(65_530) } }), 400, 'general_argument_invalid');
    expect((await c.call('PATCH', '/account/prefs', { prefs: { big: 'x'.repeat(65_000) } })).status).toBe(200);
    expect((await c.call('PATCH', '/account/prefs', { prefs: {} })).body.prefs).toEqual({});
  });
});

describe('concurrency', () => {
  it('keeps one account per email and the session limit under concurrent requests', async () => {
    const email = `${unique()}@example.com`;
    const results = await Promise.all(Array.from({ length: 12 }, () => rawClient(endpoint).call('POST', '/account', { userId: 'unique()', email, password: 'password123' })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.type === 'user_already_exists')).toBe(true);
    const devices = Array.from({ length: 25 }, () => rawClient(endpoint));
    const signIns = await Promise.all(devices.map((d) => d.call('POST', '/account/sessions/email', { email, password: 'password123' })));
    expect(signIns.every((r) => r.status === 201)).toBe(true);
    const last = devices.at(-1)!;
    const alive = (await Promise.all(devices.map((d) => d.call('GET', '/account')))).filter((r) => r.status === 200);
    expect(alive).toHaveLength(10);
    const writes = await Promise.all(alive.map((_, i) => devices[devices.length - 1 - (i % 10)].call('PATCH', '/account/prefs', { prefs: { n: i } })));
    expect(writes.every((r) => r.status === 200 || r.status === 401)).toBe(true);
    const list = (await last.call('GET', '/account/sessions')).body;
    expect(list.total).toBe(10);
    expect(new Set(list.sessions.map((s: any) => s.$id)).size).toBe(10);
    expect(typeof (await last.call('GET', '/account/prefs')).body.n).toBe('number');
  });
});

describe('rate limits', () => {
  it('counts per key, sends X-RateLimit headers, refuses with 429 and resets with the window or a success', async () => {
    const limited = await startTestEmulator();
    try {
      const url = limited.emulator.url;
      const email = `${unique()}@example.com`;
      await rawClient(url).call('POST', '/account', { userId: 'unique()', email, password: 'password123' });
      const c = rawClient(url);
      const first = await c.call('POST', '/account/sessions/email', { email, password: 'wrong-password' });
      expectError(first, 401, 'user_invalid_credentials');
      const now = Math.floor(limited.clock.now() / 1000);
      expect(first.headers.get('x-ratelimit-limit')).toBe('10');
      expect(first.headers.get('x-ratelimit-remaining')).toBe('9');
      expect(Number(first.headers.get('x-ratelimit-reset'))).toBe(now - (now % 3600) + 3600);
      for (let i = 0; i < 9; i++) await c.call('POST', '/account/sessions/email', { email, password: 'wrong-password' });
      const refused = await c.call('POST', '/account/sessions/email', { email, password: 'password123' });
      expectError(refused, 429, 'general_rate_limit_exceeded');
      expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
      // Another email is another key.
      expectError(await c.call('POST', '/account/sessions/email', { email: `x${email}`, password: 'password123' }), 401, 'user_invalid_credentials');
      limited.clock.advance(3600_000);
      expect((await c.call('POST', '/account/sessions/email', { email, password: 'password123' })).status).toBe(201);
      // A 201 resets the counter of the sign-in key.
      await c.call('DELETE', '/account/sessions/current');
      const after = await c.call('POST', '/account/sessions/email', { email, password: 'wrong-password' });
      expect(after.headers.get('x-ratelimit-remaining')).toBe('9');
      // Routes without a limit send no headers.
      expect((await c.call('GET', '/ping')).headers.get('x-ratelimit-limit')).toBeNull();
    } finally {
      await limited.emulator.close();
    }
  });

  it('sends the headers but never refuses with --no-rate-limit', async () => {
    const c = rawClient(endpoint);
    for (let i = 0; i < 12; i++) {
      const res = await c.call('POST', '/account/sessions/email', { email: 'nobody@example.com', password: 'wrong-password' });
      expect(res.status).toBe(401);
      expect(res.headers.get('x-ratelimit-limit')).toBe('10');
    }
  });
});

describe('tokens expire on the emulator clock', () => {
  it('expires phone OTPs after 15 minutes and magic URLs after an hour', async () => {
    const phone = `+1777${Math.floor(1000000 + Math.random() * 8999999)}`;
    const c = rawClient(endpoint);
    const token = (await c.call('POST', '/account/tokens/phone', { userId: 'unique()', phone })).body;
    const code = (await outboxFor(emulator, phone)).secret;
    expect(code).toMatch(/^\d{6}$/);
    clock.advance(15 * 60_000 + 1000);
    expectError(await c.call('POST', '/account/sessions/token', { userId: token.userId, secret: code }), 401, 'user_invalid_token');
    const email = `${unique()}@example.com`;
    await c.call('POST', '/account/tokens/magic-url', { userId: 'unique()', email });
    const link = new URL((await outboxFor(emulator, email)).url);
    expect(link.pathname).toBe('/console/auth/magic-url');
    clock.advance(59 * 60_000);
    expect((await rawClient(endpoint).call('POST', '/account/sessions/token', { userId: link.searchParams.get('userId'), secret: link.searchParams.get('secret') })).status).toBe(201);
    await c.call('POST', '/account/tokens/magic-url', { userId: 'unique()', email });
    const second = new URL((await outboxFor(emulator, email)).url);
    clock.advance(61 * 60_000);
    expectError(await rawClient(endpoint).call('POST', '/account/sessions/token', { userId: second.searchParams.get('userId'), secret: second.searchParams.get('secret') }), 401, 'user_invalid_token');
  });
});

describe('outbox', () => {
  it('keeps messages newest last, clears them, and sends nothing for a mock phone', async () => {
    const base = endpoint.replace(/\/v1$/, '');
    expect((await fetch(`${base}/_emulator/messages`, { method: 'DELETE' })).status).toBe(204);
    const c = rawClient(endpoint);
    await c.call('POST', '/account/tokens/phone', { userId: 'unique()', phone: '+15555550100' });
    await c.call('POST', '/account/tokens/email', { userId: 'unique()', email: 'first@example.com' });
    await c.call('POST', '/account/tokens/email', { userId: 'unique()', email: 'second@example.com' });
    const { messages } = (await (await fetch(`${base}/_emulator/messages`)).json()) as { messages: any[] };
    expect(messages.map((m) => m.to)).toEqual(['first@example.com', 'second@example.com']);
    expect(messages[1]).toMatchObject({ channel: 'email', url: null, userId: expect.any(String), secret: expect.stringMatching(/^\d{6}$/) });
    expect(messages[1].createdAt).toMatch(/\+00:00$/);
  });
});

describe('OAuth2', () => {
  const follow = async (url: string) => {
    const res = await fetch(url, { redirect: 'manual' });
    return { status: res.status, location: res.headers.get('location') ?? '', cookies: res.headers.getSetCookie(), fallback: res.headers.get('x-fallback-cookies'), text: await res.text() };
  };

  it('session flow: sets the cookie and, on the default success page, hands key and secret to native apps', async () => {
    const start = await follow(`${endpoint}/account/sessions/oauth2/google?project=demo-project&scopes[0]=email`);
    expect(start.status).toBe(301);
    const page = await follow(start.location);
    expect(page.text).toContain('Continue as a test user of Google');
    const form = new URL(start.location);
    const done = await follow(`${endpoint}/account/sessions/oauth2/google/redirect?${new URLSearchParams({ project: 'demo-project', state: form.searchParams.get('state')!, code: 'emulator', email: 'oauth.person@example.com', name: 'OAuth Person' })}`);
    expect(done.status).toBe(301);
    const success = new URL(done.location);
    expect(success.pathname).toBe('/console/auth/oauth2/success');
    expect(success.searchParams.get('key')).toBe('a_session_demo-project');
    expect(done.cookies.some((line) => line.startsWith(`a_session_demo-project=${success.searchParams.get('secret')}`))).toBe(true);
    expect(JSON.parse(done.fallback!)).toEqual({ 'a_session_demo-project': success.searchParams.get('secret') });
    const me = await rawClient(endpoint).raw('GET', '/account', { headers: { 'x-appwrite-session': success.searchParams.get('secret')! } });
    expect(me.body).toMatchObject({ email: 'oauth.person@example.com', name: 'OAuth Person', emailVerification: true });
    const session = await rawClient(endpoint).raw('GET', '/account/sessions/current', { headers: { 'x-appwrite-session': success.searchParams.get('secret')! } });
    expect(session.body).toMatchObject({ provider: 'google', factors: ['email', 'oauth2'], providerUid: expect.stringMatching(/^google-/) });
    expect(session.body.providerAccessToken).not.toBe('');
    expect((await follow(`${endpoint.replace(/\/v1$/, '')}${success.pathname}${success.search}`)).text).toContain('Signed in');
    const headers = { 'x-appwrite-session': success.searchParams.get('secret')! };
    const identities = await rawClient(endpoint).raw('GET', '/account/identities', { headers });
    expectModel(identities.body, 'identityList');
    expect(identities.body.identities[0]).toMatchObject({ provider: 'google', providerEmail: 'oauth.person@example.com' });
    const deleted = await rawClient(endpoint).raw('DELETE', `/account/identities/${identities.body.identities[0].$id}`, { headers, body: '{}' });
    expect([deleted.status, deleted.text]).toEqual([204, '']);
    expectError(await rawClient(endpoint).raw('DELETE', `/account/identities/${identities.body.identities[0].$id}`, { headers, body: '{}' }), 404, 'user_identity_not_found');
  });

  it('sends a cancelled sign-in to the failure URL with the error, and validates the provider', async () => {
    const start = await follow(`${endpoint}/account/tokens/oauth2/discord?project=demo-project&success=${encodeURIComponent('myapp://ok')}&failure=${encodeURIComponent('https://game.example/failed')}`);
    const cancel = /id="cancel" href="([^"]+)"/.exec((await follow(start.location)).text)![1].replaceAll('&amp;', '&');
    const back = await follow(new URL(cancel, start.location).toString());
    const failure = new URL(back.location);
    expect(failure.origin).toBe('https://game.example');
    expect(JSON.parse(failure.searchParams.get('error')!)).toMatchObject({ type: 'user_oauth2_provider_error', message: expect.stringContaining('The Discord OAuth2 provider returned an error: access_denied') });
    expectError(await rawClient(endpoint).raw('GET', '/account/sessions/oauth2/myspace'), 400, 'general_argument_invalid', /^Invalid `provider` param: Value must be one of \(amazon, apple/);
  });
});

describe('CORS and platforms', () => {
  it('answers preflights and exposes the session and rate-limit headers to browsers', async () => {
    const origin = 'http://localhost:8080';
    const pre = await fetch(`${endpoint}/account/sessions/anonymous`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-appwrite-project,x-sdk-name' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe(origin);
    expect(pre.headers.get('access-control-allow-credentials')).toBe('true');
    expect(pre.headers.get('access-control-allow-headers')).toMatch(/X-SDK-Name/);
    const res = await rawClient(endpoint).raw('POST', '/account/sessions/anonymous', { headers: { origin, 'content-type': 'application/json' }, body: '{}' });
    expect(res.headers.get('access-control-allow-origin')).toBe(origin);
    expect(res.headers.get('access-control-expose-headers')).toMatch(/X-Fallback-Cookies.*X-RateLimit-Remaining/);
  });

  it('accepts any redirect URL by default, and only platform hosts with --platform', async () => {
    const email = `${unique()}@example.com`;
    await rawClient(endpoint).call('POST', '/account', { userId: 'unique()', email, password: 'password123' });
    expect((await rawClient(endpoint).call('POST', '/account/recovery', { email, url: 'https://anything.example/x' })).status).toBe(201);
    expectError(await rawClient(endpoint).call('POST', '/account/recovery', { email, url: 'not a url' }), 400, 'general_argument_invalid', 'Invalid `url` param: Value must be a valid URL');

    const strict = await startTestEmulator({ platforms: ['app.example.com'] });
    try {
      const url = strict.emulator.url;
      await rawClient(url).call('POST', '/account', { userId: 'unique()', email, password: 'password123' });
      expect((await rawClient(url).call('POST', '/account/recovery', { email, url: 'https://app.example.com/reset' })).status).toBe(201);
      expect((await rawClient(url).call('POST', '/account/recovery', { email, url: 'appwrite-callback-demo-project://reset' })).status).toBe(201);
      expectError(await rawClient(url).call('POST', '/account/recovery', { email, url: 'https://evil.example.net/reset' }), 400, 'general_argument_invalid',
        'Invalid `url` param: Invalid URI. Register your new client (evil.example.net) as a new Web platform on your project console dashboard');
      expectError(await rawClient(url).raw('GET', '/ping', { headers: { origin: 'https://evil.example.net' } }), 403, 'general_unknown_origin');
      expect((await rawClient(url).raw('GET', '/ping', { headers: { origin: 'https://app.example.com' } })).status).toBe(200);
    } finally {
      await strict.emulator.close();
    }
  });
});
