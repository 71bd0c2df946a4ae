// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// Password recovery and email/phone verification: a secret goes to the outbox (inside a link for email), and the
// confirmation route consumes it.

import { hashPassword } from '../auth.mjs';
import { AppwriteError } from '../errors.mjs';
import { tokenModel } from '../models.mjs';
import { param } from '../router.mjs';
import * as v from '../validators.mjs';
import { HOUR, createToken, findToken, phoneCode, redirectValidator, removeToken, sendEmail, touch, withQuery } from './common.mjs';

/** Consumes a confirmation secret of `userId`: returns the user and the (already removed) token. */
function consume(ctx, userId, secret, type) {
  const user = ctx.project.users.get(userId);
  if (!user) throw new AppwriteError('user_not_found');
  const token = findToken(ctx, user, secret, [type]);
  if (!token) throw new AppwriteError('user_invalid_token');
  removeToken(user, token);
  return { user, token };
}

/** @type {import('../router.mjs').Route[]} */
export const recoveryRoutes = [
  {
    method: 'POST',
    path: '/v1/account/recovery',
    scope: 'sessions.write',
    abuse: { limit: 10, keys: ['url:{url},email:{param-email}', 'url:{url},ip:{ip}'] },
    event: 'users.[userId].recovery.[tokenId].create',
    audit: 'recovery.create',
    params: [param('email', v.email()), param('url', redirectValidator)],
    handler(ctx, p) {
      const user = ctx.project.userByEmail(v.normaliseEmail(p.email));
      if (!user) throw new AppwriteError('user_not_found');
      if (user.status === false) throw new AppwriteError('user_blocked');
      const { token, secret } = createToken(ctx, user, { type: 'recovery', ttlMs: HOUR });
      const body = tokenModel(token);
      sendEmail(ctx, user, 'recovery', secret, withQuery(p.url, { userId: user.$id, secret, expire: body.expire }));
      ctx.auditUser = user;
      ctx.eventParams = { userId: user.$id, tokenId: token.$id };
      return { status: 201, body };
    },
  },
  {
    method: 'PUT',
    path: '/v1/account/recovery',
    scope: 'sessions.write',
    abuse: { limit: 10, keys: ['url:{url},userId:{param-userId}'] },
    event: 'users.[userId].recovery.[tokenId].update',
    audit: 'recovery.update',
    params: [param('userId', v.uid()), param('secret', v.text(256)), param('password', v.passwordStrength())],
    async handler(ctx, p) {
      const hash = await hashPassword(p.password);
      const { user, token } = consume(ctx, p.userId, p.secret, 'recovery');
      user.passwordHash = hash;
      user.passwordUpdate = ctx.now();
      // Reading the email proves the address: recovery also verifies it.
      user.emailVerification = true;
      touch(ctx, user);
      ctx.auditUser = user;
      ctx.eventParams = { userId: user.$id, tokenId: token.$id };
      return { status: 200, body: tokenModel(token) };
    },
  },
  {
    method: 'POST',
    path: '/v1/account/verifications/email',
    aliases: ['/v1/account/verification'],
    scope: 'account',
    abuse: { limit: 10, keys: ['url:{url},userId:{userId}'] },
    event: 'users.[userId].verification.[tokenId].create',
    audit: 'verification.create',
    params: [param('url', redirectValidator)],
    handler(ctx, p) {
      const user = ctx.user;
      if (!user.email) throw new AppwriteError('user_email_not_found');
      if (user.emailVerification) throw new AppwriteError('user_email_already_verified');
      const { token, secret } = createToken(ctx, user, { type: 'verification', ttlMs: HOUR });
      const body = tokenModel(token);
      sendEmail(ctx, user, 'email_verification', secret, withQuery(p.url, { userId: user.$id, secret, expire: body.expire }));
      ctx.eventParams = { userId: user.$id, tokenId: token.$id };
      return { status: 201, body };
    },
  },
  {
    method: 'PUT',
    path: '/v1/account/verifications/email',
    aliases: ['/v1/account/verification'],
    scope: 'public',
    abuse: { limit: 10, keys: ['url:{url},userId:{param-userId}'] },
    event: 'users.[userId].verification.[tokenId].update',
    audit: 'verification.update',
    params: [param('userId', v.uid()), param('secret', v.text(256))],
    handler(ctx, p) {
      const { user, token } = consume(ctx, p.userId, p.secret, 'verification');
      user.emailVerification = true;
      touch(ctx, user);
      ctx.auditUser = user;
      ctx.eventParams = { userId: user.$id, tokenId: token.$id };
      return { status: 200, body: tokenModel(token) };
    },
  },
  {
    method: 'POST',
    path: '/v1/account/verifications/phone',
    aliases: ['/v1/account/verification/phone'],
    scope: 'account',
    abuse: { limit: 10, keys: ['url:{url},userId:{userId}', 'url:{url},ip:{ip}'] },
    event: 'users.[userId].verification.[tokenId].create',
    audit: 'verification.create',
    handler(ctx) {
      const user = ctx.user;
      if (!user.phone) throw new AppwriteError('user_phone_not_found');
      if (user.phoneVerification) throw new AppwriteError('user_phone_already_verified');
      const secret = phoneCode(ctx, user, user.phone, 'phone_verification');
      // The server stores phone verification codes as phone tokens (valid one hour).
      const { token } = createToken(ctx, user, { type: 'phone', ttlMs: HOUR, secret });
      ctx.eventParams = { userId: user.$id, tokenId: token.$id };
      return { status: 201, body: tokenModel(token) };
    },
  },
  {
    method: 'PUT',
    path: '/v1/account/verifications/phone',
    aliases: ['/v1/account/verification/phone'],
    scope: 'public',
    abuse: { limit: 10, keys: ['userId:{param-userId}'] },
    event: 'users.[userId].verification.[tokenId].update',
    audit: 'verification.update',
    params: [param('userId', v.uid()), param('secret', v.text(256))],
    handler(ctx, p) {
      const { user, token } = consume(ctx, p.userId, p.secret, 'phone');
      user.phoneVerification = true;
      touch(ctx, user);
      ctx.auditUser = user;
      ctx.eventParams = { userId: user.$id, tokenId: token.$id };
      return { status: 200, body: tokenModel(token) };
    },
  },
];
