// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// OAuth2 without a real provider. createOAuth2Session/createOAuth2Token redirect (301) to an emulator page,
// "Continue as a test user of <provider>", which plays the provider. Its Continue button goes to the server's own
// return route, `/v1/account/sessions/oauth2/<provider>/redirect`, which does what the server does after a real
// provider: find or create the user and the identity, then either set the session cookie (session flow) or append
// `userId` and `secret` to the success URL (token flow, the native deep-link flow).

import { issueSession, signJwt } from '../auth.mjs';
import { emailMetadata } from '../email-meta.mjs';
import { AppwriteError } from '../errors.mjs';
import { sessionModel } from '../models.mjs';
import { optional, param } from '../router.mjs';
import { randomHex, sha256, uniqueId } from '../util.mjs';
import * as v from '../validators.mjs';
import { addTarget, createToken, insertUser, newUser, redirectValidator, touch, withQuery } from './common.mjs';

/** The provider keys of app/config/oAuthProviders.php in server 1.9.6, mocks included. */
export const PROVIDERS = ['amazon', 'apple', 'auth0', 'authentik', 'autodesk', 'bitbucket', 'bitly', 'box', 'dailymotion', 'discord', 'disqus',
  'dropbox', 'etsy', 'facebook', 'figma', 'fusionauth', 'github', 'gitlab', 'google', 'keycloak', 'kick', 'linkedin', 'microsoft', 'notion',
  'oidc', 'okta', 'paypal', 'paypalSandbox', 'podio', 'salesforce', 'slack', 'spotify', 'stripe', 'tradeshift', 'tradeshiftBox', 'twitch',
  'wordpress', 'x', 'yahoo', 'yammer', 'yandex', 'zoho', 'zoom', 'mock', 'mock-unverified'];

const NAMES = { github: 'GitHub', gitlab: 'GitLab', linkedin: 'LinkedIn', paypalSandbox: 'PayPal Sandbox', paypal: 'PayPal', oidc: 'OpenID Connect',
  x: 'X', tradeshiftBox: 'Tradeshift Sandbox', wordpress: 'WordPress', fusionauth: 'FusionAuth', auth0: 'Auth0' };

export const providerName = (provider) => NAMES[provider] ?? provider.charAt(0).toUpperCase() + provider.slice(1);

const SESSION_DURATION_MS = 31536000 * 1000;
const encodeState = (state) => Buffer.from(JSON.stringify(state)).toString('base64url');

function decodeState(text) {
  try {
    const state = JSON.parse(Buffer.from(String(text), 'base64url').toString('utf8'));
    return state && typeof state === 'object' ? state : null;
  } catch {
    return null;
  }
}

/** createOAuth2Session and createOAuth2Token: validate, then send the browser to the emulated provider. */
function start(token) {
  return {
    method: 'GET',
    path: token ? '/v1/account/tokens/oauth2/:provider' : '/v1/account/sessions/oauth2/:provider',
    scope: 'sessions.write',
    abuse: { limit: 50, keys: ['ip:{ip}'] },
    params: [
      param('provider', v.whiteList(PROVIDERS, true)),
      optional('success', redirectValidator, ''),
      optional('failure', redirectValidator, ''),
      optional('scopes', v.arrayList(v.text(4096), 100), []),
    ],
    handler(ctx, p) {
      const state = {
        success: p.success || `${ctx.baseUrl}/console/auth/oauth2/success`,
        failure: p.failure || `${ctx.baseUrl}/console/auth/oauth2/failure`,
        token,
        scopes: Array.isArray(p.scopes) ? p.scopes : Object.values(p.scopes ?? {}),
      };
      const location = withQuery(`${ctx.baseUrl}/_emulator/oauth2/${encodeURIComponent(p.provider)}/authorize`, { project: ctx.project.id, state: encodeState(state) });
      ctx.setHeader('Cache-Control', 'no-store, no-cache, must-revalidate, max-age=0');
      ctx.setHeader('Pragma', 'no-cache');
      return { status: 301, location };
    },
  };
}

/** Finds or creates the user of an OAuth2 sign-in, linking the identity (the server's redirect route). */
function signInUser(ctx, provider, email, name) {
  const project = ctx.project;
  const providerUid = `${provider}-${sha256(`${provider}:${email}`).slice(0, 16)}`;
  let user = ctx.user;
  if (user) {
    if (project.identityEmailTaken(email, user.$id)) throw new AppwriteError('user_already_exists');
    const other = project.userByEmail(email);
    if (other && other !== user) throw new AppwriteError('user_already_exists');
    // The server replaces the session the browser had with the new one.
    if (ctx.session) user.sessions = user.sessions.filter((s) => s !== ctx.session);
  }
  if (!user) {
    const identityOwner = [...project.users.values()].find((u) => u.identities.some((i) => i.provider === provider && i.providerUid === providerUid));
    user = identityOwner ?? project.userByEmail(email) ?? null;
  }
  if (!user) {
    const owners = project.identityEmails.get(email);
    const ownerId = owners ? [...owners][0] : undefined;
    user = ownerId ? project.users.get(ownerId) ?? null : null;
  }
  if (!user) {
    user = insertUser(ctx, newUser(ctx, uniqueId(ctx.now()), { email, name, emailVerification: true, emailMeta: emailMetadata(email) }));
    addTarget(ctx, user, { providerType: 'email', identifier: email });
  }
  if (user.status === false) throw new AppwriteError('user_blocked');
  const now = ctx.now();
  const tokens = { providerAccessToken: randomHex(20), providerRefreshToken: randomHex(20), providerAccessTokenExpiry: now + 3600_000 };
  let identity = user.identities.find((i) => i.provider === provider && i.providerUid === providerUid);
  if (!identity) {
    if (project.identityEmailTaken(email, user.$id)) throw new AppwriteError('general_bad_request');
    identity = { $id: uniqueId(now), $createdAt: now, $updatedAt: now, userId: user.$id, provider, providerUid, providerEmail: email, ...tokens };
    user.identities.push(identity);
    project.indexIdentity(identity);
  } else {
    Object.assign(identity, tokens, { $updatedAt: now });
  }
  if (!user.email) {
    project.setEmail(user, email);
    user.emailMeta = emailMetadata(email);
  }
  if (!user.name) user.name = name;
  touch(ctx, user);
  return { user, providerUid, tokens };
}

/** `/v1/account/sessions/oauth2/:provider/redirect`: where the emulated provider sends the browser back. */
const redirectRoute = {
  method: 'GET',
  path: '/v1/account/sessions/oauth2/:provider/redirect',
  scope: 'public',
  groups: ['session'],
  abuse: { limit: 50, keys: ['ip:{ip}'] },
  event: 'users.[userId].sessions.[sessionId].create',
  audit: 'session.create',
  params: [
    param('provider', v.whiteList(PROVIDERS, true)),
    optional('code', v.text(2048, 0), ''),
    optional('state', v.text(2048), ''),
    optional('error', v.text(2048, 0), ''),
    optional('error_description', v.text(2048, 0), ''),
  ],
  handler(ctx, p) {
    const state = decodeState(p.state) ?? { success: `${ctx.baseUrl}/console/auth/oauth2/success`, failure: '', token: false };
    const fail = (type, message) => {
      const error = new AppwriteError(type, message);
      if (!state.failure) throw error;
      const code = error.code;
      return { status: 301, location: withQuery(state.failure, { error: JSON.stringify({ message: error.message, type, code }) }) };
    };
    const name = providerName(p.provider);
    if (p.error) return fail('user_oauth2_provider_error', `The ${name} OAuth2 provider returned an error: ${p.error}${p.error_description ? `: ${p.error_description}` : ''}`);
    if (!p.code) return fail('user_oauth2_provider_error', 'Missing OAuth2 code. Please contact the Appwrite team for additional support.');
    const email = v.normaliseEmail(ctx.input.email || `test.user@${p.provider.toLowerCase()}.example`);
    if (!v.email().isValid(email)) return fail('general_invalid_email');
    const displayName = String(ctx.input.name || `Test User (${name})`).slice(0, 128);
    let signedIn;
    try {
      signedIn = signInUser(ctx, p.provider, email, displayName);
    } catch (e) {
      if (e instanceof AppwriteError) return fail(e.type);
      throw e;
    }
    const { user, providerUid, tokens } = signedIn;
    ctx.user = ctx.auditUser = user;
    ctx.setHeader('Cache-Control', 'no-store, no-cache, must-revalidate, max-age=0');
    ctx.setHeader('Pragma', 'no-cache');
    const now = ctx.now();
    if (state.token) {
      const { token, secret } = createToken(ctx, user, { type: 'oauth2', ttlMs: SESSION_DURATION_MS, secret: randomHex(32), provider: p.provider });
      // As on the server, the secret travels inside a 60-second JWT that also names the provider.
      const wrapped = signJwt(ctx.store.jwtKey, { secret, provider: p.provider }, now, 60);
      ctx.eventName = 'users.[userId].tokens.[tokenId].create';
      ctx.eventParams = { userId: user.$id, tokenId: token.$id };
      ctx.eventPayload = { $id: token.$id, userId: user.$id };
      return { status: 301, location: withQuery(state.success, { secret: wrapped, userId: user.$id }) };
    }
    const session = issueSession(ctx, user, { provider: p.provider, providerUid, factors: ['email', 'oauth2'], ...tokens });
    ctx.eventParams = { userId: user.$id, sessionId: session.$id };
    ctx.eventPayload = sessionModel(session, true);
    let success = state.success;
    if (new URL(success, ctx.baseUrl).pathname === '/console/auth/oauth2/success') {
      // The server adds the cookie to its default success page only; native SDKs read it from there.
      success = withQuery(success, { project: ctx.project.id, key: `a_session_${ctx.project.id}`, secret: ctx.newSessionCookie });
    }
    return { status: 301, location: success, body: { userId: user.$id } };
  },
};

/** @type {import('../router.mjs').Route[]} */
export const oauthRoutes = [start(false), start(true), redirectRoute];

const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

function page(title, body) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#222}
label{display:block;margin:.75rem 0 .25rem}input{width:100%;padding:.5rem;font-size:1rem;box-sizing:border-box}
button,a.button{display:inline-block;margin:1rem .5rem 0 0;padding:.6rem 1.2rem;font-size:1rem;border-radius:6px;border:1px solid #888;background:#f4f4f4;color:#222;text-decoration:none}
button.primary{background:#fd366e;border-color:#fd366e;color:#fff}code{word-break:break-all}</style></head><body>${body}</body></html>`;
}

/**
 * The emulator's non-API pages: the emulated provider's consent page and the console pages the server uses as
 * default redirect targets.
 * @returns {{ status: number, html: string } | null}
 */
export function oauthPage(emu, url) {
  const authorize = /^\/_emulator\/oauth2\/([^/]+)\/authorize$/.exec(url.pathname);
  if (authorize) {
    const provider = decodeURIComponent(authorize[1]);
    const project = url.searchParams.get('project') ?? '';
    const state = url.searchParams.get('state') ?? '';
    if (!PROVIDERS.includes(provider) || !emu.store.projects.has(project)) return { status: 404, html: page('Not found', '<h1>Unknown provider or project</h1>') };
    const name = providerName(provider);
    const action = `/v1/account/sessions/oauth2/${encodeURIComponent(provider)}/redirect`;
    const email = `test.user@${provider.toLowerCase()}.example`;
    const continueLink = `${action}?${new URLSearchParams({ project, state, code: 'emulator', email, name: `Test User (${name})` })}`;
    const cancelLink = `${action}?${new URLSearchParams({ project, state, error: 'access_denied', error_description: 'The test user cancelled the sign-in.' })}`;
    return {
      status: 200,
      html: page(`${name} sign-in (Appwrite emulator)`, `<h1>Continue as a test user of ${escapeHtml(name)}</h1>
<p>This page stands in for ${escapeHtml(name)}. No real account is used: the emulator signs in the test user below.</p>
<form method="get" action="${escapeHtml(action)}">
<input type="hidden" name="project" value="${escapeHtml(project)}"><input type="hidden" name="state" value="${escapeHtml(state)}"><input type="hidden" name="code" value="emulator">
<label for="email">Email</label><input id="email" name="email" type="email" value="${escapeHtml(email)}">
<label for="name">Name</label><input id="name" name="name" value="Test User (${escapeHtml(name)})">
<button class="primary" type="submit">Continue</button><a class="button" id="cancel" href="${escapeHtml(cancelLink)}">Cancel</a>
</form><p><a id="continue" href="${escapeHtml(continueLink)}">Continue with the default test user</a></p>`),
    };
  }
  if (url.pathname === '/console/auth/oauth2/success') {
    return { status: 200, html: page('Signed in', '<h1>Signed in</h1><p>The OAuth2 sign-in with the Appwrite emulator succeeded. You can close this window and return to the app.</p>') };
  }
  if (url.pathname === '/console/auth/oauth2/failure') {
    const error = url.searchParams.get('error') ?? '';
    return { status: 200, html: page('Sign-in failed', `<h1>Sign-in failed</h1><p><code>${escapeHtml(error)}</code></p>`) };
  }
  if (url.pathname === '/console/auth/magic-url') {
    return { status: 200, html: page('Magic URL', `<h1>Magic URL</h1><p>Create the session with <code>account.createSession({ userId, secret })</code> using userId <code>${escapeHtml(url.searchParams.get('userId') ?? '')}</code> and the secret in this link.</p>`) };
  }
  return null;
}
