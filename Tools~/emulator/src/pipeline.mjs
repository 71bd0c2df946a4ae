// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// One API request, in the order the 1.9.6 server applies its hooks:
//   body limit → project → route → caller (cookie, headers, JWT) → scope → blocked → MFA factors → rate limits →
//   route groups (`mfaProtected`, guests-only `session`) → parameters → action →
//   session limit, rate-limit reset, account log, realtime event, snapshot.

import { enforceSessionLimit, resolveCaller } from './auth.mjs';
import { AppwriteError, errorResponse, invalidParam, missingParam } from './errors.mjs';
import { accountChannels, generateEvents } from './events.mjs';
import { headerValue, parseCookies, readBody, requestParams } from './http-utils.mjs';
import { expandKey } from './rate-limit.mjs';
import { detect } from './user-agent.mjs';
import { hostnameAllowed } from './validators.mjs';
import { normaliseIp } from './util.mjs';

const GUEST_SCOPES = new Set(['global', 'public', 'home', 'console', 'graphql', 'sessions.write', 'documents.read', 'documents.write',
  'rows.read', 'rows.write', 'files.read', 'files.write', 'locale.read', 'avatars.read', 'executions.write']);
const USER_SCOPES = new Set(['global', 'public', 'home', 'console', 'graphql', 'sessions.write', 'account', 'teams.read', 'teams.write',
  'presences.read', 'presences.write', 'documents.read', 'documents.write', 'rows.read', 'rows.write', 'files.read', 'files.write',
  'projects.read', 'locale.read', 'avatars.read', 'executions.read', 'executions.write', 'targets.read', 'targets.write',
  'subscribers.write', 'subscribers.read', 'assistant.read', 'rules.read']);
const USER_ACCESS_MS = 24 * 3600 * 1000; // accessedAt is refreshed at most once a day (APP_USER_ACCESS)
const MFA_RECENT_MS = 30 * 60 * 1000; // MFA_RECENT_DURATION

/**
 * The per-request context handed to route handlers.
 * @param {any} emu the running emulator (see server.mjs)
 * @param {import('node:http').IncomingMessage} req
 * @param {URL} url
 * @param {Record<string, any>} query
 */
export function createContext(emu, req, url, query) {
  const headers = req.headers;
  const userAgent = headerValue(headers, 'user-agent');
  /** @type {Record<string, string>} */
  const outHeaders = {};
  /** @type {string[]} */
  const cookies = [];
  return {
    emu,
    config: emu.config,
    store: emu.store,
    now: emu.now,
    req,
    url,
    method: req.method === 'HEAD' ? 'GET' : req.method ?? 'GET',
    query,
    headers,
    ip: normaliseIp(req.socket.remoteAddress),
    userAgent,
    device: detect(userAgent),
    origin: headerValue(headers, 'origin'),
    baseUrl: `http://${headerValue(headers, 'host') || `${emu.config.host}:${emu.port}`}`,
    secure: false,
    /** @type {any} */ project: null,
    /** @type {any} */ user: null,
    /** @type {any} */ session: null,
    viaJwt: false,
    cookieSecret: '',
    /** @type {any} */ route: null,
    input: /** @type {Record<string, any>} */ ({}),
    outHeaders,
    cookies,
    /** @type {any} */ auditUser: undefined,
    /** @type {Record<string, string> | null} */ eventParams: null,
    /** @type {string | null} */ eventName: null,
    /** @type {unknown} */ eventPayload: undefined,
    newSessionCookie: '',
    setHeader(name, value) {
      outHeaders[name] = String(value);
    },
    addCookie(line) {
      cookies.push(line);
    },
  };
}

function checkOrigin(ctx) {
  const platforms = ctx.config.platforms;
  if (!platforms.length || !ctx.origin) return;
  let host = '';
  let scheme = '';
  try {
    const parsed = new URL(ctx.origin);
    host = parsed.hostname.toLowerCase();
    scheme = parsed.protocol.slice(0, -1);
  } catch {
    throw new AppwriteError('general_unknown_origin', 'Invalid Origin.');
  }
  const schemes = ctx.project ? ['exp', `appwrite-callback-${ctx.project.id}`] : [];
  if (['http', 'https'].includes(scheme) ? hostnameAllowed(host, ctx.emu.allowedHostnames) : schemes.includes(scheme)) return;
  throw new AppwriteError('general_unknown_origin', `Invalid Origin. Register your new client (${host}) as a new Web platform on your project console dashboard`);
}

function minimumFactors(user) {
  const totp = user.authenticators.some((a) => a.type === 'totp' && a.verified);
  return user.mfa && (user.emailVerification || user.phoneVerification || totp) ? 2 : 1;
}

/** Applies the route's abuse limits; sets the X-RateLimit headers of the closest limit. */
function applyRateLimits(ctx, route, input) {
  if (!route.abuse) return;
  const { limit, time = 3600, keys = ['url:{url},ip:{ip}'] } = route.abuse;
  const values = abuseValues(ctx, route, input);
  let closest = null;
  for (const label of keys) {
    const result = ctx.emu.limiter.hit(expandKey(label, values), limit, time, ctx.now());
    if (closest === null || result.remaining < closest) {
      closest = result.remaining;
      ctx.setHeader('X-RateLimit-Limit', result.limit);
      ctx.setHeader('X-RateLimit-Remaining', result.remaining);
      ctx.setHeader('X-RateLimit-Reset', result.reset);
    }
    if (result.limited) throw new AppwriteError('general_rate_limit_exceeded');
  }
}

function abuseValues(ctx, route, input) {
  /** @type {Record<string, string>} */
  const values = {
    '{url}': `${ctx.url.hostname}${route.path}`,
    '{ip}': ctx.ip,
    '{userId}': ctx.user?.$id ?? '',
    '{projectId}': ctx.project.id,
    '{method}': ctx.method,
    '{userAgent}': ctx.userAgent,
  };
  for (const [name, value] of Object.entries(input)) {
    if (value === '' || value === null || value === undefined || value === false || value === 0 || value === '0') continue;
    values[`{param-${name}}`] = typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
  return values;
}

/** Validates the route parameters as utopia-php/http does, in declaration order. */
function validateParams(ctx, route, input, pathParams) {
  /** @type {Record<string, any>} */
  const out = {};
  for (const p of route.params ?? []) {
    const inPath = Object.hasOwn(pathParams, p.name);
    const present = inPath || Object.hasOwn(input, p.name);
    const value = inPath ? pathParams[p.name] : input[p.name];
    if (!present) {
      if (!p.optional) throw missingParam(p.name);
      out[p.name] = p.default;
      continue;
    }
    if (p.optional && value === null) {
      out[p.name] = p.default;
      continue;
    }
    const validator = typeof p.validator === 'function' ? p.validator(ctx) : p.validator;
    if (!validator.isValid(value)) throw invalidParam(p.name, validator.description());
    out[p.name] = value;
  }
  return out;
}

function recordAudit(ctx, route) {
  const user = ctx.auditUser === undefined ? ctx.user : ctx.auditUser;
  if (!route.audit || !user) return;
  ctx.project.addLog(user, {
    event: route.audit,
    userId: user.$id,
    userEmail: user.email ?? '',
    userName: user.name ?? '',
    mode: 'default',
    userType: 'user',
    ip: ctx.ip,
    time: ctx.now(),
    device: { ...ctx.device },
  });
}

function publishEvent(ctx, route, result) {
  const pattern = ctx.eventName ?? route.event;
  if (!pattern || !ctx.eventParams) return;
  const events = generateEvents(pattern, ctx.eventParams);
  const payload = ctx.eventPayload !== undefined ? ctx.eventPayload : result.body ?? {};
  ctx.emu.realtime.publish(ctx.project.id, {
    events,
    channels: accountChannels(events[0]),
    roles: [`user:${ctx.eventParams.userId}`],
    payload,
  });
}

/**
 * Runs an API request and returns the result to send: `{ status, body?, text?, html?, location? }`.
 * @param {ReturnType<typeof createContext>} ctx
 */
export async function runApi(ctx) {
  const { req, emu } = ctx;
  const { body, tooLarge } = await readBody(req, ctx.config.maxBodyBytes);
  if (tooLarge) {
    throw new AppwriteError('general_argument_invalid', `Request body is larger than the limit of ${ctx.config.maxBodyBytes} bytes.`, 413);
  }
  const { params: input, bodyError } = requestParams(ctx.method, ctx.query, headerValue(ctx.headers, 'content-type'), body);
  ctx.input = input;

  const projectId = headerValue(ctx.headers, 'x-appwrite-project') || (typeof ctx.query.project === 'string' ? ctx.query.project : '');
  ctx.project = emu.store.projects.get(projectId) ?? null;
  checkOrigin(ctx);
  if (!ctx.project) throw new AppwriteError('project_not_found');
  const match = emu.router.match(req.method ?? 'GET', ctx.url.pathname);
  if (!match) throw new AppwriteError('general_route_not_found');
  const route = match.route;
  ctx.route = route;

  resolveCaller(ctx, { headers: ctx.headers, cookies: parseCookies(headerValue(ctx.headers, 'cookie')), query: ctx.query });
  const user = ctx.user;
  if (user && ctx.now() - user.accessedAt > USER_ACCESS_MS) {
    user.accessedAt = ctx.now();
    user.$updatedAt = ctx.now();
    emu.store.changed();
  }

  const scopes = user ? USER_SCOPES : GUEST_SCOPES;
  if (!scopes.has(route.scope)) {
    throw new AppwriteError('general_unauthorized_scope', `${user ? user.email || '' : 'User'} (role: ${user ? 'users' : 'guests'}) missing scopes (${JSON.stringify([route.scope])})`);
  }
  if (user && user.status === false) throw new AppwriteError('user_blocked');
  const groups = route.groups ?? [];
  if (user && ctx.session && !groups.includes('mfa') && ctx.session.factors.length < minimumFactors(user)) {
    throw new AppwriteError('user_more_factors_required');
  }

  applyRateLimits(ctx, route, input);

  if (groups.includes('mfaProtected')) {
    const last = ctx.session?.mfaUpdatedAt;
    if (!last || last + MFA_RECENT_MS < ctx.now()) throw new AppwriteError('user_challenge_required');
  }
  if (groups.includes('session') && user && !ctx.url.pathname.includes('oauth2')) {
    throw new AppwriteError('user_session_already_exists');
  }
  if (bodyError) throw bodyError;

  const params = validateParams(ctx, route, input, match.pathParams);
  const result = await route.handler(ctx, params);

  if (result.status >= 200 && result.status < 300) {
    if (groups.includes('session') && result.body?.userId) {
      const owner = ctx.project.users.get(result.body.userId);
      if (owner) enforceSessionLimit(owner, emu.config.sessionLimit);
    }
    if (route.abuse?.reset?.includes(result.status)) {
      const values = abuseValues(ctx, route, input);
      for (const label of route.abuse.keys ?? ['url:{url},ip:{ip}']) emu.limiter.reset(expandKey(label, values), route.abuse.time ?? 3600, ctx.now());
    }
    recordAudit(ctx, route);
    publishEvent(ctx, route, result);
  }
  if (ctx.method !== 'GET') emu.store.changed();
  return result;
}

/** The result for a thrown error: JSON error body, with the server's `Cache-Control` on errors. */
export function errorResult(ctx, error) {
  if (!(error instanceof AppwriteError)) ctx.emu.logError(error);
  const { status, body } = errorResponse(error);
  ctx.setHeader('Cache-Control', 'no-cache, no-store, must-revalidate');
  ctx.setHeader('Expires', '0');
  ctx.setHeader('Pragma', 'no-cache');
  return { status, body };
}
