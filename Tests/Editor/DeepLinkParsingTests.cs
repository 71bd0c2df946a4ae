// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System.Collections.Generic;
using Appwrite.Editor;
using Appwrite.OAuth;
using NUnit.Framework;
using UnityEngine;

namespace Appwrite.Tests
{
    /// <summary>OAuth2 callback deep links: taking them apart, matching them to a sign-in, and reading the outcome.</summary>
    public sealed class DeepLinkParsingTests
    {
        private static readonly CallbackUrl _success = CallbackUrl.Parse(OAuth2.DefaultSuccessUrl("demo-project"))!;
        private static readonly CallbackUrl _failure = CallbackUrl.Parse(OAuth2.DefaultFailureUrl("demo-project"))!;

        [Test]
        public void DefaultUrls_UseTheSchemeAppwriteAlwaysAccepts()
        {
            Assert.That(OAuth2.CallbackScheme("demo-project"), Is.EqualTo("appwrite-callback-demo-project"));
            Assert.That(OAuth2.DefaultSuccessUrl("demo-project"), Is.EqualTo("appwrite-callback-demo-project://auth/success"));
            Assert.That(OAuth2.DefaultFailureUrl("demo-project"), Is.EqualTo("appwrite-callback-demo-project://auth/failure"));
        }

        [Test]
        public void Parse_SplitsSchemeBaseAndDecodedQuery()
        {
            var url = CallbackUrl.Parse("Appwrite-Callback-Demo-Project://Auth/success/?secret=eyJ0eXAi.a%2Bb.c&userId=6712a5f0&name=Test+User&empty=&flag#frag")!;
            Assert.That(url.Scheme, Is.EqualTo("appwrite-callback-demo-project"));
            Assert.That(url.Base, Is.EqualTo("appwrite-callback-demo-project://auth/success"), "scheme and host lowercased, trailing / dropped");
            Assert.That(url.Get("secret"), Is.EqualTo("eyJ0eXAi.a+b.c"));
            Assert.That(url.Get("userId"), Is.EqualTo("6712a5f0"));
            Assert.That(url.Get("name"), Is.EqualTo("Test User"));
            Assert.That(url.Get("empty"), Is.EqualTo(""));
            Assert.That(url.Get("flag"), Is.EqualTo(""));
            Assert.That(url.Get("missing"), Is.Null);
        }

        [Test]
        public void Parse_KeepsPathCase_AndReadsFragmentParametersWhenTheQueryHasNone()
        {
            Assert.That(CallbackUrl.Parse("myapp://host/Path")!.Base, Is.EqualTo("myapp://host/Path"));
            var fromFragment = CallbackUrl.Parse("myapp://cb#userId=u1&secret=s1")!;
            Assert.That(fromFragment.Get("userId"), Is.EqualTo("u1"));
            Assert.That(fromFragment.Base, Is.EqualTo("myapp://cb"));
        }

        [Test]
        public void Parse_AcceptsUnderscoreSchemes_AndBadEscapes()
        {
            Assert.That(CallbackUrl.Parse("appwrite-callback-my_game://auth/success")!.Scheme, Is.EqualTo("appwrite-callback-my_game"));
            Assert.That(CallbackUrl.Parse("x://a?v=%zz")!.Get("v"), Is.EqualTo("%zz"));
        }

        [TestCase(null)]
        [TestCase("")]
        [TestCase("no scheme here")]
        [TestCase("://missing")]
        [TestCase("1abc://x")]
        public void Parse_RejectsWhatIsNotAnAbsoluteUrl(string? text)
        {
            Assert.That(CallbackUrl.Parse(text), Is.Null);
        }

        [Test]
        public void Success_ReadsUserIdAndSecret()
        {
            var url = CallbackUrl.Parse("appwrite-callback-demo-project://auth/success?secret=s3cr3t-value-123&userId=u1")!;
            Assert.That(OAuth2Callback.Matches(url, _success, _failure), Is.True);
            var callback = OAuth2Callback.Read(url, _success, _failure);
            Assert.That(callback.Error, Is.Null);
            Assert.That(callback.UserId, Is.EqualTo("u1"));
            Assert.That(callback.Secret, Is.EqualTo("s3cr3t-value-123"));
            Assert.That(callback.ToString(), Does.Not.Contain("s3cr3t"));
        }

        [Test]
        public void Failure_ReadsTheServersErrorJson()
        {
            var error = "{\"message\":\"The GitHub OAuth2 provider returned an error: access_denied\",\"type\":\"user_oauth2_provider_error\",\"code\":424}";
            var url = CallbackUrl.Parse("appwrite-callback-demo-project://auth/failure?error=" + System.Uri.EscapeDataString(error))!;
            Assert.That(OAuth2Callback.Matches(url, _success, _failure), Is.True);
            var callback = OAuth2Callback.Read(url, _success, _failure);
            Assert.That(callback.Error!.Type, Is.EqualTo("user_oauth2_provider_error"));
            Assert.That(callback.Error.Code, Is.EqualTo(424));
            Assert.That(callback.Error.Message, Is.EqualTo("OAuth2 sign-in failed: The GitHub OAuth2 provider returned an error: access_denied"));
            Assert.That(callback.UserId, Is.Empty);
        }

        [Test]
        public void Failure_PlainTextOrNoError_StillFails()
        {
            var plain = OAuth2Callback.Read(CallbackUrl.Parse("appwrite-callback-demo-project://auth/failure?error=access_denied")!, _success, _failure);
            Assert.That(plain.Error!.Message, Does.Contain("access_denied"));
            Assert.That(plain.Error.Type, Is.EqualTo("user_oauth2_provider_error"));
            var bare = OAuth2Callback.Read(CallbackUrl.Parse("appwrite-callback-demo-project://auth/failure")!, _success, _failure);
            Assert.That(bare.Error!.Message, Does.Contain("cancelled or refused"));
        }

        [Test]
        public void SuccessWithoutSecret_FailsNamingTheMissingParameter_NotTheUrl()
        {
            var callback = OAuth2Callback.Read(CallbackUrl.Parse("appwrite-callback-demo-project://auth/success?userId=u1&key=a_session_x")!, _success, _failure);
            Assert.That(callback.Error!.Type, Is.EqualTo(AppwriteErrorType.MalformedResponse));
            Assert.That(callback.Error.Message, Does.Contain("no secret parameter"));
            Assert.That(callback.Error.Message, Does.Not.Contain("a_session_x"));
        }

        [Test]
        public void OtherLinks_DoNotMatch_ButLookAlikeCallbacksAreRecognised()
        {
            Assert.That(OAuth2Callback.Matches(CallbackUrl.Parse("mygame://shop/item?id=3")!, _success, _failure), Is.False);
            Assert.That(OAuth2Callback.Matches(CallbackUrl.Parse("appwrite-callback-other://auth/success?userId=u&secret=s")!, _success, _failure), Is.False, "another project's scheme");
            Assert.That(OAuth2Callback.LooksLikeCallback(CallbackUrl.Parse("appwrite-callback-other://x")!), Is.True);
            Assert.That(OAuth2Callback.LooksLikeCallback(CallbackUrl.Parse("https://game.example/?userId=u&secret=s")!), Is.True);
            Assert.That(OAuth2Callback.LooksLikeCallback(CallbackUrl.Parse("mygame://shop/item?id=3")!), Is.False);
        }

        [Test]
        public void CallbackSchemes_EveryEnvironmentOnce_WithLowercaseVariantsForAndroid()
        {
            var settings = ScriptableObject.CreateInstance<AppwriteSettings>();
            settings.Environments.Add(new AppwriteEnvironment { Name = "a", ProjectId = "demo-project" });
            settings.Environments.Add(new AppwriteEnvironment { Name = "b", ProjectId = "MyGame" });
            settings.Environments.Add(new AppwriteEnvironment { Name = "c", ProjectId = "demo-project" });
            settings.Environments.Add(new AppwriteEnvironment { Name = "d", ProjectId = "" });
            settings.Environments.Add(new AppwriteEnvironment { Name = "e", ProjectId = "-bad" });
            Assert.That(CallbackSchemes.For(settings, withLowercase: false), Is.EqualTo(new[] { "appwrite-callback-demo-project", "appwrite-callback-MyGame" }));
            Assert.That(CallbackSchemes.For(settings, withLowercase: true), Is.EqualTo(new[] { "appwrite-callback-demo-project", "appwrite-callback-MyGame", "appwrite-callback-mygame" }));
            Assert.That(CallbackSchemes.For(null, withLowercase: true), Is.EqualTo(new List<string>()));
        }
    }
}
