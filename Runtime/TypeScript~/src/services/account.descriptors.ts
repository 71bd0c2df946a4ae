// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// The Account API as data: the single source for the TypeScript service, the bridge, the generated TS method types,
// and the generated C# `Account` shell. Facts from the 1.9.6 server and Web SDK 26.2.0 (reference section 1).
// `DELETE /v1/account` is left out on purpose: it needs an admin API key, and no client SDK exposes it.

import type { RuleName } from './validators.js';
import { rules } from './validators.js';

export type HttpVerb = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Response model names (reference section 2), `none` for 204, `url` for OAuth2 methods that return a URL. */
export type ModelName =
  | 'user' | 'session' | 'sessionList' | 'token' | 'jwt' | 'identityList' | 'logList' | 'preferences'
  | 'mfaType' | 'mfaChallenge' | 'mfaFactors' | 'mfaRecoveryCodes' | 'target' | 'none' | 'url';

export interface ParamDescriptor {
  name: string;
  rule: RuleName;
  required: boolean;
  /** Path if `{name}` is in the path, else query for GET and body otherwise. */
  in: 'path' | 'query' | 'body';
}

export interface MethodDescriptor {
  name: string;
  verb: HttpVerb;
  path: string;
  model: ModelName;
  params: ParamDescriptor[];
  /** A non-GET call safe to repeat after a transient failure (same result twice). GETs always are. */
  idempotent?: true;
  /** Sends an SMS or email, or mints a secret: never retried automatically (it would burn quota or double-send). */
  sendsMessage?: true;
  /** Signs in (creates a session) or signs out (ends the current one). */
  session?: 'signIn' | 'signOut';
  deprecated?: { since: string; use: string };
}

interface Extra {
  idempotent?: true;
  sendsMessage?: true;
  session?: 'signIn' | 'signOut';
}

// `name:rule` required, `name?:rule` optional, separated by spaces.
function def(verb: HttpVerb, path: string, model: ModelName, params = '', extra: Extra = {}): Omit<MethodDescriptor, 'name'> {
  return {
    verb, path, model, ...extra,
    params: params.split(' ').filter(Boolean).map((spec) => {
      const [left, rule] = spec.split(':') as [string, RuleName];
      const name = left.replace('?', '');
      return { name, rule, required: !left.endsWith('?'), in: path.includes(`{${name}}`) ? 'path' : verb === 'GET' ? 'query' : 'body' };
    }),
  };
}

const message = { sendsMessage: true } as const;
const signIn = { session: 'signIn' } as const;
const idempotent = { idempotent: true } as const;

const table = {
  get: def('GET', '/account', 'user'),
  create: def('POST', '/account', 'user', 'userId:customId email:email password:password name?:name'),
  updateEmail: def('PATCH', '/account/email', 'user', 'email:email password:password'),
  listIdentities: def('GET', '/account/identities', 'identityList', 'queries?:identityQueries total?:bool'),
  deleteIdentity: def('DELETE', '/account/identities/{identityId}', 'none', 'identityId:uid'),
  createJWT: def('POST', '/account/jwts', 'jwt', 'duration?:jwtDuration'),
  listLogs: def('GET', '/account/logs', 'logList', 'queries?:logQueries total?:bool'),
  updateMFA: def('PATCH', '/account/mfa', 'user', 'mfa:bool', idempotent),
  createMFAAuthenticator: def('POST', '/account/mfa/authenticators/{type}', 'mfaType', 'type:authenticatorType'),
  updateMFAAuthenticator: def('PUT', '/account/mfa/authenticators/{type}', 'user', 'type:authenticatorType otp:text256'),
  deleteMFAAuthenticator: def('DELETE', '/account/mfa/authenticators/{type}', 'none', 'type:authenticatorType'),
  createMFAChallenge: def('POST', '/account/mfa/challenges', 'mfaChallenge', 'factor:factor', message),
  updateMFAChallenge: def('PUT', '/account/mfa/challenges', 'session', 'challengeId:text256 otp:text256'),
  listMFAFactors: def('GET', '/account/mfa/factors', 'mfaFactors'),
  getMFARecoveryCodes: def('GET', '/account/mfa/recovery-codes', 'mfaRecoveryCodes'),
  createMFARecoveryCodes: def('POST', '/account/mfa/recovery-codes', 'mfaRecoveryCodes', '', message),
  updateMFARecoveryCodes: def('PATCH', '/account/mfa/recovery-codes', 'mfaRecoveryCodes', '', message),
  updateName: def('PATCH', '/account/name', 'user', 'name:name', idempotent),
  updatePassword: def('PATCH', '/account/password', 'user', 'password:password oldPassword?:oldPassword'),
  updatePhone: def('PATCH', '/account/phone', 'user', 'phone:phone password:password'),
  getPrefs: def('GET', '/account/prefs', 'preferences'),
  updatePrefs: def('PATCH', '/account/prefs', 'user', 'prefs:prefs', idempotent),
  createRecovery: def('POST', '/account/recovery', 'token', 'email:email url:url', message),
  updateRecovery: def('PUT', '/account/recovery', 'token', 'userId:uid secret:text256 password:password'),
  listSessions: def('GET', '/account/sessions', 'sessionList'),
  deleteSessions: def('DELETE', '/account/sessions', 'none', '', { session: 'signOut' }),
  createAnonymousSession: def('POST', '/account/sessions/anonymous', 'session', '', signIn),
  createEmailPasswordSession: def('POST', '/account/sessions/email', 'session', 'email:email password:password', signIn),
  updateMagicURLSession: def('PUT', '/account/sessions/magic-url', 'session', 'userId:customId secret:text256', signIn),
  createOAuth2Session: def('GET', '/account/sessions/oauth2/{provider}', 'url', 'provider:provider success?:url failure?:url scopes?:scopes'),
  updatePhoneSession: def('PUT', '/account/sessions/phone', 'session', 'userId:customId secret:text256', signIn),
  createSession: def('POST', '/account/sessions/token', 'session', 'userId:customId secret:text256', signIn),
  getSession: def('GET', '/account/sessions/{sessionId}', 'session', 'sessionId:sessionId'),
  updateSession: def('PATCH', '/account/sessions/{sessionId}', 'session', 'sessionId:sessionId'),
  // Signs out only when it deletes the current session; the server then answers `X-Fallback-Cookies: []`.
  deleteSession: def('DELETE', '/account/sessions/{sessionId}', 'none', 'sessionId:sessionId'),
  updateStatus: def('PATCH', '/account/status', 'user', '', { session: 'signOut' }),
  createPushTarget: def('POST', '/account/targets/push', 'target', 'targetId:customId identifier:text255 providerId?:uid'),
  updatePushTarget: def('PUT', '/account/targets/{targetId}/push', 'target', 'targetId:uid identifier:text255', idempotent),
  deletePushTarget: def('DELETE', '/account/targets/{targetId}/push', 'none', 'targetId:uid'),
  createEmailToken: def('POST', '/account/tokens/email', 'token', 'userId:customId email:email phrase?:bool', message),
  createMagicURLToken: def('POST', '/account/tokens/magic-url', 'token', 'userId:customId email:email url?:url phrase?:bool', message),
  createOAuth2Token: def('GET', '/account/tokens/oauth2/{provider}', 'url', 'provider:provider success?:url failure?:url scopes?:scopes'),
  createPhoneToken: def('POST', '/account/tokens/phone', 'token', 'userId:customId phone:phone', message),
  createEmailVerification: def('POST', '/account/verifications/email', 'token', 'url:url', message),
  updateEmailVerification: def('PUT', '/account/verifications/email', 'token', 'userId:uid secret:text256'),
  createPhoneVerification: def('POST', '/account/verifications/phone', 'token', '', message),
  updatePhoneVerification: def('PUT', '/account/verifications/phone', 'token', 'userId:uid secret:text256'),
};

type CurrentName = keyof typeof table;

// Deprecated names: the same request as their replacement (Web SDK 26.2.0 keeps both).
const aliases: Record<string, { use: CurrentName; since: string }> = {
  createMfaAuthenticator: { use: 'createMFAAuthenticator', since: '1.8.0' },
  updateMfaAuthenticator: { use: 'updateMFAAuthenticator', since: '1.8.0' },
  deleteMfaAuthenticator: { use: 'deleteMFAAuthenticator', since: '1.8.0' },
  createMfaChallenge: { use: 'createMFAChallenge', since: '1.8.0' },
  updateMfaChallenge: { use: 'updateMFAChallenge', since: '1.8.0' },
  listMfaFactors: { use: 'listMFAFactors', since: '1.8.0' },
  getMfaRecoveryCodes: { use: 'getMFARecoveryCodes', since: '1.8.0' },
  createMfaRecoveryCodes: { use: 'createMFARecoveryCodes', since: '1.8.0' },
  updateMfaRecoveryCodes: { use: 'updateMFARecoveryCodes', since: '1.8.0' },
  createVerification: { use: 'createEmailVerification', since: '1.8.0' },
  updateVerification: { use: 'updateEmailVerification', since: '1.8.0' },
};

// Deprecated in place (no duplicate): the magic-URL and phone session routes, replaced by createSession.
const deprecatedInPlace: Partial<Record<CurrentName, { use: CurrentName; since: string }>> = {
  updateMagicURLSession: { use: 'createSession', since: '1.6.0' },
  updatePhoneSession: { use: 'createSession', since: '1.6.0' },
};

/** All 58 Account methods by name, deprecated aliases included. */
export const accountMethods: Readonly<Record<string, MethodDescriptor>> = (() => {
  const out: Record<string, MethodDescriptor> = {};
  for (const [name, d] of Object.entries(table)) {
    const dep = deprecatedInPlace[name as CurrentName];
    out[name] = { name, ...d, ...(dep ? { deprecated: { since: dep.since, use: dep.use } } : {}) };
  }
  for (const [name, a] of Object.entries(aliases)) out[name] = { ...out[a.use]!, name, deprecated: { since: a.since, use: a.use } };
  return out;
})();

/** The wire type of a parameter, derived from its rule. */
export const paramType = (p: ParamDescriptor) => rules[p.rule].type;
