// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using UnityEngine;

namespace Appwrite.Tests
{
    /// <summary>
    /// The C# guarantee of a subscription, independent of the core: no callback after Close/Dispose returned (events
    /// already queued for the main thread included), and a Close from another thread waits for a running callback.
    /// </summary>
    public sealed class RealtimeSubscriptionTests
    {
        private const string EventJson = "{\"events\":[\"users.u1.update.name\"],\"channels\":[\"account.u1\"],\"timestamp\":\"\",\"model\":\"\",\"payload\":\"{}\"}";
        private GameObject? _host;

        [TearDown]
        public void TearDown()
        {
            if (_host != null) UnityEngine.Object.DestroyImmediate(_host);
        }

        // A subscription that was never registered with a core: events are fed as the core would feed them.
        private RealtimeSubscription NewSubscription(Action<RealtimeEvent> callback)
        {
            _host = new GameObject("Appwrite Client (subscription test)");
            var client = _host.AddComponent<Client>();
            return new RealtimeSubscription(client.Realtime, "s-test", new[] { "account" }, Array.Empty<string>(), callback);
        }

        [Test]
        public void EventsAfterClose_AreDropped_EvenIfAlreadyQueued()
        {
            var calls = 0;
            var subscription = NewSubscription(_ => calls++);
            subscription.OnEventFromCore(EventJson);
            subscription.Close();
            subscription.OnEventFromCore(EventJson);
            Assert.That(calls, Is.EqualTo(1));
            Assert.That(subscription.IsClosed, Is.True);
            Assert.DoesNotThrow(subscription.Dispose, "closing twice is fine");
        }

        [Test]
        public void DisposeInsideTheCallback_StopsTheNextEvents()
        {
            var calls = 0;
            RealtimeSubscription? subscription = null;
            subscription = NewSubscription(_ =>
            {
                calls++;
                subscription!.Dispose();
            });
            subscription.OnEventFromCore(EventJson);
            subscription.OnEventFromCore(EventJson);
            Assert.That(calls, Is.EqualTo(1));
        }

        [Test]
        public void CloseFromAnotherThread_WaitsForTheRunningCallback()
        {
            using var inCallback = new ManualResetEventSlim();
            using var release = new ManualResetEventSlim();
            var finished = false;
            var subscription = NewSubscription(_ =>
            {
                inCallback.Set();
                release.Wait(5000);
                finished = true;
            });
            var delivering = Task.Run(() => subscription.OnEventFromCore(EventJson));
            Assert.That(inCallback.Wait(5000), Is.True);
            var closing = Task.Run(subscription.Close);
            Assert.That(closing.Wait(200), Is.False, "Close waits while the callback runs");
            release.Set();
            Assert.That(closing.Wait(5000), Is.True);
            Assert.That(finished, Is.True, "when Close returned, the callback had finished");
            delivering.Wait(5000);
        }

        [Test]
        public void AThrowingCallback_IsLogged_AndTheNextEventStillArrives()
        {
            var calls = 0;
            var subscription = NewSubscription(_ =>
            {
                calls++;
                throw new InvalidOperationException("game bug");
            });
            Assert.DoesNotThrow(() => subscription.OnEventFromCore(EventJson));
            Assert.DoesNotThrow(() => subscription.OnEventFromCore(EventJson));
            Assert.That(calls, Is.EqualTo(2));
        }
    }
}
