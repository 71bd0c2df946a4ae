// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using UnityEngine;

namespace Playloom.Appwrite.Ring
{
    /// <summary>
    /// Plays the system browser for OAuth2 tests: follows the sign-in URL through the emulator's "Continue as a test
    /// user" page (or its Cancel link) to the redirect that leaves the web, the deep link, and hands it to the app the
    /// way the OS would (<c>Application.deepLinkActivated</c> on the main thread).
    /// </summary>
    internal static class EmulatorBrowser
    {
        private static readonly HttpClient _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });

        /// <summary>The last deep link produced (to check that its secret never shows up elsewhere).</summary>
        public static string LastDeepLink { get; private set; } = "";

        /// <summary>Follows <paramref name="url"/> and returns the deep link it ends at.</summary>
        public static async Task<string> FollowAsync(string url, bool cancel = false)
        {
            var location = url;
            for (var hop = 0; hop < 10; hop++)
            {
                if (!location.StartsWith("http", StringComparison.Ordinal))
                {
                    LastDeepLink = location;
                    return location;
                }
                using var response = await _http.GetAsync(location).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                if (status >= 300 && status < 400)
                {
                    // The raw header: System.Uri would re-escape the callback's query.
                    var next = response.Headers.GetValues("Location").First();
                    location = next.Contains("://") ? next : new Uri(new Uri(location), next).ToString();
                    continue;
                }
                var html = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                if (status != 200) throw new InvalidOperationException($"The emulator answered {status} at {location}: {html}");
                var link = Regex.Match(html, $"id=\"{(cancel ? "cancel" : "continue")}\"[^>]*href=\"([^\"]+)\"");
                if (!link.Success) link = Regex.Match(html, $"href=\"([^\"]+)\"[^>]*id=\"{(cancel ? "cancel" : "continue")}\"");
                if (!link.Success) throw new InvalidOperationException("The emulator's sign-in page has no " + (cancel ? "Cancel" : "Continue") + " link: " + html);
                location = new Uri(new Uri(location), WebUtility.HtmlDecode(link.Groups[1].Value)).ToString();
            }
            throw new InvalidOperationException("Too many redirects from " + url);
        }

        /// <summary>
        /// An <c>OAuth2.OpenUrl</c> hook: follows the URL in the background, then raises the deep link on the main thread
        /// (the thread that called the hook). Errors surface as main-thread errors, which fail the test.
        /// </summary>
        public static Action<string> Hook(bool cancel = false)
        {
            return url =>
            {
                var mainThread = SynchronizationContext.Current ?? throw new InvalidOperationException("OpenUrl was called off the main thread.");
                _ = Task.Run(async () =>
                {
                    try
                    {
                        var deepLink = await FollowAsync(url, cancel).ConfigureAwait(false);
                        mainThread.Post(_ => Application.ActivateDeepLinkForTests(deepLink), null);
                    }
                    catch (Exception e)
                    {
                        mainThread.Post(_ => throw new InvalidOperationException("The test browser failed: " + e.Message, e), null);
                    }
                });
            };
        }
    }
}
