// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Appwrite;
using Appwrite.Internal;
using NUnit.Framework;
using UnityEngine;
using UnityEngine.Networking;

namespace Playloom.Appwrite.Ring
{
    /// <summary>
    /// The production HTTP host service (UnityHttpBridge over UnityWebRequest, polled by the hidden runner) against the
    /// fake server, with the ring's working model of UnityWebRequest.
    /// </summary>
    public sealed class UnityHttpBridgeTests : RingTestBase
    {
        private UnityHttpBridge _bridge = null!;

        [SetUp]
        public void UseUnityWebRequest()
        {
            _bridge = new UnityHttpBridge();
            HostDefaults.Http = _bridge;
        }

        [Test]
        public void PhoneLogin_OverUnityWebRequest_KeepsTheSessionFromTheResponseHeader() => Run(async () =>
        {
            var client = NewClient();
            var started = UnityWebRequest.StartedCount;
            var token = await client.Account.CreatePhoneTokenAsync(ID.Unique(), FakeAppwrite.MockPhone);
            var session = await client.Account.CreateSessionAsync(token.UserId, FakeAppwrite.MockCode);
            var user = await client.Account.GetAsync();
            AssertMainThread("continuation over UnityWebRequest");
            Assert.That(user.Id, Is.EqualTo(session.UserId));
            Assert.That(UnityWebRequest.StartedCount - started, Is.EqualTo(3));
            var get = Server.Requests.Last();
            Assert.That(get.Header("X-Fallback-Cookies"), Does.Contain("a_session_demo-project"), "X-Fallback-Cookies from the response is sent back");
            Assert.That(get.Header("X-Appwrite-Project"), Is.EqualTo("demo-project"));
            Assert.That(get.Header("X-Appwrite-Response-Format"), Is.EqualTo("1.9.5"));
            Assert.That(_bridge.ActiveCount, Is.EqualTo(0));
        });

        [Test]
        public void TheRunner_IsAHiddenObjectThatSurvivesSceneLoads() => Run(async () =>
        {
            await NewClient().PingAsync();
            var runner = UnityStubs.PlayerLoop.Live<AppwriteRunner>().Single();
            Assert.That(runner.gameObject.hideFlags, Is.EqualTo(HideFlags.HideAndDontSave));
        });

        [TestCase("PATCH", "/v1/account/prefs")]
        [TestCase("PUT", "/v1/account/sessions/phone")]
        [TestCase("DELETE", "/v1/account/identities/abc")]
        [TestCase("POST", "/v1/account/jwts")]
        public void EveryVerb_SendsItsJsonBody(string verb, string path) => Run(async () =>
        {
            Server.On(verb, path, _ => verb == "DELETE" ? FakeResponse.NoContent() : FakeResponse.Json(200, path.EndsWith("jwts") ? ModelBodies.Jwt : path.EndsWith("prefs") ? ModelBodies.User : ModelBodies.Session));
            var account = NewClient().Account;
            Task call = verb switch
            {
                "PATCH" => account.UpdatePrefsJsonAsync("{\"theme\":\"dark\"}"),
                "PUT" => account.UpdatePhoneSessionAsync("user1", "123456"),
                "DELETE" => account.DeleteIdentityAsync("abc"),
                _ => account.CreateJWTAsync(),
            };
            await call;
            var request = Server.Requests.Single(r => r.Path == path);
            Assert.That(request.Method, Is.EqualTo(verb));
            Assert.That(request.Header("Content-Type"), Does.StartWith("application/json"));
            var expected = verb switch
            {
                "PATCH" => "{\"prefs\":{\"theme\":\"dark\"}}",
                "PUT" => "{\"userId\":\"user1\",\"secret\":\"123456\"}",
                _ => "{}",
            };
            Assert.That(request.Body, Is.EqualTo(expected));
        });

        [Test]
        public void Cancelling_AbortsTheUnityWebRequest() => Run(async () =>
        {
            Server.On("GET", "/v1/account", _ => new FakeResponse { Body = ModelBodies.User, Delay = TimeSpan.FromSeconds(20) });
            using var cts = new CancellationTokenSource();
            var call = NewClient().Account.GetAsync(cts.Token);
            while (!Server.Requests.Any()) await Task.Delay(5);
            Assert.That(_bridge.ActiveCount, Is.EqualTo(1));
            cts.Cancel();
            await Cancelled(call);
            for (var i = 0; i < 400 && _bridge.ActiveCount > 0; i++) await Task.Delay(5);
            Assert.That(_bridge.ActiveCount, Is.EqualTo(0), "the request was aborted and released");
        });

        [Test]
        public void Timeout_OverUnityWebRequest_IsAClientTimeout() => Run(async () =>
        {
            Server.On("GET", "/v1/account", _ => new FakeResponse { Body = ModelBodies.User, Delay = TimeSpan.FromSeconds(20) });
            var error = await Throws(NewClient().SetRequestTimeout(TimeSpan.FromMilliseconds(250)).Account.GetAsync());
            Assert.That(error.Type, Is.EqualTo(AppwriteErrorType.Timeout));
            for (var i = 0; i < 400 && _bridge.ActiveCount > 0; i++) await Task.Delay(5);
            Assert.That(_bridge.ActiveCount, Is.EqualTo(0));
        });

        [Test]
        public void ErrorStatus_IsAResponseWithItsBody_NotAConnectionFailure() => Run(async () =>
        {
            Server.On("GET", "/v1/account", _ => FakeResponse.Error(404, "user_not_found", "User with the requested ID could not be found.").WithHeader("X-Custom", "yes"));
            var error = await Throws(NewClient().Account.GetAsync());
            Assert.That(error.Code, Is.EqualTo(404));
            Assert.That(error.Type, Is.EqualTo("user_not_found"));
        });

        [Test]
        public void ForbiddenHeader_IsANetworkErrorNotACrash()
        {
            HttpResponseData? response = null;
            var request = new HttpRequestData { Id = "r1", Method = "GET", Url = Server.Endpoint + "/ping" };
            request.Headers.Add(new System.Collections.Generic.KeyValuePair<string, string>("Host", "evil"));
            _bridge.Send(request, r => response = r);
            Assert.That(response, Is.Not.Null);
            Assert.That(response!.ErrorKind, Is.EqualTo("network"));
            Assert.That(response.ToJson(), Does.StartWith("{\"error\":{\"kind\":\"network\""));
        }
    }
}
