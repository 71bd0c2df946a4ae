// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Appwrite.Internal;
using NUnit.Framework;
using UnityEngine;
using UnityEngine.TestTools;

namespace Appwrite.Tests
{
    /// <summary>
    /// Play-mode glue of the Client component over the real bundle (Puerts in Unity, Node in the .NET ring), with a
    /// scripted in-process HTTP service: lifecycle, main-thread delivery, events, cancellation and destruction.
    /// </summary>
    public sealed class ClientRuntimeTests
    {
        private const string Endpoint = "https://appwrite.test/v1";
        private ScriptedHttp _http = null!;
        private IHttpBridge _previousHttp = null!;
        private readonly List<GameObject> _objects = new List<GameObject>();

        [SetUp]
        public void SetUp()
        {
            if (!ScriptRuntimes.Available) Assert.Ignore("Puerts is not installed in this project; these tests need a script runtime.");
            _previousHttp = HostDefaults.Http;
            _http = new ScriptedHttp();
            HostDefaults.Http = _http;
            _http.On("GET", "/ping", _ => ScriptedHttp.Text(200, "Pong!"));
        }

        [TearDown]
        public void TearDown()
        {
            foreach (var go in _objects) UnityEngine.Object.DestroyImmediate(go);
            _objects.Clear();
            if (_previousHttp != null) HostDefaults.Http = _previousHttp;
        }

        private Client NewClient()
        {
            var go = new GameObject("Appwrite Client (test)");
            _objects.Add(go);
            return go.AddComponent<Client>().SetEndpoint(Endpoint).SetProject("test-project");
        }

        [UnityTest]
        public IEnumerator Setters_ChainOnOneClient_AndTheHeaderAliasesSetTheSameHeaders() => AsyncTest.Run(async () =>
        {
            var client = NewClient();
            Assert.That(client.SetXAppwriteProject("alias-project"), Is.SameAs(client));
            client.SetXAppwriteJWT("jwt-value-for-test").SetXAppwriteLocale("fr").SetXAppwriteSession("session-value-for-test").SetXAppwriteDevKey("dev-key-for-test");
            await client.PingAsync();
            var request = _http.Requests.Single();
            Assert.That(_http.Header(request, "X-Appwrite-Project"), Is.EqualTo("alias-project"));
            Assert.That(_http.Header(request, "X-Appwrite-JWT"), Is.EqualTo("jwt-value-for-test"));
            Assert.That(_http.Header(request, "X-Appwrite-Locale"), Is.EqualTo("fr"));
            Assert.That(_http.Header(request, "X-Appwrite-Session"), Is.EqualTo("session-value-for-test"));
            Assert.That(_http.Header(request, "X-Appwrite-Dev-Key"), Is.EqualTo("dev-key-for-test"));
            Assert.That(request.Url, Is.EqualTo(Endpoint + "/ping"));
        });

        [UnityTest]
        public IEnumerator PingAsync_ResumesOnTheMainThread() => AsyncTest.Run(async () =>
        {
            var mainThread = Thread.CurrentThread.ManagedThreadId;
            var pong = await NewClient().PingAsync();
            Assert.That(pong, Is.EqualTo("Pong!"));
            Assert.That(Thread.CurrentThread.ManagedThreadId, Is.EqualTo(mainThread));
        });

        [UnityTest]
        public IEnumerator SignIn_RaisesEventsOnTheMainThread_AndKeepsTheSessionInTheClientsStorage() => AsyncTest.Run(async () =>
        {
            var mainThread = Thread.CurrentThread.ManagedThreadId;
            var cookie = Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"id\":\"u1\",\"secret\":\"s\"}"));
            _http.On("POST", "/account/sessions/anonymous", _ => ScriptedHttp.Json(201,
                "{\"$id\":\"s1\",\"$createdAt\":\"\",\"$updatedAt\":\"\",\"userId\":\"u1\",\"expire\":\"\",\"provider\":\"anonymous\",\"current\":true,\"factors\":[\"anonymous\"],\"secret\":\"\"}",
                ("X-Fallback-Cookies", "{\"a_session_test-project\":\"" + cookie + "\"}")));
            var client = NewClient();
            var storage = new Dictionary<string, string>();
            client.Storage = new DictionaryStore(storage);
            var events = new List<string>();
            client.SignedIn += e =>
            {
                Assert.That(Thread.CurrentThread.ManagedThreadId, Is.EqualTo(mainThread));
                events.Add("signedIn:" + e.UserId + ":" + e.Provider);
            };
            client.SessionChanged += e => events.Add("sessionChanged:" + e.SignedIn);
            var session = await client.Account.CreateAnonymousSessionAsync();
            Assert.That(session.Provider, Is.EqualTo("anonymous"));
            Assert.That(events, Is.EqualTo(new[] { "sessionChanged:True", "signedIn:u1:anonymous" }));
            Assert.That(storage.Values.Single(), Does.Contain("a_session_test-project"));
        });

        [UnityTest]
        public IEnumerator CancellingTheToken_CancelsTheTask_AndAbortsTheRequest() => AsyncTest.Run(async () =>
        {
            _http.Hold = true;
            var client = NewClient();
            using var cts = new CancellationTokenSource();
            var call = client.Account.GetAsync(cts.Token);
            while (_http.HeldCount == 0) await Task.Yield();
            cts.Cancel();
            try
            {
                await call;
                Assert.Fail("the call should have been cancelled");
            }
            catch (OperationCanceledException)
            {
            }
            while (_http.Aborted.Count == 0) await Task.Yield();
            Assert.That(_http.Aborted.Single(), Is.EqualTo(_http.Requests.Single().Id));
        });

        [UnityTest]
        public IEnumerator DestroyingTheClient_CancelsItsPendingCalls() => AsyncTest.Run(async () =>
        {
            _http.Hold = true;
            var client = NewClient();
            var call = client.Account.ListSessionsAsync();
            while (_http.HeldCount == 0) await Task.Yield();
            UnityEngine.Object.Destroy(client.gameObject);
            while (!call.IsCompleted) await Task.Yield();
            Assert.That(call.IsCanceled, Is.True);
            while (_http.Aborted.Count == 0) await Task.Yield();
            Assert.That(_http.HeldCount, Is.EqualTo(0));
        });

        [UnityTest]
        public IEnumerator ServerError_ArrivesAsAppwriteException() => AsyncTest.Run(async () =>
        {
            _http.On("GET", "/account", _ => ScriptedHttp.Json(401, "{\"message\":\"missing scopes\",\"code\":401,\"type\":\"general_unauthorized_scope\"}"));
            var client = NewClient();
            string? inspectorMessage = null;
            client.OnError.AddListener(message => inspectorMessage = message);
            try
            {
                await client.Account.GetAsync();
                Assert.Fail("expected an AppwriteException");
            }
            catch (AppwriteException e)
            {
                Assert.That(e.Code, Is.EqualTo(401));
                Assert.That(e.Type, Is.EqualTo("general_unauthorized_scope"));
            }
            Assert.That(inspectorMessage, Is.EqualTo("missing scopes"));
        });

        private sealed class DictionaryStore : IKeyValueStore
        {
            private readonly Dictionary<string, string> _values;

            public DictionaryStore(Dictionary<string, string> values)
            {
                _values = values;
            }

            public string? Get(string key) => _values.TryGetValue(key, out var value) ? value : null;

            public void Set(string key, string? value)
            {
                if (string.IsNullOrEmpty(value)) _values.Remove(key);
                else _values[key] = value!;
            }
        }
    }
}
