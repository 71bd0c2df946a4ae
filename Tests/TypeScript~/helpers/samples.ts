// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// A passing and several failing values for every validation rule (reference 6.1), used to exercise each rule and to
// build valid arguments for every Account method.

import { Query } from '../../../Runtime/TypeScript~/src/utils/query.js';
import type { RuleName } from '../../../Runtime/TypeScript~/src/services/validators.js';
import type { MethodDescriptor } from '../../../Runtime/TypeScript~/src/services/account.descriptors.js';

export const ruleSamples: Record<RuleName, { valid: unknown[]; invalid: unknown[] }> = {
  customId: { valid: ['unique()', 'player_1', 'A.b-c', 'x'.repeat(36)], invalid: ['_bad', '.bad', 'has space', 'x'.repeat(37), '', 42, 'ünïcode'] },
  uid: { valid: ['abc123', 'x'.repeat(36)], invalid: ['unique()', '-x', 'x'.repeat(37), '', 7] },
  sessionId: { valid: ['current', '5e5ea5c16897e'], invalid: ['$current', 'cur rent', ''] },
  email: { valid: ['player@example.com', '  Player@Example.COM ', 'a.b+tag@sub.example.co.uk'], invalid: ['no-at-sign', 'a@@b.com', '@example.com', 'a@', 'a b@example.com', 'a@exa mple.com', '', 5] },
  password: { valid: ['correct horse', '12345678', 'é'.repeat(128)], invalid: ['short', '1234567', 'é'.repeat(129), 'x'.repeat(257), 12345678] },
  oldPassword: { valid: ['', 'previous password'], invalid: ['x'.repeat(257), false] },
  phone: { valid: ['+14255550123', '+15555550100', '+4412345'], invalid: ['4255550123', '+0123456789', '+123456', '+1234567890123456', '+1 425 555 0123', ''] },
  name: { valid: ['Ada', 'x'.repeat(128), '🎮'.repeat(128)], invalid: ['', 'x'.repeat(129), '🎮'.repeat(129), ['Ada']] },
  text256: { valid: ['123456', 'x'.repeat(256)], invalid: ['', 'x'.repeat(257), 123456] },
  text255: { valid: ['fcm-device-token', 'x'.repeat(255)], invalid: ['', 'x'.repeat(256)] },
  url: { valid: ['https://example.com/done', 'http://localhost:3000/cb?x=1', 'appwrite-callback-demo-project://auth', 'exp://192.168.1.2:19000'], invalid: ['example.com/done', 'https://', '/relative/path', '', 'not a url'] },
  prefs: { valid: [{ theme: 'dark', volume: 0.8 }, {}, [], { nested: { list: [1, 2] } }, { big: 'é'.repeat(10900) }], invalid: [[1], ['a'], 'dark', 3, new Map(), { big: 'é'.repeat(11000) }] },
  jwtDuration: { valid: [0, 900, 3600], invalid: [3601, -1, 1.5, '900'] },
  bool: { valid: [true, false], invalid: ['true', 1, 0] },
  logQueries: { valid: [[], [Query.limit(5)], [Query.limit(5), Query.offset(10)]], invalid: [[Query.equal('event', 'x')], [Query.limit(0)], [Query.offset(-1)], ['not json'], 'limit(5)', [5]] },
  identityQueries: { valid: [[Query.equal('provider', 'google')], [Query.limit(2), Query.orderDesc('$createdAt')]], invalid: [[Query.equal('password', 'x')], [Query.select(['provider'])], ['{"values":[1]}']] },
  scopes: { valid: [['email', 'profile'], []], invalid: [Array.from({ length: 101 }, () => 's'), [''], 'email'] },
  authenticatorType: { valid: ['totp', 'TOTP'], invalid: ['sms', ''] },
  factor: { valid: ['email', 'phone', 'totp', 'recoverycode', 'recoveryCode'], invalid: ['sms', ''] },
  provider: { valid: ['google', 'paypalSandbox', 'kick'], invalid: ['Google', 'appwrite', 'paypalsandbox', ''] },
};

/** The first valid value of a rule. */
export const sampleFor = (rule: RuleName) => ruleSamples[rule].valid[0];

/** Valid params for a method: every parameter, or only the required ones. */
export function sampleParams(d: MethodDescriptor, which: 'all' | 'required' = 'all'): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const p of d.params) {
    if (which === 'required' && !p.required) continue;
    // Path values that show encoding; a second valid value for the optional ones so both sides are visible.
    params[p.name] = p.in === 'path' && p.rule === 'sessionId' ? '5e5ea5c16897e' : p.rule === 'bool' ? false : sampleFor(p.rule);
  }
  return params;
}
