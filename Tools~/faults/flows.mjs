// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// Every Account flow as a game would run it, written once for the fault, secret and load suites. A flow talks to
// devices through a small context, so the same flow runs over the TypeScript API or over the bridge (as C# does).
//
// Under faults a flow behaves like a careful app: an action that fails with a transient error is tried again as a
// whole (a new logical call: "resend the code"); the 4th try of an action is marked `!clean` so a fault plan can exempt
// it and every flow finishes. A 4xx on a later try may be the consequence of an earlier try the server did handle
// (the code was consumed, the user already exists), so actions say which answers mean "already done".
//
// Context (`ctx`), provided by the runner:
//   ctx.device(name)                      → a Device with fresh storage: hasSession(), storedText(), restart() (a new
//                                           client over the same storage), withJWT(jwt) (a client authenticated by JWT)
//   ctx.attempt(name, fn, accept?)        runs `fn(call)` with app-level tries; `accept(error)` true = already done
//   call(device, method, params, options) one SDK call: an Account method name, or client.getJWT / client.restoreSession
//                                           / client.ping; tagged `<flow>:<step>.<action>#<try>:<method>:<n>` for the proxy
//   ctx.outbox({ to, type })              newest outbox message (read from the emulator, never through the proxy)
//   ctx.totp(secret)                      the current TOTP code (a promise: it waits out the last seconds of a window)
//   ctx.transient(message)                an AppwriteException of a network type, to make an action try again
//   ctx.Query                             the SDK's Query helpers
//   ctx.unique(kind)                      a deterministic unique email / phone / id for this run
//   ctx.expect(condition, message)        a flow-level assertion
//   ctx.secret(kind, value)               reports a secret the test learned (OTP, JWT, password...) for the hygiene suite

const PASSWORD = 'Fault-proof passw0rd';
const NEW_PASSWORD = 'Even better passw0rd';
const CALLBACK = 'https://example.com/auth/callback';

const idOf = (model) => model?.$id ?? model?.id;
const code = (e) => e?.code;
const type = (e) => e?.type;

/** Sign-in by SMS: token → OTP from the outbox → session. `deprecated` uses updatePhoneSession. */
async function phoneLogin(ctx, device, phone, deprecated = false) {
  await ctx.attempt('phoneLogin', async (call) => {
    const token = await call(device, 'createPhoneToken', { userId: 'unique()', phone });
    const message = await ctx.outbox({ to: phone, type: 'phone_otp' });
    ctx.expect(message && message.userId === token.userId, 'the OTP reached the outbox');
    ctx.secret('otp', message.secret);
    await call(device, deprecated ? 'updatePhoneSession' : 'createSession', { userId: token.userId, secret: message.secret });
  });
}

async function emailSignup(ctx, device, email, name) {
  ctx.secret('password', PASSWORD);
  await ctx.attempt('create', (call) => call(device, 'create', { userId: 'unique()', email, password: PASSWORD, name }), (e) => type(e) === 'user_already_exists' || type(e) === 'user_email_already_exists');
  await ctx.attempt('signIn', (call) => call(device, 'createEmailPasswordSession', { email, password: PASSWORD }));
}

/**
 * restoreSession as an app runs it: `offline` means the server could not vouch either way, so it is a transient
 * failure worth another try, not an answer.
 */
async function restore(ctx, call, device) {
  const result = await call(device, 'client.restoreSession');
  if (result.state === 'offline') throw ctx.transient('restoreSession: offline');
  return result;
}

/** Sign-out that tolerates a lost answer: the server already ended the session, so restore finds it gone. */
async function signOut(ctx, device, method = 'deleteSession') {
  await ctx.attempt(`signOut:${method}`, async (call) => {
    try {
      await call(device, method, method === 'deleteSession' ? { sessionId: 'current' } : {});
    } catch (e) {
      if (code(e) !== 401) throw e;
      await restore(ctx, call, device);
    }
  });
  ctx.expect(!device.hasSession(), `signed out after ${method}`);
}

export const flows = {
  async phone(ctx) {
    const device = ctx.device('phone');
    const phone = ctx.unique('phone');
    await phoneLogin(ctx, device, phone);
    const me = await ctx.attempt('get', (call) => call(device, 'get'));
    ctx.expect(me.phone === phone, 'phone user signed in');
    await ctx.attempt('listSessions', (call) => call(device, 'listSessions'));
    await ctx.attempt('getSession', (call) => call(device, 'getSession', { sessionId: 'current' }));
    await ctx.attempt('updateSession', (call) => call(device, 'updateSession', { sessionId: 'current' }));
    await signOut(ctx, device);
    // Again with the deprecated route, and a restart in between (a new client over the same storage).
    await phoneLogin(ctx, device, phone, true);
    const restarted = device.restart();
    const restored = await ctx.attempt('restore', (call) => restore(ctx, call, restarted));
    ctx.expect(restored.state === 'signedIn', `restored after restart (${restored.state})`);
    await signOut(ctx, restarted, 'deleteSessions');
  },

  async emailPassword(ctx) {
    const device = ctx.device('email');
    const email = ctx.unique('email');
    await emailSignup(ctx, device, email, 'Email Player');
    await ctx.attempt('updateName', (call) => call(device, 'updateName', { name: 'Renamed Player' }));
    await ctx.attempt('updatePrefs', (call) => call(device, 'updatePrefs', { prefs: { theme: 'dark', volume: 0.7 } }));
    const prefs = await ctx.attempt('getPrefs', (call) => call(device, 'getPrefs'));
    ctx.expect(prefs.theme === 'dark', 'prefs saved');
    ctx.secret('password', NEW_PASSWORD);
    await ctx.attempt('updatePassword', (call) => call(device, 'updatePassword', { password: NEW_PASSWORD, oldPassword: PASSWORD }), (e) => code(e) === 401);
    await verifyEmail(ctx, device, false);
    await ctx.attempt('listLogs', (call) => call(device, 'listLogs', { queries: [ctx.Query.limit(5)] }));
    await ctx.attempt('listIdentities', (call) => call(device, 'listIdentities', { queries: [ctx.Query.limit(5)] }));
    await ctx.attempt('deleteIdentity', async (call) => {
      try {
        await call(device, 'deleteIdentity', { identityId: 'no-such-identity' });
      } catch (e) {
        if (code(e) !== 404) throw e; // expected: no OAuth identity exists
      }
    });
    const me = await ctx.attempt('get', (call) => call(device, 'get'));
    ctx.expect(me.name === 'Renamed Player' && me.emailVerification === true, 'name and verification stored');
    await signOut(ctx, device, 'deleteSessions');
    await ctx.attempt('signInNewPassword', (call) => call(device, 'createEmailPasswordSession', { email, password: NEW_PASSWORD }));
    await signOut(ctx, device);
  },

  async anonymousUpgrade(ctx) {
    const device = ctx.device('anon');
    await ctx.attempt('anonymous', (call) => call(device, 'createAnonymousSession'));
    const email = ctx.unique('email');
    await ctx.attempt('updateEmail', (call) => call(device, 'updateEmail', { email, password: PASSWORD }), (e) => code(e) === 409 || code(e) === 401);
    const phone = ctx.unique('phone');
    await ctx.attempt('updatePhone', (call) => call(device, 'updatePhone', { phone, password: PASSWORD }), (e) => code(e) === 409);
    await ctx.attempt('phoneVerification', async (call) => {
      await call(device, 'createPhoneVerification');
      const message = await ctx.outbox({ to: phone, type: 'phone_verification' });
      ctx.secret('otp', message.secret);
      await call(device, 'updatePhoneVerification', { userId: message.userId, secret: message.secret });
    }, (e) => type(e) === 'user_phone_already_verified');
    const me = await ctx.attempt('get', (call) => call(device, 'get'));
    ctx.expect(me.email === email && me.phone === phone && me.phoneVerification === true, 'anonymous account upgraded');
    await signOut(ctx, device);
  },

  async magicUrl(ctx) {
    const device = ctx.device('magic');
    const email = ctx.unique('email');
    for (const deprecated of [false, true]) {
      await ctx.attempt(`magic${deprecated ? 'Deprecated' : ''}`, async (call) => {
        await call(device, 'createMagicURLToken', { userId: 'unique()', email, url: CALLBACK });
        const message = await ctx.outbox({ to: email, type: 'magic_url' });
        ctx.secret('token', message.secret);
        await call(device, deprecated ? 'updateMagicURLSession' : 'createSession', { userId: message.userId, secret: message.secret });
      });
      const me = await ctx.attempt('get', (call) => call(device, 'get'));
      ctx.expect(me.email === email, 'magic URL sign-in');
      await signOut(ctx, device);
    }
  },

  async emailOtp(ctx) {
    const device = ctx.device('emailOtp');
    const email = ctx.unique('email');
    await ctx.attempt('emailToken', async (call) => {
      await call(device, 'createEmailToken', { userId: 'unique()', email, phrase: true });
      const message = await ctx.outbox({ to: email, type: 'email_otp' });
      ctx.secret('otp', message.secret);
      await call(device, 'createSession', { userId: message.userId, secret: message.secret });
    });
    await ctx.attempt('get', (call) => call(device, 'get'));
    await signOut(ctx, device);
  },

  async recovery(ctx) {
    const device = ctx.device('recovery');
    const email = ctx.unique('email');
    await emailSignup(ctx, device, email, 'Forgetful');
    await signOut(ctx, device);
    const password = `${NEW_PASSWORD} 2`;
    ctx.secret('password', password);
    await ctx.attempt('recover', async (call) => {
      await call(device, 'createRecovery', { email, url: CALLBACK });
      const message = await ctx.outbox({ to: email, type: 'recovery' });
      ctx.secret('token', message.secret);
      await call(device, 'updateRecovery', { userId: message.userId, secret: message.secret, password });
    });
    await ctx.attempt('signIn', (call) => call(device, 'createEmailPasswordSession', { email, password }));
    await signOut(ctx, device);
  },

  async verifications(ctx) {
    const device = ctx.device('verify');
    await emailSignup(ctx, device, ctx.unique('email'), 'Verifier');
    await verifyEmail(ctx, device, true);
    await signOut(ctx, device);
  },

  async jwt(ctx) {
    const device = ctx.device('jwt');
    await ctx.attempt('anonymous', (call) => call(device, 'createAnonymousSession'));
    const [a, b] = await ctx.attempt('getJWT', (call) => Promise.all([call(device, 'client.getJWT'), call(device, 'client.getJWT')]));
    ctx.expect(a === b, 'concurrent getJWT calls share one JWT');
    ctx.secret('jwt', a);
    const minted = await ctx.attempt('createJWT', (call) => call(device, 'createJWT', { duration: 600 }));
    ctx.secret('jwt', minted.jwt);
    const server = device.withJWT(a);
    const me = await ctx.attempt('getWithJWT', (call) => call(server, 'get'));
    ctx.expect(idOf(me) !== undefined, 'JWT authenticates');
    ctx.expect(!device.storedText().includes(a) && !device.storedText().includes(minted.jwt), 'JWTs are never persisted');
    await signOut(ctx, device);
  },

  async mfa(ctx) {
    await mfaFlow(ctx, false);
  },

  async mfaDeprecatedNames(ctx) {
    await mfaFlow(ctx, true);
  },

  async sessions(ctx) {
    const email = ctx.unique('email');
    const a = ctx.device('sessionsA');
    const b = ctx.device('sessionsB');
    await emailSignup(ctx, a, email, 'Two Devices');
    await ctx.attempt('signInB', (call) => call(b, 'createEmailPasswordSession', { email, password: PASSWORD }));
    const sessionB = await ctx.attempt('getSessionB', (call) => call(b, 'getSession', { sessionId: 'current' }));
    const list = await ctx.attempt('listSessions', (call) => call(a, 'listSessions'));
    ctx.expect(list.sessions.some((s) => idOf(s) === idOf(sessionB)), 'A sees B');
    await ctx.attempt('revokeB', (call) => call(a, 'deleteSession', { sessionId: idOf(sessionB) }), (e) => code(e) === 404);
    const restored = await ctx.attempt('restoreB', (call) => restore(ctx, call, b));
    ctx.expect(restored.state === 'signedOut' && !b.hasSession(), 'a revoked session is dropped by restore (401)');
    await signOut(ctx, a, 'deleteSessions');
  },

  async pushTargets(ctx) {
    const device = ctx.device('push');
    await ctx.attempt('anonymous', (call) => call(device, 'createAnonymousSession'));
    const targetId = ctx.unique('id');
    await ctx.attempt('createPushTarget', (call) => call(device, 'createPushTarget', { targetId, identifier: `fcm-${targetId}` }), (e) => code(e) === 409);
    await ctx.attempt('updatePushTarget', (call) => call(device, 'updatePushTarget', { targetId, identifier: `fcm-${targetId}-2` }));
    await ctx.attempt('deletePushTarget', (call) => call(device, 'deletePushTarget', { targetId }), (e) => code(e) === 404);
    await signOut(ctx, device);
  },

  async oauthUrlsAndPing(ctx) {
    const device = ctx.device('oauth');
    const session = await ctx.attempt('oauthSession', (call) => call(device, 'createOAuth2Session', { provider: 'github', success: CALLBACK, failure: CALLBACK }));
    const token = await ctx.attempt('oauthToken', (call) => call(device, 'createOAuth2Token', { provider: 'google', scopes: ['email'] }));
    ctx.expect(/\/account\/sessions\/oauth2\/github\?/.test(session) && /\/account\/tokens\/oauth2\/google\?/.test(token), 'OAuth2 URLs');
    const pong = await ctx.attempt('ping', (call) => call(device, 'client.ping'));
    ctx.expect(pong === 'Pong!', 'ping');
  },

  async blockAccount(ctx) {
    const device = ctx.device('status');
    await ctx.attempt('anonymous', (call) => call(device, 'createAnonymousSession'));
    await ctx.attempt('updateStatus', async (call) => {
      try {
        await call(device, 'updateStatus');
      } catch (e) {
        if (code(e) !== 401 && code(e) !== 403) throw e; // blocked by the try whose answer was lost
        await restore(ctx, call, device);
      }
    });
    ctx.expect(!device.hasSession(), 'blocking the account signs out');
  },
};

async function verifyEmail(ctx, device, deprecated) {
  await ctx.attempt('emailVerification', async (call) => {
    await call(device, deprecated ? 'createVerification' : 'createEmailVerification', { url: CALLBACK });
    const message = await ctx.outbox({ to: (await call(device, 'get')).email, type: 'email_verification' });
    ctx.secret('token', message.secret);
    await call(device, deprecated ? 'updateVerification' : 'updateEmailVerification', { userId: message.userId, secret: message.secret });
  }, (e) => type(e) === 'user_email_already_verified');
}

async function mfaFlow(ctx, old) {
  const n = (current, deprecated) => (old ? deprecated : current);
  const device = ctx.device(old ? 'mfaOld' : 'mfa');
  const email = ctx.unique('email');
  await emailSignup(ctx, device, email, 'Two Factor');
  let secret = '';
  await ctx.attempt('totpEnrol', async (call) => {
    const type = await call(device, n('createMFAAuthenticator', 'createMfaAuthenticator'), { type: 'totp' });
    secret = type.secret;
    ctx.secret('totpSecret', secret);
    await call(device, n('updateMFAAuthenticator', 'updateMfaAuthenticator'), { type: 'totp', otp: await ctx.totp(secret) });
  }, (e) => type(e) === 'user_authenticator_already_verified');
  let codes;
  await ctx.attempt('recoveryCodes', async (call) => {
    codes = (await call(device, n('createMFARecoveryCodes', 'createMfaRecoveryCodes'))).recoveryCodes;
  }, (e) => type(e) === 'user_recovery_codes_already_exists');
  await ctx.attempt('enable', (call) => call(device, 'updateMFA', { mfa: true }));
  // A second device now needs the second factor.
  const other = ctx.device(old ? 'mfaOld2' : 'mfa2');
  await ctx.attempt('signIn2', (call) => call(other, 'createEmailPasswordSession', { email, password: PASSWORD }));
  await ctx.attempt('needsFactor', async (call) => {
    try {
      await call(other, 'get');
      ctx.expect(false, 'get() without the second factor must fail');
    } catch (e) {
      if (type(e) !== 'user_more_factors_required') throw e;
    }
  });
  for (const d of [other, device]) {
    await ctx.attempt('challenge', async (call) => {
      const challenge = await call(d, n('createMFAChallenge', 'createMfaChallenge'), { factor: 'totp' });
      await call(d, n('updateMFAChallenge', 'updateMfaChallenge'), { challengeId: idOf(challenge), otp: await ctx.totp(secret) });
    });
  }
  await ctx.attempt('factors', (call) => call(other, n('listMFAFactors', 'listMfaFactors')));
  const fetched = await ctx.attempt('getCodes', (call) => call(device, n('getMFARecoveryCodes', 'getMfaRecoveryCodes')));
  ctx.expect(!codes || JSON.stringify(fetched.recoveryCodes) === JSON.stringify(codes), 'recovery codes kept');
  for (const c of fetched.recoveryCodes) ctx.secret('recoveryCode', c);
  const renewed = await ctx.attempt('renewCodes', (call) => call(device, n('updateMFARecoveryCodes', 'updateMfaRecoveryCodes')));
  for (const c of renewed.recoveryCodes) ctx.secret('recoveryCode', c);
  await ctx.attempt('removeTotp', (call) => call(device, n('deleteMFAAuthenticator', 'deleteMfaAuthenticator'), { type: 'totp' }), (e) => code(e) === 404);
  await ctx.attempt('disable', (call) => call(device, 'updateMFA', { mfa: false }));
  await signOut(ctx, other);
  await signOut(ctx, device);
}

/** Every SDK method a flow calls, for the coverage line of the report. */
export const FLOW_NAMES = Object.keys(flows);
