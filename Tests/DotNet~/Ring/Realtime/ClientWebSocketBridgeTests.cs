// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Appwrite.Internal;
using NUnit.Framework;

namespace Playloom.Appwrite.Ring
{
    /// <summary>
    /// The C# realtime host members (<see cref="ClientWebSocketBridge"/>) against a scripted loopback server: the event
    /// contract (open, messages, errors, exactly one close, on the main thread, never inline), the send queue, and the
    /// robustness cases of issue 7: abrupt close, garbage/binary/oversized frames, a 1008 close, a half-open socket on
    /// close, and a flapping network, each without leaks.
    /// </summary>
    public sealed class ClientWebSocketBridgeTests : RingTestBase
    {
        private ClientWebSocketBridge NewBridge() => new ClientWebSocketBridge(MainThread.Capture());

        private static async Task<SocketProbe> OpenAsync(ClientWebSocketBridge bridge, string id, string url, bool waitForOpen = true)
        {
            var probe = new SocketProbe();
            bridge.Open(id, url, "[]", probe.OnEvent);
            Assert.That(probe.Events, Is.Empty, "events are posted, never delivered inside wsOpen");
            if (waitForOpen) await SocketProbe.Until(() => probe.Types.Contains("open") || probe.Closed, 5000, "open");
            return probe;
        }

        private static async Task Released(ClientWebSocketBridge bridge)
        {
            await SocketProbe.Until(() => bridge.LiveCount == 0, 5000, "the sockets to be released");
        }

        [Test]
        public void OpenSendReceiveClose_DeliversEventsInOrder_OnTheMainThread_AndCompletesTheClosingHandshake() => Run(async () =>
        {
            var received = new ConcurrentQueue<string>();
            var closeFrame = new TaskCompletionSource<(int Code, string Reason)>(TaskCreationOptions.RunContinuationsAsynchronously);
            using var server = new ScriptedWebSocketServer(async c =>
            {
                await c.HandshakeAsync();
                await c.SendTextAsync("{\"type\":\"connected\"}");
                for (;;)
                {
                    var frame = await c.ReadFrameAsync();
                    if (frame == null) return;
                    if (frame.Value.Opcode == ServerConnection.OpText) received.Enqueue(Encoding.UTF8.GetString(frame.Value.Payload));
                    if (frame.Value.Opcode == ServerConnection.OpClose)
                    {
                        var p = frame.Value.Payload;
                        closeFrame.TrySetResult(((p[0] << 8) | p[1], Encoding.UTF8.GetString(p, 2, p.Length - 2)));
                        await c.SendFrameAsync(ServerConnection.OpClose, p);
                        return;
                    }
                }
            });
            var bridge = NewBridge();
            var probe = await OpenAsync(bridge, "w1", server.Url);
            await SocketProbe.Until(() => probe.Messages.Any(), 5000, "the first message");
            bridge.Send("w1", "{\"type\":\"ping\"}");
            bridge.Send("w1", "ünïcödé ✓");
            await SocketProbe.Until(() => received.Count == 2, 5000, "two frames at the server");
            bridge.Close("w1", "4000", "going away");
            var close = await closeFrame.Task.WaitAsync(TimeSpan.FromSeconds(5));
            await SocketProbe.Until(() => probe.Closed, 5000, "close");
            Assert.That(received, Is.EqualTo(new[] { "{\"type\":\"ping\"}", "ünïcödé ✓" }));
            Assert.That(close, Is.EqualTo((4000, "going away")));
            Assert.That(probe.Summary, Is.EqualTo("open,message,close"));
            Assert.That(probe.Messages.Single(), Is.EqualTo("{\"type\":\"connected\"}"));
            Assert.That(probe.CloseCode, Is.EqualTo(4000), "the server's echo of our code");
            await Released(bridge);
            Assert.That(server.Failures, Is.Empty);
        });

        [Test]
        public void FragmentedMessage_IsAssembledIntoOneEvent() => Run(async () =>
        {
            using var server = new ScriptedWebSocketServer(async c =>
            {
                await c.HandshakeAsync();
                await c.SendFrameAsync(ServerConnection.OpText, Encoding.UTF8.GetBytes("{\"type\":"), fin: false);
                await c.SendFrameAsync(ServerConnection.OpPing, new byte[] { 1, 2 }); // a control frame may interleave
                await c.SendFrameAsync(0, Encoding.UTF8.GetBytes("\"pong\""), fin: false);
                await c.SendFrameAsync(0, Encoding.UTF8.GetBytes("}"));
                await c.ReadFrameAsync();
            });
            var bridge = NewBridge();
            var probe = await OpenAsync(bridge, "w1", server.Url);
            await SocketProbe.Until(() => probe.Messages.Any(), 5000, "the message");
            Assert.That(probe.Messages, Is.EqualTo(new[] { "{\"type\":\"pong\"}" }));
            bridge.Dispose();
            await Released(bridge);
        });

        [Test]
        public void AbruptServerClose_EndsWithOneErrorAndOneClose1006_AndNothingAfter() => Run(async () =>
        {
            using var server = new ScriptedWebSocketServer(async c =>
            {
                await c.HandshakeAsync();
                await c.SendTextAsync("before");
                await Task.Delay(50);
                c.Reset();
            });
            var bridge = NewBridge();
            var probe = await OpenAsync(bridge, "w1", server.Url);
            await SocketProbe.Until(() => probe.Closed, 5000, "close");
            await Task.Delay(100);
            Assert.That(probe.Summary, Is.EqualTo("open,message,error,close"));
            Assert.That(probe.CloseCode, Is.EqualTo(1006));
            Assert.That(probe.Errors.Single(), Does.StartWith("connection lost"));
            bridge.Send("w1", "after the close");
            bridge.Close("w1", "1000", "");
            await Released(bridge);
        });

        [Test]
        public void RefusedConnect_EndsWithAnErrorAndClose1006() => Run(async () =>
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop(); // nobody listens there now
            var bridge = NewBridge();
            var probe = await OpenAsync(bridge, "w1", $"ws://127.0.0.1:{port}/v1/realtime");
            await SocketProbe.Until(() => probe.Closed, 5000, "close");
            Assert.That(probe.Summary, Is.EqualTo("error,close"));
            Assert.That(probe.Errors.Single(), Does.StartWith("could not connect"));
            Assert.That(probe.CloseCode, Is.EqualTo(1006));
            await Released(bridge);
        });

        [Test]
        public void GarbageBytes_BreakTheConnection_WithOneClose1006() => Run(async () =>
        {
            using var server = new ScriptedWebSocketServer(async c =>
            {
                await c.HandshakeAsync();
                await c.SendTextAsync("fine");
                // Reserved opcode 0x3 with RSV bits set: no valid frame.
                await c.WriteRawAsync(new byte[] { 0xF3, 0x05, 1, 2, 3, 4, 5 });
                await c.ReadFrameAsync();
            });
            var bridge = NewBridge();
            var probe = await OpenAsync(bridge, "w1", server.Url);
            await SocketProbe.Until(() => probe.Closed, 5000, "close");
            Assert.That(probe.Messages, Is.EqualTo(new[] { "fine" }));
            Assert.That(probe.Types.Last(), Is.EqualTo("close"));
            Assert.That(probe.Types.Count(t => t == "close"), Is.EqualTo(1));
            Assert.That(probe.CloseCode, Is.EqualTo(1006));
            await Released(bridge);
        });

        [Test]
        public void InvalidUtf8Text_IsNeverDelivered_AndTheSocketEndsOrStays_WithAnError() => Run(async () =>
        {
            using var server = new ScriptedWebSocketServer(async c =>
            {
                await c.HandshakeAsync();
                await c.SendFrameAsync(ServerConnection.OpText, new byte[] { 0x7B, 0xC3, 0x28, 0x7D });
                await c.SendTextAsync("after");
                await c.ReadFrameAsync();
            });
            var bridge = NewBridge();
            var probe = await OpenAsync(bridge, "w1", server.Url);
            await SocketProbe.Until(() => probe.Messages.Contains("after") || probe.Closed, 5000, "the next message or close");
            // ClientWebSocket may close with 1007 itself (then: error + close), else the bridge drops the frame.
            Assert.That(probe.Messages.All(m => m == "after"), Is.True, probe.Summary);
            Assert.That(probe.Errors, Is.Not.Empty);
            bridge.Dispose();
            await Released(bridge);
        });

        [Test]
        public void BinaryAndOversizedMessages_AreDroppedWithErrors_AndTheSocketStaysOpen() => Run(async () =>
        {
            var limit = ClientWebSocketBridge.MaxMessageBytes;
            using var server = new ScriptedWebSocketServer(async c =>
            {
                await c.HandshakeAsync();
                await c.SendFrameAsync(ServerConnection.OpBinary, new byte[] { 1, 2, 3 });
                await c.SendTextAsync(new string('a', limit + 1));
                // An oversized message in fragments: its tail must not be taken for a new message.
                await c.SendFrameAsync(ServerConnection.OpText, Encoding.ASCII.GetBytes(new string('b', limit)), fin: false);
                await c.SendFrameAsync(0, Encoding.ASCII.GetBytes("bb"));
                await c.SendTextAsync(new string('c', limit)); // exactly at the limit: delivered
                await c.SendTextAsync("after");
                await c.ReadFrameAsync();
            });
            var bridge = NewBridge();
            var probe = await OpenAsync(bridge, "w1", server.Url);
            await SocketProbe.Until(() => probe.Messages.Contains("after"), 10000, "the message after the dropped ones");
            Assert.That(probe.Summary, Is.EqualTo("open,error,error,error,message,message"));
            Assert.That(probe.Errors.First(), Does.Contain("binary"));
            Assert.That(probe.Errors.Skip(1), Has.All.Contain($"over {limit} bytes"));
            Assert.That(probe.Messages.First(), Has.Length.EqualTo(limit));
            bridge.Dispose();
            await Released(bridge);
        });

        [Test]
        public void PolicyClose1008_IsReportedWithItsCodeAndReason_AndEchoed() => Run(async () =>
        {
            var echo = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            using var server = new ScriptedWebSocketServer(async c =>
            {
                await c.HandshakeAsync();
                await c.SendTextAsync("{\"type\":\"error\",\"data\":{\"code\":1008,\"message\":\"Missing or unknown project ID\"}}");
                await c.SendCloseAsync(1008, "Missing or unknown project ID");
                var frame = await c.ReadFrameAsync();
                echo.TrySetResult(frame?.Opcode == ServerConnection.OpClose ? (frame.Value.Payload[0] << 8) | frame.Value.Payload[1] : -1);
            });
            var bridge = NewBridge();
            var probe = await OpenAsync(bridge, "w1", server.Url);
            await SocketProbe.Until(() => probe.Closed, 5000, "close");
            Assert.That(probe.Summary, Is.EqualTo("open,message,close"));
            Assert.That(probe.CloseCode, Is.EqualTo(1008));
            Assert.That(probe.Close.GetString("reason"), Is.EqualTo("Missing or unknown project ID"));
            Assert.That(await echo.Task.WaitAsync(TimeSpan.FromSeconds(5)), Is.EqualTo(1008), "the closing handshake is completed");
            await Released(bridge);
        });

        [Test]
        public void CloseOnAHalfOpenSocket_AbortsAfterTheCloseTimeout_WithClose1006() => Run(async () =>
        {
            using var server = new ScriptedWebSocketServer(async c =>
            {
                await c.HandshakeAsync();
                await Task.Delay(TimeSpan.FromSeconds(20)); // never reads, never answers
            });
            var bridge = NewBridge();
            var probe = await OpenAsync(bridge, "w1", server.Url);
            var clock = Stopwatch.StartNew();
            bridge.Close("w1", "1000", "bye");
            await SocketProbe.Until(() => probe.Closed, 5000, "close");
            // It waited for the close handshake before giving up (a lower bound, not a speed measurement).
            Assert.That(clock.Elapsed, Is.GreaterThan(ClientWebSocketBridge.CloseTimeout - TimeSpan.FromMilliseconds(300)));
            Assert.That(probe.Summary, Is.EqualTo("open,close"), "our own close that timed out is not an error");
            Assert.That(probe.CloseCode, Is.EqualTo(1006));
            await Released(bridge);
        });

        [Test]
        public void CloseWhileConnecting_EndsAtOnce_WithoutOpen() => Run(async () =>
        {
            using var server = new ScriptedWebSocketServer(c => Task.Delay(TimeSpan.FromSeconds(20))); // accepts TCP, never answers the upgrade
            var bridge = NewBridge();
            var probe = await OpenAsync(bridge, "w1", server.Url, waitForOpen: false);
            await SocketProbe.Until(() => server.Accepted == 1, 5000, "the TCP connection");
            // The server holds the upgrade for 20 s: closing within the wait proves the pending connect was cancelled.
            bridge.Close("w1", "4000", "");
            await SocketProbe.Until(() => probe.Closed, 5000, "close");
            Assert.That(probe.Summary, Is.EqualTo("close"));
            Assert.That(probe.CloseCode, Is.EqualTo(1006));
            await Released(bridge);
        });

        [Test]
        public void Sends_AreSerialised_InOrder_EvenInABurst() => Run(async () =>
        {
            const int count = 300;
            var received = new ConcurrentQueue<string>();
            using var server = new ScriptedWebSocketServer(async c =>
            {
                await c.HandshakeAsync();
                string? text;
                while ((text = await c.ReadTextAsync()) != null) received.Enqueue(text);
            });
            var bridge = NewBridge();
            var errors = new List<string>();
            var probe = await OpenAsync(bridge, "w1", server.Url);
            for (var i = 0; i < count; i++) bridge.Send("w1", "frame " + i + " " + new string('x', i * 10));
            // Frames beyond the queue's bound are dropped with an error, never sent out of order or concurrently.
            await SocketProbe.Until(() => received.Count + probe.Errors.Count() >= count, 10000, "every frame sent or reported");
            var sent = received.ToArray();
            Assert.That(sent.Length, Is.GreaterThanOrEqualTo(ClientWebSocketBridge.MaxQueuedFrames));
            Assert.That(sent.Select(s => int.Parse(s.Split(' ')[1])), Is.Ordered.Ascending);
            Assert.That(sent.Length + probe.Errors.Count(), Is.EqualTo(count));
            Assert.That(probe.Types, Has.None.EqualTo("close"));
            bridge.Dispose();
            await Released(bridge);
        });

        [Test]
        public void UnknownAndClosedIds_AreIgnored_AndABadUrlEndsWithClose1006_NeverInline() => Run(async () =>
        {
            var bridge = NewBridge();
            Assert.DoesNotThrow(() => bridge.Send("nope", "x"));
            Assert.DoesNotThrow(() => bridge.Close("nope", "1000", ""));
            Assert.DoesNotThrow(() => bridge.Close("nope", "not a number", ""));
            var probe = await OpenAsync(bridge, "w1", "http://127.0.0.1:1/v1/realtime", waitForOpen: false);
            await SocketProbe.Until(() => probe.Closed, 5000, "close");
            Assert.That(probe.Summary, Is.EqualTo("error,close"));
            Assert.That(probe.Errors.Single(), Does.Contain("not a ws:// or wss:// URL"));
            Assert.That(bridge.LiveCount, Is.Zero);
        });

        [Test]
        public void Dispose_ClosesEverySocketWith1000_AndDeliversNothingMore() => Run(async () =>
        {
            var closes = new ConcurrentQueue<int>();
            using var server = new ScriptedWebSocketServer(async c =>
            {
                await c.HandshakeAsync();
                for (;;)
                {
                    var frame = await c.ReadFrameAsync();
                    if (frame == null) return;
                    if (frame.Value.Opcode != ServerConnection.OpClose) continue;
                    closes.Enqueue((frame.Value.Payload[0] << 8) | frame.Value.Payload[1]);
                    await c.SendTextAsync("a message after the close frame");
                    await c.SendFrameAsync(ServerConnection.OpClose, frame.Value.Payload);
                    return;
                }
            });
            var bridge = NewBridge();
            var first = await OpenAsync(bridge, "w1", server.Url);
            var second = await OpenAsync(bridge, "w2", server.Url);
            bridge.Dispose();
            await SocketProbe.Until(() => closes.Count == 2, 5000, "two close frames");
            await Released(bridge);
            await Task.Delay(50);
            Assert.That(closes, Is.EqualTo(new[] { 1000, 1000 }));
            Assert.That(first.Summary, Is.EqualTo("open"), "a destroyed client receives nothing more");
            Assert.That(second.Summary, Is.EqualTo("open"));
            var late = await OpenAsync(bridge, "w3", server.Url, waitForOpen: false);
            await Task.Delay(100);
            Assert.That(late.Events, Is.Empty, "no socket opens after dispose");
            Assert.That(bridge.LiveCount, Is.Zero);
        });

        [Test]
        public void ThrowingReceiver_LikeADisposedScriptEnvironment_DoesNotBreakDelivery() => Run(async () =>
        {
            using var server = new ScriptedWebSocketServer(async c =>
            {
                await c.HandshakeAsync();
                await c.SendTextAsync("one");
                await c.SendTextAsync("two");
                await c.SendCloseAsync(1000, "done");
                await c.ReadFrameAsync();
            });
            var bridge = NewBridge();
            var calls = new List<string>();
            bridge.Open("w1", server.Url, "[]", json =>
            {
                calls.Add(JsonReader.TryParseObject(json)!.GetString("type")!);
                throw new InvalidOperationException("JsEnv has been disposed!");
            });
            await SocketProbe.Until(() => calls.Contains("close"), 5000, "close");
            Assert.That(calls, Is.EqualTo(new[] { "open", "message", "message", "close" }));
            await Released(bridge);
        });

        [Test]
        public void FlappingNetwork_EverySocketEndsWithExactlyOneClose_AndNothingLeaks() => Run(async () =>
        {
            var random = new Random(7);
            var round = 0;
            using var server = new ScriptedWebSocketServer(async c =>
            {
                var kind = Interlocked.Increment(ref round) % 4;
                if (kind == 0)
                {
                    c.Reset(); // dropped before the handshake
                    return;
                }
                await c.HandshakeAsync();
                if (kind == 1) await c.SendCloseAsync(1001, "going away");
                else if (kind == 2) await c.SendTextAsync("hello");
                await Task.Delay(kind * 3);
                c.Reset();
            });
            var bridge = NewBridge();
            var probes = new List<SocketProbe>();
            for (var i = 0; i < 40; i++)
            {
                var probe = new SocketProbe();
                probes.Add(probe);
                var id = "w" + i;
                bridge.Open(id, server.Url, "[]", probe.OnEvent);
                // The core closes some of them itself, at random moments.
                if (random.Next(3) == 0)
                {
                    await Task.Delay(random.Next(0, 4));
                    bridge.Close(id, "4000", "");
                }
                bridge.Send(id, "ping");
            }
            await SocketProbe.Until(() => probes.All(p => p.Closed), 15000, "every socket to close");
            await Released(bridge);
            await Task.Delay(100);
            foreach (var probe in probes)
            {
                Assert.That(probe.Types.Count(t => t == "close"), Is.EqualTo(1), probe.Summary);
                Assert.That(probe.Types.Last(), Is.EqualTo("close"), probe.Summary);
                Assert.That(probe.Types.Count(t => t == "open"), Is.LessThanOrEqualTo(1), probe.Summary);
            }
            Assert.That(server.Failures, Is.Empty);
        });
    }
}
