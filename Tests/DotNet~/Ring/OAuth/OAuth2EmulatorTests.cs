// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections.Generic;
using System.Linq;
using Appwrite;
using Appwrite.Enums;
using Appwrite.Internal;
using Appwrite.OAuth;
using NUnit.Framework;
using UnityEngine;

namespace Playloom.Appwrite.Ring
{
    /// <summary>
    /// OAuth2 end to end against the local emulator: CreateOAuth2TokenAsync opens the emulator's provider page, the test
    /// browser clicks "Continue" (or "Cancel"), the redirect comes back as a deep link, and the session is created.
    /// </summary>
    public sealed class OAuth2EmulatorTests : RingTestBase
    {
        private EmulatorBackend _emulator = null!;

        [OneTimeSetUp]
        public void StartEmulator()
        {
            if (!EmulatorBackend.Present) Assert.Fail("Tools~/emulator is missing: the ring runs from the full repository, which has it.");
            _emulator = EmulatorBackend.Start();
        }

        [OneTimeTearDown]
        public void StopEmulator() => _emulator?.Dispose();

        [SetUp]
        public void SetUpOAuth() => OAuth2Flows.Reset();

        [TearDown]
        public void TearDownOAuth()
        {
            OAuth2Flows.Reset();
            OAuth2.OpenUrl = null;
            Application.SetLaunchUrlForTests("");
        }

        private Client NewEmulatorClient() => NewClient(_emulator.Endpoint, _emulator.Project);

        [Test]
        public void SignIn_ContinueAsTestUser_CreatesASessionForTheProvidersUser() => Run(async () =>
        {
            var lines = new List<string>();
            AppwriteLog.Sink = new LinesSink(lines);
            OAuth2.OpenUrl = EmulatorBrowser.Hook();
            var client = NewEmulatorClient();
            client.LogLevel = AppwriteLogLevel.Debug;
            var session = await client.Account.CreateOAuth2TokenAsync(OAuthProvider.Github);
            AssertMainThread("CreateOAuth2TokenAsync continuation");
            Assert.That(EmulatorBrowser.LastDeepLink, Does.StartWith("appwrite-callback-demo-project://auth/success?"));
            Assert.That(session.Provider, Is.EqualTo("github"), "the token carries its provider into the session");
            var user = await client.Account.GetAsync();
            Assert.That(user.Id, Is.EqualTo(session.UserId));
            Assert.That(user.Email, Is.EqualTo("test.user@github.example"));
            var identities = await client.Account.ListIdentitiesAsync();
            Assert.That(identities.Identities.Select(i => i.Provider), Does.Contain("github"));
            var secret = CallbackUrl.Parse(EmulatorBrowser.LastDeepLink)!.Get("secret")!;
            Assert.That(secret.Length, Is.GreaterThan(20));
            Assert.That(lines.Any(l => l.Contains(secret)), Is.False, "the callback secret never reaches the log");
        });

        [Test]
        public void SignIn_Cancelled_ThrowsTheProvidersError() => Run(async () =>
        {
            OAuth2.OpenUrl = EmulatorBrowser.Hook(cancel: true);
            var error = await Throws(NewEmulatorClient().Account.CreateOAuth2SessionAsync(OAuthProvider.Google));
            Assert.That(EmulatorBrowser.LastDeepLink, Does.StartWith("appwrite-callback-demo-project://auth/failure?error="));
            Assert.That(error.Type, Is.EqualTo("user_oauth2_provider_error"));
            Assert.That(error.Message, Does.Contain("access_denied"));
        });

        [Test]
        public void ColdStart_LaunchLinkFromTheBrowser_SignsIn() => Run(async () =>
        {
            var client = NewEmulatorClient();
            var url = await client.Account.GetOAuth2TokenUrlAsync(OAuthProvider.Discord, OAuth2.DefaultSuccessUrl("demo-project"), OAuth2.DefaultFailureUrl("demo-project"));
            var link = await EmulatorBrowser.FollowAsync(url);
            // The OS stopped the game while the player was in the browser; the link launches it again.
            Application.SetLaunchUrlForTests(link);
            DeepLinkListener.ResetForTests();
            DeepLinkListener.EnsureInstalled();
            var session = await client.Account.CompletePendingOAuth2Async();
            Assert.That(session, Is.Not.Null);
            Assert.That((await client.Account.GetAsync()).Email, Is.EqualTo("test.user@discord.example"));
        });

        private sealed class LinesSink : ILogSink
        {
            private readonly List<string> _lines;

            public LinesSink(List<string> lines)
            {
                _lines = lines;
            }

            public void Write(AppwriteLogLevel level, string message)
            {
                lock (_lines) _lines.Add(message);
            }
        }
    }
}
