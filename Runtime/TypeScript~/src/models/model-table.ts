// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// Account response models as data (reference section 2, server 1.9.6): the source of the TS model types, the C#
// model classes, and the C# projection that checks and flattens each response for Unity's JsonUtility.
// A field is `name` (a string) or `name:kind`. Kinds: s string, d ISO date string, b bool, i integer, s[] strings,
// ? suffix = optional (sent as null when unset), prefs = the user's free-form object, or another model (with []).

export const modelTable = {
  user:
    '$id $createdAt:d $updatedAt:d name registration:d status:b labels:s[] passwordUpdate:d email phone ' +
    'emailVerification:b emailCanonical:s? emailIsFree:b? emailIsDisposable:b? emailIsCorporate:b? emailIsCanonical:b? ' +
    'phoneVerification:b mfa:b prefs:prefs targets:target[] accessedAt:d impersonator:b? impersonatorUserId:s?',
  session:
    '$id $createdAt:d $updatedAt:d userId expire:d provider providerUid providerAccessToken providerAccessTokenExpiry:d ' +
    'providerRefreshToken ip osCode osName osVersion clientType clientCode clientName clientVersion clientEngine ' +
    'clientEngineVersion deviceName deviceBrand deviceModel countryCode countryName current:b factors:s[] secret mfaUpdatedAt:d',
  sessionList: 'total:i sessions:session[]',
  token: '$id $createdAt:d userId secret expire:d phrase',
  jwt: 'jwt',
  identity:
    '$id $createdAt:d $updatedAt:d userId provider providerUid providerEmail providerAccessToken ' +
    'providerAccessTokenExpiry:d providerRefreshToken',
  identityList: 'total:i identities:identity[]',
  log:
    'event userId userEmail userName mode userType ip time:d osCode osName osVersion clientType clientCode clientName ' +
    'clientVersion clientEngine clientEngineVersion deviceName deviceBrand deviceModel countryCode countryName',
  logList: 'total:i logs:log[]',
  mfaType: 'secret uri',
  mfaChallenge: '$id $createdAt:d userId expire:d',
  mfaFactors: 'totp:b phone:b email:b recoveryCode:b',
  mfaRecoveryCodes: 'recoveryCodes:s[]',
  target: '$id $createdAt:d $updatedAt:d name userId providerId:s? providerType identifier expired:b',
} as const;

export type TableModelName = keyof typeof modelTable;

export interface FieldSpec {
  /** The wire name, e.g. `$id`. */
  name: string;
  /** `s`, `d`, `b`, `i`, `s[]`, `prefs`, or a model name. */
  kind: string;
  array: boolean;
  optional: boolean;
}

/** Parses one model's field list. */
export function modelFields(model: TableModelName): FieldSpec[] {
  return modelTable[model].split(' ').map((spec) => {
    const [name, rawKind = 's'] = spec.split(':') as [string, string?];
    const optional = rawKind.endsWith('?');
    const kind = rawKind.replace('?', '');
    const array = kind.endsWith('[]') && kind !== 's[]';
    return { name, kind: array ? kind.slice(0, -2) : kind, array, optional };
  });
}
