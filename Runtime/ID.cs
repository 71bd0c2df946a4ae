// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Globalization;
using System.Text;

namespace Appwrite
{
    /// <summary>Helpers for resource IDs, with the same layout as the official SDKs.</summary>
    public static class ID
    {
        private static readonly object _randomLock = new object();
        private static readonly Random _random = new Random();

        /// <summary>
        /// Uses the given string as the ID; it is checked before the request (a-z, A-Z, 0-9, period, hyphen and
        /// underscore, at most 36 characters, not starting with a special character).
        /// </summary>
        /// <param name="id">The custom ID.</param>
        /// <returns>The same ID.</returns>
        public static string Custom(string id) => id;

        /// <summary>
        /// A new 20-character hex ID made on the device: 8 hex digits of Unix seconds, 5 of the millisecond, then
        /// <paramref name="padding"/> random hex digits. Pass the literal <c>"unique()"</c> instead to let the server pick.
        /// </summary>
        /// <param name="padding">Random hex digits to append.</param>
        /// <returns>The ID.</returns>
        public static string Unique(int padding = 7)
        {
            var now = DateTimeOffset.UtcNow;
            var id = new StringBuilder(13 + Math.Max(0, padding));
            id.Append((now.ToUnixTimeMilliseconds() / 1000).ToString("x", CultureInfo.InvariantCulture));
            id.Append(now.Millisecond.ToString("x5", CultureInfo.InvariantCulture));
            lock (_randomLock)
            {
                for (var i = 0; i < padding; i++) id.Append("0123456789abcdef"[_random.Next(16)]);
            }
            return id.ToString();
        }
    }
}
