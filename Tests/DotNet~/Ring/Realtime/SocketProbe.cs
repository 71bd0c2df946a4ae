// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Appwrite.Internal;
using NUnit.Framework;

namespace Playloom.Appwrite.Ring
{
    /// <summary>Records the events one socket of a <see cref="ClientWebSocketBridge"/> delivers, and on which thread.</summary>
    internal sealed class SocketProbe
    {
        private readonly int _mainThreadId = Thread.CurrentThread.ManagedThreadId;

        public SocketProbe()
        {
            OnEvent = json =>
            {
                Assert.That(Thread.CurrentThread.ManagedThreadId, Is.EqualTo(_mainThreadId), "socket events arrive on the main thread");
                Assert.That(Closed, Is.False, "nothing follows close: " + json);
                Events.Add(JsonReader.TryParseObject(json) ?? throw new AssertionException("event is not JSON: " + json));
            };
        }

        public List<Dictionary<string, object?>> Events { get; } = new List<Dictionary<string, object?>>();

        public Action<string> OnEvent { get; }

        public IEnumerable<string> Types => Events.Select(e => e.GetString("type") ?? "?");

        public string Summary => string.Join(",", Types);

        public bool Closed => Events.Any(e => e.GetString("type") == "close");

        public Dictionary<string, object?> Close => Events.Single(e => e.GetString("type") == "close");

        public int CloseCode => (int)(Close.GetNumber("code") ?? -1);

        public IEnumerable<string> Messages => Events.Where(e => e.GetString("type") == "message").Select(e => e.GetString("data") ?? "");

        public IEnumerable<string> Errors => Events.Where(e => e.GetString("type") == "error").Select(e => e.GetString("message") ?? "");

        /// <summary>Awaits (frames keep running) until the condition holds.</summary>
        public static async Task Until(Func<bool> condition, int timeoutMs, string what)
        {
            var clock = Stopwatch.StartNew();
            while (!condition())
            {
                if (clock.ElapsedMilliseconds > timeoutMs) Assert.Fail($"Timed out after {timeoutMs} ms waiting for {what}.");
                await Task.Delay(5);
            }
        }
    }
}
