// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Appwrite;
using Appwrite.Internal;
using NUnit.Framework;
using UnityEngine;

namespace Playloom.Appwrite.Ring
{
    /// <summary>Events, inspector events and every callback reach the game on the main thread, in a sensible order.</summary>
    public sealed class EventAndThreadingTests : RingTestBase
    {
        private async Task<(Client Client, string UserId)> SignIn()
        {
            var client = NewClient();
            var token = await client.Account.CreatePhoneTokenAsync(ID.Unique(), FakeAppwrite.MockPhone);
            await client.Account.CreateSessionAsync(token.UserId, FakeAppwrite.MockCode);
            return (client, token.UserId);
        }

        [Test]
        public void SignIn_RaisesEventsOnTheMainThread_BeforeTheAwaitReturns() => Run(async () =>
        {
            var client = NewClient();
            var log = new List<string>();
            client.SessionChanged += e =>
            {
                AssertMainThread("SessionChanged");
                log.Add($"sessionChanged:{e.SignedIn}:{e.Source}");
            };
            client.SignedIn += e =>
            {
                AssertMainThread("SignedIn");
                log.Add($"signedIn:{e.Provider}:{e.SessionId != null}");
            };
            client.OnSignedIn.AddListener(userId => log.Add("unity:signedIn:" + (userId.Length > 0)));
            client.OnSessionChanged.AddListener(signedIn => log.Add("unity:sessionChanged:" + signedIn));
            var token = await client.Account.CreatePhoneTokenAsync(ID.Unique(), FakeAppwrite.MockPhone);
            await client.Account.CreateSessionAsync(token.UserId, FakeAppwrite.MockCode);
            log.Add("awaited");
            Assert.That(log, Is.EqualTo(new[]
            {
                "sessionChanged:True:server", "unity:sessionChanged:True", "signedIn:phone:True", "unity:signedIn:True", "awaited",
            }));
        });

        [Test]
        public void SignOut_RaisesSignedOutAndClearsStorage() => Run(async () =>
        {
            var (client, userId) = await SignIn();
            var signedOut = new List<SignedOutEventArgs>();
            var unity = new List<string>();
            client.SignedOut += e => signedOut.Add(e);
            client.OnSignedOut.AddListener(unity.Add);
            await client.Account.DeleteSessionAsync("current");
            Assert.That(signedOut.Single().UserId, Is.EqualTo(userId));
            Assert.That(signedOut.Single().Reason, Is.EqualTo("signOut"));
            Assert.That(unity, Is.EqualTo(new[] { userId }));
            Assert.That(Storage.Values, Is.Empty);
        });

        [Test]
        public void Failure_RaisesErrorEventAndUnityEvent() => Run(async () =>
        {
            var client = NewClient();
            var messages = new List<string>();
            client.OnError.AddListener(messages.Add);
            AppwriteErrorEventArgs? seen = null;
            client.Error += e => seen = e;
            await Throws(client.Account.GetAsync());
            Assert.That(seen, Is.Not.Null);
            Assert.That(seen!.Label, Is.EqualTo("account.get"));
            Assert.That(seen.Method, Is.EqualTo("GET"));
            Assert.That(seen.Path, Is.EqualTo("/account"));
            Assert.That(seen.Type, Is.EqualTo("general_unauthorized_scope"));
            Assert.That(messages.Single(), Is.EqualTo(seen.Message));
        });

        [Test]
        public void ThrowingHandler_IsLogged_AndNeitherStopsOtherHandlersNorTheCall() => Run(async () =>
        {
            UnityStubs.Console.Clear();
            var client = NewClient();
            var second = 0;
            client.SignedIn += _ => throw new InvalidOperationException("handler bug");
            client.SignedIn += _ => second++;
            var token = await client.Account.CreatePhoneTokenAsync(ID.Unique(), FakeAppwrite.MockPhone);
            var session = await client.Account.CreateSessionAsync(token.UserId, FakeAppwrite.MockCode);
            Assert.That(session.UserId, Is.EqualTo(token.UserId));
            Assert.That(second, Is.EqualTo(1));
            Assert.That(UnityStubs.Console.Lines.Any(l => l.Type == LogType.Exception && l.Message.Contains("handler bug")), Is.True);
        });

        [Test]
        public void CallFromAPoolThread_RunsOnTheMainThread_AndSoDoesStorage() => Run(async () =>
        {
            var client = NewClient();
            var mainThread = Thread.CurrentThread.ManagedThreadId;
            var token = await Task.Run(() => client.Account.CreatePhoneTokenAsync(ID.Unique(), FakeAppwrite.MockPhone)).ConfigureAwait(true);
            await client.Account.CreateSessionAsync(token.UserId, FakeAppwrite.MockCode);
            await client.Account.GetAsync();
            Assert.That(Storage.Reads + Storage.Writes, Is.GreaterThan(0));
            Assert.That(Storage.ThreadIds.Distinct(), Is.EqualTo(new[] { mainThread }), "storage is only touched on the main thread");
        });

        [Test]
        public void SetSession_SendsTheHeader_AndItsValueNeverReachesLogsOrEvents() => Run(async () =>
        {
            var lines = new List<string>();
            AppwriteLog.Sink = new ListSink(lines);
            var secretCookie = "c2Vzc2lvbi1zZWNyZXQtdmFsdWUtdGhhdC1tdXN0LW5vdC1sZWFr";
            var client = NewClient();
            client.LogLevel = AppwriteLogLevel.Debug;
            var payloads = new List<string>();
            client.SessionChanged += e => payloads.Add($"{e.SignedIn}/{e.UserId}/{e.Source}");
            client.SetSession(secretCookie).SetJWT("eyJhbGciOiJIUzI1NiJ9.eyJ1c2VySWQiOiJ4In0.sig-sig-sig");
            var error = await Throws(client.Account.GetAsync());
            Assert.That(Server.Requests.Last().Header("X-Appwrite-Session"), Is.EqualTo(secretCookie));
            Assert.That(lines, Is.Not.Empty, "debug logging produced lines");
            foreach (var text in lines.Concat(payloads).Append(error.Message))
            {
                Assert.That(text, Does.Not.Contain(secretCookie));
                Assert.That(text, Does.Not.Contain("eyJhbGciOiJIUzI1NiJ9"));
            }
        });

        private sealed class ListSink : ILogSink
        {
            private readonly List<string> _lines;

            public ListSink(List<string> lines)
            {
                _lines = lines;
            }

            public void Write(AppwriteLogLevel level, string message) => _lines.Add(message);
        }
    }
}
