// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// Multi-factor authentication: the TOTP authenticator (RFC 6238 through otpauth), challenges by email, phone, TOTP
// or recovery code, the factor list, and recovery codes.

import { Secret, TOTP } from 'otpauth';
import { AppwriteError } from '../errors.mjs';
import { accountModel, mfaChallengeModel, mfaFactorsModel, mfaRecoveryCodesModel, mfaTypeModel, sessionModel } from '../models.mjs';
import { param } from '../router.mjs';
import { randomCode, randomHex, uniqueId } from '../util.mjs';
import * as v from '../validators.mjs';
import { HOUR, account, phoneCode, sendEmail, touch } from './common.mjs';

const FACTORS = ['email', 'phone', 'totp', 'recoveryCode'];

function totpOf(user) {
  return user.authenticators.find((a) => a.type === 'totp') ?? null;
}

/** The current TOTP code only (no drift window), as the server's `$instance->now() === $otp`. */
function totpMatches(ctx, authenticator, otp) {
  const totp = new TOTP({ secret: Secret.fromBase32(authenticator.secret) });
  return totp.generate({ timestamp: ctx.now() }) === otp;
}

function addFactor(ctx, factor) {
  const session = ctx.session;
  if (!session) return;
  if (!session.factors.includes(factor)) session.factors.push(factor);
  session.$updatedAt = ctx.now();
}

/** Six recovery codes of ten characters, as the server's `Type::generateBackupCodes`. */
function recoveryCodes() {
  return Array.from({ length: 6 }, () => randomHex(5));
}

const mfaEvent = (ctx, action = 'update') => {
  ctx.eventParams = { userId: ctx.user.$id };
  return `users.[userId].${action}.mfa`;
};

/** @type {import('../router.mjs').Route[]} */
export const mfaRoutes = [
  {
    method: 'PATCH',
    path: '/v1/account/mfa',
    scope: 'account',
    audit: 'user.update',
    params: [param('mfa', v.boolean())],
    handler(ctx, p) {
      const user = ctx.user;
      user.mfa = p.mfa;
      if (p.mfa) {
        // Turning MFA on must not lock out the session doing it: it gets every factor the user has verified.
        if (totpOf(user)?.verified) addFactor(ctx, 'totp');
        if (user.email && user.emailVerification) addFactor(ctx, 'email');
        if (user.phone && user.phoneVerification) addFactor(ctx, 'phone');
      }
      touch(ctx, user);
      ctx.eventName = mfaEvent(ctx);
      return account(user);
    },
  },
  {
    method: 'POST',
    path: '/v1/account/mfa/authenticators/:type',
    scope: 'account',
    audit: 'user.update',
    params: [param('type', v.whiteList(['totp']))],
    handler(ctx) {
      const user = ctx.user;
      const existing = totpOf(user);
      if (existing?.verified) throw new AppwriteError('user_authenticator_already_verified');
      const secret = new Secret({ size: 64 }).base32;
      const totp = new TOTP({ issuer: ctx.project.id, label: user.email || user.$id, secret: Secret.fromBase32(secret) });
      user.authenticators = user.authenticators.filter((a) => a !== existing);
      user.authenticators.push({ $id: uniqueId(ctx.now()), type: 'totp', verified: false, secret });
      touch(ctx, user);
      ctx.eventName = mfaEvent(ctx);
      ctx.eventPayload = accountModel(user);
      return { status: 200, body: mfaTypeModel(secret, totp.toString()) };
    },
  },
  {
    method: 'PUT',
    path: '/v1/account/mfa/authenticators/:type',
    scope: 'account',
    audit: 'user.update',
    params: [param('type', v.whiteList(['totp'])), param('otp', v.text(256))],
    handler(ctx, p) {
      const user = ctx.user;
      const authenticator = totpOf(user);
      if (!authenticator) throw new AppwriteError('user_authenticator_not_found');
      if (authenticator.verified) throw new AppwriteError('user_authenticator_already_verified');
      if (!totpMatches(ctx, authenticator, p.otp)) throw new AppwriteError('user_invalid_token');
      authenticator.verified = true;
      addFactor(ctx, 'totp');
      touch(ctx, user);
      ctx.eventName = mfaEvent(ctx);
      return account(user);
    },
  },
  {
    method: 'DELETE',
    path: '/v1/account/mfa/authenticators/:type',
    scope: 'account',
    groups: ['mfaProtected'],
    audit: 'user.update',
    params: [param('type', v.whiteList(['totp']))],
    handler(ctx) {
      const user = ctx.user;
      const authenticator = totpOf(user);
      if (!authenticator) throw new AppwriteError('user_authenticator_not_found');
      user.authenticators = user.authenticators.filter((a) => a !== authenticator);
      touch(ctx, user);
      ctx.eventName = mfaEvent(ctx, 'delete');
      ctx.eventPayload = accountModel(user);
      return { status: 204 };
    },
  },
  {
    method: 'POST',
    path: '/v1/account/mfa/challenges',
    aliases: ['/v1/account/mfa/challenge'],
    scope: 'account',
    groups: ['mfa'],
    abuse: { limit: 10, keys: ['url:{url},userId:{userId}'] },
    event: 'users.[userId].challenges.[challengeId].create',
    audit: 'challenge.create',
    params: [param('factor', v.whiteList(FACTORS))],
    handler(ctx, p) {
      const user = ctx.user;
      // The SDK enum sends `recoverycode`; the whitelist is case-insensitive, so store the canonical name.
      const type = FACTORS.find((f) => f.toLowerCase() === String(p.factor).toLowerCase());
      const now = ctx.now();
      let code = randomCode();
      if (type === 'phone') {
        if (!user.phone) throw new AppwriteError('user_phone_not_found');
        if (!user.phoneVerification) throw new AppwriteError('user_phone_not_verified');
        code = phoneCode(ctx, user, user.phone, 'mfa_challenge');
      } else if (type === 'email') {
        if (!user.email) throw new AppwriteError('user_email_not_found');
        if (!user.emailVerification) throw new AppwriteError('user_email_not_verified');
        sendEmail(ctx, user, 'mfa_challenge', code);
      }
      const challenge = { $id: uniqueId(now), $createdAt: now, userId: user.$id, type, code, expire: now + HOUR };
      const challenges = ctx.project.challenges;
      if (challenges.size > 1000) for (const [id, old] of challenges) if (old.expire < now) challenges.delete(id);
      challenges.set(challenge.$id, challenge);
      ctx.eventParams = { userId: user.$id, challengeId: challenge.$id };
      return { status: 201, body: mfaChallengeModel(challenge) };
    },
  },
  {
    method: 'PUT',
    path: '/v1/account/mfa/challenges',
    aliases: ['/v1/account/mfa/challenge'],
    scope: 'account',
    groups: ['mfa'],
    abuse: { limit: 10, keys: ['url:{url},challengeId:{param-challengeId}'] },
    event: 'users.[userId].sessions.[sessionId].create',
    audit: 'challenges.update',
    params: [param('challengeId', v.text(256)), param('otp', v.text(256))],
    handler(ctx, p) {
      const user = ctx.user;
      const challenge = ctx.project.challenges.get(p.challengeId);
      if (!challenge || challenge.userId !== user.$id) throw new AppwriteError('user_invalid_token');
      let success = false;
      if (challenge.type === 'totp') {
        const authenticator = totpOf(user);
        success = Boolean(authenticator) && totpMatches(ctx, authenticator, p.otp);
      } else if (challenge.type === 'recoveryCode') {
        success = user.mfaRecoveryCodes.includes(p.otp);
        if (success) user.mfaRecoveryCodes = user.mfaRecoveryCodes.filter((c) => c !== p.otp);
      } else {
        success = challenge.code === p.otp;
      }
      if (!success) throw new AppwriteError('user_invalid_token');
      if (!ctx.session) throw new AppwriteError('user_session_not_found');
      ctx.project.challenges.delete(challenge.$id);
      addFactor(ctx, challenge.type);
      ctx.session.mfaUpdatedAt = ctx.now();
      touch(ctx, user);
      ctx.eventParams = { userId: user.$id, sessionId: ctx.session.$id };
      return { status: 200, body: sessionModel(ctx.session, false, '') };
    },
  },
  {
    method: 'GET',
    path: '/v1/account/mfa/factors',
    scope: 'account',
    groups: ['mfa'],
    handler: (ctx) => ({ status: 200, body: mfaFactorsModel(ctx.user) }),
  },
  {
    method: 'GET',
    path: '/v1/account/mfa/recovery-codes',
    scope: 'account',
    groups: ['mfaProtected'],
    handler(ctx) {
      if (!ctx.user.mfaRecoveryCodes.length) throw new AppwriteError('user_recovery_codes_not_found');
      return { status: 200, body: mfaRecoveryCodesModel(ctx.user.mfaRecoveryCodes) };
    },
  },
  {
    method: 'POST',
    path: '/v1/account/mfa/recovery-codes',
    scope: 'account',
    audit: 'user.update',
    handler(ctx) {
      const user = ctx.user;
      if (user.mfaRecoveryCodes.length) throw new AppwriteError('user_recovery_codes_already_exists');
      user.mfaRecoveryCodes = recoveryCodes();
      touch(ctx, user);
      ctx.eventName = mfaEvent(ctx);
      ctx.eventPayload = accountModel(user); // the codes themselves stay out of realtime events
      return { status: 201, body: mfaRecoveryCodesModel(user.mfaRecoveryCodes) };
    },
  },
  {
    method: 'PATCH',
    path: '/v1/account/mfa/recovery-codes',
    scope: 'account',
    groups: ['mfaProtected'],
    audit: 'user.update',
    handler(ctx) {
      const user = ctx.user;
      if (!user.mfaRecoveryCodes.length) throw new AppwriteError('user_recovery_codes_not_found');
      user.mfaRecoveryCodes = recoveryCodes();
      touch(ctx, user);
      ctx.eventName = mfaEvent(ctx);
      ctx.eventPayload = accountModel(user);
      return { status: 200, body: mfaRecoveryCodesModel(user.mfaRecoveryCodes) };
    },
  },
];
