// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections.Generic;

namespace Appwrite.Editor
{
    /// <summary>
    /// The OAuth2 callback schemes a build registers: <c>appwrite-callback-&lt;projectId&gt;</c> for the project ID of
    /// every environment (any of them may be active in a build), deduplicated, skipping invalid IDs.
    /// </summary>
    internal static class CallbackSchemes
    {
        /// <summary>The schemes of the settings' environments, in environment order.</summary>
        /// <param name="settings">The settings asset, or null.</param>
        /// <param name="withLowercase">
        /// Also add the lowercase form of a mixed-case scheme: Android matches intent-filter schemes case-sensitively,
        /// while browsers may lowercase the scheme of the redirect.
        /// </param>
        public static List<string> For(AppwriteSettings? settings, bool withLowercase)
        {
            var schemes = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            if (settings == null) return schemes;
            foreach (var environment in settings.Environments)
            {
                var project = environment.ProjectId ?? "";
                if (!SettingsValidation.ProjectIdRule.IsMatch(project)) continue;
                var scheme = OAuth2.CallbackScheme(project);
                if (seen.Add(scheme)) schemes.Add(scheme);
                var lower = scheme.ToLowerInvariant();
                if (withLowercase && seen.Add(lower)) schemes.Add(lower);
            }
            return schemes;
        }
    }
}
