// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// Fixed-window abuse limits with the semantics of utopia-php/abuse `TimeLimit` as the server uses it:
// the window starts at `now - now % period`; `remaining` is computed before the hit and counts the current request
// (`limit - (count + 1)`, floored at 0); a request is refused once `count >= limit`; `X-RateLimit-Reset` is the
// window start plus the period, in epoch seconds. When limiting is disabled the headers are still computed (as on
// a server with `_APP_OPTIONS_ABUSE=disabled`) but nothing is counted.

export class RateLimiter {
  /** @param {{ enabled: boolean }} options */
  constructor(options) {
    this.enabled = options.enabled;
    /** @type {Map<string, { window: number, count: number }>} */
    this.counters = new Map();
  }

  /**
   * Checks and counts one request against `key`.
   * @param {string} key the expanded abuse key
   * @param {number} limit
   * @param {number} periodS
   * @param {number} nowMs
   * @returns {{ limit: number, remaining: number, reset: number, limited: boolean }}
   */
  hit(key, limit, periodS, nowMs) {
    const now = Math.floor(nowMs / 1000);
    const window = now - (now % periodS);
    const fullKey = `${key}|${window}`;
    let counter = this.counters.get(fullKey);
    if (!counter) {
      if (this.counters.size > 10_000) this.sweep(now);
      counter = { window, count: 0 };
      this.counters.set(fullKey, counter);
    }
    const remaining = Math.max(0, limit - (counter.count + 1));
    let limited = false;
    if (this.enabled) {
      if (limit > counter.count) counter.count += 1;
      else limited = true;
    }
    return { limit, remaining, reset: window + periodS, limited };
  }

  /** Resets the counter of `key` in the current window (the `abuse-reset` label: sign-in success). */
  reset(key, periodS, nowMs) {
    const now = Math.floor(nowMs / 1000);
    this.counters.delete(`${key}|${now - (now % periodS)}`);
  }

  /** Drops counters of windows that have ended. */
  sweep(nowS) {
    for (const [fullKey, counter] of this.counters) {
      if (counter.window + 86_400 < nowS) this.counters.delete(fullKey);
    }
  }
}

/**
 * Expands an abuse key label such as `url:{url},email:{param-email}`. Placeholders with no value stay literal, as
 * they do on the server.
 * @param {string} label
 * @param {Record<string, string>} values
 */
export function expandKey(label, values) {
  return label.replace(/\{[^}]+\}/g, (placeholder) => values[placeholder] ?? placeholder);
}
