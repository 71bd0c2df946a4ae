// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// Small helpers shared by the whole emulator: ids, dates, secrets, hashing of secrets.

import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * Formats epoch milliseconds the way the server's `DateTime::formatTz` does: `2020-10-15T06:38:00.000+00:00`.
 * @param {number} ms
 * @returns {string}
 */
export function isoDate(ms) {
  return new Date(ms).toISOString().replace('Z', '+00:00');
}

/**
 * A 20-character lowercase hex id shaped like the server's `ID::unique()` (uniqid-style seconds and microseconds,
 * then 7 random hex digits).
 * @param {number} nowMs
 * @returns {string}
 */
export function uniqueId(nowMs) {
  const seconds = Math.floor(nowMs / 1000);
  const micros = (Math.floor(nowMs) % 1000) * 1000 + randomInt(1000);
  return seconds.toString(16).padStart(8, '0') + micros.toString(16).padStart(5, '0') + randomBytes(4).toString('hex').slice(0, 7);
}

/** @param {number} bytes @returns {string} lowercase hex of `bytes` random bytes */
export function randomHex(bytes) {
  return randomBytes(bytes).toString('hex');
}

/** @returns {string} a 6-digit one-time code, zero padded */
export function randomCode() {
  return String(randomInt(1_000_000)).padStart(6, '0');
}

/** @param {string} value @returns {string} sha256 hex; secrets are stored only as this digest, like the server's `Sha` proof */
export function sha256(value) {
  return createHash('sha256').update(value).digest('hex');
}

/** Constant-time comparison of two strings (hex digests in practice). */
export function safeEqual(a, b) {
  const x = Buffer.from(String(a));
  const y = Buffer.from(String(b));
  return x.length === y.length && timingSafeEqual(x, y);
}

/** @param {unknown} value @returns {value is Record<string, unknown>} a plain (non-array, non-null) object */
export function isPlainObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep copy of JSON data. */
export function clone(value) {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

/**
 * Encodes a session the way utopia-php/auth `Store::encode` does: base64 of `{"id":…,"secret":…}`.
 * @param {string} userId
 * @param {string} secret
 */
export function encodeSessionCookie(userId, secret) {
  return Buffer.from(JSON.stringify({ id: userId, secret })).toString('base64');
}

/**
 * Decodes a session cookie value; anything malformed gives empty properties, as `Store::decode` does.
 * @param {unknown} value
 * @returns {{ id: string, secret: string }}
 */
export function decodeSessionCookie(value) {
  if (typeof value !== 'string' || value === '') return { id: '', secret: '' };
  try {
    const data = JSON.parse(Buffer.from(value, 'base64').toString('utf8'));
    if (!isPlainObject(data)) return { id: '', secret: '' };
    return { id: typeof data.id === 'string' ? data.id : '', secret: typeof data.secret === 'string' ? data.secret : '' };
  } catch {
    return { id: '', secret: '' };
  }
}

/** Normalises a socket address (`::ffff:127.0.0.1` → `127.0.0.1`). */
export function normaliseIp(address) {
  if (!address) return '';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

/** Words for the optional security phrase of email and magic-URL tokens (`phrase: true`). */
const PHRASE_ADJECTIVES = ['Amber', 'Brave', 'Calm', 'Daring', 'Eager', 'Fancy', 'Gentle', 'Happy', 'Icy', 'Jolly', 'Kind', 'Lucky', 'Mighty', 'Noble', 'Quick', 'Quiet', 'Rapid', 'Shiny', 'Swift', 'Witty'];
const PHRASE_NOUNS = ['Badger', 'Comet', 'Dolphin', 'Falcon', 'Garden', 'Harbor', 'Island', 'Jaguar', 'Lantern', 'Meadow', 'Nebula', 'Otter', 'Pebble', 'Quartz', 'River', 'Summit', 'Tiger', 'Valley', 'Willow', 'Zephyr'];

/** @returns {string} a two-word security phrase */
export function securityPhrase() {
  return `${PHRASE_ADJECTIVES[randomInt(PHRASE_ADJECTIVES.length)]} ${PHRASE_NOUNS[randomInt(PHRASE_NOUNS.length)]}`;
}
