// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// Parameter validators with the server's rules and descriptions (utopia-php/validators 0.2.6, utopia-php/database
// 6.0.0 Key/UID, Appwrite's CustomId, Password, Phone and Redirect validators @1.9.6). A failed check becomes
// ``Invalid `<name>` param: <description>``, so the descriptions are the server's words.
//
// Every validator is `{ isValid(value): boolean, description(): string }`; `description` is read after `isValid`
// because some (Redirect, Queries) describe the last failure.

import { isPlainObject } from './util.mjs';

/** @typedef {{ isValid(value: unknown): boolean, description(): string }} Validator */

const byteLength = (s) => Buffer.byteLength(s, 'utf8');
const charLength = (s) => [...s].length; // mb_strlen counts code points

/** `Text(length, min)`: a string of `min`..`length` characters (`length` 0 = unbounded). */
export function text(length, min = 1) {
  return {
    isValid: (v) => typeof v === 'string' && charLength(v) >= min && (length === 0 || charLength(v) <= length),
    description() {
      let message = 'Value must be a valid string';
      if (min === length) return `${message} and exactly ${length} chars`;
      if (min) message += ` and at least ${min} chars`;
      if (length) message += ` and no longer than ${length} chars`;
      return message;
    },
  };
}

function keyRule(value, maxLength) {
  if (typeof value !== 'string' || value === '') return false;
  if (/^[_.\-$]/.test(value)) return false;
  if (/[^A-Za-z0-9_.-]/.test(value)) return false;
  return charLength(value) <= maxLength;
}

/** `Key`: an id of at most 36 chars from `[A-Za-z0-9_.-]`, not starting with a special char. */
export function key(maxLength = 36) {
  return {
    isValid: (v) => keyRule(v, maxLength),
    description: () => `Parameter must contain at most ${maxLength} chars. Valid chars are a-z, A-Z, 0-9, period, hyphen, and underscore. Can't start with a special char`,
  };
}

/** `UID`: the Key rule with the UID wording (path ids, and userId of recovery/verification confirmations). */
export function uid(maxLength = 36) {
  return {
    isValid: (v) => keyRule(v, maxLength),
    description: () => `UID must contain at most ${maxLength} chars. Valid chars are a-z, A-Z, 0-9, and underscore. Can't start with a leading underscore`,
  };
}

/** `CustomId`: the literal `unique()` or a Key. */
export function customId(maxLength = 36) {
  const base = key(maxLength);
  return { isValid: (v) => v === 'unique()' || base.isValid(v), description: base.description };
}

// The dot-atom local part and hostname domain of PHP's FILTER_VALIDATE_EMAIL (quoted local parts and address
// literals, which the filter also allows, are not accepted here).
const LOCAL_ATOM = "[!#-'*+\\-/-9=?^-~]+";
const EMAIL_RE = new RegExp(
  `^${LOCAL_ATOM}(?:\\.${LOCAL_ATOM})*@(?:(?:xn--)?[a-z0-9]+(?:-+[a-z0-9]+)*\\.)+(?:[a-z][a-z0-9]*|xn--[a-z0-9]+)(?:-+[a-z0-9]+)*$`,
);

/** Normalises an email as the validator and the server do: trimmed, lowercased. */
export function normaliseEmail(value) {
  return String(value).trim().toLowerCase();
}

/** utopia-php/emails `Email`: trimmed and lowercased, exactly one `@`, then the FILTER_VALIDATE_EMAIL shape. */
export function email() {
  return {
    isValid(v) {
      if (typeof v !== 'string') return false;
      const address = normaliseEmail(v);
      const parts = address.split('@');
      if (parts.length !== 2 || parts[0] === '' || parts[1] === '') return false;
      if (parts[0].length > 64 || address.length > 254) return false;
      if (parts[1].split('.').some((label) => label.length > 63)) return false;
      return EMAIL_RE.test(address);
    },
    description: () => 'Value must be a valid email address',
  };
}

/** Appwrite `Phone` (server 1.9.6): E.164, `+` then 7 to 15 digits, no leading zero. */
export function phone() {
  return {
    isValid: (v) => typeof v === 'string' && /^\+[1-9]\d{6,14}$/.test(v),
    description: () => "Phone number must start with a '+' can have a maximum of fifteen digits.",
  };
}

/** Appwrite `Password` (sign-in, updateEmail, updatePhone): 8..256 bytes. */
export function password() {
  return {
    isValid: (v) => typeof v === 'string' && byteLength(v) >= 8 && byteLength(v) <= 256,
    description: () => 'Password must be between 8 and 256 characters long.',
  };
}

/** `PasswordStrength` with the default project policy (new passwords): the same 8..256 byte rule. */
export const passwordStrength = password;

/** `Boolean`; strict accepts JSON booleans only, loose also `"true"`, `"false"`, `"1"`, `"0"`, `1`, `0`. */
export function boolean(loose = false) {
  const looseValues = new Set(['true', 'false', '1', '0', 1, 0]);
  return {
    isValid: (v) => typeof v === 'boolean' || (loose && looseValues.has(/** @type {any} */ (v))),
    description: () => 'Value must be a valid boolean',
  };
}

/** Converts a value accepted by a loose Boolean to a boolean. */
export function toBoolean(v) {
  return v === true || v === 'true' || v === '1' || v === 1;
}

const formatNumber = (n) => n.toLocaleString('en-US');

/** `Range(min, max)` of integers; numeric strings count, as PHP's `is_numeric` lets them through. */
export function range(min, max) {
  return {
    isValid(v) {
      if (typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v))) v = Number(v);
      return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
    },
    description: () => `Value must be a valid range between ${formatNumber(min)} and ${formatNumber(max)}`,
  };
}

/**
 * The byte length of PHP's `json_encode` for a value: like JSON.stringify, but `/` is escaped and every non-ASCII
 * UTF-16 unit is written as `\uXXXX`.
 */
export function phpJsonLength(value) {
  const json = JSON.stringify(value);
  let length = 0;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    length += c === 0x2f ? 2 : c > 0x7f ? 6 : 1;
  }
  return length;
}

/** `Assoc`: a JSON object (PHP associative array) whose PHP encoding is at most 65535 bytes. */
export function assoc(maxLength = 65535) {
  return {
    isValid(v) {
      // PHP decodes both `{}` and `[]` to an empty array, which Assoc accepts; a non-empty list is rejected.
      if (Array.isArray(v)) return v.length === 0;
      if (!isPlainObject(v)) return false;
      if (phpJsonLength(v) > maxLength) return false;
      const keys = Object.keys(v);
      // `{"0":…,"1":…}` decodes to a list in PHP and is rejected too.
      return !(keys.length > 0 && keys.every((k, i) => k === String(i)));
    },
    description: () => 'Value must be a valid object.',
  };
}

/** `WhiteList`; non-strict compares lowercased (and describes the lowercased list), as the server does. */
export function whiteList(list, strict = false) {
  const allowed = strict ? list : list.map((item) => item.toLowerCase());
  return {
    isValid(v) {
      if (typeof v !== 'string' && typeof v !== 'number') return false;
      return allowed.includes(strict ? v : String(v).toLowerCase());
    },
    description: () => `Value must be one of (${allowed.join(', ')})`,
  };
}

/** `ArrayList(validator, length)`. */
export function arrayList(item, length = 0) {
  return {
    isValid(v) {
      const values = Array.isArray(v) ? v : isPlainObject(v) ? Object.values(v) : null;
      if (!values) return false;
      if (!values.every((element) => item.isValid(element))) return false;
      return !(length && values.length > length);
    },
    description() {
      let message = 'Value must a valid array';
      if (length > 0) message += ` no longer than ${length} items`;
      const inner = item.description();
      if (inner) message += ` and ${inner}`;
      return message;
    },
  };
}

const WEB_SCHEMES = ['http', 'https', 'chrome-extension', 'moz-extension', 'safari-web-extension', 'ms-browser-extension', 'tauri'];
const PLATFORM_NAMES = {
  http: 'Web', https: 'Web', 'appwrite-ios': 'iOS', 'appwrite-macos': 'macOS', 'appwrite-watchos': 'watchOS', 'appwrite-tvos': 'tvOS',
  'appwrite-android': 'Android', 'appwrite-windows': 'Windows', 'appwrite-linux': 'Linux', 'chrome-extension': 'Web (Chrome Extension)',
  'moz-extension': 'Web (Firefox Extension)', 'safari-web-extension': 'Web (Safari Extension)', 'ms-browser-extension': 'Web (Edge Extension)', tauri: 'Web (Tauri)',
};

function parseUrl(value) {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/** utopia `URL` (what the server uses when a dev key is set): any absolute URL with a host. */
export function url() {
  return {
    isValid(v) {
      if (typeof v !== 'string' || /\s/.test(v)) return false;
      const parsed = parseUrl(v);
      if (!parsed) return false;
      const scheme = parsed.protocol.slice(0, -1);
      return ['mailto', 'news', 'file'].includes(scheme) || parsed.hostname !== '';
    },
    description: () => 'Value must be a valid URL',
  };
}

/** utopia `Hostname` allow-list check: exact names, `*`, or `*.suffix` wildcards. */
export function hostnameAllowed(host, allowList) {
  if (!host || host.length > 253 || host.includes('/') || host.includes(':')) return false;
  if (allowList.length === 0) return true;
  return allowList.some((allowed) => allowed === '*' || allowed === host || (allowed.startsWith('*') && host.endsWith(allowed.slice(1))));
}

/**
 * Appwrite `Redirect`: web schemes need a hostname on the platform list, other schemes must be allowed
 * (`exp`, `appwrite-callback-<projectId>`).
 */
export function redirect(allowedHostnames, allowedSchemes) {
  let scheme = '';
  let host = '';
  return {
    isValid(v) {
      scheme = '';
      host = '';
      if (typeof v !== 'string' || v === '') return false;
      const parsed = parseUrl(v.trim());
      const match = /^([a-z][a-z0-9+.-]*):/i.exec(v.trim());
      scheme = parsed ? parsed.protocol.slice(0, -1) : match ? match[1].toLowerCase() : '';
      host = parsed ? parsed.hostname.toLowerCase().replace(/^\[|\]$/g, '') : '';
      if (WEB_SCHEMES.includes(scheme)) return hostnameAllowed(host, allowedHostnames);
      return scheme !== '' && allowedSchemes.includes(scheme);
    },
    description() {
      if (!host && !scheme) return 'Invalid URI.';
      const platform = PLATFORM_NAMES[scheme] ?? '';
      return `Invalid URI. Register your new client ${host ? `(${host})` : ''} as a new ${platform} platform on your project console dashboard`;
    },
  };
}
