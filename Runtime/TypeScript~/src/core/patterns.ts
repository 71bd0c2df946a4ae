// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// Shapes checked on the client. One definition for the core and for C# (the Editor's settings page validates with the
// same patterns through the generated Runtime/Generated/CoreRules.g.cs), so both sides accept the same values.

/** The server's Key/UID rule with the SQL adapters' 36-character limit: a-z, A-Z, 0-9, `.`, `-`, `_`, no special first character. */
export const KEY_PATTERN = /^(?![_.-])[A-Za-z0-9_.-]{1,36}$/;

/** An API endpoint: `http://` or `https://` and a host. */
export const HTTP_ENDPOINT_PATTERN = /^https?:\/\/[^/\s]+/i;

/** A realtime endpoint: `ws://` or `wss://` and a host. */
export const REALTIME_ENDPOINT_PATTERN = /^wss?:\/\/[^/\s]+/i;
