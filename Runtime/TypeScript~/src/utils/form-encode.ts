// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// Query strings byte-identical to the official Web SDK, which flattens arrays to indexed keys (`queries[0]`) and
// appends with URLSearchParams (application/x-www-form-urlencoded). No URL or URLSearchParams here: Puerts lacks them.

/** Encodes one key or value as URLSearchParams does: `*-._` and alphanumerics stay, space becomes `+`. */
export function formEncode(text: string): string {
  return encodeURIComponent(text)
    .replace(/[!'()~]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())
    .replace(/%20/g, '+');
}

/** Flattens arrays to `key[0]`, `key[1][0]`... like the official `Client.flatten`. */
export function flatten(params: Record<string, unknown>, prefix = ''): Array<[string, unknown]> {
  const out: Array<[string, unknown]> = [];
  for (const key of Object.keys(params)) {
    const value = params[key];
    const finalKey = prefix ? `${prefix}[${key}]` : key;
    if (Array.isArray(value)) out.push(...flatten(value as unknown as Record<string, unknown>, finalKey));
    else out.push([finalKey, value]);
  }
  return out;
}

/** `a=1&b%5B0%5D=x` from flattened params; `undefined` values are skipped, the rest stringified as `String()` does. */
export function buildQueryString(params: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [key, value] of flatten(params)) {
    if (value === undefined) continue;
    parts.push(formEncode(key) + '=' + formEncode(String(value)));
  }
  return parts.join('&');
}
