// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// The response models of reference section 2 as data: every key, its type, and whether it may be `null`
// (server `required: false`). `expectModel` checks that a body has exactly these keys with these types.

import { expect } from 'vitest';

type FieldType = 'string' | 'boolean' | 'integer' | 'datetime' | 'datetime?' | 'string[]' | 'object' | `model:${string}` | `model[]:${string}`;
type Field = [name: string, type: FieldType, nullable?: true];

// ISO 8601 with milliseconds and offset, as `DateTime::formatTz`: 2020-10-15T06:38:00.000+00:00
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2}$/;

const target: Field[] = [
  ['$id', 'string'], ['$createdAt', 'datetime'], ['$updatedAt', 'datetime'], ['name', 'string'], ['userId', 'string'],
  ['providerId', 'string', true], ['providerType', 'string'], ['identifier', 'string'], ['expired', 'boolean'],
];

// 2.1: the wire form of `user` is the server's `account` model (no password, hash or hashOptions).
const user: Field[] = [
  ['$id', 'string'], ['$createdAt', 'datetime'], ['$updatedAt', 'datetime'], ['name', 'string'], ['registration', 'datetime'],
  ['status', 'boolean'], ['labels', 'string[]'], ['passwordUpdate', 'datetime?'], ['email', 'string'], ['phone', 'string'],
  ['emailVerification', 'boolean'], ['emailCanonical', 'string', true], ['emailIsFree', 'boolean', true], ['emailIsDisposable', 'boolean', true],
  ['emailIsCorporate', 'boolean', true], ['emailIsCanonical', 'boolean', true], ['phoneVerification', 'boolean'], ['mfa', 'boolean'],
  ['prefs', 'object'], ['targets', 'model[]:target'], ['accessedAt', 'datetime'], ['impersonator', 'boolean', true], ['impersonatorUserId', 'string', true],
];

const session: Field[] = [
  ['$id', 'string'], ['$createdAt', 'datetime'], ['$updatedAt', 'datetime'], ['userId', 'string'], ['expire', 'datetime'], ['provider', 'string'],
  ['providerUid', 'string'], ['providerAccessToken', 'string'], ['providerAccessTokenExpiry', 'datetime?'], ['providerRefreshToken', 'string'],
  ['ip', 'string'], ['osCode', 'string'], ['osName', 'string'], ['osVersion', 'string'], ['clientType', 'string'], ['clientCode', 'string'],
  ['clientName', 'string'], ['clientVersion', 'string'], ['clientEngine', 'string'], ['clientEngineVersion', 'string'], ['deviceName', 'string'],
  ['deviceBrand', 'string'], ['deviceModel', 'string'], ['countryCode', 'string'], ['countryName', 'string'], ['current', 'boolean'],
  ['factors', 'string[]'], ['secret', 'string'], ['mfaUpdatedAt', 'datetime?'],
];

const token: Field[] = [['$id', 'string'], ['$createdAt', 'datetime'], ['userId', 'string'], ['secret', 'string'], ['expire', 'datetime'], ['phrase', 'string']];

const identity: Field[] = [
  ['$id', 'string'], ['$createdAt', 'datetime'], ['$updatedAt', 'datetime'], ['userId', 'string'], ['provider', 'string'], ['providerUid', 'string'],
  ['providerEmail', 'string'], ['providerAccessToken', 'string'], ['providerAccessTokenExpiry', 'datetime?'], ['providerRefreshToken', 'string'],
];

const log: Field[] = [
  ['event', 'string'], ['userId', 'string'], ['userEmail', 'string'], ['userName', 'string'], ['mode', 'string'], ['userType', 'string'], ['ip', 'string'],
  ['time', 'datetime'], ['osCode', 'string'], ['osName', 'string'], ['osVersion', 'string'], ['clientType', 'string'], ['clientCode', 'string'],
  ['clientName', 'string'], ['clientVersion', 'string'], ['clientEngine', 'string'], ['clientEngineVersion', 'string'], ['deviceName', 'string'],
  ['deviceBrand', 'string'], ['deviceModel', 'string'], ['countryCode', 'string'], ['countryName', 'string'],
];

export const MODELS: Record<string, Field[]> = {
  user,
  session,
  token,
  jwt: [['jwt', 'string']],
  identity,
  identityList: [['total', 'integer'], ['identities', 'model[]:identity']],
  log,
  logList: [['total', 'integer'], ['logs', 'model[]:log']],
  sessionList: [['total', 'integer'], ['sessions', 'model[]:session']],
  mfaType: [['secret', 'string'], ['uri', 'string']],
  mfaChallenge: [['$id', 'string'], ['$createdAt', 'datetime'], ['userId', 'string'], ['expire', 'datetime']],
  mfaFactors: [['totp', 'boolean'], ['phone', 'boolean'], ['email', 'boolean'], ['recoveryCode', 'boolean']],
  mfaRecoveryCodes: [['recoveryCodes', 'string[]']],
  target,
  error: [['message', 'string'], ['code', 'integer'], ['type', 'string'], ['version', 'string']],
};

function check(value: unknown, type: FieldType, path: string): string | null {
  switch (type) {
    case 'string': return typeof value === 'string' ? null : `${path} is not a string`;
    case 'boolean': return typeof value === 'boolean' ? null : `${path} is not a boolean`;
    case 'integer': return Number.isInteger(value) ? null : `${path} is not an integer`;
    case 'datetime': return typeof value === 'string' && ISO_DATE.test(value) ? null : `${path} is not an ISO date: ${String(value)}`;
    case 'datetime?': return value === '' || (typeof value === 'string' && ISO_DATE.test(value)) ? null : `${path} is neither '' nor an ISO date: ${String(value)}`;
    case 'string[]': return Array.isArray(value) && value.every((v) => typeof v === 'string') ? null : `${path} is not a string array`;
    case 'object': return value !== null && typeof value === 'object' && !Array.isArray(value) ? null : `${path} is not an object`;
    default: {
      const [kind, name] = type.split(':');
      if (kind === 'model') return modelProblems(value, name, path)[0] ?? null;
      if (!Array.isArray(value)) return `${path} is not an array`;
      for (const [i, item] of value.entries()) {
        const problem = modelProblems(item, name, `${path}[${i}]`)[0];
        if (problem) return problem;
      }
      return null;
    }
  }
}

export function modelProblems(body: unknown, name: string, path = name): string[] {
  const fields = MODELS[name];
  if (!fields) throw new Error(`unknown model ${name}`);
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return [`${path} is not an object`];
  const problems: string[] = [];
  const keys = Object.keys(body);
  const expected = fields.map(([field]) => field);
  for (const key of keys) if (!expected.includes(key)) problems.push(`${path} has unexpected key ${key}`);
  for (const [field, type, nullable] of fields) {
    if (!(field in (body as Record<string, unknown>))) {
      problems.push(`${path} misses ${field}`);
      continue;
    }
    const value = (body as Record<string, unknown>)[field];
    if (value === null && nullable) continue;
    const problem = check(value, type, `${path}.${field}`);
    if (problem) problems.push(problem);
  }
  return problems;
}

/** Asserts that `body` is exactly the reference model `name`. */
export function expectModel(body: unknown, name: keyof typeof MODELS | string) {
  expect(modelProblems(body, name), JSON.stringify(body)).toEqual([]);
}
