// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using UnityEngine;

namespace Appwrite.OAuth
{
    /// <summary>
    /// Unity's deep links into <see cref="OAuth2Flows"/>: <see cref="Application.deepLinkActivated"/> while the app runs,
    /// and <see cref="Application.absoluteURL"/> once at startup, for the link that launched the app (a cold start after
    /// the OS stopped the game while the player was in the browser).
    /// </summary>
    internal static class DeepLinkListener
    {
        private static bool _installed;
        private static bool _launchLinkRead;

        /// <summary>Subscribes once per domain; reads the launch link once per process.</summary>
        public static void EnsureInstalled()
        {
            if (_installed) return;
            _installed = true;
            Application.deepLinkActivated -= OnDeepLinkActivated;
            Application.deepLinkActivated += OnDeepLinkActivated;
            if (_launchLinkRead) return;
            _launchLinkRead = true;
            // Only at startup: later Unity keeps the last deep link here, which must not complete a newer flow.
            var launch = Application.absoluteURL;
            if (!string.IsNullOrEmpty(launch)) OAuth2Flows.Deliver(launch);
        }

        private static void OnDeepLinkActivated(string url) => OAuth2Flows.Deliver(url);

        // Before the first scene, so a link that launched the app is seen before any game code runs.
        [RuntimeInitializeOnLoadMethod(RuntimeInitializeLoadType.BeforeSceneLoad)]
        private static void InstallAtStartup()
        {
            _installed = false;
            EnsureInstalled();
        }

        /// <summary>Forgets the subscription and the launch link (tests).</summary>
        internal static void ResetForTests()
        {
            Application.deepLinkActivated -= OnDeepLinkActivated;
            _installed = false;
            _launchLinkRead = false;
        }
    }
}
