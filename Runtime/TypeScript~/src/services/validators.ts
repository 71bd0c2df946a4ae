// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// Client-side copies of the 1.9.6 server's parameter rules (reference section 6.1), so a bad argument fails before
// it costs a request, an SMS, or a rate-limit slot. A rule may be looser than the server, never stricter.
// Messages describe what is expected and never echo the value: it may be a password, OTP or phone number.

import { enums, type EnumName } from '../enums/index.js';
import { KEY_PATTERN } from '../core/patterns.js';
import { codePointLength, phpJsonLength, utf8ByteLength } from '../utils/text.js';

/** The wire type of a parameter; enums are strings restricted to an enum's values. */
export type ParamType = 'string' | 'boolean' | 'integer' | 'string[]' | 'object' | EnumName;

interface Rule {
  type: ParamType;
  /** Returns what was expected when the (correctly typed) value breaks the rule. */
  check?: (value: never) => string | undefined;
}

const KEY = KEY_PATTERN;
const KEY_TEXT = 'at most 36 characters of a-z, A-Z, 0-9, period, hyphen and underscore, not starting with a special character';
const E164 = /^\+[1-9]\d{6,14}$/;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const LOG_QUERY_METHODS = ['limit', 'offset'];
const IDENTITY_QUERY_METHODS = 'limit offset cursorAfter cursorBefore orderAsc orderDesc equal notEqual lessThan lessThanEqual greaterThan greaterThanEqual isNull isNotNull between notBetween startsWith notStartsWith endsWith notEndsWith contains notContains search notSearch exists notExists or and'.split(' ');
const IDENTITY_ATTRIBUTES = 'userId provider providerUid providerEmail providerAccessTokenExpiry $id $createdAt $updatedAt $sequence'.split(' ');

const textRule = (min: number, max: number): Rule => ({
  type: 'string',
  check: (value: string) => {
    const length = codePointLength(value);
    return length < min || length > max ? `${min === 0 ? 'at most' : `${min} to`} ${max} characters (got ${length})` : undefined;
  },
});

const oneOf = (name: EnumName, caseInsensitive: boolean): Rule => ({
  type: name,
  check: (value: string) => {
    const allowed = Object.values(enums[name]) as string[];
    const probe = caseInsensitive ? value.toLowerCase() : value;
    return allowed.some((a) => (caseInsensitive ? a.toLowerCase() : a) === probe) ? undefined : `one of ${allowed.join(', ')}`;
  },
});

function checkEmail(value: string): string | undefined {
  const email = value.trim().toLowerCase();
  const at = email.indexOf('@');
  const bad = at <= 0 || at !== email.lastIndexOf('@') || at === email.length - 1 || email.length > 320 ||
    !/^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/.test(email.slice(0, at)) || at > 64 ||
    !/^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$|^\[[0-9a-f:.]+\]$/.test(email.slice(at + 1));
  return bad ? 'a valid email address such as name@example.com' : undefined;
}

function checkQueries(allowedMethods: string[], attributes?: string[]) {
  return (queries: string[]): string | undefined => {
    if (queries.length > 100) return `at most 100 queries (got ${queries.length})`;
    for (let i = 0; i < queries.length; i++) {
      let query: { method?: unknown; attribute?: unknown; values?: unknown };
      try {
        query = JSON.parse(queries[i]!) as typeof query;
      } catch {
        return `query strings built with Query (item ${i} is not JSON)`;
      }
      if (queries[i]!.length > 4096) return `queries of at most 4096 characters (item ${i})`;
      if (typeof query !== 'object' || query === null || typeof query.method !== 'string') return `query strings built with Query (item ${i} has no method)`;
      if (!allowedMethods.includes(query.method)) return `queries using ${allowedMethods.join(', ')} (item ${i} uses ${query.method.slice(0, 40)})`;
      if (attributes && typeof query.attribute === 'string' && !attributes.includes(query.attribute)) {
        return `queries on ${attributes.join(', ')} (item ${i} filters on another attribute)`;
      }
      if ((query.method === 'limit' || query.method === 'offset') && attributes === undefined) {
        const n = Array.isArray(query.values) ? query.values[0] : undefined;
        const min = query.method === 'limit' ? 1 : 0;
        if (typeof n !== 'number' || !Number.isInteger(n) || n < min) return `Query.${query.method}() with an integer of at least ${min} (item ${i})`;
      }
    }
    return undefined;
  };
}

/** Every validation rule by name. The descriptor table refers to these names; the C# generator reads their types. */
export const rules = {
  customId: { type: 'string', check: (v: string) => (v === 'unique()' || KEY.test(v) ? undefined : `'unique()' (ID.unique()) or a custom ID of ${KEY_TEXT}`) },
  uid: { type: 'string', check: (v: string) => (KEY.test(v) ? undefined : `an ID of ${KEY_TEXT}`) },
  sessionId: { type: 'string', check: (v: string) => (v === 'current' || KEY.test(v) ? undefined : `'current' or a session ID of ${KEY_TEXT}`) },
  email: { type: 'string', check: checkEmail },
  password: {
    type: 'string',
    check: (v: string) => {
      const bytes = utf8ByteLength(v);
      return bytes < 8 || bytes > 256 ? `8 to 256 bytes of UTF-8 (got ${bytes})` : undefined;
    },
  },
  oldPassword: textRule(0, 256),
  phone: { type: 'string', check: (v: string) => (E164.test(v) ? undefined : "E.164 format: '+', a country code, then the number, 7 to 15 digits in all, e.g. +14155550123") },
  name: textRule(1, 128),
  text256: textRule(1, 256),
  text255: textRule(1, 255),
  url: {
    type: 'string',
    check: (v: string) => {
      const scheme = SCHEME.exec(v.trim())?.[1]?.toLowerCase();
      if (!scheme) return 'an absolute URL with a scheme, e.g. https://example.com/done or appwrite-callback-<PROJECT_ID>://auth';
      return (scheme === 'http' || scheme === 'https') && !/^https?:\/\/[^/?#\s]+/i.test(v.trim()) ? 'an http(s) URL with a host name' : undefined;
    },
  },
  prefs: {
    type: 'object',
    check: (v: object) => {
      let json: string;
      try {
        json = JSON.stringify(v);
      } catch {
        return 'a JSON-serialisable object (it has a cycle or a BigInt)';
      }
      const bytes = phpJsonLength(json);
      return bytes > 65535 ? `at most 65535 bytes as JSON (got ${bytes})` : undefined;
    },
  },
  jwtDuration: { type: 'integer', check: (v: number) => (v < 0 || v > 3600 ? 'an integer number of seconds from 0 to 3600' : undefined) },
  bool: { type: 'boolean' },
  logQueries: { type: 'string[]', check: checkQueries(LOG_QUERY_METHODS) },
  identityQueries: { type: 'string[]', check: checkQueries(IDENTITY_QUERY_METHODS, IDENTITY_ATTRIBUTES) },
  scopes: {
    type: 'string[]',
    check: (v: string[]) => (v.length > 100 ? `at most 100 scopes (got ${v.length})` : v.some((s) => s.length < 1 || s.length > 4096) ? 'scopes of 1 to 4096 characters' : undefined),
  },
  authenticatorType: oneOf('AuthenticatorType', true),
  factor: oneOf('AuthenticationFactor', true),
  provider: oneOf('OAuthProvider', false),
} satisfies Record<string, Rule>;

export type RuleName = keyof typeof rules;

const TYPE_TEXT: Record<string, string> = {
  string: 'a string', boolean: 'a boolean', integer: 'an integer', 'string[]': 'an array of strings', object: 'a plain object',
};

/**
 * Checks one value against a rule.
 * @returns What was expected, or undefined when the value passes.
 */
export function validate(ruleName: RuleName, value: unknown): string | undefined {
  const rule: Rule = rules[ruleName];
  const type = rule.type;
  const typeOk =
    type === 'boolean' ? typeof value === 'boolean'
    : type === 'integer' ? typeof value === 'number' && Number.isInteger(value)
    : type === 'string[]' ? Array.isArray(value) && value.every((s) => typeof s === 'string')
    : type === 'object' ? (typeof value === 'object' && value !== null && !Array.isArray(value) && isPlainObject(value)) ||
      (ruleName === 'prefs' && Array.isArray(value) && value.length === 0) // the server's Assoc accepts an empty list
    : typeof value === 'string';
  if (!typeOk) return TYPE_TEXT[type] ?? 'a string';
  return rule.check?.(value as never);
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
