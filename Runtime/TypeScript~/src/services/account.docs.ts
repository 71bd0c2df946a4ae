// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// Documentation of the Account API, read only by the code generators (TS method types and C# XML docs); it is
// not part of the bundle. Facts (limits, lifetimes, auth) come from the 1.9.6 server; the wording is ours.
// Auth: S = signed-in user (session or JWT), S* = session only, G = guests too, G! = guests only, P = anyone.

export interface MethodDoc {
  summary: string;
  auth: 'S' | 'S*' | 'G' | 'G!' | 'P' | 'St';
  /** Abuse limit per window, when the route has one. */
  rateLimit?: string;
  /** Extra remarks: side effects, lifetimes, platform notes. */
  remarks?: string;
}

/** Parameter descriptions by rule, overridden per method/parameter in `paramDocs`. */
export const ruleDocs: Record<string, string> = {
  customId: "User ID: `ID.unique()` (or 'unique()' for a server-generated one) or a custom ID of up to 36 characters from a-z, A-Z, 0-9, '.', '-', '_', not starting with a special character.",
  uid: 'ID of up to 36 characters from a-z, A-Z, 0-9, \'.\', \'-\', \'_\', not starting with a special character.',
  sessionId: "Session ID, or 'current' for the session making the call.",
  email: 'Email address; the server stores it trimmed and in lower case.',
  password: 'Password, 8 to 256 bytes of UTF-8.',
  oldPassword: 'The current password; required unless the account has none yet (e.g. it signed in by phone).',
  phone: "Phone number in E.164 format: '+', the country code and the number, e.g. +14155550123.",
  name: 'Display name, 1 to 128 characters.',
  text256: 'Secret code from the message (SMS, email or authenticator), 1 to 256 characters.',
  text255: 'Push identifier (e.g. the FCM or APNs device token), 1 to 255 characters.',
  url: 'Redirect URL. Its host must be a platform of the project, or its scheme appwrite-callback-<PROJECT_ID> for native apps.',
  prefs: 'Preferences object; replaces the stored one entirely. At most 64 KB as JSON.',
  jwtDuration: 'Lifetime of the JWT in seconds, 0 to 3600. Default 900.',
  bool: '',
  logQueries: 'Query strings from `Query.limit()` and `Query.offset()`.',
  identityQueries: 'Query strings built with `Query`, filtering on userId, provider, providerUid, providerEmail or providerAccessTokenExpiry.',
  scopes: 'Extra OAuth2 scopes to request from the provider, at most 100.',
  authenticatorType: "Authenticator type; only 'totp' exists.",
  factor: 'The factor to challenge: email, phone, totp or recoverycode.',
  provider: 'The OAuth2 provider, e.g. google, apple, github, discord.',
};

/** Descriptions of parameters whose meaning is more than their rule, keyed `method.param` or `param`. */
export const paramDocs: Record<string, string> = {
  'create.name': 'Display name, 1 to 128 characters.',
  'updateEmail.password': 'The account password; for an anonymous account, the new password that converts it.',
  'updatePhone.password': 'The account password.',
  'updatePassword.password': 'The new password, 8 to 256 bytes of UTF-8.',
  'updateRecovery.password': 'The new password, 8 to 256 bytes of UTF-8.',
  total: 'When false the server skips counting and `total` is 0, which is faster.',
  mfa: 'True to require a second factor at sign-in.',
  phrase: 'True to include a security phrase in the message and return it in the token, so the user can check the message is genuine.',
  challengeId: 'ID of the challenge returned by createMFAChallenge.',
  otp: 'The one-time code from the authenticator app or the message.',
  secret: 'The secret code from the SMS or email (6 digits for phone and email OTPs).',
  'createRecovery.url': 'URL of your password-reset page; the email links to it with userId and secret.',
  'createEmailVerification.url': 'URL of your verification page; the email links to it with userId and secret.',
  'createMagicURLToken.url': 'URL the magic link opens, with userId and secret appended.',
  success: 'Where the provider flow ends on success; native apps use appwrite-callback-<PROJECT_ID>://.',
  failure: 'Where the provider flow ends on failure.',
  'createPushTarget.targetId': "Target ID: `ID.unique()`, 'unique()' or a custom ID of up to 36 characters.",
  providerId: 'ID of the messaging provider (FCM, APNs...) configured in the project.',
  identityId: 'ID of the identity to remove.',
  targetId: 'ID of the push target.',
  'updateRecovery.userId': 'User ID from the recovery link.',
  'updateEmailVerification.userId': 'User ID from the verification link.',
  'updatePhoneVerification.userId': 'User ID of the signed-in user.',
  queries: '',
};

export const methodDocs: Record<string, MethodDoc> = {
  get: { summary: 'Gets the signed-in user.', auth: 'S' },
  create: { summary: 'Registers a new user with email and password. It does not sign in: follow with createEmailPasswordSession.', auth: 'G', rateLimit: '10 per hour per IP' },
  updateEmail: { summary: "Changes the user's email (resetting its verification), or converts an anonymous account to an email one.", auth: 'S' },
  listIdentities: { summary: 'Lists the OAuth2 identities linked to the user.', auth: 'S' },
  deleteIdentity: { summary: 'Unlinks an OAuth2 identity from the user.', auth: 'S' },
  createJWT: { summary: 'Creates a JWT that authenticates as the user (e.g. for your game server). It needs a real session, not a JWT.', auth: 'S*', rateLimit: '120 per minute per user', remarks: 'Valid for 15 minutes by default; it dies with the session.' },
  listLogs: { summary: "Lists the user's recent security events (sign-ins, changes) with IP, device and location.", auth: 'S' },
  updateMFA: { summary: 'Turns multi-factor authentication on or off for the user.', auth: 'S' },
  createMFAAuthenticator: { summary: 'Starts adding an authenticator app: returns the TOTP secret and an otpauth:// URI to show as a QR code. Confirm with updateMFAAuthenticator.', auth: 'S' },
  updateMFAAuthenticator: { summary: 'Confirms a new authenticator app with a code it generated.', auth: 'S' },
  deleteMFAAuthenticator: { summary: 'Removes the authenticator app. Needs a recent MFA challenge.', auth: 'S' },
  createMFAChallenge: { summary: 'Starts a second-factor challenge; email and phone factors send a code.', auth: 'S', rateLimit: '10 per hour per user', remarks: 'Sends a message for email and phone factors; never retried automatically.' },
  updateMFAChallenge: { summary: 'Completes a second-factor challenge with its code, upgrading the current session.', auth: 'S', rateLimit: '10 per hour per challenge' },
  listMFAFactors: { summary: 'Lists which second factors the user can use.', auth: 'S' },
  getMFARecoveryCodes: { summary: 'Gets the MFA recovery codes. Needs a recent MFA challenge.', auth: 'S' },
  createMFARecoveryCodes: { summary: 'Generates the MFA recovery codes once; show them to the user to keep. Fails if they exist.', auth: 'S' },
  updateMFARecoveryCodes: { summary: 'Replaces the MFA recovery codes with new ones. Needs a recent MFA challenge.', auth: 'S' },
  updateName: { summary: "Changes the user's display name.", auth: 'S' },
  updatePassword: { summary: "Changes the user's password.", auth: 'S', rateLimit: '10 per hour' },
  updatePhone: { summary: "Changes the user's phone number (resetting its verification).", auth: 'S' },
  getPrefs: { summary: "Gets the user's preferences object.", auth: 'S' },
  updatePrefs: { summary: "Replaces the user's preferences object.", auth: 'S' },
  createRecovery: { summary: 'Emails a password-reset link to the user. Complete it with updateRecovery.', auth: 'G', rateLimit: '10 per hour per email', remarks: 'The link is valid for 1 hour. Sends an email; never retried automatically.' },
  updateRecovery: { summary: 'Sets a new password with the userId and secret from the reset link.', auth: 'G', rateLimit: '10 per hour per user' },
  listSessions: { summary: "Lists the user's active sessions on all devices.", auth: 'S' },
  deleteSessions: { summary: 'Signs the user out everywhere: deletes all their sessions.', auth: 'S', rateLimit: '100 per hour' },
  createAnonymousSession: { summary: 'Signs in as a new anonymous user; upgrade later with updateEmail or updatePhone.', auth: 'G!', rateLimit: '50 per hour per IP' },
  createEmailPasswordSession: { summary: 'Signs in with email and password.', auth: 'G!', rateLimit: '10 per hour per email; reset by a successful sign-in' },
  updateMagicURLSession: { summary: 'Signs in with the userId and secret of a magic link.', auth: 'G!', rateLimit: '10 per hour' },
  createOAuth2Session: { summary: 'Builds the URL that starts an OAuth2 sign-in in a browser; the server sets the session cookie. Native apps should prefer createOAuth2Token.', auth: 'G', rateLimit: '50 per hour per IP' },
  updatePhoneSession: { summary: 'Signs in with the userId and the code of an SMS.', auth: 'G!', rateLimit: '10 per hour' },
  createSession: { summary: 'Signs in with a userId and secret from any token flow: phone or email OTP, magic link, or OAuth2 token.', auth: 'G!', rateLimit: '10 per hour per user', remarks: 'Phone and email codes are valid for 15 minutes; OAuth2 token secrets for about 60 seconds.' },
  getSession: { summary: "Gets one of the user's sessions; 'current' for this one.", auth: 'S' },
  updateSession: { summary: 'Extends a session, and refreshes its OAuth2 access token if it has one.', auth: 'S', rateLimit: '10 per hour' },
  deleteSession: { summary: "Deletes one session; 'current' signs out on this device.", auth: 'S', rateLimit: '100 per hour' },
  updateStatus: { summary: "Blocks the user's own account and signs it out. Only an admin can unblock it.", auth: 'S' },
  createPushTarget: { summary: 'Registers this device for push notifications.', auth: 'St' },
  updatePushTarget: { summary: "Updates a push target's identifier (a refreshed device token).", auth: 'St' },
  deletePushTarget: { summary: 'Removes a push target.', auth: 'St' },
  createEmailToken: { summary: 'Emails a 6-digit sign-in code, creating the user if the email is new. Complete with createSession.', auth: 'G', rateLimit: '10 per hour per email', remarks: 'The code is valid for 15 minutes. Sends an email; never retried automatically.' },
  createMagicURLToken: { summary: 'Emails a sign-in link, creating the user if the email is new. Complete with createSession.', auth: 'G', rateLimit: '60 per hour per email', remarks: 'The link is valid for 1 hour. Sends an email; never retried automatically.' },
  createOAuth2Token: { summary: 'Builds the URL that starts an OAuth2 sign-in in a browser and returns to `success` with userId and secret; complete with createSession.', auth: 'G', rateLimit: '50 per hour per IP' },
  createPhoneToken: { summary: 'Sends an SMS with a 6-digit sign-in code, creating the user if the number is new. Complete with createSession.', auth: 'G', rateLimit: '10 per hour per phone number', remarks: 'The code is valid for 15 minutes. The user ID is ignored when the number already has an account. Sends an SMS; never retried automatically.' },
  createEmailVerification: { summary: "Emails a link to verify the user's address. Complete with updateEmailVerification.", auth: 'S', rateLimit: '10 per hour per user', remarks: 'Sends an email; never retried automatically.' },
  updateEmailVerification: { summary: "Marks the user's email verified with the userId and secret from the link.", auth: 'P', rateLimit: '10 per hour' },
  createPhoneVerification: { summary: "Sends an SMS code to verify the user's phone. Complete with updatePhoneVerification.", auth: 'S', rateLimit: '10 per hour', remarks: 'Sends an SMS; never retried automatically.' },
  updatePhoneVerification: { summary: "Marks the user's phone verified with the code from the SMS.", auth: 'P', rateLimit: '10 per hour per user' },
};
