// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable

namespace Appwrite
{
    /// <summary>
    /// Channel names for <see cref="Services.Realtime.Subscribe(string, System.Action{RealtimeEvent}, System.Collections.Generic.IEnumerable{string})"/>.
    /// Other channels are plain strings, e.g. <c>databases.&lt;DATABASE_ID&gt;.tables.&lt;TABLE_ID&gt;.rows</c>.
    /// </summary>
    public static class Channel
    {
        /// <summary>
        /// The signed-in player's account: name, email, phone, prefs, sessions, tokens and MFA changes. The server binds
        /// it to <c>account.&lt;userId&gt;</c>; a guest (not signed in) receives nothing until the player signs in.
        /// </summary>
        /// <returns><c>account</c>.</returns>
        public static string Account() => "account";
    }
}
