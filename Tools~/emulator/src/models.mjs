// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// Serialisers that turn stored records into the exact response models of reference section 2, in the server's
// key order. Rules of the server's `Response::output`: required fields are always present (missing values take
// the rule default, `''` for strings and dates), optional fields are present as `null` when unset, and sensitive
// fields (`secret` of sessions and tokens) are `''` for client calls.

import { isoDate } from './util.mjs';

const date = (ms) => (ms === null || ms === undefined ? '' : isoDate(ms));

/** `target` */
export function targetModel(t) {
  return {
    $id: t.$id,
    $createdAt: date(t.$createdAt),
    $updatedAt: date(t.$updatedAt),
    name: t.name ?? '',
    userId: t.userId,
    providerId: t.providerId ?? null,
    providerType: t.providerType,
    identifier: t.identifier,
    expired: Boolean(t.expired),
  };
}

/** `user` on the wire: the server's `account` model (no `password`, `hash` or `hashOptions` keys). */
export function accountModel(u) {
  const meta = u.emailMeta ?? {};
  return {
    $id: u.$id,
    $createdAt: date(u.$createdAt),
    $updatedAt: date(u.$updatedAt),
    name: u.name ?? '',
    registration: date(u.registration),
    status: u.status !== false,
    labels: [...(u.labels ?? [])],
    passwordUpdate: date(u.passwordUpdate),
    email: u.email ?? '',
    phone: u.phone ?? '',
    emailVerification: Boolean(u.emailVerification),
    emailCanonical: meta.emailCanonical ?? null,
    emailIsFree: meta.emailIsFree ?? null,
    emailIsDisposable: meta.emailIsDisposable ?? null,
    emailIsCorporate: meta.emailIsCorporate ?? null,
    emailIsCanonical: meta.emailIsCanonical ?? null,
    phoneVerification: Boolean(u.phoneVerification),
    mfa: Boolean(u.mfa),
    prefs: u.prefs && typeof u.prefs === 'object' && !Array.isArray(u.prefs) ? u.prefs : {},
    targets: (u.targets ?? []).map(targetModel),
    accessedAt: date(u.accessedAt),
    impersonator: false,
    impersonatorUserId: null,
  };
}

/**
 * `session`; `current` is computed per request. `countryName` is `Unknown` for the unknown country `--`, except on
 * the two routes that return the stored session without filling it in (updateSession, updateMFAChallenge), where the
 * server leaves it `''`.
 */
export function sessionModel(s, current, countryName = 'Unknown') {
  const d = s.device ?? {};
  return {
    $id: s.$id,
    $createdAt: date(s.$createdAt),
    $updatedAt: date(s.$updatedAt),
    userId: s.userId,
    expire: date(s.expire),
    provider: s.provider,
    providerUid: s.providerUid ?? '',
    providerAccessToken: s.providerAccessToken ?? '',
    providerAccessTokenExpiry: date(s.providerAccessTokenExpiry),
    providerRefreshToken: s.providerRefreshToken ?? '',
    ip: s.ip ?? '',
    osCode: d.osCode ?? '',
    osName: d.osName ?? '',
    osVersion: d.osVersion ?? '',
    clientType: d.clientType ?? '',
    clientCode: d.clientCode ?? '',
    clientName: d.clientName ?? '',
    clientVersion: d.clientVersion ?? '',
    clientEngine: d.clientEngine ?? '',
    clientEngineVersion: d.clientEngineVersion ?? '',
    deviceName: d.deviceName ?? '',
    deviceBrand: d.deviceBrand ?? '',
    deviceModel: d.deviceModel ?? '',
    countryCode: '--',
    countryName,
    current: Boolean(current),
    factors: [...(s.factors ?? [])],
    secret: '',
    mfaUpdatedAt: date(s.mfaUpdatedAt),
  };
}

/** `token`; `phrase` is only filled when `phrase: true` was asked for. */
export function tokenModel(t, phrase = '') {
  return { $id: t.$id, $createdAt: date(t.$createdAt), userId: t.userId, secret: '', expire: date(t.expire), phrase };
}

export function jwtModel(jwt) {
  return { jwt };
}

export function identityModel(i) {
  return {
    $id: i.$id,
    $createdAt: date(i.$createdAt),
    $updatedAt: date(i.$updatedAt),
    userId: i.userId,
    provider: i.provider,
    providerUid: i.providerUid,
    providerEmail: i.providerEmail,
    providerAccessToken: i.providerAccessToken,
    providerAccessTokenExpiry: date(i.providerAccessTokenExpiry),
    providerRefreshToken: i.providerRefreshToken,
  };
}

export function logModel(l) {
  return {
    event: l.event,
    userId: l.userId,
    userEmail: l.userEmail,
    userName: l.userName,
    mode: l.mode,
    userType: l.userType,
    ip: l.ip,
    time: date(l.time),
    osCode: l.device.osCode,
    osName: l.device.osName,
    osVersion: l.device.osVersion,
    clientType: l.device.clientType,
    clientCode: l.device.clientCode,
    clientName: l.device.clientName,
    clientVersion: l.device.clientVersion,
    clientEngine: l.device.clientEngine,
    clientEngineVersion: l.device.clientEngineVersion,
    deviceName: l.device.deviceName,
    deviceBrand: l.device.deviceBrand,
    deviceModel: l.device.deviceModel,
    countryCode: '--',
    countryName: 'Unknown',
  };
}

export function mfaChallengeModel(c) {
  return { $id: c.$id, $createdAt: date(c.$createdAt), userId: c.userId, expire: date(c.expire) };
}

export function mfaTypeModel(secret, uri) {
  return { secret, uri };
}

export function mfaRecoveryCodesModel(codes) {
  return { recoveryCodes: [...codes] };
}

/** `mfaFactors`, from what the user has verified. */
export function mfaFactorsModel(u) {
  return {
    totp: (u.authenticators ?? []).some((a) => a.type === 'totp' && a.verified),
    phone: Boolean(u.phone) && Boolean(u.phoneVerification),
    email: Boolean(u.email) && Boolean(u.emailVerification),
    recoveryCode: (u.mfaRecoveryCodes ?? []).length > 0,
  };
}

/** List models of `BaseList`: `total` first, then the plural key. */
export function listModel(key, items, total) {
  return { total, [key]: items };
}
