// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Net;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace Playloom.Appwrite.Samples.OAuth2DeepLink
{
    /// <summary>
    /// Plays the browser for the local emulator's stand-in OAuth2 provider, where no deep link can come back (the
    /// Editor, desktop players): follows the sign-in URL to the emulator's "Continue as a test user" page, takes its
    /// Continue link, and returns the <c>appwrite-callback-&lt;PROJECT_ID&gt;://</c> link the emulator redirects to.
    /// </summary>
    /// <remarks>
    /// Only for development against the emulator (<c>npm start</c>). Real providers need a real browser and a player
    /// who signs in; for them <see cref="FollowAsync"/> returns null and the caller opens the browser instead.
    /// </remarks>
    public static class EmulatorTestUser
    {
        private const string ConsentPath = "/_emulator/oauth2/";
        private static readonly Regex _continueLink = new Regex("id=\"continue\" href=\"([^\"]+)\"", RegexOptions.CultureInvariant);
        private static readonly HttpClient _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(10) };

        /// <summary>Signs the emulator's test user in at <paramref name="signInUrl"/> and returns the callback link.</summary>
        /// <param name="signInUrl">The URL the SDK would open in the browser (from <c>OAuth2.OpenUrl</c>).</param>
        /// <param name="cancellationToken">Cancels the requests.</param>
        /// <returns>The deep link for <c>OAuth2.HandleDeepLink</c>, or null when the URL does not lead to the emulator.</returns>
        /// <exception cref="HttpRequestException">The emulator could not be reached.</exception>
        public static async Task<string?> FollowAsync(string signInUrl, CancellationToken cancellationToken = default)
        {
            // 1. The sign-in URL redirects to the provider: here, the emulator's consent page.
            var consent = await RedirectOfAsync(new Uri(signInUrl), cancellationToken);
            if (consent == null) return null;
            var consentUri = new Uri(new Uri(signInUrl), consent);
            if (!consentUri.AbsolutePath.StartsWith(ConsentPath, StringComparison.Ordinal)) return null;

            // 2. The page's "Continue with the default test user" link.
            using var page = await _http.GetAsync(consentUri, cancellationToken);
            if (page.StatusCode != HttpStatusCode.OK) return null;
            var match = _continueLink.Match(await page.Content.ReadAsStringAsync());
            if (!match.Success) return null;
            var continueUri = new Uri(consentUri, WebUtility.HtmlDecode(match.Groups[1].Value));

            // 3. Continue redirects to the success (or failure) URL: the deep link back to the game.
            return await RedirectOfAsync(continueUri, cancellationToken);
        }

        private static async Task<string?> RedirectOfAsync(Uri url, CancellationToken cancellationToken)
        {
            using var response = await _http.GetAsync(url, cancellationToken);
            var status = (int)response.StatusCode;
            if (status < 300 || status > 399) return null;
            return response.Headers.TryGetValues("Location", out var values) ? string.Join("", values) : null;
        }
    }
}
