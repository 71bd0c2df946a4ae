// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Appwrite;
using Appwrite.Enums;
using Appwrite.Internal;
using NUnit.Framework;
using UnityEngine;

namespace Playloom.Appwrite.Ring
{
    /// <summary>Every way a call can fail arrives as one AppwriteException with the right Code and Type.</summary>
    public sealed class ErrorMappingTests : RingTestBase
    {
        [Test]
        public void ServerError_KeepsCodeTypeMessageAndBody() => Run(async () =>
        {
            Server.On("GET", "/v1/account", _ => FakeResponse.Error(401, "general_unauthorized_scope", "User (role: guests) missing scopes ([\"account\"])"));
            var error = await Throws(NewClient().Account.GetAsync());
            Assert.That(error.Code, Is.EqualTo(401));
            Assert.That(error.Type, Is.EqualTo("general_unauthorized_scope"));
            Assert.That(error.Message, Is.EqualTo("User (role: guests) missing scopes ([\"account\"])"));
            Assert.That(error.Response, Does.Contain("\"version\":\"1.9.6\""));
            Assert.That(error.RateLimit, Is.Null);
        });

        [Test]
        public void RateLimited_CarriesLimitRemainingAndResetTime() => Run(async () =>
        {
            var reset = DateTimeOffset.UtcNow.AddMinutes(30).ToUnixTimeSeconds();
            Server.On("POST", "/v1/account/tokens/phone", _ => FakeResponse.Error(429, "general_rate_limit_exceeded", "Rate limit for the current endpoint has been exceeded.")
                .WithHeader("X-RateLimit-Limit", "10").WithHeader("X-RateLimit-Remaining", "0").WithHeader("X-RateLimit-Reset", reset.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            var error = await Throws(NewClient().Account.CreatePhoneTokenAsync("unique()", "+15555550100"));
            Assert.That(error.Code, Is.EqualTo(429));
            Assert.That(error.RateLimit, Is.Not.Null);
            Assert.That(error.RateLimit!.Limit, Is.EqualTo(10));
            Assert.That(error.RateLimit.Remaining, Is.EqualTo(0));
            Assert.That(error.RateLimit.ResetAt, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(reset)));
        });

        [Test]
        public void GatewayHtmlPage_IsAnErrorPage() => Run(async () =>
        {
            Server.On("POST", "/v1/account/tokens/phone", _ => FakeResponse.Text(502, "<html><body>Bad gateway</body></html>", "text/html"));
            var error = await Throws(NewClient().Account.CreatePhoneTokenAsync("unique()", "+15555550100"));
            Assert.That(error.Code, Is.EqualTo(502));
            Assert.That(error.Type, Is.EqualTo(AppwriteErrorType.ErrorPage));
            Assert.That(error.Response, Does.Contain("Bad gateway"));
        });

        [Test]
        public void CaptivePortalSuccess_IsAMalformedResponse() => Run(async () =>
        {
            Server.On("GET", "/v1/account", _ => FakeResponse.Text(200, "<html>Sign in to the Wi-Fi</html>", "text/html"));
            var error = await Throws(NewClient().Account.GetAsync());
            Assert.That(error.Type, Is.EqualTo(AppwriteErrorType.MalformedResponse));
            Assert.That(error.Code, Is.EqualTo(0));
        });

        [Test]
        public void ModelFieldOfTheWrongType_IsAMalformedResponseNotGarbage() => Run(async () =>
        {
            Server.On("GET", "/v1/account", _ => FakeResponse.Json(200, ModelBodies.User.Replace("\"status\":true", "\"status\":\"yes\"")));
            var error = await Throws(NewClient().Account.GetAsync());
            Assert.That(error.Type, Is.EqualTo(AppwriteErrorType.MalformedResponse));
            Assert.That(error.Message, Does.Contain("status"));
        });

        [Test]
        public void DroppedConnection_IsANetworkError() => Run(async () =>
        {
            Server.On("POST", "/v1/account/tokens/phone", _ => new FakeResponse { Drop = true });
            var error = await Throws(NewClient().Account.CreatePhoneTokenAsync("unique()", "+15555550100"));
            Assert.That(error.Type, Is.EqualTo(AppwriteErrorType.NetworkError));
            Assert.That(error.Code, Is.EqualTo(0));
            Assert.That(Server.Requests.Count(r => r.Path == "/v1/account/tokens/phone"), Is.EqualTo(1), "a message-sending call is never retried");
        });

        [Test]
        public void NothingListening_IsANetworkError() => Run(async () =>
        {
            var port = Server.Port;
            Server.Dispose();
            var client = NewClient($"http://127.0.0.1:{port}/v1");
            var error = await Throws(client.Account.CreatePhoneTokenAsync("unique()", "+15555550100"));
            Assert.That(error.Type, Is.EqualTo(AppwriteErrorType.NetworkError));
        });

        [TestCase("bad id!", "+15555550100", "userId")]
        [TestCase("unique()", "5555550100", "phone")]
        [TestCase(null, "+15555550100", "userId")]
        [TestCase("unique()", null, "phone")]
        public void InvalidArgument_NamesTheParameter_AndSendsNothing(string? userId, string? phone, string parameter) => Run(async () =>
        {
            var error = await Throws(NewClient().Account.CreatePhoneTokenAsync(userId!, phone!));
            Assert.That(error.Type, Is.EqualTo(AppwriteErrorType.ArgumentInvalid));
            Assert.That(error.Message, Does.Contain($"\"{parameter}\""));
            Assert.That(error.Message, Does.Contain("createPhoneToken"));
            Assert.That(Server.Requests, Is.Empty);
        });

        [Test]
        public void UndefinedEnumValue_NamesTheParameter() => Run(async () =>
        {
            var error = await Throws(NewClient().Account.CreateOAuth2TokenAsync((OAuthProvider)999));
            Assert.That(error.Type, Is.EqualTo(AppwriteErrorType.ArgumentInvalid));
            Assert.That(error.Message, Does.Contain("\"provider\""));
        });

        [Test]
        public void OAuth2TokenUrl_IsTheUrlToOpen() => Run(async () =>
        {
            var url = await NewClient().Account.GetOAuth2TokenUrlAsync(OAuthProvider.Github, success: "appwrite-callback-demo-project://ok", scopes: new[] { "read:user" });
            Assert.That(url, Does.StartWith(Server.Endpoint + "/account/tokens/oauth2/github?"));
            Assert.That(url, Does.Contain("project=demo-project"));
            Assert.That(Server.Requests, Is.Empty, "building the URL makes no request");
        });

        [Test]
        public void PrefsThatJsonUtilityCannotWrite_AreRejectedNamingPrefs() => Run(async () =>
        {
            var client = NewClient();
            var dictionary = await Throws(client.Account.UpdatePrefsAsync(new Dictionary<string, object> { ["theme"] = "dark" }));
            Assert.That(dictionary.Type, Is.EqualTo(AppwriteErrorType.ArgumentInvalid));
            Assert.That(dictionary.Message, Does.Contain("\"prefs\""));
            var notJson = await Throws(client.Account.UpdatePrefsJsonAsync("{theme: dark"));
            Assert.That((notJson.Type, notJson.Message.Contains("\"prefsJson\"")), Is.EqualTo((AppwriteErrorType.ArgumentInvalid, true)));
            // Well-formed JSON that is not a prefs object is judged by the core's prefs rule.
            var notObject = await Throws(client.Account.UpdatePrefsJsonAsync("[1,2]"));
            Assert.That(notObject.Type, Is.EqualTo(AppwriteErrorType.ArgumentInvalid));
            Assert.That(notObject.Message, Does.Contain("\"prefs\" param of account.updatePrefs"));
            var missing = await Throws(client.Account.UpdatePrefsAsync<ModelTests.GamePrefs>(null!));
            Assert.That(missing.Message, Does.Contain("\"prefs\""));
            Assert.That(Server.Requests, Is.Empty);
        });

        [Test]
        public void InvalidEndpoint_ThrowsFromTheSetterNamingIt() => Run(() =>
        {
            var client = new GameObject("c").AddComponent<Client>();
            var error = Assert.Throws<AppwriteException>(() => client.SetEndpoint("ftp://example.com"))!;
            Assert.That(error.Type, Is.EqualTo(AppwriteErrorType.ArgumentInvalid));
            Assert.That(error.Message, Does.Contain("endpoint"));
            var timeout = Assert.Throws<AppwriteException>(() => client.SetRequestTimeout(TimeSpan.FromHours(2)))!;
            Assert.That(timeout.Type, Is.EqualTo(AppwriteErrorType.ArgumentInvalid));
            return Task.CompletedTask;
        });

        [Test]
        public void NoProject_IsNotConfigured() => Run(async () =>
        {
            var client = new GameObject("c").AddComponent<Client>().SetEndpoint(Server.Endpoint);
            var error = await Throws(client.Account.GetAsync());
            Assert.That(error.Type, Is.EqualTo(AppwriteErrorType.NotConfigured));
            Assert.That(error.Message, Does.Contain("setProject"));
        });

        [Test]
        public void WithoutPuerts_SettersWork_AndCallsExplainHowToInstallIt() => Run(async () =>
        {
            ScriptRuntimes.Override = null;
            var client = new GameObject("c").AddComponent<Client>().SetEndpoint(Server.Endpoint).SetProject("demo-project");
            var error = await Throws(client.Account.GetAsync());
            Assert.That(error.Type, Is.EqualTo(AppwriteErrorType.NotConfigured));
            Assert.That(error.Message, Does.Contain("Puerts 3.x"));
            Assert.That(error.Message, Does.Contain("com.tencent.puerts.core"));
            Assert.That(error.Message, Does.Contain("Generate il2cpp"));
            var ping = await Throws(client.PingAsync());
            Assert.That(ping.Type, Is.EqualTo(AppwriteErrorType.NotConfigured));
            Assert.That(Server.Requests, Is.Empty);
        });

        [Test]
        public void DestroyedClient_RefusesCalls() => Run(async () =>
        {
            var client = NewClient();
            UnityEngine.Object.DestroyImmediate(client.gameObject);
            var error = await Throws(client.Account.GetAsync());
            Assert.That(error.Type, Is.EqualTo(AppwriteErrorType.NotConfigured));
            Assert.Throws<AppwriteException>(() => client.SetProject("x"));
        });
    }
}
