// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// Building blocks shared by the route groups: new users, targets, tokens, outbox delivery and redirect URLs.

import { AppwriteError } from '../errors.mjs';
import { accountModel, sessionModel } from '../models.mjs';
import { randomCode, randomHex, safeEqual, sha256, uniqueId } from '../util.mjs';
import { redirect, url } from '../validators.mjs';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/**
 * A new user record with the server's defaults.
 * @returns {import('../store.mjs').User}
 */
export function newUser(ctx, id, fields = {}) {
  const now = ctx.now();
  return {
    $id: id,
    $createdAt: now,
    $updatedAt: now,
    name: null,
    email: null,
    phone: null,
    passwordHash: null,
    passwordUpdate: null,
    registration: now,
    status: true,
    labels: [],
    emailVerification: false,
    phoneVerification: false,
    mfa: false,
    prefs: {},
    accessedAt: now,
    emailMeta: null,
    mfaRecoveryCodes: [],
    sessions: [],
    tokens: [],
    identities: [],
    targets: [],
    authenticators: [],
    logs: [],
    ...fields,
  };
}

/** Resolves a `unique()` id and refuses ids that are taken. */
export function claimUserId(ctx, requested) {
  const id = requested === 'unique()' ? uniqueId(ctx.now()) : requested;
  if (ctx.project.users.has(id)) throw new AppwriteError('user_already_exists');
  return id;
}

/** Adds a user to the project (indexes included). */
export function insertUser(ctx, user) {
  ctx.project.addUser(user);
  return user;
}

/**
 * Adds a messaging target to `user`; returns null (and adds nothing) when the identifier is already used, as a
 * duplicate target is skipped on the server's create paths.
 */
export function addTarget(ctx, user, fields) {
  if (ctx.project.targetIdentifiers.has(fields.identifier)) return null;
  const now = ctx.now();
  const target = {
    $id: fields.$id ?? uniqueId(now),
    $createdAt: now,
    $updatedAt: now,
    name: fields.name ?? '',
    userId: user.$id,
    providerId: fields.providerId ?? null,
    providerType: fields.providerType,
    identifier: fields.identifier,
    expired: false,
    sessionId: fields.sessionId ?? '',
  };
  user.targets.push(target);
  ctx.project.indexTarget(target);
  return target;
}

/** Renames the target whose identifier was `oldIdentifier` (email and phone changes). */
export function retarget(ctx, user, oldIdentifier, identifier) {
  const target = user.targets.find((t) => t.identifier === oldIdentifier);
  if (!oldIdentifier || !target) return;
  ctx.project.unindexTarget(target);
  target.identifier = identifier;
  target.$updatedAt = ctx.now();
  ctx.project.indexTarget(target);
}

/**
 * Creates a token for `user`; the secret itself is returned and only its digest is stored.
 * @param {{ type: string, ttlMs: number, secret?: string, provider?: string }} options
 */
export function createToken(ctx, user, options) {
  const now = ctx.now();
  const secret = options.secret ?? randomHex(128);
  const token = { $id: uniqueId(now), $createdAt: now, userId: user.$id, type: options.type, secretHash: sha256(secret), expire: now + options.ttlMs };
  if (options.provider) token.provider = options.provider;
  user.tokens.push(token);
  pruneTokens(user, now);
  return { token, secret };
}

/** Finds an unexpired token of `user` with this secret (and one of `types`, when given). */
export function findToken(ctx, user, secret, types) {
  const hash = sha256(String(secret));
  const now = ctx.now();
  return user.tokens.find((t) => (!types || types.includes(t.type)) && t.expire >= now && safeEqual(t.secretHash, hash)) ?? null;
}

export function removeToken(user, token) {
  user.tokens = user.tokens.filter((t) => t !== token);
}

function pruneTokens(user, now) {
  if (user.tokens.length > 50) user.tokens = user.tokens.filter((t) => t.expire >= now).slice(-50);
}

/** The fixed code of a mock phone number, if `phone` is one. */
export function mockCode(ctx, phone) {
  return ctx.config.mockPhones[phone];
}

/** A one-time code for `phone`: its mock code, or a random one that is sent to the outbox. */
export function phoneCode(ctx, user, phone, type) {
  const fixed = mockCode(ctx, phone);
  if (fixed !== undefined) return fixed;
  const code = randomCode();
  ctx.emu.outbox.send({ channel: 'sms', type, project: ctx.project.id, to: phone, userId: user.$id, secret: code });
  return code;
}

/**
 * Puts an email message in the outbox.
 * @param {any} ctx @param {any} user @param {string} type @param {string} secret
 * @param {string | null} [link] the full link for magic URL, recovery and verification emails
 */
export function sendEmail(ctx, user, type, secret, link = null) {
  ctx.emu.outbox.send({ channel: 'email', type, project: ctx.project.id, to: user.email, userId: user.$id, secret, url: link });
}

/** The validator of `url`, `success` and `failure`: any URL, unless `--platform` options restrict the hosts. */
export function redirectValidator(ctx) {
  if (!ctx.config.platforms.length) return url();
  return redirect(ctx.emu.allowedHostnames, ['exp', `appwrite-callback-${ctx.project.id}`]);
}

/** Appends query parameters to a URL, keeping those it already has (the server's `Template::mergeQuery`). */
export function withQuery(link, params) {
  const hashAt = link.indexOf('#');
  const fragment = hashAt >= 0 ? link.slice(hashAt) : '';
  const base = hashAt >= 0 ? link.slice(0, hashAt) : link;
  const queryAt = base.indexOf('?');
  const path = queryAt >= 0 ? base.slice(0, queryAt) : base;
  const search = new URLSearchParams(queryAt >= 0 ? base.slice(queryAt + 1) : '');
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined) search.set(k, String(v));
  const query = search.toString();
  return `${path}${query ? `?${query}` : ''}${fragment}`;
}

/** Marks the user changed. */
export function touch(ctx, user) {
  user.$updatedAt = ctx.now();
}

export function account(user) {
  return { status: 200, body: accountModel(user) };
}

/** The session model as returned on creation: `current` is true. */
export function createdSession(session) {
  return { status: 201, body: sessionModel(session, true) };
}
