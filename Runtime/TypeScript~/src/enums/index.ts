// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// Enums as frozen objects (no TS `enum`, which cannot be tree-shaken or read by the C# generator as data).
// Member names follow the official Web SDK so code ports; values are what the 1.9.6 server accepts.

/**
 * OAuth2 providers accepted by server 1.9.6 (strict, case-sensitive). Web SDK 26.2.0 also lists `appwrite`, which
 * only the server's main branch accepts, so it is left out here.
 */
export const OAuthProvider = {
  Amazon: 'amazon', Apple: 'apple', Auth0: 'auth0', Authentik: 'authentik', Autodesk: 'autodesk',
  Bitbucket: 'bitbucket', Bitly: 'bitly', Box: 'box', Dailymotion: 'dailymotion', Discord: 'discord',
  Disqus: 'disqus', Dropbox: 'dropbox', Etsy: 'etsy', Facebook: 'facebook', Figma: 'figma',
  Fusionauth: 'fusionauth', Github: 'github', Gitlab: 'gitlab', Google: 'google', Keycloak: 'keycloak',
  Kick: 'kick', Linkedin: 'linkedin', Microsoft: 'microsoft', Notion: 'notion', Oidc: 'oidc', Okta: 'okta',
  Paypal: 'paypal', PaypalSandbox: 'paypalSandbox', Podio: 'podio', Salesforce: 'salesforce', Slack: 'slack',
  Spotify: 'spotify', Stripe: 'stripe', Tradeshift: 'tradeshift', TradeshiftBox: 'tradeshiftBox',
  Twitch: 'twitch', Wordpress: 'wordpress', X: 'x', Yahoo: 'yahoo', Yammer: 'yammer', Yandex: 'yandex',
  Zoho: 'zoho', Zoom: 'zoom',
} as const;
export type OAuthProvider = (typeof OAuthProvider)[keyof typeof OAuthProvider];

/** Authenticator app types for MFA. */
export const AuthenticatorType = { Totp: 'totp' } as const;
export type AuthenticatorType = (typeof AuthenticatorType)[keyof typeof AuthenticatorType];

/** Factors an MFA challenge can use. The server matches case-insensitively; the SDK value is `recoverycode`. */
export const AuthenticationFactor = { Email: 'email', Phone: 'phone', Totp: 'totp', Recoverycode: 'recoverycode' } as const;
export type AuthenticationFactor = (typeof AuthenticationFactor)[keyof typeof AuthenticationFactor];

/** Every enum by name, for validators and the C# generator. */
export const enums = { OAuthProvider, AuthenticatorType, AuthenticationFactor } as const;
export type EnumName = keyof typeof enums;
