// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections.Generic;

namespace Appwrite.OAuth
{
    /// <summary>
    /// A deep link or redirect URL taken apart without <see cref="Uri"/>, which rejects schemes with '_' (allowed in
    /// project IDs) and lowercases more than it should: scheme, base (scheme, authority and path, no query) and the
    /// decoded query parameters.
    /// </summary>
    internal sealed class CallbackUrl
    {
        private readonly Dictionary<string, string> _query;

        private CallbackUrl(string scheme, string baseUrl, Dictionary<string, string> query)
        {
            Scheme = scheme;
            Base = baseUrl;
            _query = query;
        }

        /// <summary>The scheme, lowercased (schemes are case-insensitive), e.g. <c>appwrite-callback-demo-project</c>.</summary>
        public string Scheme { get; }

        /// <summary>Scheme, authority and path without query, fragment or trailing '/'; scheme and authority lowercased.</summary>
        public string Base { get; }

        /// <summary>The query parameters, decoded; the fragment's when the query has none. The first of duplicates wins.</summary>
        public IReadOnlyDictionary<string, string> Query => _query;

        /// <summary>A query parameter, or null.</summary>
        public string? Get(string name) => _query.TryGetValue(name, out var value) ? value : null;

        /// <summary>Parses an absolute URL (<c>scheme:rest</c>); null when it has no valid scheme.</summary>
        public static CallbackUrl? Parse(string? url)
        {
            if (url == null) return null;
            var text = url.Trim();
            var colon = text.IndexOf(':');
            if (colon < 1 || !IsScheme(text, colon)) return null;
            var scheme = text.Substring(0, colon).ToLowerInvariant();
            var rest = text.Substring(colon + 1);
            var hash = rest.IndexOf('#');
            var fragment = hash >= 0 ? rest.Substring(hash + 1) : "";
            if (hash >= 0) rest = rest.Substring(0, hash);
            var question = rest.IndexOf('?');
            var query = question >= 0 ? rest.Substring(question + 1) : "";
            var path = question >= 0 ? rest.Substring(0, question) : rest;
            var parameters = ParseQuery(query);
            if (parameters.Count == 0 && fragment.IndexOf('=') >= 0) parameters = ParseQuery(fragment);
            return new CallbackUrl(scheme, scheme + ":" + NormalisePath(path), parameters);
        }

        private static bool IsScheme(string text, int length)
        {
            if (!IsLetter(text[0])) return false;
            for (var i = 1; i < length; i++)
            {
                var c = text[i];
                if (!IsLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.' && c != '_') return false;
            }
            return true;
        }

        private static bool IsLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

        // "//Auth/success/" → "//auth/success": the authority is case-insensitive, the path is not.
        private static string NormalisePath(string path)
        {
            if (path.StartsWith("//", StringComparison.Ordinal))
            {
                var slash = path.IndexOf('/', 2);
                var authority = slash < 0 ? path.Substring(2) : path.Substring(2, slash - 2);
                path = "//" + authority.ToLowerInvariant() + (slash < 0 ? "" : path.Substring(slash));
            }
            while (path.Length > 2 && path.EndsWith("/", StringComparison.Ordinal)) path = path.Substring(0, path.Length - 1);
            return path;
        }

        private static Dictionary<string, string> ParseQuery(string query)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in query.Split('&'))
            {
                if (pair.Length == 0) continue;
                var equals = pair.IndexOf('=');
                var name = Decode(equals < 0 ? pair : pair.Substring(0, equals));
                var value = equals < 0 ? "" : Decode(pair.Substring(equals + 1));
                if (name.Length > 0 && !result.ContainsKey(name)) result.Add(name, value);
            }
            return result;
        }

        private static string Decode(string text)
        {
            try
            {
                return Uri.UnescapeDataString(text.Replace('+', ' '));
            }
            catch (UriFormatException)
            {
                return text;
            }
        }
    }
}
