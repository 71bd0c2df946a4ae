// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Appwrite;
using Appwrite.Internal;
using NUnit.Framework;
using UnityEngine;

namespace Playloom.Appwrite.Ring
{
    /// <summary>
    /// Issue 7's realtime flows from C#: <c>client.Realtime</c> over the real bundle (Node) and the real
    /// <see cref="ClientWebSocketBridge"/>, against the local emulator's <c>/v1/realtime</c>. The emulator keeps its
    /// state in a folder (<c>--data</c>) so that a restart on the same port drops every socket but keeps the sessions.
    /// </summary>
    public sealed class RealtimeEmulatorTests : RingTestBase
    {
        private EmulatorBackend _emulator = null!;
        private string _dataDir = null!;

        [Serializable]
        private sealed class Prefs
        {
            public string theme = "";
        }

        [OneTimeSetUp]
        public void StartEmulator()
        {
            if (!EmulatorBackend.Present) Assert.Fail("Tools~/emulator is missing: the ring runs from the full repository, which has it.");
            _dataDir = Path.Combine(Path.GetTempPath(), "playloom-ring-realtime-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(_dataDir);
            _emulator = EmulatorBackend.Start(0, _dataDir);
        }

        [OneTimeTearDown]
        public void StopEmulator()
        {
            _emulator?.Dispose();
            if (_dataDir != null && Directory.Exists(_dataDir)) Directory.Delete(_dataDir, true);
        }

        /// <summary>A client with storage of its own, so that two clients of one test are two devices.</summary>
        private Client NewDevice(string? project = null)
        {
            var client = new GameObject("Appwrite").AddComponent<Client>();
            client.Storage = new MemoryKeyValueStore();
            return client.SetEndpoint(_emulator.Endpoint).SetProject(project ?? _emulator.Project);
        }

        /// <summary>Signs in as the mock phone's user: the same user on every device.</summary>
        private static async Task<string> SignIn(Client client)
        {
            var token = await client.Account.CreatePhoneTokenAsync(ID.Unique(), EmulatorBackend.MockPhone);
            await client.Account.CreateSessionAsync(token.UserId, EmulatorBackend.MockCode);
            return token.UserId;
        }

        private sealed class Watch
        {
            public Watch(Client client)
            {
                client.Realtime.Connected += e => Connected.Add(e.UserId);
                client.Realtime.Disconnected += e => Disconnected.Add(e);
                client.Realtime.Error += e => Errors.Add(e.Message);
            }

            public List<string?> Connected { get; } = new List<string?>();

            public List<RealtimeDisconnectedEventArgs> Disconnected { get; } = new List<RealtimeDisconnectedEventArgs>();

            public List<string> Errors { get; } = new List<string>();
        }

        [Test]
        public void AccountSubscription_ReceivesUpdateNameAndUpdatePrefs_FromAnotherClientOfTheSameUser_OnTheMainThread() => Run(async () =>
        {
            var a = NewDevice();
            var b = NewDevice();
            var userId = await SignIn(a);
            Assert.That(await SignIn(b), Is.EqualTo(userId));
            var watch = new Watch(a);
            a.Realtime.Connected += _ => AssertMainThread("Connected");
            var unityConnected = 0;
            a.OnRealtimeConnected.AddListener(() => unityConnected++);
            var seen = new List<RealtimeEvent>();
            var subscription = await a.Realtime.SubscribeAsync(Channel.Account(), e =>
            {
                AssertMainThread("subscription callback");
                seen.Add(e);
            });
            AssertMainThread("SubscribeAsync continuation");
            Assert.That(watch.Connected, Is.EqualTo(new[] { userId }));
            Assert.That(unityConnected, Is.EqualTo(1));
            Assert.That(a.Realtime.SubscriptionCount, Is.EqualTo(1));

            await b.Account.UpdateNameAsync("Ada");
            await SocketProbe.Until(() => seen.Count == 1, 5000, "the name event");
            await b.Account.UpdatePrefsAsync(new Prefs { theme = "dark" });
            await SocketProbe.Until(() => seen.Count == 2, 5000, "the prefs event");
            await Task.Delay(150);
            Assert.That(seen, Has.Count.EqualTo(2), "each change arrives once");

            Assert.That(seen[0].Is($"users.{userId}.update.name"), Is.True, string.Join(",", seen[0].Events));
            Assert.That(seen[0].Channels, Does.Contain($"account.{userId}"));
            Assert.That(seen[0].Model, Is.EqualTo("user"));
            Assert.That(seen[0].User!.Id, Is.EqualTo(userId));
            Assert.That(seen[0].User!.Name, Is.EqualTo("Ada"));
            Assert.That(seen[0].User!.Phone, Is.EqualTo(EmulatorBackend.MockPhone));
            Assert.That(seen[0].Session, Is.Null, "only the accessor of the event's model answers");
            Assert.That(seen[1].Is($"users.{userId}.update.prefs"), Is.True);
            Assert.That(seen[1].User!.GetPrefs<Prefs>().theme, Is.EqualTo("dark"));
            Assert.That(seen[1].GetPayload<Prefs>(), Is.Not.Null);
            Assert.That(watch.Errors, Is.Empty);
            subscription.Dispose();
        });

        [Test]
        public void GuestSocket_AuthenticatesAfterSignIn_OnTheSameConnection() => Run(async () =>
        {
            var a = NewDevice();
            var b = NewDevice();
            var watch = new Watch(a);
            var seen = new List<RealtimeEvent>();
            await a.Realtime.SubscribeAsync("account", seen.Add);
            Assert.That(watch.Connected, Is.EqualTo(new string?[] { null }), "a guest connection");
            var userId = await SignIn(a);
            await SignIn(b);
            await Task.Delay(100); // the in-band authentication and re-subscribe are on their way
            await b.Account.UpdateNameAsync("After sign-in");
            // b's sign-in may arrive first, as a session event, when a's socket was authenticated in time for it.
            await SocketProbe.Until(() => seen.Any(e => e.Is($"users.{userId}.update.name")), 5000, "the name event after sign-in");
            Assert.That(seen.Single(e => e.Model == "user").User!.Name, Is.EqualTo("After sign-in"));
            Assert.That(seen.Where(e => e.Model == "session").Select(e => e.Session!.UserId), Has.All.EqualTo(userId));
            Assert.That(watch.Connected, Is.EqualTo(new string?[] { null }), "no reconnect: authenticated in band");
            Assert.That(watch.Disconnected, Is.Empty);
            Assert.That(watch.Errors, Is.Empty);
        });

        [Test]
        public void AfterTheEmulatorDropsEverySocket_SubscriptionsResume_AndNoEventArrivesTwice() => Run(async () =>
        {
            var a = NewDevice();
            var b = NewDevice();
            await SignIn(a);
            await SignIn(b);
            var watch = new Watch(a);
            var names = new List<string>();
            await a.Realtime.SubscribeAsync("account", e => names.Add(e.User!.Name));
            await a.Realtime.SubscribeAsync("account.update", e => names.Add("update:" + e.User!.Name));
            await b.Account.UpdateNameAsync("before");
            await SocketProbe.Until(() => names.Count == 2, 5000, "events before the drop");

            _emulator = _emulator.Restart(); // kills the process: every socket drops at once
            await SocketProbe.Until(() => watch.Connected.Count == 2, 15000, "the reconnect");
            await Task.Delay(100);
            await b.Account.UpdateNameAsync("after");
            await SocketProbe.Until(() => names.Count == 4, 5000, "events after the drop");
            await Task.Delay(300);
            Assert.That(names.OrderBy(n => n, StringComparer.Ordinal), Is.EqualTo(new[] { "after", "before", "update:after", "update:before" }));
            Assert.That(watch.Disconnected.Select(d => (d.Code, d.WillReconnect)), Is.EqualTo(new[] { (1006, true) }));
            Assert.That(a.Host!.WebSockets!.LiveCount, Is.EqualTo(1), "the dead socket was released");
        }, timeoutMs: 60000);

        [Test]
        public void Close_StopsDelivery_AndTheLastCloseClosesTheSocket() => Run(async () =>
        {
            var a = NewDevice();
            var b = NewDevice();
            await SignIn(a);
            await SignIn(b);
            var watch = new Watch(a);
            var reasons = new List<string>();
            a.OnRealtimeDisconnected.AddListener(reasons.Add);
            var seen = new List<string>();
            var first = await a.Realtime.SubscribeAsync("account", _ => seen.Add("first"));
            var second = await a.Realtime.SubscribeAsync("account", _ => seen.Add("second"));
            first.Close();
            Assert.That(first.IsClosed, Is.True);
            await b.Account.UpdateNameAsync("one");
            await SocketProbe.Until(() => seen.Count > 0, 5000, "the event");
            await Task.Delay(150);
            Assert.That(seen, Is.EqualTo(new[] { "second" }));

            second.Dispose();
            await SocketProbe.Until(() => watch.Disconnected.Count == 1, 5000, "the socket to close");
            Assert.That(watch.Disconnected[0].Code, Is.EqualTo(1000));
            Assert.That(watch.Disconnected[0].WillReconnect, Is.False);
            Assert.That(reasons, Is.EqualTo(new[] { watch.Disconnected[0].Reason }));
            await SocketProbe.Until(() => a.Host!.WebSockets!.LiveCount == 0, 5000, "the C# socket to be released");
            await b.Account.UpdateNameAsync("two");
            await Task.Delay(200);
            Assert.That(seen, Is.EqualTo(new[] { "second" }));
            Assert.That(a.Realtime.SubscriptionCount, Is.Zero);
        });

        [Test]
        public void Heartbeat_KeepsAnIdleSocketOpen() => Run(async () =>
        {
            var a = NewDevice();
            var b = NewDevice();
            await SignIn(a);
            await SignIn(b);
            // A ping every 150 ms: a socket whose pings go unanswered is dropped after three silent beats (~450 ms).
            a.SetRealtimeHeartbeat(TimeSpan.FromMilliseconds(150));
            var watch = new Watch(a);
            var seen = new List<RealtimeEvent>();
            await a.Realtime.SubscribeAsync("account", seen.Add);
            await Task.Delay(1200); // eight heartbeats with nothing else on the wire
            await b.Account.UpdateNameAsync("still here");
            await SocketProbe.Until(() => seen.Count > 0, 5000, "the event after idling");
            Assert.That(watch.Disconnected, Is.Empty);
            Assert.That(watch.Connected, Has.Count.EqualTo(1));
            Assert.That(watch.Errors, Is.Empty);
        });

        [Test]
        public void NoCallbackRuns_AfterDisposeReturns_FromTheCallbackOrAnotherThread() => Run(async () =>
        {
            var a = NewDevice();
            var b = NewDevice();
            await SignIn(a);
            await SignIn(b);
            var inside = 0;
            RealtimeSubscription? self = null;
            self = await a.Realtime.SubscribeAsync("account", _ =>
            {
                inside++;
                self!.Dispose(); // events already on their way must not arrive
            });
            var outside = 0;
            var other = await a.Realtime.SubscribeAsync("account", _ => outside++);
            // Three changes at once: their events reach the main thread together, so that the later ones are already
            // queued behind the first when its callback disposes the subscription.
            await Task.WhenAll(b.Account.UpdateNameAsync("1"), b.Account.UpdateNameAsync("2"), b.Account.UpdateNameAsync("3"));
            await SocketProbe.Until(() => outside > 0, 5000, "the first event");
            await Task.Run(() => other.Dispose());
            var atDispose = outside;
            await b.Account.UpdateNameAsync("4");
            await Task.Delay(300);
            Assert.That(inside, Is.EqualTo(1));
            Assert.That(outside, Is.EqualTo(atDispose));
            Assert.That(self.IsClosed && other.IsClosed, Is.True);
        });

        [Test]
        public void DestroyingTheClient_ClosesItsSocket_AndStopsEveryCallback() => Run(async () =>
        {
            var a = NewDevice();
            var b = NewDevice();
            await SignIn(a);
            await SignIn(b);
            var seen = 0;
            var subscription = await a.Realtime.SubscribeAsync("account", _ => seen++);
            var host = a.Host!;
            var node = RingSetup.Runtime.Stats();
            Assert.That(host.WebSockets!.LiveCount, Is.EqualTo(1));
            UnityEngine.Object.Destroy(a.gameObject);
            await SocketProbe.Until(() => host.WebSockets.LiveCount == 0, 5000, "the socket to close");
            Assert.That(subscription.IsClosed, Is.True);
            await b.Account.UpdateNameAsync("after destroy");
            await Task.Delay(300);
            Assert.That(seen, Is.Zero);
            var after = RingSetup.Runtime.Stats();
            Assert.That(after.NodeKeptFunctions, Is.EqualTo(node.NodeKeptFunctions - 1), "Node let go of the socket's onEvent");
            Assert.That(after.CSharpCallbacks, Is.LessThanOrEqualTo(node.CSharpCallbacks - 1), "C# let go of the subscription's callbacks");
        });

        private sealed class Label
        {
            public string text = "";
        }

        [Test]
        public void ReadmeSnippet_ShowsTheNameAnotherDeviceSet() => Run(async () =>
        {
            var client = NewDevice();
            var other = NewDevice();
            await SignIn(client);
            await SignIn(other);
            var nameLabel = new Label();
            // The README's realtime example (Tools~/codegen/docs/README.md copies this region):
            #region readme-realtime
            var subscription = client.Realtime.Subscribe(Channel.Account(), e =>
            {
                if (e.User != null) nameLabel.text = e.User.Name; // e.Session, e.Token, ... for other events
            });
            // when done, e.g. in OnDestroy: subscription.Dispose();
            #endregion
            await subscription.Ready;
            await other.Account.UpdateNameAsync("Grace");
            await SocketProbe.Until(() => nameLabel.text == "Grace", 5000, "the label to show the new name");
            subscription.Dispose();
        });

        private sealed class ListSink : ILogSink
        {
            public List<string> Lines { get; } = new List<string>();

            public void Write(AppwriteLogLevel level, string message) => Lines.Add(message);
        }

        [Test]
        public void TheSessionSentInBand_NeverReachesLogsOrEvents() => Run(async () =>
        {
            var sink = new ListSink();
            AppwriteLog.Sink = sink;
            var storage = new MemoryKeyValueStore();
            var a = new GameObject("Appwrite").AddComponent<Client>();
            a.Storage = storage;
            a.LogLevel = AppwriteLogLevel.Debug;
            a.SetEndpoint(_emulator.Endpoint).SetProject(_emulator.Project);
            var b = NewDevice();
            var texts = new List<string>();
            a.Realtime.Connected += e => texts.Add(e.UserId ?? "");
            a.Realtime.Disconnected += e => texts.Add(e.Reason);
            a.Realtime.Error += e => texts.Add(e.Message);
            var seen = new List<RealtimeEvent>();
            await a.Realtime.SubscribeAsync("account", seen.Add); // a guest socket, authenticated in band below
            await SignIn(a);
            await SignIn(b);
            await Task.Delay(100);
            await b.Account.UpdateNameAsync("Secretive");
            await SocketProbe.Until(() => seen.Any(e => e.Model == "user"), 5000, "the event");
            a.Realtime.Disconnect();
            await SocketProbe.Until(() => a.Host!.WebSockets!.LiveCount == 0, 5000, "the close");
            // The stored session (the base64 cookie value and the secret inside it) is what `authentication` carries.
            var secrets = new List<string>();
            foreach (var value in storage.Values.Values)
            {
                var map = JsonReader.TryParseObject(value);
                foreach (var text in map == null ? new[] { value } : map.Values.OfType<string>())
                {
                    secrets.Add(text);
                    var decoded = JsonReader.TryParseObject(Encoding.UTF8.GetString(Convert.FromBase64String(text)));
                    if (decoded?.GetString("secret") is string secret) secrets.Add(secret);
                }
            }
            Assert.That(secrets.Where(s => s.Length >= 16).ToList(), Is.Not.Empty, "the session was found in storage");
            Assert.That(sink.Lines.Any(l => l.StartsWith("realtime:", StringComparison.Ordinal)), Is.True, "debug logging of realtime ran");
            foreach (var text in sink.Lines.Concat(texts).Concat(seen.Select(e => e.PayloadJson)))
            {
                foreach (var secret in secrets.Where(s => s.Length >= 16)) Assert.That(text, Does.Not.Contain(secret));
            }
        });

        [Test]
        public void PolicyViolation1008_EndsTheConnectionWithoutReconnecting() => Run(async () =>
        {
            var a = NewDevice(project: "no-such-project");
            var watch = new Watch(a);
            var codes = new List<int>();
            a.Realtime.Error += e => codes.Add(e.Code);
            await a.Realtime.SubscribeAsync("account", _ => { });
            await SocketProbe.Until(() => watch.Disconnected.Count == 1, 5000, "the close");
            Assert.That(watch.Disconnected[0].Code, Is.EqualTo(1008));
            Assert.That(watch.Disconnected[0].WillReconnect, Is.False);
            Assert.That(codes, Does.Contain(1008));
            await Task.Delay(1500); // the first reconnect would come after 1 s
            Assert.That(watch.Connected, Is.Empty);
            Assert.That(watch.Disconnected, Has.Count.EqualTo(1));
            Assert.That(a.Host!.WebSockets!.LiveCount, Is.Zero);
        });
    }
}
