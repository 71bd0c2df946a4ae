// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// Sessions: list, get, update, delete, and the ways to create one (email and password, anonymous, and a token
// secret from the email, phone, magic-URL or OAuth2 flows).

import { clearSessionCookies, issueSession, isCurrent, verifyJwt, verifyPassword } from '../auth.mjs';
import { AppwriteError } from '../errors.mjs';
import { listModel, sessionModel } from '../models.mjs';
import { param } from '../router.mjs';
import * as v from '../validators.mjs';
import { createdSession, findToken, insertUser, newUser, removeToken, touch } from './common.mjs';
import { uniqueId } from '../util.mjs';

const SESSION_DURATION_MS = 31536000 * 1000;

/** Resolves `current` to the id of the session the request authenticated with. */
function sessionIdOf(ctx, sessionId) {
  return sessionId === 'current' ? ctx.session?.$id ?? '' : sessionId;
}

/**
 * The server's `$createSession` (createSession, updateMagicURLSession, updatePhoneSession): the secret of any
 * login token of the user becomes a session. OAuth2 secrets arrive wrapped in a 60-second JWT that names the
 * provider.
 */
function sessionFromToken(ctx, p) {
  let secret = String(p.secret);
  let oauthProvider = null;
  if (secret.split('.').length === 3) {
    let payload = null;
    try {
      payload = verifyJwt(ctx.store.jwtKey, secret, ctx.now());
    } catch {
      payload = null; // not one of ours: use the secret as it is
    }
    if (payload) {
      if (!payload.provider) throw new AppwriteError('user_invalid_token');
      oauthProvider = String(payload.provider);
      secret = String(payload.secret ?? '');
    }
  }
  const user = ctx.project.users.get(p.userId);
  if (!user) throw new AppwriteError('user_invalid_token');
  const token = findToken(ctx, user, secret);
  if (!token) throw new AppwriteError('user_invalid_token');
  if (token.type === 'oauth2' && oauthProvider === null) throw new AppwriteError('user_invalid_token');
  const factor = { 'magic-url': 'email', oauth2: 'email', email: 'email', phone: 'phone', generic: 'token' }[token.type];
  if (!factor) throw new AppwriteError('user_invalid_token');
  const provider = token.type === 'magic-url' ? 'magic-url' : token.type === 'phone' ? 'phone' : token.type === 'oauth2' ? String(oauthProvider) : 'token';
  const session = issueSession(ctx, user, { provider, factors: [factor] });
  removeToken(user, token);
  if (token.type === 'magic-url' || token.type === 'email') user.emailVerification = true;
  if (token.type === 'phone') user.phoneVerification = true;
  touch(ctx, user);
  ctx.user = ctx.auditUser = user;
  ctx.eventParams = { userId: user.$id, sessionId: session.$id };
  return createdSession(session);
}

const TOKEN_SESSION = {
  scope: 'sessions.write',
  groups: ['session'],
  abuse: { limit: 10, keys: ['ip:{ip},userId:{param-userId}'], reset: [201] },
  event: 'users.[userId].sessions.[sessionId].create',
  audit: 'session.create',
  params: [param('userId', v.customId()), param('secret', v.text(256))],
  handler: sessionFromToken,
};

/** @type {import('../router.mjs').Route[]} */
export const sessionRoutes = [
  {
    method: 'GET',
    path: '/v1/account/sessions',
    scope: 'account',
    handler(ctx) {
      const sessions = ctx.user.sessions.map((s) => sessionModel(s, isCurrent(ctx, s)));
      return { status: 200, body: listModel('sessions', sessions, sessions.length) };
    },
  },
  {
    method: 'DELETE',
    path: '/v1/account/sessions',
    scope: 'account',
    abuse: { limit: 100 },
    event: 'users.[userId].sessions.[sessionId].delete',
    audit: 'session.delete',
    handler(ctx) {
      const user = ctx.user;
      ctx.setHeader('X-Fallback-Cookies', '[]');
      for (const session of user.sessions) {
        if (!isCurrent(ctx, session)) continue;
        clearSessionCookies(ctx);
        ctx.eventParams = { userId: user.$id, sessionId: session.$id };
        ctx.eventPayload = sessionModel(session, true);
      }
      user.sessions = [];
      user.targets = user.targets.filter((t) => {
        if (t.providerType !== 'push' || !t.sessionId || t.sessionId !== ctx.session?.$id) return true;
        ctx.project.unindexTarget(t);
        return false;
      });
      return { status: 204 };
    },
  },
  {
    method: 'GET',
    path: '/v1/account/sessions/:sessionId',
    scope: 'account',
    params: [param('sessionId', v.uid())],
    handler(ctx, p) {
      const id = sessionIdOf(ctx, p.sessionId);
      const session = ctx.user.sessions.find((s) => s.$id === id);
      if (!session) throw new AppwriteError('user_session_not_found');
      return { status: 200, body: sessionModel(session, isCurrent(ctx, session)) };
    },
  },
  {
    method: 'PATCH',
    path: '/v1/account/sessions/:sessionId',
    scope: 'account',
    abuse: { limit: 10 },
    event: 'users.[userId].sessions.[sessionId].update',
    audit: 'session.update',
    params: [param('sessionId', v.uid())],
    handler(ctx, p) {
      const id = sessionIdOf(ctx, p.sessionId);
      const session = ctx.user.sessions.find((s) => s.$id === id);
      if (!session) throw new AppwriteError('user_session_not_found');
      const now = ctx.now();
      session.expire = now + SESSION_DURATION_MS;
      if (session.providerRefreshToken) {
        // An OAuth2 session: the emulated provider hands out a fresh access token.
        session.providerAccessToken = uniqueId(now) + uniqueId(now);
        session.providerAccessTokenExpiry = now + 3600_000;
      }
      session.$updatedAt = now;
      ctx.eventParams = { userId: ctx.user.$id, sessionId: session.$id };
      // The server returns the stored session here, without the per-request `current` and `countryName`.
      return { status: 200, body: sessionModel(session, false, '') };
    },
  },
  {
    method: 'DELETE',
    path: '/v1/account/sessions/:sessionId',
    scope: 'account',
    groups: ['mfa'],
    abuse: { limit: 100 },
    event: 'users.[userId].sessions.[sessionId].delete',
    audit: 'session.delete',
    params: [param('sessionId', v.uid())],
    handler(ctx, p) {
      const user = ctx.user;
      const id = sessionIdOf(ctx, p.sessionId);
      const session = user.sessions.find((s) => s.$id === id);
      if (!session) throw new AppwriteError('user_session_not_found');
      user.sessions = user.sessions.filter((s) => s !== session);
      const current = isCurrent(ctx, session);
      if (current) clearSessionCookies(ctx);
      // Push targets registered from that session go with it (the server's DELETE_TYPE_SESSION_TARGETS).
      user.targets = user.targets.filter((t) => {
        if (t.providerType !== 'push' || t.sessionId !== session.$id) return true;
        ctx.project.unindexTarget(t);
        return false;
      });
      ctx.eventParams = { userId: user.$id, sessionId: session.$id };
      ctx.eventPayload = sessionModel(session, current);
      return { status: 204 };
    },
  },
  {
    method: 'POST',
    path: '/v1/account/sessions/email',
    aliases: ['/v1/account/sessions'],
    scope: 'sessions.write',
    groups: ['session'],
    abuse: { limit: 10, keys: ['url:{url},email:{param-email}'], reset: [201] },
    event: 'users.[userId].sessions.[sessionId].create',
    audit: 'session.create',
    params: [param('email', v.email()), param('password', v.password())],
    async handler(ctx, p) {
      const email = v.normaliseEmail(p.email);
      const user = ctx.project.userByEmail(email);
      const ok = await verifyPassword(p.password, user?.passwordHash);
      if (!user || user.passwordUpdate === null || !ok) throw new AppwriteError('user_invalid_credentials');
      if (user.status === false) throw new AppwriteError('user_blocked');
      const session = issueSession(ctx, user, { provider: 'email', providerUid: email, factors: ['password'] });
      ctx.user = ctx.auditUser = user;
      ctx.eventParams = { userId: user.$id, sessionId: session.$id };
      return createdSession(session);
    },
  },
  {
    method: 'POST',
    path: '/v1/account/sessions/anonymous',
    scope: 'sessions.write',
    groups: ['session'],
    abuse: { limit: 50, keys: ['ip:{ip}'] },
    event: 'users.[userId].sessions.[sessionId].create',
    audit: 'session.create',
    handler(ctx) {
      const user = insertUser(ctx, newUser(ctx, uniqueId(ctx.now())));
      const session = issueSession(ctx, user, { provider: 'anonymous', factors: ['anonymous'] });
      ctx.user = ctx.auditUser = user;
      ctx.eventParams = { userId: user.$id, sessionId: session.$id };
      return createdSession(session);
    },
  },
  { method: 'POST', path: '/v1/account/sessions/token', ...TOKEN_SESSION },
  { method: 'PUT', path: '/v1/account/sessions/magic-url', ...TOKEN_SESSION },
  { method: 'PUT', path: '/v1/account/sessions/phone', ...TOKEN_SESSION, abuse: { limit: 10, keys: ['ip:{ip},userId:{param-userId}'] } },
];
