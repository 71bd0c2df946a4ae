// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Appwrite.Internal
{
    /// <summary>
    /// Removes secrets from text before it reaches a log. The core already keeps secrets out of its messages; this is
    /// the second line: values the app handed to <c>SetJWT</c>/<c>SetSession</c>/<c>SetDevKey</c>, anything shaped
    /// like a JWT, and the values of secret-named JSON fields and headers.
    /// </summary>
    internal static class Redactor
    {
        public const string Mask = "[redacted]";

        private static readonly object _lock = new object();
        private static readonly HashSet<string> _secrets = new HashSet<string>();

        private static readonly Regex _jwt = new Regex(@"eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*", RegexOptions.CultureInvariant);

        private static readonly Regex _secretField = new Regex(
            "(\"(?:secret|password|oldPassword|jwt|session|devKey|otp|providerAccessToken|providerRefreshToken|x-appwrite-session|x-appwrite-jwt|x-appwrite-dev-key|x-fallback-cookies|cookie|a_session_[^\"]*)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        private static readonly Regex _secretHeader = new Regex(
            @"((?:X-Appwrite-(?:Session|JWT|Dev-Key)|X-Fallback-Cookies|Cookie)\s*[:=]\s*)[^\s,;]+",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        /// <summary>Remembers a secret value so that it is masked wherever it appears. Short values are ignored.</summary>
        public static void AddSecret(string? value)
        {
            // Very short values would mask ordinary words; real sessions, JWTs and keys are long.
            if (value == null || value.Length < 8) return;
            lock (_lock) _secrets.Add(value);
        }

        /// <summary>Returns <paramref name="text"/> with every known secret masked.</summary>
        public static string Redact(string? text)
        {
            if (string.IsNullOrEmpty(text)) return text ?? "";
            var result = text!;
            lock (_lock)
            {
                foreach (var secret in _secrets)
                {
                    if (result.IndexOf(secret, System.StringComparison.Ordinal) >= 0) result = result.Replace(secret, Mask);
                }
            }
            result = _jwt.Replace(result, Mask);
            result = _secretField.Replace(result, "$1\"" + Mask + "\"");
            result = _secretHeader.Replace(result, "$1" + Mask);
            return result;
        }
    }
}
