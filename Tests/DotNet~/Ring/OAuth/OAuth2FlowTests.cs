// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Appwrite;
using Appwrite.Enums;
using Appwrite.OAuth;
using NUnit.Framework;
using UnityEngine;

namespace Playloom.Appwrite.Ring
{
    /// <summary>
    /// CreateOAuth2TokenAsync's native flow against the loopback fake: the URL it opens, the deep link that completes it,
    /// failure links, timeout, cancellation, a second sign-in, foreign links, and the cold start.
    /// </summary>
    public sealed class OAuth2FlowTests : RingTestBase
    {
        private const string Success = "appwrite-callback-demo-project://auth/success";
        private const string Failure = "appwrite-callback-demo-project://auth/failure";
        private readonly List<string> _opened = new List<string>();

        [SetUp]
        public void SetUpOAuth()
        {
            OAuth2Flows.Reset();
            _opened.Clear();
            OAuth2.OpenUrl = url => _opened.Add(url);
        }

        [TearDown]
        public void TearDownOAuth()
        {
            OAuth2Flows.Reset();
            OAuth2.OpenUrl = null;
            OAuth2.Timeout = TimeSpan.FromMinutes(5);
            Application.SetLaunchUrlForTests("");
        }

        // A userId and secret the fake accepts: the mock number's pending code.
        private static async Task<(string UserId, string Secret)> ValidTokenAsync(Client client)
        {
            var token = await client.Account.CreatePhoneTokenAsync(ID.Unique(), FakeAppwrite.MockPhone);
            return (token.UserId, FakeAppwrite.MockCode);
        }

        // The OS delivers a link on a later frame.
        private static void DeliverLater(string link) => SynchronizationContext.Current!.Post(_ => Application.ActivateDeepLinkForTests(link), null);

        private static async Task WaitUntil(Func<bool> condition)
        {
            for (var i = 0; i < 500 && !condition(); i++) await Task.Delay(5);
            Assert.That(condition(), Is.True, "timed out waiting");
        }

        [Test]
        public void CreateOAuth2Token_OpensTheTokenUrlWithDefaultCallbacks_AndTheDeepLinkSignsIn() => Run(async () =>
        {
            var client = NewClient();
            var (userId, secret) = await ValidTokenAsync(client);
            var signedIn = new List<string?>();
            client.SignedIn += e => signedIn.Add(e.UserId);
            var task = client.Account.CreateOAuth2TokenAsync(OAuthProvider.Github, scopes: new[] { "read:user" });
            await WaitUntil(() => _opened.Count == 1);
            Assert.That(_opened[0], Is.EqualTo(Server.Endpoint + "/account/tokens/oauth2/github?success=appwrite-callback-demo-project%3A%2F%2Fauth%2Fsuccess" +
                "&failure=appwrite-callback-demo-project%3A%2F%2Fauth%2Ffailure&scopes%5B0%5D=read%3Auser&project=demo-project"));
            Assert.That(OAuth2.IsWaiting, Is.True);
            Assert.That(task.IsCompleted, Is.False);
            DeliverLater($"{Success}?secret={secret}&userId={userId}");
            var session = await task;
            AssertMainThread("CreateOAuth2TokenAsync continuation");
            Assert.That(session.UserId, Is.EqualTo(userId));
            Assert.That(signedIn, Is.EqualTo(new[] { userId }));
            Assert.That(OAuth2.IsWaiting, Is.False);
            Assert.That(Server.Requests.Select(r => r.Method + " " + r.Path), Is.EqualTo(new[] { "POST /v1/account/tokens/phone", "POST /v1/account/sessions/token" }), "the URL is built without a request");
        });

        [Test]
        public void CreateOAuth2Session_RunsTheTokenFlow() => Run(async () =>
        {
            var client = NewClient();
            var (userId, secret) = await ValidTokenAsync(client);
            var task = client.Account.CreateOAuth2SessionAsync(OAuthProvider.Google);
            await WaitUntil(() => _opened.Count == 1);
            Assert.That(_opened[0], Does.StartWith(Server.Endpoint + "/account/tokens/oauth2/google?"), "a native app cannot read the session flow's cookie");
            DeliverLater($"{Success}?userId={userId}&secret={secret}");
            Assert.That((await task).UserId, Is.EqualTo(userId));
        });

        [Test]
        public void GetOAuth2SessionUrl_StillBuildsTheSessionFlowUrl() => Run(async () =>
        {
            var url = await NewClient().Account.GetOAuth2SessionUrlAsync(OAuthProvider.Discord, success: "https://game.example/ok");
            Assert.That(url, Is.EqualTo(Server.Endpoint + "/account/sessions/oauth2/discord?success=https%3A%2F%2Fgame.example%2Fok&project=demo-project"));
            Assert.That(_opened, Is.Empty);
        });

        [Test]
        public void WithoutAHook_TheSystemBrowserOpensTheUrl() => Run(async () =>
        {
            OAuth2.OpenUrl = null;
            var before = Application.OpenedUrlsForTests.Count;
            using var cancel = new CancellationTokenSource();
            var task = NewClient().Account.CreateOAuth2TokenAsync(OAuthProvider.Apple, cancellationToken: cancel.Token);
            await WaitUntil(() => Application.OpenedUrlsForTests.Count > before);
            Assert.That(Application.OpenedUrlsForTests.Last(), Does.StartWith(Server.Endpoint + "/account/tokens/oauth2/apple?"));
            cancel.Cancel();
            await Cancelled(task);
        });

        [Test]
        public void NoCallback_FailsCleanlyAtTheTimeout() => Run(async () =>
        {
            OAuth2.Timeout = TimeSpan.FromMilliseconds(300);
            var started = DateTime.UtcNow;
            var error = await Throws(NewClient().Account.CreateOAuth2TokenAsync(OAuthProvider.Github));
            Assert.That(DateTime.UtcNow - started, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(250)));
            Assert.That(error.Type, Is.EqualTo(AppwriteErrorType.Timeout));
            Assert.That(error.Message, Does.Contain("within 0.3 s"));
            Assert.That(error.Message, Does.Contain("appwrite-callback-demo-project://"));
            Assert.That(error.Message, Does.Contain("OAuth2.Timeout"));
            Assert.That(OAuth2.IsWaiting, Is.False);
        });

        [Test]
        public void Cancellation_EndsTheSignInAsCancelled() => Run(async () =>
        {
            using var cancel = new CancellationTokenSource();
            var task = NewClient().Account.CreateOAuth2TokenAsync(OAuthProvider.Github, cancellationToken: cancel.Token);
            await WaitUntil(() => OAuth2.IsWaiting);
            cancel.Cancel();
            var canceled = await Cancelled(task);
            Assert.That(canceled.CancellationToken, Is.EqualTo(cancel.Token));
            Assert.That(OAuth2.IsWaiting, Is.False);
        });

        [Test]
        public void AlreadyCancelled_OpensNothing() => Run(async () =>
        {
            await Cancelled(NewClient().Account.CreateOAuth2TokenAsync(OAuthProvider.Github, cancellationToken: new CancellationToken(true)));
            Assert.That(_opened, Is.Empty);
        });

        [Test]
        public void SecondSignIn_CancelsTheFirst_AndGetsTheCallback() => Run(async () =>
        {
            var client = NewClient();
            var (userId, secret) = await ValidTokenAsync(client);
            var first = client.Account.CreateOAuth2TokenAsync(OAuthProvider.Github);
            await WaitUntil(() => _opened.Count == 1);
            var second = client.Account.CreateOAuth2TokenAsync(OAuthProvider.Google);
            await Cancelled(first);
            await WaitUntil(() => _opened.Count == 2);
            DeliverLater($"{Success}?userId={userId}&secret={secret}");
            Assert.That((await second).UserId, Is.EqualTo(userId));
        });

        [Test]
        public void FailureLink_ThrowsTheServersError() => Run(async () =>
        {
            var task = NewClient().Account.CreateOAuth2TokenAsync(OAuthProvider.Github);
            await WaitUntil(() => OAuth2.IsWaiting);
            DeliverLater(Failure + "?error=" + Uri.EscapeDataString("{\"message\":\"The GitHub OAuth2 provider returned an error: access_denied\",\"type\":\"user_oauth2_provider_error\",\"code\":424}"));
            var error = await Throws(task);
            Assert.That(error.Type, Is.EqualTo("user_oauth2_provider_error"));
            Assert.That(error.Code, Is.EqualTo(424));
            Assert.That(error.Message, Does.Contain("access_denied"));
            Assert.That(Server.Requests, Is.Empty, "no session is attempted");
        });

        [Test]
        public void OtherDeepLinks_AreLeftToTheGame_WhileASignInWaits() => Run(async () =>
        {
            var client = NewClient();
            var (userId, secret) = await ValidTokenAsync(client);
            var task = client.Account.CreateOAuth2TokenAsync(OAuthProvider.Github);
            await WaitUntil(() => OAuth2.IsWaiting);
            Application.ActivateDeepLinkForTests("mygame://shop/item?id=3");
            Assert.That(OAuth2.HandleDeepLink("mygame://shop/item?id=3"), Is.False);
            Assert.That(OAuth2.HandleDeepLink("appwrite-callback-other-project://auth/success?userId=x&secret=y"), Is.True, "another project's callback is an OAuth2 callback, not this sign-in's");
            await Task.Delay(50);
            Assert.That(task.IsCompleted, Is.False);
            Assert.That(OAuth2.HandleDeepLink($"{Success}?userId={userId}&secret={secret}"), Is.True);
            Assert.That((await task).UserId, Is.EqualTo(userId));
        });

        [Test]
        public void CallbackFromBeforeTheSignIn_IsNeverUsedForIt() => Run(async () =>
        {
            var client = NewClient();
            var (userId, secret) = await ValidTokenAsync(client);
            Application.ActivateDeepLinkForTests($"{Success}?userId={userId}&secret={secret}");
            OAuth2.Timeout = TimeSpan.FromMilliseconds(200);
            var error = await Throws(client.Account.CreateOAuth2TokenAsync(OAuthProvider.Github));
            Assert.That(error.Type, Is.EqualTo(AppwriteErrorType.Timeout));
            Assert.That(await client.Account.CompletePendingOAuth2Async(), Is.Null, "starting a sign-in discards an older callback");
        });

        [Test]
        public void ColdStart_TheLaunchLinkCompletesWithCompletePendingOAuth2() => Run(async () =>
        {
            var client = NewClient();
            var (userId, secret) = await ValidTokenAsync(client);
            Assert.That(await client.Account.CompletePendingOAuth2Async(), Is.Null);
            // The OS started the app with the link: Unity exposes it as absoluteURL, without an event.
            Application.SetLaunchUrlForTests($"{Success}?userId={userId}&secret={secret}");
            DeepLinkListener.ResetForTests();
            DeepLinkListener.EnsureInstalled();
            var session = await client.Account.CompletePendingOAuth2Async();
            Assert.That(session!.UserId, Is.EqualTo(userId));
            Assert.That(await client.Account.CompletePendingOAuth2Async(), Is.Null, "used once");
            DeepLinkListener.EnsureInstalled();
            Assert.That(await client.Account.CompletePendingOAuth2Async(), Is.Null, "the launch link is read once per run, not again later");
        });

        [Test]
        public void ColdStart_FailureLink_Throws() => Run(async () =>
        {
            OAuth2.HandleDeepLink(Failure + "?error=access_denied");
            var error = await Throws(NewClient().Account.CompletePendingOAuth2Async());
            Assert.That(error.Message, Does.Contain("access_denied"));
        });

        [Test]
        public void CustomCallbackUrls_AreUsedAndMatched() => Run(async () =>
        {
            var client = NewClient();
            var (userId, secret) = await ValidTokenAsync(client);
            var task = client.Account.CreateOAuth2TokenAsync(OAuthProvider.Github, success: "mygame://oauth/done", failure: "mygame://oauth/failed");
            await WaitUntil(() => _opened.Count == 1);
            Assert.That(_opened[0], Does.Contain("success=mygame%3A%2F%2Foauth%2Fdone&failure=mygame%3A%2F%2Foauth%2Ffailed"));
            Assert.That(OAuth2.HandleDeepLink($"{Success}?userId={userId}&secret={secret}"), Is.True);
            await Task.Delay(30);
            Assert.That(task.IsCompleted, Is.False, "the default scheme is not this sign-in's");
            DeliverLater($"mygame://oauth/done?userId={userId}&secret={secret}");
            Assert.That((await task).UserId, Is.EqualTo(userId));
        });

        [Test]
        public void NoProject_SaysHowToSetIt_AndOpensNothing() => Run(async () =>
        {
            var client = new GameObject("c").AddComponent<Client>().SetEndpoint(Server.Endpoint);
            var error = await Throws(client.Account.CreateOAuth2TokenAsync(OAuthProvider.Github));
            Assert.That(error.Type, Is.EqualTo(AppwriteErrorType.NotConfigured));
            Assert.That(error.Message, Does.Contain("SetProject"));
            Assert.That(_opened, Is.Empty);
        });

        [Test]
        public void BadArguments_AreRejectedBeforeTheBrowserOpens() => Run(async () =>
        {
            var client = NewClient();
            var noScheme = await Throws(client.Account.CreateOAuth2TokenAsync(OAuthProvider.Github, success: "", failure: Failure));
            Assert.That(noScheme.Type, Is.EqualTo(AppwriteErrorType.ArgumentInvalid));
            Assert.That(noScheme.Message, Does.Contain("\"success\""));
            var provider = await Throws(client.Account.CreateOAuth2TokenAsync((OAuthProvider)999));
            Assert.That(provider.Message, Does.Contain("\"provider\""));
            Assert.That(_opened, Is.Empty);
            Assert.That(OAuth2.IsWaiting, Is.False);
        });

        [Test]
        public void BrowserThatCannotOpen_FailsTheSignIn() => Run(async () =>
        {
            OAuth2.OpenUrl = _ => throw new InvalidOperationException("no browser on this device");
            var error = await Throws(NewClient().Account.CreateOAuth2TokenAsync(OAuthProvider.Github));
            Assert.That(error.Message, Does.Contain("could not open the browser: no browser on this device"));
            Assert.That(OAuth2.IsWaiting, Is.False);
        });

        [Test]
        public void Timeout_RejectsNonsense()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => OAuth2.Timeout = TimeSpan.Zero);
            Assert.Throws<ArgumentOutOfRangeException>(() => OAuth2.Timeout = TimeSpan.FromDays(2));
            Assert.That(OAuth2.Timeout, Is.EqualTo(TimeSpan.FromMinutes(5)), "the default");
        }
    }
}
