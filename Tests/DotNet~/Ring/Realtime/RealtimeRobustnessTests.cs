// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Appwrite;
using NUnit.Framework;
using UnityEngine;

namespace Playloom.Appwrite.Ring
{
    /// <summary>
    /// Failure modes the emulator cannot produce, through the whole stack (C# Realtime → core in Node → C# sockets →
    /// a scripted server): a half-open socket found by the heartbeat, garbage frames, and a flapping network. Each ends
    /// in the documented behaviour without leaked sockets or duplicate deliveries.
    /// </summary>
    public sealed class RealtimeRobustnessTests : RingTestBase
    {
        private static readonly string _userPayload = FakeRealtimeServer.UserPayload("Ada");

        private Client NewClientOf(FakeRealtimeServer server) => NewClient(server.Endpoint, "test-project");

        [Test]
        public void HalfOpenSocket_IsDroppedByTheHeartbeat_AndTheSubscriptionResumes() => Run(async () =>
        {
            using var server = new FakeRealtimeServer(n => n == 1 ? FakeRealtimeMode.Silent : FakeRealtimeMode.Normal);
            var client = NewClientOf(server).SetRealtimeHeartbeat(TimeSpan.FromMilliseconds(100));
            var disconnected = new List<RealtimeDisconnectedEventArgs>();
            var connected = 0;
            client.Realtime.Disconnected += disconnected.Add;
            client.Realtime.Connected += _ => connected++;
            var names = new List<string>();
            await client.Realtime.SubscribeAsync("account", e => names.Add(e.User!.Name));
            await SocketProbe.Until(() => disconnected.Count == 1, 5000, "the heartbeat timeout");
            Assert.That(disconnected[0].Code, Is.EqualTo(1006));
            Assert.That(disconnected[0].Reason, Is.EqualTo("heartbeat timeout"));
            Assert.That(disconnected[0].WillReconnect, Is.True);
            await SocketProbe.Until(() => connected == 2 && server.LiveSubscriptions == 1, 5000, "the reconnect");
            await server.PushEventAsync("users.u1.update.name", "account.u1", _userPayload);
            await SocketProbe.Until(() => names.Count == 1, 5000, "the event");
            await Task.Delay(300); // heartbeats keep the second socket: answered pings
            Assert.That(names, Is.EqualTo(new[] { "Ada" }));
            Assert.That(disconnected, Has.Count.EqualTo(1));
            Assert.That(server.Pongs, Is.GreaterThan(0));
            Assert.That(client.Host!.WebSockets!.LiveCount, Is.EqualTo(1), "the half-open socket was released");
            Assert.That(server.Failures, Is.Empty);
        });

        [Test]
        public void GarbageFrames_AreReportedAsErrors_AndTheConnectionAndDeliveryGoOn() => Run(async () =>
        {
            using var server = new FakeRealtimeServer(_ => FakeRealtimeMode.Normal);
            var client = NewClientOf(server);
            var errors = new List<string>();
            var disconnected = 0;
            client.Realtime.Error += e => errors.Add(e.Message);
            client.OnRealtimeError.AddListener(_ => { });
            client.Realtime.Disconnected += _ => disconnected++;
            var events = new List<RealtimeEvent>();
            await client.Realtime.SubscribeAsync("account", events.Add);
            await SocketProbe.Until(() => server.LiveSubscriptions == 1, 5000, "the subscription");
            await server.ForEachLive(async (c, _) =>
            {
                await c.SendFrameAsync(ServerConnection.OpBinary, new byte[] { 0, 1, 2 });
                await c.SendTextAsync("not json at all");
                await c.SendTextAsync("{\"no\":\"type\"}");
                await c.SendTextAsync("{\"type\":\"event\",\"data\":" + new string(' ', 1 << 20) + "}");
            });
            await server.PushEventAsync("users.u1.update.name", "account.u1", _userPayload);
            await SocketProbe.Until(() => events.Count == 1, 5000, "the good event");
            await Task.Delay(100);
            Assert.That(errors, Has.Count.EqualTo(4), string.Join(" | ", errors));
            Assert.That(errors[0], Does.Contain("binary"));
            Assert.That(errors.Skip(1).Take(2), Has.All.Contain("malformed"));
            Assert.That(errors[3], Does.Contain("bytes").Or.Contain("characters"));
            Assert.That(events.Single().User!.Name, Is.EqualTo("Ada"));
            Assert.That(disconnected, Is.Zero);
        });

        [Test]
        public void ServerErrorMessage_ReachesTheErrorEvent_WithItsCode() => Run(async () =>
        {
            using var server = new FakeRealtimeServer(_ => FakeRealtimeMode.Normal);
            var client = NewClientOf(server);
            var errors = new List<RealtimeErrorEventArgs>();
            client.Realtime.Error += errors.Add;
            await client.Realtime.SubscribeAsync("account", _ => { });
            await server.ForEachLive((c, _) => c.SendTextAsync("{\"type\":\"error\",\"data\":{\"code\":1013,\"message\":\"Too many messages.\"}}"));
            await SocketProbe.Until(() => errors.Count == 1, 5000, "the error");
            Assert.That(errors[0].Code, Is.EqualTo(1013));
            Assert.That(errors[0].Message, Is.EqualTo("Too many messages."));
        });

        [Test]
        public void SubscribeAsync_Cancelled_EndsAsCancelled_AndClosesTheSubscriptionAndItsSocket() => Run(async () =>
        {
            using var server = new ScriptedWebSocketServer(c => Task.Delay(TimeSpan.FromSeconds(20))); // never answers the upgrade
            var client = NewClient(server.Endpoint, "test-project");
            using var timeout = new CancellationTokenSource(300);
            // The server holds the upgrade for 20 s: only the cancellation can end the task as cancelled.
            await Cancelled(client.Realtime.SubscribeAsync("account", _ => Assert.Fail("no event expected"), cancellationToken: timeout.Token));
            await SocketProbe.Until(() => client.Realtime.SubscriptionCount == 0, 1000, "the subscription to be removed");
            await SocketProbe.Until(() => client.Host?.WebSockets?.LiveCount == 0, 5000, "the pending connect to be cancelled");
            Assert.That(server.Accepted, Is.EqualTo(1));
        });

        [Test]
        public void SubscribeAndUpdate_FromAPoolThread_RegisterOnTheMainThread_AndEventsArriveThere() => Run(async () =>
        {
            using var server = new FakeRealtimeServer(_ => FakeRealtimeMode.Normal);
            var client = NewClientOf(server);
            var threads = new List<int>();
            var subscription = await Task.Run(() => client.Realtime.Subscribe(new[] { "account" }, e => threads.Add(Thread.CurrentThread.ManagedThreadId)));
            await SocketProbe.Until(() => server.LiveSubscriptions == 1, 5000, "the subscription");
            Assert.That(server.Channels.Values, Is.EqualTo(new[] { "account" }));
            await Task.Run(() => subscription.Update(new[] { "account", "account.update" }));
            await SocketProbe.Until(() => server.Channels.Values.Single() == "account,account.update", 5000, "the update");
            Assert.That(subscription.Channels, Is.EqualTo(new[] { "account", "account.update" }));
            await server.PushEventAsync("users.u1.update.name", "account.u1", _userPayload);
            await SocketProbe.Until(() => threads.Count == 1, 5000, "the event");
            AssertMainThread("(recorded) subscription callback");
            Assert.That(threads.Single(), Is.EqualTo(Thread.CurrentThread.ManagedThreadId));
            Assert.Throws<AppwriteException>(() => subscription.Update(Array.Empty<string>()));
            subscription.Close();
            Assert.Throws<InvalidOperationException>(() => subscription.Update("account"));
        });

        [Test]
        public void FlappingNetwork_ResumesOnceStable_WithoutDuplicateDeliveriesOrLeakedSockets() => Run(async () =>
        {
            // Connections 1 and 3 are dropped right after the handshake, 2 and 4 work: up, down, up, down, up.
            using var server = new FakeRealtimeServer(n => n == 1 || n == 3 ? FakeRealtimeMode.Drop : FakeRealtimeMode.Normal);
            var client = NewClientOf(server);
            var disconnected = new List<RealtimeDisconnectedEventArgs>();
            var connected = 0;
            client.Realtime.Disconnected += disconnected.Add;
            client.Realtime.Connected += _ => connected++;
            var names = new List<string>();
            var node = RingSetup.Runtime.Stats();
            await client.Realtime.SubscribeAsync("account", e => names.Add(e.User!.Name));
            await SocketProbe.Until(() => connected == 1 && server.LiveSubscriptions == 1, 5000, "the second connection");
            await server.ForEachLive((c, _) =>
            {
                c.Reset();
                return Task.CompletedTask;
            });
            await SocketProbe.Until(() => connected == 2 && server.LiveSubscriptions == 1, 10000, "the fourth connection");
            await server.PushEventAsync("users.u1.update.name", "account.u1", _userPayload);
            await SocketProbe.Until(() => names.Count == 1, 5000, "the event");
            await Task.Delay(200);
            Assert.That(names, Is.EqualTo(new[] { "Ada" }));
            Assert.That(server.Connections, Is.EqualTo(4));
            Assert.That(disconnected.Select(d => d.WillReconnect), Has.All.True);
            Assert.That(disconnected, Has.Count.EqualTo(3));
            Assert.That(client.Host!.WebSockets!.LiveCount, Is.EqualTo(1), "only the live socket is held");
            Assert.That(RingSetup.Runtime.Stats().NodeKeptFunctions, Is.EqualTo(node.NodeKeptFunctions + 1), "Node holds the live socket's onEvent only");
        }, timeoutMs: 60000);
    }
}
