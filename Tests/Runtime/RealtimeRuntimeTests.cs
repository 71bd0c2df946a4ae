// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Appwrite.Internal;
using NUnit.Framework;
using UnityEngine;
using UnityEngine.TestTools;

namespace Appwrite.Tests
{
    /// <summary>
    /// Play-mode glue of <c>client.Realtime</c> over the real bundle and the platform's sockets, without a server: the
    /// argument checks, main-thread events for a connection that cannot be made, and that disposing stops it all.
    /// </summary>
    public sealed class RealtimeRuntimeTests
    {
        private readonly List<GameObject> _objects = new List<GameObject>();

        [SetUp]
        public void SetUp()
        {
            if (!ScriptRuntimes.Available) Assert.Ignore("Puerts is not installed in this project; these tests need a script runtime.");
        }

        [TearDown]
        public void TearDown()
        {
            foreach (var go in _objects) UnityEngine.Object.DestroyImmediate(go);
            _objects.Clear();
        }

        // Nothing listens on port 9 (discard) of the loopback interface: every connect is refused at once.
        private Client NewClient()
        {
            var go = new GameObject("Appwrite Client (realtime test)");
            _objects.Add(go);
            return go.AddComponent<Client>().SetEndpoint("http://127.0.0.1:9/v1").SetProject("test-project");
        }

        [UnityTest]
        public IEnumerator Subscribe_RefusesEmptyChannelsAndNullCallbacks() => AsyncTest.Run(() =>
        {
            var client = NewClient();
            var error = Assert.Throws<AppwriteException>(() => client.Realtime.Subscribe(Array.Empty<string>(), _ => { }))!;
            Assert.That(error.Type, Is.EqualTo(AppwriteErrorType.ArgumentInvalid));
            Assert.Throws<AppwriteException>(() => client.Realtime.Subscribe("", _ => { }));
            Assert.Throws<ArgumentNullException>(() => client.Realtime.Subscribe("account", null!));
            Assert.That(client.Realtime.SubscriptionCount, Is.Zero);
            return Task.CompletedTask;
        });

        [UnityTest]
        public IEnumerator UnreachableServer_ReportsTheDisconnectOnTheMainThread_AndDisposeEndsIt() => AsyncTest.Run(async () =>
        {
            var client = NewClient();
            var mainThread = Thread.CurrentThread.ManagedThreadId;
            var disconnects = new List<RealtimeDisconnectedEventArgs>();
            client.Realtime.Disconnected += e =>
            {
                Assert.That(Thread.CurrentThread.ManagedThreadId, Is.EqualTo(mainThread));
                disconnects.Add(e);
            };
            var subscription = await client.Realtime.SubscribeAsync(Channel.Account(), _ => Assert.Fail("no server, no event"));
            Assert.That(Thread.CurrentThread.ManagedThreadId, Is.EqualTo(mainThread));
            var start = Time.realtimeSinceStartup;
            while (disconnects.Count == 0 && Time.realtimeSinceStartup - start < 10) await Task.Yield();
            Assert.That(disconnects, Is.Not.Empty, "the refused connection is reported");
            Assert.That(disconnects[0].Code, Is.EqualTo(1006));
            Assert.That(disconnects[0].WillReconnect, Is.True);
            subscription.Dispose();
            Assert.That(subscription.IsClosed, Is.True);
            Assert.That(client.Realtime.SubscriptionCount, Is.Zero);
        });

        [UnityTest]
        public IEnumerator DestroyedClient_RefusesNewSubscriptions() => AsyncTest.Run(async () =>
        {
            var client = NewClient();
            var subscription = client.Realtime.Subscribe("account", _ => { });
            UnityEngine.Object.Destroy(client.gameObject);
            await AsyncTest.Frames(3);
            Assert.That(subscription.IsClosed, Is.True);
            var error = Assert.Throws<AppwriteException>(() => client.Realtime.Subscribe("account", _ => { }))!;
            Assert.That(error.Type, Is.EqualTo(AppwriteErrorType.NotConfigured));
        });
    }
}
