// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// Login tokens (email OTP, magic URL, phone OTP) and JWTs. The token routes create the user when the email or
// phone is new (the given userId is ignored otherwise) and deliver the secret through the outbox.

import { signJwt } from '../auth.mjs';
import { emailMetadata } from '../email-meta.mjs';
import { AppwriteError } from '../errors.mjs';
import { jwtModel, tokenModel } from '../models.mjs';
import { optional, param } from '../router.mjs';
import { randomCode, randomHex, securityPhrase } from '../util.mjs';
import * as v from '../validators.mjs';
import { HOUR, MINUTE, addTarget, claimUserId, createToken, insertUser, newUser, phoneCode, redirectValidator, sendEmail, withQuery } from './common.mjs';

const OTP_TTL = 15 * MINUTE; // TOKEN_EXPIRATION_OTP
const EMAIL_KEYS = ['url:{url},email:{param-email}', 'url:{url},ip:{ip}'];

/** The user of an email address, created (with `userId`) when the address is new. */
function userForEmail(ctx, requestedId, email, options) {
  const existing = ctx.project.userByEmail(email);
  if (existing) return existing;
  if (ctx.project.identityEmailTaken(email)) throw new AppwriteError(options.identityConflict);
  const user = insertUser(ctx, newUser(ctx, claimUserId(ctx, requestedId), { email, emailMeta: emailMetadata(email) }));
  if (options.target) addTarget(ctx, user, { providerType: 'email', identifier: email });
  return user;
}

/** @type {import('../router.mjs').Route[]} */
export const tokenRoutes = [
  {
    method: 'POST',
    path: '/v1/account/tokens/email',
    scope: 'sessions.write',
    abuse: { limit: 10, keys: EMAIL_KEYS },
    audit: 'session.create',
    params: [param('userId', v.customId()), param('email', v.email()), optional('phrase', v.boolean(), false)],
    handler(ctx, p) {
      const phrase = p.phrase === true ? securityPhrase() : '';
      const user = userForEmail(ctx, p.userId, v.normaliseEmail(p.email), { identityConflict: 'general_bad_request', target: true });
      const { token, secret } = createToken(ctx, user, { type: 'email', ttlMs: OTP_TTL, secret: randomCode() });
      sendEmail(ctx, user, 'email_otp', secret);
      ctx.auditUser = user;
      return { status: 201, body: tokenModel(token, phrase) };
    },
  },
  {
    method: 'POST',
    path: '/v1/account/tokens/magic-url',
    aliases: ['/v1/account/sessions/magic-url'],
    scope: 'sessions.write',
    abuse: { limit: 60, keys: EMAIL_KEYS },
    audit: 'session.create',
    params: [param('userId', v.customId()), param('email', v.email()), optional('url', redirectValidator, ''), optional('phrase', v.boolean(), false)],
    handler(ctx, p) {
      const phrase = p.phrase === true ? securityPhrase() : '';
      const user = userForEmail(ctx, p.userId, v.normaliseEmail(p.email), { identityConflict: 'user_email_already_exists', target: false });
      const { token, secret } = createToken(ctx, user, { type: 'magic-url', ttlMs: HOUR, secret: randomHex(32) });
      const base = p.url || `${ctx.baseUrl}/console/auth/magic-url`;
      const link = withQuery(base, { userId: user.$id, secret, expire: tokenModel(token).expire, project: ctx.project.id });
      sendEmail(ctx, user, 'magic_url', secret, link);
      ctx.auditUser = user;
      return { status: 201, body: tokenModel(token, phrase) };
    },
  },
  {
    method: 'POST',
    path: '/v1/account/tokens/phone',
    aliases: ['/v1/account/sessions/phone'],
    scope: 'sessions.write',
    abuse: { limit: 10, keys: ['url:{url},phone:{param-phone}', 'url:{url},ip:{ip}'] },
    audit: 'session.create',
    params: [param('userId', v.customId()), param('phone', v.phone())],
    handler(ctx, p) {
      let user = ctx.project.userByPhone(p.phone);
      if (!user) {
        user = insertUser(ctx, newUser(ctx, claimUserId(ctx, p.userId), { phone: p.phone }));
        addTarget(ctx, user, { providerType: 'sms', identifier: p.phone });
      }
      const secret = phoneCode(ctx, user, p.phone, 'phone_otp');
      const { token } = createToken(ctx, user, { type: 'phone', ttlMs: OTP_TTL, secret });
      ctx.auditUser = user;
      return { status: 201, body: tokenModel(token) };
    },
  },
  {
    method: 'POST',
    path: '/v1/account/jwts',
    aliases: ['/v1/account/jwt'],
    scope: 'account',
    abuse: { limit: 120, time: 60, keys: ['url:{url},userId:{userId}'] },
    params: [optional('duration', v.range(0, 3600), 900)],
    handler(ctx, p) {
      // A JWT needs a real session: JWT auth alone cannot mint another one.
      if (!ctx.session) throw new AppwriteError('user_session_not_found');
      const jwt = signJwt(ctx.store.jwtKey, { userId: ctx.user.$id, sessionId: ctx.session.$id }, ctx.now(), Number(p.duration));
      return { status: 201, body: jwtModel(jwt) };
    },
  },
];
