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

namespace Playloom.Appwrite.Ring
{
    /// <summary>Cancellation, destruction and timeouts end calls promptly and abort their requests.</summary>
    public sealed class CancellationTests : RingTestBase
    {
        private void SlowAccount()
        {
            Server.On("GET", "/v1/account", _ => new FakeResponse { Status = 200, Body = ModelBodies.User, Delay = TimeSpan.FromSeconds(20) });
            Server.On("GET", "/v1/account/prefs", _ => new FakeResponse { Status = 200, Body = "{}", Delay = TimeSpan.FromSeconds(20) });
        }

        private static async Task WaitUntil(Func<bool> condition)
        {
            for (var i = 0; i < 2000 && !condition(); i++) await Task.Delay(5);
            Assert.That(condition(), Is.True, "condition not reached");
        }

        [Test]
        public void CancellingTheToken_EndsTheTaskAsCancelled_AndAbortsTheRequest() => Run(async () =>
        {
            SlowAccount();
            var client = NewClient();
            var errors = 0;
            client.Error += _ => errors++;
            var abortedBefore = RingSetup.Http.Aborted.Count;
            using var cts = new CancellationTokenSource();
            var call = client.Account.GetAsync(cts.Token);
            await WaitUntil(() => Server.Requests.Any(r => r.Path == "/v1/account"));
            cts.Cancel();
            var cancelled = await Cancelled(call);
            AssertMainThread("the cancelled call's continuation");
            Assert.That(call.IsCanceled, Is.True);
            Assert.That(cancelled.CancellationToken, Is.EqualTo(cts.Token));
            await WaitUntil(() => RingSetup.Http.Aborted.Count > abortedBefore);
            await WaitUntil(() => client.Core!.PendingCount == 0);
            Assert.That(errors, Is.EqualTo(0), "a cancellation is not an error event");
        });

        [Test]
        public void AlreadyCancelledToken_SendsNothing() => Run(async () =>
        {
            var call = NewClient().Account.GetAsync(new CancellationToken(true));
            await Cancelled(call);
            Assert.That(Server.Requests, Is.Empty);
        });

        [Test]
        public void CancellingFromAnotherThread_StillResumesOnTheMainThread() => Run(async () =>
        {
            SlowAccount();
            var client = NewClient();
            using var cts = new CancellationTokenSource();
            var call = client.Account.GetAsync(cts.Token);
            await WaitUntil(() => Server.Requests.Any());
            await Task.Run(() => cts.Cancel()).ConfigureAwait(true);
            await Cancelled(call);
            AssertMainThread("continuation after a cancel on a pool thread");
        });

        [Test]
        public void DestroyingTheClient_CancelsItsPendingCalls() => Run(async () =>
        {
            SlowAccount();
            var client = NewClient();
            var abortedBefore = RingSetup.Http.Aborted.Count;
            var first = client.Account.GetAsync();
            var second = client.Account.GetPrefsJsonAsync();
            await WaitUntil(() => Server.Requests.Count(r => r.Path.StartsWith("/v1/account")) == 2);
            UnityEngine.Object.Destroy(client.gameObject);
            await Cancelled(first);
            await Cancelled(second);
            await WaitUntil(() => RingSetup.Http.Aborted.Count > abortedBefore);
        });

        [Test]
        public void Timeout_IsAClientTimeout_AndAbortsTheRequest() => Run(async () =>
        {
            SlowAccount();
            var client = NewClient().SetRequestTimeout(TimeSpan.FromMilliseconds(300));
            var abortedBefore = RingSetup.Http.Aborted.Count;
            var error = await Throws(client.Account.GetAsync());
            Assert.That(error.Type, Is.EqualTo(AppwriteErrorType.Timeout));
            Assert.That(error.Code, Is.EqualTo(0));
            Assert.That(error.Message, Does.Contain("account.get"));
            await WaitUntil(() => RingSetup.Http.Aborted.Count > abortedBefore);
        });
    }
}
