// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// The account itself: get, create, email, name, password, phone, preferences and status.

import { clearSessionCookies, hashPassword, verifyPassword } from '../auth.mjs';
import { emailMetadata } from '../email-meta.mjs';
import { AppwriteError } from '../errors.mjs';
import { accountModel } from '../models.mjs';
import { optional, param } from '../router.mjs';
import * as v from '../validators.mjs';
import { account, addTarget, claimUserId, insertUser, newUser, retarget, touch } from './common.mjs';

const userEvent = (ctx, attribute) => {
  ctx.eventParams = { userId: ctx.user.$id };
  return `users.[userId].update.${attribute}`;
};

/** Checks the current password, unless the account never had one (anonymous, OTP and OAuth users). */
async function checkPassword(user, password) {
  if (user.passwordUpdate !== null && !(await verifyPassword(password, user.passwordHash))) {
    throw new AppwriteError('user_invalid_credentials');
  }
}

/** @type {import('../router.mjs').Route[]} */
export const accountRoutes = [
  {
    method: 'GET',
    path: '/v1/account',
    scope: 'account',
    handler: (ctx) => account(ctx.user),
  },
  {
    method: 'POST',
    path: '/v1/account',
    scope: 'sessions.write',
    abuse: { limit: 10 },
    audit: 'user.create',
    params: [param('userId', v.customId()), param('email', v.email()), param('password', v.passwordStrength()), optional('name', v.text(128), '')],
    async handler(ctx, p) {
      const email = v.normaliseEmail(p.email);
      const hash = await hashPassword(p.password);
      // Everything below is synchronous, so concurrent sign-ups cannot both claim the same id or email.
      if (ctx.project.identityEmailTaken(email)) throw new AppwriteError('general_bad_request');
      const id = claimUserId(ctx, p.userId);
      if (ctx.project.byEmail.has(email)) throw new AppwriteError('user_already_exists');
      const now = ctx.now();
      const user = insertUser(ctx, newUser(ctx, id, { email, name: p.name, passwordHash: hash, passwordUpdate: now, emailMeta: emailMetadata(email) }));
      addTarget(ctx, user, { providerType: 'email', identifier: email });
      ctx.auditUser = user;
      return { status: 201, body: accountModel(user) };
    },
  },
  {
    method: 'PATCH',
    path: '/v1/account/email',
    scope: 'account',
    audit: 'user.update',
    params: [param('email', v.email()), param('password', v.password())],
    async handler(ctx, p) {
      const user = ctx.user;
      await checkPassword(user, p.password);
      const newHash = user.passwordUpdate === null ? await hashPassword(p.password) : null;
      const email = v.normaliseEmail(p.email);
      const project = ctx.project;
      if (project.identityEmailTaken(email, user.$id)) throw new AppwriteError('general_bad_request');
      if (project.targetIdentifiers.has(email)) throw new AppwriteError('user_target_already_exists');
      if (project.byEmail.has(email) && project.byEmail.get(email) !== user.$id) throw new AppwriteError('general_bad_request');
      const old = user.email;
      project.setEmail(user, email);
      user.emailVerification = false;
      user.emailMeta = emailMetadata(email);
      if (newHash) {
        // Converting an anonymous (or passwordless) account: the password given here becomes its password.
        user.passwordHash = newHash;
        user.passwordUpdate = ctx.now();
      }
      retarget(ctx, user, old, email);
      touch(ctx, user);
      ctx.eventName = userEvent(ctx, 'email');
      return account(user);
    },
  },
  {
    method: 'PATCH',
    path: '/v1/account/name',
    scope: 'account',
    audit: 'user.update',
    params: [param('name', v.text(128))],
    handler(ctx, p) {
      ctx.user.name = p.name;
      touch(ctx, ctx.user);
      ctx.eventName = userEvent(ctx, 'name');
      return account(ctx.user);
    },
  },
  {
    method: 'PATCH',
    path: '/v1/account/password',
    scope: 'account',
    abuse: { limit: 10 },
    audit: 'user.update',
    params: [param('password', v.passwordStrength()), optional('oldPassword', v.text(256, 0), '')],
    async handler(ctx, p) {
      const user = ctx.user;
      await checkPassword(user, p.oldPassword);
      user.passwordHash = await hashPassword(p.password);
      user.passwordUpdate = ctx.now();
      touch(ctx, user);
      ctx.eventName = userEvent(ctx, 'password');
      return account(user);
    },
  },
  {
    method: 'PATCH',
    path: '/v1/account/phone',
    scope: 'account',
    audit: 'user.update',
    params: [param('phone', v.phone()), param('password', v.password())],
    async handler(ctx, p) {
      const user = ctx.user;
      await checkPassword(user, p.password);
      const newHash = user.passwordUpdate === null ? await hashPassword(p.password) : null;
      const project = ctx.project;
      if (project.targetIdentifiers.has(p.phone)) throw new AppwriteError('user_target_already_exists');
      if (project.byPhone.has(p.phone) && project.byPhone.get(p.phone) !== user.$id) throw new AppwriteError('user_phone_already_exists');
      const old = user.phone;
      project.setPhone(user, p.phone);
      user.phoneVerification = false;
      if (newHash) {
        user.passwordHash = newHash;
        user.passwordUpdate = ctx.now();
      }
      retarget(ctx, user, old, p.phone);
      touch(ctx, user);
      ctx.eventName = userEvent(ctx, 'phone');
      return account(user);
    },
  },
  {
    method: 'GET',
    path: '/v1/account/prefs',
    scope: 'account',
    handler: (ctx) => ({ status: 200, body: accountModel(ctx.user).prefs }),
  },
  {
    method: 'PATCH',
    path: '/v1/account/prefs',
    scope: 'account',
    audit: 'user.update',
    params: [param('prefs', v.assoc())],
    handler(ctx, p) {
      // Replace, never merge: the whole object is the new preferences (PHP turns an empty `[]` into `{}`).
      ctx.user.prefs = Array.isArray(p.prefs) ? {} : p.prefs;
      touch(ctx, ctx.user);
      ctx.eventName = userEvent(ctx, 'prefs');
      return account(ctx.user);
    },
  },
  {
    method: 'PATCH',
    path: '/v1/account/status',
    scope: 'account',
    audit: 'user.update',
    handler(ctx) {
      ctx.user.status = false;
      touch(ctx, ctx.user);
      clearSessionCookies(ctx);
      ctx.eventName = userEvent(ctx, 'status');
      return account(ctx.user);
    },
  },
];
