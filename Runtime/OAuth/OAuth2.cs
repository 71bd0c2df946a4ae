// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using Appwrite.OAuth;
using UnityEngine;

namespace Appwrite
{
    /// <summary>
    /// Settings and hooks of the OAuth2 sign-in shared by every client: how long
    /// <see cref="Services.Account.CreateOAuth2TokenAsync"/> waits, how it opens the browser, and how deep links reach it.
    /// </summary>
    /// <remarks>
    /// The native flow: the SDK opens the provider's sign-in in the system browser; Appwrite redirects to
    /// <c>appwrite-callback-&lt;PROJECT_ID&gt;://auth/success?userId=…&amp;secret=…</c>; the OS hands that link to the game
    /// (<c>Application.deepLinkActivated</c>), and the SDK creates the session. The package registers the scheme in
    /// Android and iOS builds. At most one sign-in waits at a time: starting another cancels the first.
    /// </remarks>
    public static class OAuth2
    {
        /// <summary>The start of the callback scheme Appwrite always accepts for a project: <c>appwrite-callback-</c>.</summary>
        public const string CallbackSchemePrefix = "appwrite-callback-";

        private static TimeSpan _timeout = TimeSpan.FromMinutes(5);

        /// <summary>How long a sign-in waits for its callback before failing with type <c>client_timeout</c>. Default 5 minutes.</summary>
        /// <exception cref="ArgumentOutOfRangeException">Zero, negative, or more than a day.</exception>
        public static TimeSpan Timeout
        {
            get => _timeout;
            set
            {
                if (value <= TimeSpan.Zero || value > TimeSpan.FromDays(1))
                {
                    throw new ArgumentOutOfRangeException(nameof(value), value, "OAuth2.Timeout must be more than zero and at most one day.");
                }
                _timeout = value;
            }
        }

        /// <summary>
        /// Opens the provider's sign-in page; null (the default) means <c>Application.OpenURL</c>. Replace it to use an
        /// in-app browser tab, a WebGL popup, or, in tests, to play the browser.
        /// </summary>
        public static Action<string>? OpenUrl { get; set; }

        /// <summary>Whether a sign-in is waiting for its callback.</summary>
        public static bool IsWaiting => OAuth2Flows.Current != null;

        /// <summary>The callback scheme of a project, <c>appwrite-callback-&lt;projectId&gt;</c>.</summary>
        /// <param name="projectId">The Appwrite project ID.</param>
        /// <returns>The scheme, without <c>://</c>.</returns>
        public static string CallbackScheme(string projectId) => CallbackSchemePrefix + (projectId ?? "");

        /// <summary>The success URL used when a sign-in passes none: <c>appwrite-callback-&lt;projectId&gt;://auth/success</c>.</summary>
        /// <param name="projectId">The Appwrite project ID.</param>
        /// <returns>The URL.</returns>
        public static string DefaultSuccessUrl(string projectId) => CallbackScheme(projectId) + "://auth/success";

        /// <summary>The failure URL used when a sign-in passes none: <c>appwrite-callback-&lt;projectId&gt;://auth/failure</c>.</summary>
        /// <param name="projectId">The Appwrite project ID.</param>
        /// <returns>The URL.</returns>
        public static string DefaultFailureUrl(string projectId) => CallbackScheme(projectId) + "://auth/failure";

        /// <summary>
        /// Hands a deep link to the SDK when Unity does not deliver it (a plugin that owns the activity, a desktop
        /// protocol handler, a WebGL page). Unity's own <c>Application.deepLinkActivated</c> links arrive by themselves.
        /// </summary>
        /// <param name="url">The link as received, e.g. <c>appwrite-callback-demo-project://auth/success?userId=…&amp;secret=…</c>.</param>
        /// <returns>
        /// True when it was an OAuth2 callback: it completed the waiting sign-in, or, with none waiting, it is kept for
        /// <see cref="Services.Account.CompletePendingOAuth2Async"/>. False for other links, which the game handles itself.
        /// </returns>
        public static bool HandleDeepLink(string url) => OAuth2Flows.Deliver(url);

        /// <summary>Opens <paramref name="url"/> with <see cref="OpenUrl"/> or <c>Application.OpenURL</c>.</summary>
        internal static void Open(string url)
        {
            var open = OpenUrl;
            if (open != null) open(url);
            else Application.OpenURL(url);
        }
    }
}
