// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Appwrite;
using Appwrite.Enums;
using Appwrite.OAuth;
using NUnit.Framework;
using Playloom.Appwrite.Samples.OAuth2DeepLink;
using UnityEngine;

namespace Playloom.Appwrite.Ring.Samples
{
    /// <summary>
    /// Samples~/OAuth2DeepLink against the emulator's stand-in provider: the browser is played by HTTP requests, the OS
    /// by <c>Application.deepLinkActivated</c>.
    /// </summary>
    public sealed class OAuth2DeepLinkSampleTests : SampleTestBase
    {
        private static readonly HttpClient _browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        [SetUp]
        [TearDown]
        public void ForgetOAuth2State()
        {
            OAuth2.OpenUrl = null;
            OAuth2Flows.Reset();
            Application.SetLaunchUrlForTests("");
        }

        [Test]
        public void SignIn_DeepLinkBack_CreatesTheSession() => Run(async () =>
        {
            var flow = new OAuth2Flow(EmulatorClient().Account) { Provider = OAuthProvider.Discord };
            var opened = Application.OpenedUrlsForTests.Count;
            var signIn = flow.SignInAsync();
            Assert.That(flow.Step, Is.EqualTo(OAuth2Step.Waiting));
            var url = await OpenedUrlAsync(opened);
            Assert.That(url, Does.StartWith(Emulator.Endpoint + "/account/tokens/oauth2/discord?"));

            var link = await EmulatorTestUser.FollowAsync(url);
            Assert.That(link, Does.StartWith($"appwrite-callback-{Emulator.Project}://auth/success?"));
            Application.ActivateDeepLinkForTests(link!);
            await signIn;

            Assert.That(flow.Error, Is.Null);
            Assert.That(flow.Step, Is.EqualTo(OAuth2Step.SignedIn));
            Assert.That(flow.Session!.Provider, Is.EqualTo("discord"));
            Assert.That(flow.User!.Email, Is.EqualTo("test.user@discord.example"));

            await flow.SignOutAsync();
            Assert.That(flow.Step, Is.EqualTo(OAuth2Step.SignedOut));
        });

        [Test]
        public void SignIn_PlayerDeclines_ShowsTheProvidersError() => Run(async () =>
        {
            var flow = new OAuth2Flow(EmulatorClient().Account);
            var opened = Application.OpenedUrlsForTests.Count;
            var signIn = flow.SignInAsync();
            var url = await OpenedUrlAsync(opened);
            Application.ActivateDeepLinkForTests(await DeclineAsync(url));
            await signIn;
            Assert.That(flow.Step, Is.EqualTo(OAuth2Step.SignedOut));
            Assert.That(flow.Error?.Type, Is.EqualTo("user_oauth2_provider_error"));
        });

        [Test]
        public void Cancel_WhileWaiting_GoesBackWithoutError() => Run(async () =>
        {
            var flow = new OAuth2Flow(EmulatorClient().Account);
            var opened = Application.OpenedUrlsForTests.Count;
            var signIn = flow.SignInAsync();
            var url = await OpenedUrlAsync(opened);
            flow.Cancel();
            await signIn;
            Assert.That(flow.Step, Is.EqualTo(OAuth2Step.SignedOut));
            Assert.That(flow.Error, Is.Null);
            Assert.That(flow.Notice, Is.EqualTo("Sign-in cancelled."));

            // The browser finishing afterwards signs nobody in.
            Application.ActivateDeepLinkForTests((await EmulatorTestUser.FollowAsync(url))!);
            var error = await Throws(EmulatorClient().Account.GetAsync());
            Assert.That(error.Code, Is.EqualTo(401));
        });

        [Test]
        public void Restore_LaunchedByTheCallbackLink_FinishesTheSignIn() => Run(async () =>
        {
            // The OS stopped the game while the player was in the browser; the callback link launches it again.
            var client = EmulatorClient();
            var url = await client.Account.GetOAuth2TokenUrlAsync(OAuthProvider.Github, OAuth2.DefaultSuccessUrl(Emulator.Project), OAuth2.DefaultFailureUrl(Emulator.Project));
            Assert.That(OAuth2.HandleDeepLink((await EmulatorTestUser.FollowAsync(url))!), Is.True);

            var flow = new OAuth2Flow(client.Account);
            await flow.RestoreAsync();
            Assert.That(flow.Error, Is.Null);
            Assert.That(flow.Step, Is.EqualTo(OAuth2Step.SignedIn));
            Assert.That(flow.Session!.Provider, Is.EqualTo("github"));
        });

        [Test]
        public void Restore_NoLinkNoSession_OffersTheButtons() => Run(async () =>
        {
            var flow = new OAuth2Flow(EmulatorClient().Account);
            await flow.RestoreAsync();
            Assert.That(flow.Step, Is.EqualTo(OAuth2Step.SignedOut));
            Assert.That(flow.Error, Is.Null);
        });

        [Test]
        public void FollowAsync_NotTheEmulator_ReturnsNull() => Run(async () =>
        {
            // The loopback fake answers 404: a real provider's page, as far as the helper can tell.
            Assert.That(await EmulatorTestUser.FollowAsync(Server.Endpoint + "/account/tokens/oauth2/github?project=x"), Is.Null);
        });

        [Test]
        public void Sample_InTheEditor_SignsTheEmulatorsTestUserInWithoutABrowser() => Run(async () =>
        {
            var sample = await AddSampleAsync<OAuth2DeepLinkSample>();
            var flow = sample.Flow!;
            await Until(() => !flow.Busy, "the restore");
            Assert.That(OAuth2.OpenUrl, Is.Not.Null, "the sample replaces the browser in the Editor");
            var opened = Application.OpenedUrlsForTests.Count;

            Draw(sample, click: "Google");
            var drawn = Draw(sample, click: "Sign in");
            Assert.That(drawn, Does.Contain("Editor: the local emulator's test user signs in without a browser."));
            await Until(() => !flow.Busy, "the sign-in");
            drawn = Draw(sample);
            Assert.That(flow.Error, Is.Null, flow.Error?.Message);
            Assert.That(drawn, Does.Contain("Signed in as Test User (Google)"));
            Assert.That(drawn, Does.Contain("Provider: google"));
            Assert.That(Application.OpenedUrlsForTests.Count, Is.EqualTo(opened), "no browser was opened");

            UnityEngine.Object.DestroyImmediate(sample.gameObject);
            Assert.That(OAuth2.OpenUrl, Is.Null, "the sample puts the browser back when it goes");
        });

        [Test]
        public void Sample_TestUserTurnedOff_OpensTheBrowser() => Run(async () =>
        {
            var sample = await AddSampleAsync<OAuth2DeepLinkSample>(new System.Collections.Generic.Dictionary<string, object> { ["_emulatorTestUserInEditor"] = false });
            var flow = sample.Flow!;
            await Until(() => !flow.Busy, "the restore");
            Assert.That(OAuth2.OpenUrl, Is.Null);
            var opened = Application.OpenedUrlsForTests.Count;
            Draw(sample, click: "Sign in");
            var url = await OpenedUrlAsync(opened);
            Assert.That(Draw(sample), Does.Contain("Sign in with GitHub in the browser, then come back to the game."));
            Application.ActivateDeepLinkForTests((await EmulatorTestUser.FollowAsync(url))!);
            await Until(() => flow.Step == OAuth2Step.SignedIn, "the deep link");
        });

        private static async Task<string> OpenedUrlAsync(int before)
        {
            await Until(() => Application.OpenedUrlsForTests.Count > before, "the browser to open");
            return Application.OpenedUrlsForTests.Last();
        }

        // The player presses Cancel on the emulator's provider page; returns the failure link it redirects to.
        private static async Task<string> DeclineAsync(string signInUrl)
        {
            using var toProvider = await _browser.GetAsync(signInUrl);
            var consent = new Uri(new Uri(signInUrl), toProvider.Headers.Location!.OriginalString);
            var page = await _browser.GetStringAsync(consent);
            var cancel = Regex.Match(page, "id=\"cancel\" href=\"([^\"]+)\"");
            Assert.That(cancel.Success, Is.True, "the emulator's provider page has a Cancel link");
            using var back = await _browser.GetAsync(new Uri(consent, WebUtility.HtmlDecode(cancel.Groups[1].Value)));
            Assert.That((int)back.StatusCode, Is.InRange(300, 399));
            return back.Headers.Location!.OriginalString;
        }
    }
}
