// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// Application's URL members, by signature from Unity's scripting reference (2021.3), plus test hooks: OpenURL records
// what it was asked to open, and tests raise deepLinkActivated or set the launch URL as the OS would.

#nullable enable
using System;
using System.Collections.Generic;

namespace UnityEngine
{
    public static partial class Application
    {
        private static readonly List<string> _openedUrls = new List<string>();

        /// <summary>Raised when the running app is activated by a deep link; absoluteURL is updated first.</summary>
        public static event Action<string>? deepLinkActivated;

        /// <summary>The deep link that launched or last activated the app ("" when none).</summary>
        public static string absoluteURL { get; private set; } = "";

        public static void OpenURL(string url)
        {
            lock (_openedUrls) _openedUrls.Add(url);
        }

        /// <summary>Not Unity API: the URLs passed to OpenURL, oldest first.</summary>
        public static IReadOnlyList<string> OpenedUrlsForTests
        {
            get
            {
                lock (_openedUrls) return _openedUrls.ToArray();
            }
        }

        /// <summary>Not Unity API: the OS activates the running app with a link.</summary>
        public static void ActivateDeepLinkForTests(string url)
        {
            absoluteURL = url;
            deepLinkActivated?.Invoke(url);
        }

        /// <summary>Not Unity API: the app was launched by this link (or "" for none), as on a cold start.</summary>
        public static void SetLaunchUrlForTests(string url) => absoluteURL = url ?? "";
    }
}
