// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// Length measures that match the server's PHP checks. No TextEncoder here: Puerts' V8 and QuickJS lack it.

/** UTF-8 byte length, as PHP `strlen` counts it (lone surrogates count as 3 bytes, like U+FFFD). */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Number of code points, as PHP `mb_strlen` counts them. */
export function codePointLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) i++;
    count++;
  }
  return count;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/**
 * Byte length of `json_encode($value)` in PHP, which the server measures prefs with: like JSON.stringify, but `/`
 * is escaped as `\/` and every non-ASCII UTF-16 unit as a six-byte `\uXXXX`.
 */
export function phpJsonLength(json: string): number {
  let bytes = json.length;
  for (let i = 0; i < json.length; i++) {
    const unit = json.charCodeAt(i);
    if (unit === 0x2f) bytes += 1;
    else if (unit > 0x7f) bytes += 5;
  }
  return bytes;
}
