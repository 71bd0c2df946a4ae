// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// Credentials: password hashing, session secrets and cookies, JWTs, and finding the caller of a request in the
// order of reference 3.5 (cookie, legacy cookie, X-Appwrite-Session, X-Fallback-Cookies, then X-Appwrite-JWT).

import { createHmac, randomBytes, scrypt as scryptCallback } from 'node:crypto';
import { AppwriteError } from './errors.mjs';
import { decodeSessionCookie, encodeSessionCookie, randomHex, safeEqual, sha256, uniqueId } from './util.mjs';

/** @returns {Promise<Buffer>} */
function scrypt(password, salt, keylen, options) {
  return new Promise((resolve, reject) => scryptCallback(password, salt, keylen, options, (error, key) => (error ? reject(error) : resolve(key))));
}

// Passwords use node:crypto scrypt rather than bcryptjs: it is native and asynchronous (it runs on libuv's thread
// pool, so hashing never blocks other requests), memory-hard, maintained with Node itself, and its cost is a plain
// parameter. The server uses Argon2 at a production cost; the emulator picks N = 2^10, r = 1 (128 KiB), which still salts and
// stretches every password but keeps a sign-in near a millisecond so the test suite and the benchmark stay fast.
const SCRYPT = { N: 1024, r: 1, p: 1, keylen: 32 };

/** @param {string} password @returns {Promise<string>} `scrypt$N$r$p$salt$hash` */
export async function hashPassword(password) {
  const salt = randomBytes(16);
  const hash = await scrypt(password, salt, SCRYPT.keylen, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p });
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

/** @param {string} password @param {string | null | undefined} stored @returns {Promise<boolean>} */
export async function verifyPassword(password, stored) {
  if (!stored) return false;
  const [kind, n, r, p, salt, expected] = stored.split('$');
  if (kind !== 'scrypt') return false;
  const hash = await scrypt(password, Buffer.from(salt, 'base64'), SCRYPT.keylen, { N: Number(n), r: Number(r), p: Number(p) });
  return safeEqual(hash.toString('base64'), expected);
}

const SESSION_DURATION_S = 31536000; // TOKEN_EXPIRATION_LOGIN_LONG: sessions last one year

const base64url = (data) => Buffer.from(data).toString('base64url');

/** Signs a JWT as ahc/jwt does for createJWT: header `{typ, alg}`, payload `{userId, sessionId, exp}`. */
export function signJwt(key, payload, nowMs, durationS) {
  const header = base64url(JSON.stringify({ typ: 'JWT', alg: 'HS256' }));
  const body = base64url(JSON.stringify({ ...payload, exp: Math.floor(nowMs / 1000) + durationS }));
  const signature = createHmac('sha256', key).update(`${header}.${body}`).digest('base64url');
  return `${header}.${body}.${signature}`;
}

/**
 * Verifies a JWT; throws an Error whose message is ahc/jwt's (`Invalid token: …`).
 * @returns {Record<string, any>}
 */
export function verifyJwt(key, token, nowMs) {
  const parts = String(token).split('.');
  if (parts.length < 3) throw new Error('Invalid token: Incomplete segments');
  let header;
  let payload;
  try {
    header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8'));
  } catch {
    throw new Error('Invalid token: Missing header algo');
  }
  if (!header || !header.alg) throw new Error('Invalid token: Missing header algo');
  if (header.alg !== 'HS256') throw new Error('Invalid token: Unsupported header algo');
  const expected = createHmac('sha256', key).update(`${parts[0]}.${parts[1]}`).digest('base64url');
  if (!safeEqual(expected, parts.slice(2).join('.'))) throw new Error('Invalid token: Signature failed');
  try {
    payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
  } catch {
    throw new Error('Invalid token: Signature failed');
  }
  const now = Math.floor(nowMs / 1000);
  if (typeof payload.exp === 'number' && now >= payload.exp) throw new Error('Invalid token: Expired');
  if (typeof payload.iat === 'number' && now >= payload.iat + 3600) throw new Error('Invalid token: Expired');
  return payload;
}

/** The session of `user` whose secret is `secret`, if it has not expired. */
export function findSession(user, secret, nowMs) {
  if (!user || !secret) return null;
  const hash = sha256(secret);
  return user.sessions.find((s) => safeEqual(s.secretHash, hash) && s.expire >= nowMs) ?? null;
}

/**
 * Works out who is calling: fills `ctx.user`, `ctx.session` (null under JWT auth) and `ctx.cookieSecret`.
 * @param {any} ctx the request context (see pipeline.mjs)
 * @param {{ headers: Record<string, string | string[] | undefined>, cookies: Record<string, string>, query?: Record<string, any> }} source
 */
export function resolveCaller(ctx, source) {
  const key = `a_session_${ctx.project.id}`;
  let found = decodeSessionCookie(source.cookies[key] ?? source.cookies[`${key}_legacy`] ?? '');
  const header = (name) => {
    const v = source.headers[name];
    return Array.isArray(v) ? v[0] ?? '' : v ?? '';
  };
  if (!found.id && !found.secret) {
    const sessionHeader = header('x-appwrite-session');
    if (sessionHeader) found = decodeSessionCookie(sessionHeader);
  }
  if (!found.id && !found.secret) {
    try {
      const fallback = JSON.parse(header('x-fallback-cookies') || 'null');
      if (fallback && typeof fallback === 'object' && !Array.isArray(fallback)) found = decodeSessionCookie(fallback[key]);
    } catch {
      // a malformed fallback header is ignored, as json_decode failing is on the server
    }
  }
  const now = ctx.now();
  let user = found.id ? ctx.project.users.get(found.id) ?? null : null;
  let session = findSession(user, found.secret, now);
  if (!session) user = null;
  ctx.cookieSecret = session ? found.secret : '';

  const jwt = header('x-appwrite-jwt') || (typeof source.query?.jwt === 'string' ? source.query.jwt : '');
  ctx.viaJwt = false;
  if (jwt) {
    if (user) throw new AppwriteError('user_jwt_and_cookie_set');
    let payload;
    try {
      payload = verifyJwt(ctx.store.jwtKey, jwt, now);
    } catch (e) {
      throw new AppwriteError('user_jwt_invalid', `Failed to verify JWT. ${/** @type {Error} */ (e).message}`);
    }
    user = payload.userId ? ctx.project.users.get(String(payload.userId)) ?? null : null;
    if (user && payload.sessionId && !user.sessions.some((s) => s.$id === payload.sessionId)) user = null;
    session = null;
    ctx.viaJwt = Boolean(user);
  }
  ctx.user = user;
  ctx.session = session;
}

/** `Set-Cookie` lines for the session cookie and its `_legacy` twin (cleared when `value` is empty). */
function cookieLines(ctx, value, expiresMs) {
  const key = `a_session_${ctx.project.id}`;
  const expires = new Date(expiresMs).toUTCString();
  const maxAge = Math.max(0, Math.round((expiresMs - ctx.now()) / 1000));
  const secure = ctx.secure ? '; Secure' : '';
  return [
    `${key}_legacy=${value}; Expires=${expires}; Max-Age=${maxAge}; Path=/${secure}; HttpOnly`,
    `${key}=${value}; Expires=${expires}; Max-Age=${maxAge}; Path=/${secure}; HttpOnly; SameSite=None`,
  ];
}

/** Clears the session cookies and tells fallback-cookie clients (`X-Fallback-Cookies: []`) to forget theirs. */
export function clearSessionCookies(ctx) {
  ctx.setHeader('X-Fallback-Cookies', '[]');
  for (const line of cookieLines(ctx, '', ctx.now() - 3600_000)) ctx.addCookie(line);
}

/**
 * Creates a session for `user`, sets the cookies and the fallback header, and returns the new session.
 * The server sends `X-Fallback-Cookies` unless the Origin shares the API's registrable domain; a loopback or IP
 * host has none, so the emulator always sends it.
 * @param {any} ctx
 * @param {import('./store.mjs').User} user
 * @param {{ provider: string, factors: string[], providerUid?: string, providerAccessToken?: string, providerRefreshToken?: string, providerAccessTokenExpiry?: number | null }} fields
 */
export function issueSession(ctx, user, fields) {
  const now = ctx.now();
  const secret = randomHex(128);
  /** @type {import('./store.mjs').Session} */
  const session = {
    $id: uniqueId(now),
    $createdAt: now,
    $updatedAt: now,
    userId: user.$id,
    expire: now + SESSION_DURATION_S * 1000,
    provider: fields.provider,
    providerUid: fields.providerUid ?? '',
    providerAccessToken: fields.providerAccessToken ?? '',
    providerAccessTokenExpiry: fields.providerAccessTokenExpiry ?? null,
    providerRefreshToken: fields.providerRefreshToken ?? '',
    ip: ctx.ip,
    factors: fields.factors,
    secretHash: sha256(secret),
    mfaUpdatedAt: null,
    device: { ...ctx.device },
  };
  user.sessions.push(session);
  const encoded = encodeSessionCookie(user.$id, secret);
  ctx.setHeader('X-Fallback-Cookies', JSON.stringify({ [`a_session_${ctx.project.id}`]: encoded }));
  for (const line of cookieLines(ctx, encoded, session.expire)) ctx.addCookie(line);
  ctx.newSessionCookie = encoded;
  return session;
}

/** Whether `session` is the one the request authenticated with. */
export function isCurrent(ctx, session) {
  return Boolean(ctx.session) && ctx.session.$id === session.$id;
}

/** Removes the sessions of `user` beyond the per-user limit, oldest first (the server's `session` shutdown hook). */
export function enforceSessionLimit(user, limit) {
  if (!limit || user.sessions.length <= limit) return;
  user.sessions.splice(0, user.sessions.length - limit);
}

