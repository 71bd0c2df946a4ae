// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// Account events as the server generates them (`Event::generateEvents` and `Realtime::fromPayload` @1.9.6):
// the event names with every wildcard combination, the realtime channels, and the role that may receive them.

const ACTIONS = ['create', 'update', 'upsert', 'delete'];

/**
 * Expands an event pattern such as `users.[userId].sessions.[sessionId].create` into the event names the server
 * publishes, e.g. `users.U.sessions.S.create`, `users.*.sessions.*.create`, `users.U.sessions.*.create`, …
 * @param {string} pattern
 * @param {Record<string, string>} params
 * @returns {string[]}
 */
export function generateEvents(pattern, params) {
  const parts = pattern.split('.');
  const [type, resource] = parts;
  let subType = '';
  let subResource = '';
  let action;
  let attribute;
  if (parts.length >= 5 && parts[3].startsWith('[')) {
    [subType, subResource, action, attribute] = parts.slice(2);
  } else {
    [action, attribute] = parts.slice(2);
  }
  const patterns = [];
  if (action) {
    if (subResource) {
      if (attribute) patterns.push([type, resource, subType, subResource, action, attribute].join('.'));
      patterns.push([type, resource, subType, subResource, action].join('.'));
      patterns.push([type, resource, subType, subResource].join('.'));
    } else {
      patterns.push([type, resource, action].join('.'));
    }
    if (attribute) patterns.push([type, resource, action, attribute].join('.'));
  }
  if (subResource) patterns.push([type, resource, subType, subResource].join('.'));
  patterns.push([type, resource].join('.'));

  const keys = Object.keys(params);
  const fill = (p, star) => keys.reduce((out, k) => out.replaceAll(`[${k}]`, star.has(k) ? '*' : params[k]), p);
  const events = [];
  for (const p of [...new Set(patterns)]) {
    events.push(fill(p, new Set()));
    events.push(fill(p, new Set(keys)));
    for (const k of keys) for (const current of keys) if (current !== k) events.push(fill(p, new Set([current])));
  }
  return [...new Set(events)];
}

/**
 * The channels of a `users.*` event: `account` and `account.<userId>`, plus `.<action>` siblings for top-level
 * user events (`users.U.update.name` → `account.update`, `account.U.update`).
 */
export function accountChannels(event) {
  const parts = event.split('.');
  const userId = parts[1];
  const channels = ['account', `account.${userId}`];
  const last = parts[parts.length - 1];
  let action = ACTIONS.includes(last) ? last : ACTIONS.includes(parts[parts.length - 2]) ? parts[parts.length - 2] : null;
  if (action !== null && parts[2] !== action) action = null;
  if (action) channels.push(`account.${action}`, `account.${userId}.${action}`);
  return channels;
}

/** Converts the channels a client subscribes to, for a connection of `userId` (`Realtime::convertChannels`). */
export function convertChannels(channels, userId) {
  const out = [];
  for (const channel of channels) {
    if (channel === 'account') {
      out.push(channel);
      if (userId) out.push(`account.${userId}`);
    } else if (channel.startsWith('account.') && ACTIONS.includes(channel.slice(8))) {
      out.push(userId ? `account.${userId}.${channel.slice(8)}` : channel);
    } else if (!channel.startsWith('account.')) {
      out.push(channel);
    }
  }
  return [...new Set(out)];
}

/** Re-binds stored account channels after in-band authentication changes the user (`rebindAccountChannels`). */
export function rebindAccountChannels(channels, oldUserId, newUserId) {
  if (!newUserId || oldUserId === newUserId) return channels;
  return channels.map((channel) => {
    if (!channel.startsWith('account.')) return channel;
    if (!oldUserId) {
      const suffix = channel.slice(8);
      return ACTIONS.includes(suffix) ? `account.${newUserId}.${suffix}` : channel;
    }
    if (channel === `account.${oldUserId}`) return `account.${newUserId}`;
    const prefix = `account.${oldUserId}.`;
    if (channel.startsWith(prefix) && ACTIONS.includes(channel.slice(prefix.length))) return `account.${newUserId}.${channel.slice(prefix.length)}`;
    return channel;
  });
}
