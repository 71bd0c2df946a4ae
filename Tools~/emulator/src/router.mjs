// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// Route table and matching. A route is declared once with its server labels (scope, groups, abuse limits, event,
// audit) and its parameters; aliases share everything, including the rate-limit counters (the server keys them by
// the route's main path).

/**
 * @typedef {object} Param
 * @property {string} name
 * @property {import('./validators.mjs').Validator | ((ctx: any) => import('./validators.mjs').Validator)} validator
 * @property {boolean} [optional]
 * @property {unknown} [default]
 *
 * @typedef {object} Route
 * @property {string} method
 * @property {string} path main path, `:name` for path parameters
 * @property {string[]} [aliases]
 * @property {string} scope `account`, `sessions.write`, `targets.write`, `public` or `global`
 * @property {string[]} [groups] `session` (guests only), `mfa` (allowed before the second factor), `mfaProtected`
 * @property {{ limit: number, time?: number, keys?: string[], reset?: number[] }} [abuse]
 * @property {string} [event] event pattern, e.g. `users.[userId].update.name`
 * @property {string} [audit] audit event for the account logs, e.g. `session.create`
 * @property {Param[]} [params]
 * @property {(ctx: any, params: Record<string, any>) => Promise<any> | any} handler
 */

/** Shorthand for a parameter declaration. */
export function param(name, validator, options = {}) {
  return { name, validator, optional: false, ...options };
}

export function optional(name, validator, defaultValue) {
  return { name, validator, optional: true, default: defaultValue };
}

export class Router {
  constructor() {
    /** @type {Array<{ route: Route, method: string, segments: string[], statics: number }>} */
    this.entries = [];
  }

  /** @param {Route[]} routes */
  add(routes) {
    for (const route of routes) {
      for (const path of [route.path, ...(route.aliases ?? [])]) {
        const segments = path.split('/').filter(Boolean);
        this.entries.push({ route, method: route.method, segments, statics: segments.filter((s) => !s.startsWith(':')).length });
      }
    }
    // Static segments win over parameters (`/sessions/anonymous` before `/sessions/:sessionId`).
    this.entries.sort((a, b) => b.statics - a.statics);
  }

  /**
   * @param {string} method
   * @param {string} pathname
   * @returns {{ route: Route, pathParams: Record<string, string> } | null}
   */
  match(method, pathname) {
    const verb = method === 'HEAD' ? 'GET' : method;
    const parts = pathname.split('/').filter(Boolean);
    for (const entry of this.entries) {
      if (entry.method !== verb || entry.segments.length !== parts.length) continue;
      /** @type {Record<string, string>} */
      const pathParams = {};
      let ok = true;
      for (let i = 0; i < parts.length; i++) {
        const segment = entry.segments[i];
        if (segment.startsWith(':')) {
          try {
            pathParams[segment.slice(1)] = decodeURIComponent(parts[i]);
          } catch {
            pathParams[segment.slice(1)] = parts[i];
          }
        } else if (segment !== parts[i]) {
          ok = false;
          break;
        }
      }
      if (ok) return { route: entry.route, pathParams };
    }
    return null;
  }
}
