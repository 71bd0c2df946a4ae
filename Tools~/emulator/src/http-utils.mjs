// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// HTTP plumbing: bounded body reading, PHP-style query strings (`queries[0]=…` and `queries[]=…` both give an
// array, as PHP's parse_str does), cookies, and the request payload rules of utopia-php/http.

import { AppwriteError } from './errors.mjs';

/**
 * Reads the request body, up to `limit` bytes. A larger body is drained and discarded (so the client can still read
 * the answer) and reported as `tooLarge`; past 64 MiB the connection is dropped.
 * @param {import('node:http').IncomingMessage} req
 * @param {number} limit
 * @returns {Promise<{ body: Buffer, tooLarge: boolean }>}
 */
export function readBody(req, limit) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
        if (size > 64 * 1024 * 1024) req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve({ body: Buffer.concat(chunks), tooLarge }));
    req.on('error', reject);
    req.on('aborted', () => reject(new Error('request aborted')));
  });
}

function decodeComponent(s) {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** Turns `{0:…,1:…}` maps (PHP lists) into arrays, recursively. */
function listify(value) {
  if (value === null || typeof value !== 'object') return value;
  for (const k of Object.keys(value)) value[k] = listify(value[k]);
  const keys = Object.keys(value);
  if (keys.length > 0 && keys.every((k, i) => k === String(i))) return keys.map((k) => value[k]);
  return value;
}

/**
 * Parses `a=1&b[]=2&b[]=3&c[0]=4&d[x][y]=5` the way PHP does.
 * @param {string} input without the leading `?`
 * @returns {Record<string, any>}
 */
export function parsePhpQuery(input) {
  /** @type {Record<string, any>} */
  const out = {};
  for (const pair of input.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const rawKey = decodeComponent(eq < 0 ? pair : pair.slice(0, eq));
    const value = eq < 0 ? '' : decodeComponent(pair.slice(eq + 1));
    const open = rawKey.indexOf('[');
    const base = open > 0 ? rawKey.slice(0, open) : rawKey;
    if (!base) continue;
    const path = [];
    if (open > 0) {
      const re = /\[([^\]]*)\]/gy;
      re.lastIndex = open;
      let m;
      while ((m = re.exec(rawKey))) path.push(m[1]);
    }
    if (path.length === 0) {
      out[base] = value;
      continue;
    }
    let node = out;
    let key = base;
    for (const segment of path) {
      if (node[key] === null || typeof node[key] !== 'object') node[key] = {};
      node = node[key];
      key = segment === '' ? String(Object.keys(node).filter((k) => /^\d+$/.test(k)).reduce((max, k) => Math.max(max, Number(k) + 1), 0)) : segment;
    }
    node[key] = value;
  }
  return listify(out);
}

/** @param {string | undefined} header @returns {Record<string, string>} */
export function parseCookies(header) {
  /** @type {Record<string, string>} */
  const out = {};
  if (!header) return out;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (name && !(name in out)) out[name] = decodeComponent(part.slice(eq + 1).trim());
  }
  return out;
}

/**
 * The parameters of a request, as utopia-php/http reads them: the query string for GET and HEAD, the payload for
 * every other verb (DELETE included). JSON payloads must be objects; form bodies are parsed like PHP's `$_POST`.
 * Other content types give no parameters, as on the server. Malformed JSON is reported as `bodyError` so the
 * pipeline can answer it at the point where the server would validate parameters.
 * @returns {{ params: Record<string, any>, bodyError?: AppwriteError }}
 */
export function requestParams(method, query, contentType, body) {
  if (method === 'GET' || method === 'HEAD') return { params: query };
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  const text = body.toString('utf8');
  if (type === 'application/json') {
    if (text.trim() === '') return { params: {} };
    try {
      const data = JSON.parse(text);
      return { params: data !== null && typeof data === 'object' && !Array.isArray(data) ? data : {} };
    } catch {
      // The parser's message quotes the body, which may hold a password: keep it out of the answer.
      return { params: {}, bodyError: new AppwriteError('general_argument_invalid', 'Invalid JSON body: the request body of a `content-type: application/json` request must be a JSON object.') };
    }
  }
  if (type === 'application/x-www-form-urlencoded') return { params: parsePhpQuery(text) };
  return { params: {} };
}

export function headerValue(headers, name) {
  const v = headers[name];
  return Array.isArray(v) ? v[0] ?? '' : v ?? '';
}
