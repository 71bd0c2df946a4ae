// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// Base64 decoding without atob (absent in Puerts' V8 and QuickJS). Used to read the user ID out of the
// session cookie value, which the server encodes as base64 of {"id":"<userId>","secret":"<secret>"}.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes standard or URL-safe base64 into a UTF-8 string; returns undefined for malformed input. */
export function decodeBase64Utf8(input: string): string | undefined {
  const clean = input.replace(/[\s=]+/g, '').replace(/-/g, '+').replace(/_/g, '/');
  if (clean.length % 4 === 1) return undefined;
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (let i = 0; i < clean.length; i++) {
    const value = ALPHABET.indexOf(clean[i]!);
    if (value < 0) return undefined;
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return decodeUtf8(bytes);
}

function decodeUtf8(bytes: number[]): string | undefined {
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i++]!;
    let cp: number;
    if (b < 0x80) cp = b;
    else if (b >= 0xc0 && b < 0xe0) cp = ((b & 0x1f) << 6) | cont(bytes[i++]);
    else if (b >= 0xe0 && b < 0xf0) cp = ((b & 0x0f) << 12) | (cont(bytes[i++]) << 6) | cont(bytes[i++]);
    else if (b >= 0xf0 && b < 0xf8) cp = ((b & 0x07) << 18) | (cont(bytes[i++]) << 12) | (cont(bytes[i++]) << 6) | cont(bytes[i++]);
    else return undefined;
    if (cp < 0 || cp > 0x10ffff) return undefined;
    out += String.fromCodePoint(cp);
  }
  return out;
}

function cont(byte: number | undefined): number {
  // A missing or non-continuation byte poisons the code point, which the caller rejects.
  return byte !== undefined && (byte & 0xc0) === 0x80 ? byte & 0x3f : -0x200000;
}
