// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Appwrite;
using NUnit.Framework;
using UnityEngine;

namespace Playloom.Appwrite.Ring
{
    /// <summary>
    /// The session lifecycle, JWTs and retry policy as C# sees them: RestoreSessionAsync, State and StateChanged,
    /// GetJWTAsync, SetRetryPolicy and Account.WithOptions, through the real bundle.
    /// </summary>
    public sealed class LifecycleTests : RingTestBase
    {
        private async Task<Client> SignedInClient()
        {
            var client = NewClient();
            var token = await client.Account.CreatePhoneTokenAsync(ID.Unique(), FakeAppwrite.MockPhone);
            await client.Account.CreateSessionAsync(token.UserId, FakeAppwrite.MockCode);
            return client;
        }

        [Test]
        public void RestoreSession_WithoutStoredSession_IsSignedOutAndSendsNothing() => Run(async () =>
        {
            var client = NewClient();
            var before = Server.Requests.Count;
            Assert.That(await client.RestoreSessionAsync(), Is.EqualTo(SessionState.SignedOut));
            Assert.That(Server.Requests.Count, Is.EqualTo(before));
            Assert.That(client.State, Is.EqualTo(SessionState.SignedOut));
        });

        [Test]
        public void RestoreSession_StoredValidSession_RestoringThenSignedInOnMainThread() => Run(async () =>
        {
            var first = await SignedInClient();
            Assert.That(first.State, Is.EqualTo(SessionState.SignedIn));
            var restored = NewClient();
            var states = new List<(SessionState State, SessionState Previous)>();
            restored.StateChanged += e =>
            {
                AssertMainThread("StateChanged");
                states.Add((e.State, e.Previous));
            };
            var unity = new List<SessionState>();
            restored.OnStateChanged.AddListener(unity.Add);
            Assert.That(await restored.RestoreSessionAsync(), Is.EqualTo(SessionState.SignedIn));
            Assert.That(states, Is.EqualTo(new[] { (SessionState.Restoring, SessionState.SignedOut), (SessionState.SignedIn, SessionState.Restoring) }));
            Assert.That(unity, Is.EqualTo(new[] { SessionState.Restoring, SessionState.SignedIn }));
            Assert.That(restored.State, Is.EqualTo(SessionState.SignedIn));
        });

        [Test]
        public void RestoreSession_ServerUnreachable_OfflineAndSessionKept() => Run(async () =>
        {
            await SignedInClient();
            var stored = Storage.Values.ToDictionary(kv => kv.Key, kv => kv.Value);
            Server.On("GET", "/v1/account", _ => new FakeResponse { Drop = true });
            var client = NewClient();
            Assert.That(await client.RestoreSessionAsync(), Is.EqualTo(SessionState.Offline));
            Assert.That(client.State, Is.EqualTo(SessionState.Offline));
            Assert.That(Storage.Values.ToDictionary(kv => kv.Key, kv => kv.Value), Is.EqualTo(stored), "the session survives an unreachable server");
        });

        [Test]
        public void RestoreSession_ServerRejectsSession_SignedOutAndForgotten() => Run(async () =>
        {
            await SignedInClient();
            Server.On("GET", "/v1/account", _ => FakeResponse.Error(401, "general_unauthorized_scope", "User (role: guests) missing scopes ([\"account\"])"));
            var client = NewClient();
            string? reason = null;
            client.SignedOut += e => reason = e.Reason;
            Assert.That(await client.RestoreSessionAsync(), Is.EqualTo(SessionState.SignedOut));
            Assert.That(reason, Is.EqualTo("invalid"));
            Assert.That(Storage.Values.Values.Any(v => v.Contains("a_session_")), Is.False, "the rejected session is gone");
        });

        [Test]
        public void GetJWT_TwoCalls_MintOnceAndNeverStore() => Run(async () =>
        {
            var client = await SignedInClient();
            var minted = 0;
            Server.On("POST", "/v1/account/jwts", _ =>
            {
                minted++;
                return FakeResponse.Json(201, "{\"jwt\":\"eyJhbGciOiJIUzI1NiJ9.eyJ1c2VySWQiOiJ1In0.sig-" + minted + "\"}");
            });
            var calls = await Task.WhenAll(client.GetJWTAsync(), client.GetJWTAsync());
            var again = await client.GetJWTAsync();
            Assert.That(minted, Is.EqualTo(1));
            Assert.That(calls[0], Is.EqualTo(calls[1]));
            Assert.That(again, Is.EqualTo(calls[0]));
            Assert.That(Storage.Values.Values.Any(v => v.Contains("sig-1")), Is.False, "JWTs are never persisted");
        });

        [Test]
        public void RetryPolicy_DefaultRetriesIdempotentCalls_NoneMakesOneAttempt() => Run(async () =>
        {
            var client = await SignedInClient();
            var attempts = 0;
            Server.On("GET", "/v1/account/prefs", _ => ++attempts < 3 ? FakeResponse.Error(503, "general_server_error", "busy") : FakeResponse.Json(200, "{}"));
            var retries = new List<RetryEventArgs>();
            client.Retrying += e =>
            {
                AssertMainThread("Retrying");
                retries.Add(e);
            };
            client.SetRetryPolicy(new RetryPolicy { BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(20) });
            Assert.That(await client.Account.GetPrefsJsonAsync(), Is.EqualTo("{}"));
            Assert.That(attempts, Is.EqualTo(3));
            Assert.That(retries.Select(r => (r.Label, r.Attempt, r.Code)), Is.EqualTo(new[] { ("account.getPrefs", 1, 503), ("account.getPrefs", 2, 503) }));

            attempts = 0;
            client.SetRetryPolicy(RetryPolicy.None);
            var error = await Throws(client.Account.GetPrefsJsonAsync());
            Assert.That((error.Code, attempts), Is.EqualTo((503, 1)));
        });

        [Test]
        public void RetryPolicy_OutOfRange_ThrowsNamingTheMember() => Run(() =>
        {
            var client = NewClient();
            var error = Assert.Throws<AppwriteException>(() => client.SetRetryPolicy(new RetryPolicy { Limit = 50 }))!;
            Assert.That(error.Type, Is.EqualTo(AppwriteErrorType.ArgumentInvalid));
            Assert.That(error.Message, Does.Contain("limit"));
            return Task.CompletedTask;
        });

        [Test]
        public void WithOptions_TimeoutAndRetry_ApplyToThoseCallsOnly() => Run(async () =>
        {
            var client = await SignedInClient();
            var attempts = 0;
            Server.On("GET", "/v1/account/prefs", _ => { attempts++; return FakeResponse.Error(503, "general_server_error", "busy"); });
            var once = client.Account.WithOptions(new CallOptions { Retry = RetryPolicy.None });
            Assert.That((await Throws(once.GetPrefsJsonAsync())).Code, Is.EqualTo(503));
            Assert.That(attempts, Is.EqualTo(1), "the view made one attempt");

            Server.On("GET", "/v1/account", _ => new FakeResponse { Status = 200, Body = "{}", Delay = TimeSpan.FromSeconds(5) });
            var quick = client.Account.WithOptions(new CallOptions { Timeout = TimeSpan.FromMilliseconds(150) });
            Assert.That((await Throws(quick.GetAsync())).Type, Is.EqualTo(AppwriteErrorType.Timeout));
            var badTimeout = client.Account.WithOptions(new CallOptions { Timeout = TimeSpan.FromHours(1) });
            var error = await Throws(badTimeout.GetAsync());
            Assert.That((error.Type, error.Message.Contains("timeoutMs")), Is.EqualTo((AppwriteErrorType.ArgumentInvalid, true)));
        });
    }
}
