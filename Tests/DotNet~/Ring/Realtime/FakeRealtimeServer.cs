// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Appwrite.Internal;

namespace Playloom.Appwrite.Ring
{
    /// <summary>What the fake does with one connection (by its number, from 1).</summary>
    internal enum FakeRealtimeMode
    {
        /// <summary>Speaks the protocol: connected, subscribe responses, pong.</summary>
        Normal,

        /// <summary>Handshakes, then resets the TCP connection: a flapping network.</summary>
        Drop,

        /// <summary>Says connected and confirms subscriptions, then never answers a ping: a half-open socket.</summary>
        Silent,
    }

    /// <summary>
    /// A scripted Appwrite realtime endpoint (reference section 5) for the failure modes the emulator cannot produce:
    /// half-open sockets, flapping connections, garbage frames. Guest connections only; events are pushed by the test.
    /// </summary>
    internal sealed class FakeRealtimeServer : IDisposable
    {
        private readonly ScriptedWebSocketServer _server;
        private readonly Func<int, FakeRealtimeMode> _mode;
        private readonly ConcurrentDictionary<ServerConnection, ConcurrentDictionary<string, bool>> _live = new ConcurrentDictionary<ServerConnection, ConcurrentDictionary<string, bool>>();
        private int _connections;

        public FakeRealtimeServer(Func<int, FakeRealtimeMode> mode)
        {
            _mode = mode;
            _server = new ScriptedWebSocketServer(Serve);
        }

        /// <summary>A complete <c>user</c> payload as the server sends it (every field the model table requires).</summary>
        public static string UserPayload(string name) =>
            "{\"$id\":\"u1\",\"$createdAt\":\"2026-01-01T00:00:00.000+00:00\",\"$updatedAt\":\"2026-01-01T00:00:00.000+00:00\",\"name\":" + JsonWriter.Quote(name) +
            ",\"registration\":\"2026-01-01T00:00:00.000+00:00\",\"status\":true,\"labels\":[],\"passwordUpdate\":\"\",\"email\":\"\",\"phone\":\"\"," +
            "\"emailVerification\":false,\"phoneVerification\":false,\"mfa\":false,\"prefs\":{},\"targets\":[],\"accessedAt\":\"2026-01-01T00:00:00.000+00:00\"}";

        /// <summary>The API endpoint to give a Client: its realtime URL points here.</summary>
        public string Endpoint => _server.Endpoint;

        public int Connections => Volatile.Read(ref _connections);

        /// <summary>Pings answered, across connections.</summary>
        public int Pongs;

        public ConcurrentQueue<Exception> Failures => _server.Failures;

        /// <summary>The channels of each subscription ID, as last sent by the client (comma-separated).</summary>
        public ConcurrentDictionary<string, string> Channels { get; } = new ConcurrentDictionary<string, string>();

        /// <summary>Subscription IDs confirmed on live connections.</summary>
        public int LiveSubscriptions => _live.Values.Sum(s => s.Count);

        /// <summary>Sends an account event to every live connection, for all its subscriptions.</summary>
        public Task PushEventAsync(string eventName, string channel, string payloadJson) =>
            ForEachLive((c, subscriptions) => c.SendTextAsync(new JsonWriter().BeginObject().Name("type").String("event").Name("data").BeginObject()
                .Name("events").BeginArray().String(eventName).EndArray()
                .Name("channels").BeginArray().String(channel).EndArray()
                .Name("timestamp").String("2026-01-01T00:00:00.000+00:00")
                .Name("payload").Raw(payloadJson)
                .Name("subscriptions").Value(subscriptions.Keys.Cast<object?>().ToList())
                .EndObject().EndObject().ToString()));

        /// <summary>Anything, e.g. garbage frames, on every live connection.</summary>
        public Task ForEachLive(Func<ServerConnection, ConcurrentDictionary<string, bool>, Task> action) =>
            Task.WhenAll(_live.Select(pair => action(pair.Key, pair.Value)));

        private async Task Serve(ServerConnection c)
        {
            var number = Interlocked.Increment(ref _connections);
            var mode = _mode(number);
            await c.HandshakeAsync().ConfigureAwait(false);
            if (mode == FakeRealtimeMode.Drop)
            {
                await Task.Delay(20).ConfigureAwait(false);
                c.Reset();
                return;
            }
            var subscriptions = new ConcurrentDictionary<string, bool>();
            _live[c] = subscriptions;
            try
            {
                await c.SendTextAsync("{\"type\":\"connected\",\"data\":{\"channels\":[],\"subscriptions\":[],\"user\":null}}").ConfigureAwait(false);
                string? text;
                while ((text = await c.ReadTextAsync().ConfigureAwait(false)) != null)
                {
                    var message = JsonReader.TryParseObject(text);
                    switch (message?.GetString("type"))
                    {
                        case "ping":
                            if (mode == FakeRealtimeMode.Silent) break;
                            Interlocked.Increment(ref Pongs);
                            await c.SendTextAsync("{\"type\":\"pong\"}").ConfigureAwait(false);
                            break;
                        case "subscribe":
                        {
                            var rows = message.TryGetValue("data", out var data) ? data as List<object?> ?? new List<object?>() : new List<object?>();
                            var answer = new JsonWriter().BeginObject().Name("type").String("response").Name("data").BeginObject()
                                .Name("to").String("subscribe").Name("success").Bool(true).Name("subscriptions").BeginArray();
                            foreach (var row in rows.OfType<Dictionary<string, object?>>())
                            {
                                var id = row.GetString("subscriptionId") ?? "";
                                subscriptions[id] = true;
                                Channels[id] = string.Join(",", (row.TryGetValue("channels", out var list) ? list as List<object?> : null)?.OfType<string>() ?? Enumerable.Empty<string>());
                                answer.BeginObject().Name("subscriptionId").String(id).Name("channels").Value(row.TryGetValue("channels", out var ch) ? ch : null).Name("queries").BeginArray().EndArray().EndObject();
                            }
                            await c.SendTextAsync(answer.EndArray().EndObject().EndObject().ToString()).ConfigureAwait(false);
                            break;
                        }
                        case "unsubscribe":
                        {
                            var rows = message.TryGetValue("data", out var data) ? data as List<object?> ?? new List<object?>() : new List<object?>();
                            foreach (var row in rows.OfType<Dictionary<string, object?>>()) subscriptions.TryRemove(row.GetString("subscriptionId") ?? "", out _);
                            break;
                        }
                    }
                }
            }
            finally
            {
                _live.TryRemove(c, out _);
            }
        }

        public void Dispose() => _server.Dispose();
    }
}
