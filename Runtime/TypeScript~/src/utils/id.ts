// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

/** Helpers for resource IDs (the same layout as the official SDKs). */
export class ID {
  /**
   * Uses the given string as the ID; the server validates it (a-z, A-Z, 0-9, `.`, `-`, `_`, at most 36 characters,
   * not starting with a special character).
   * @param id The custom ID.
   * @returns The same ID.
   */
  static custom(id: string): string {
    return id;
  }

  /**
   * A new 20-character hex ID generated on the client: 8 hex digits of Unix seconds, 5 of the millisecond,
   * then `padding` random hex digits. Pass the literal `'unique()'` instead to let the server generate one.
   * @param padding Random hex digits to append.
   * @returns The ID.
   * @example account.create({ userId: ID.unique(), email, password })
   */
  static unique(padding = 7): string {
    const now = new Date();
    let id = Math.floor(now.getTime() / 1000).toString(16) + now.getMilliseconds().toString(16).padStart(5, '0');
    for (let i = 0; i < padding; i++) id += Math.floor(Math.random() * 16).toString(16);
    return id;
  }
}
