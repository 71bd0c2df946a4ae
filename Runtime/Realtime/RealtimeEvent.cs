// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections.Generic;
using Appwrite.Internal;

namespace Appwrite
{
    /// <summary>
    /// One realtime event, as a subscription callback receives it. Account events carry a model: read it with the typed
    /// accessor that <see cref="Model"/> names (<see cref="User"/> for <c>user</c>, <see cref="Session"/> for
    /// <c>session</c>, ...); anything else reads with <see cref="GetPayload{T}"/> or from <see cref="PayloadJson"/>.
    /// </summary>
    /// <example><code>
    /// client.Realtime.Subscribe(Channel.Account(), e =>
    /// {
    ///     if (e.User != null) nameLabel.text = e.User.Name;
    /// });
    /// </code></example>
    public sealed partial class RealtimeEvent
    {
        private readonly string[] _events;
        private readonly string[] _channels;
        private object? _typed;

        internal RealtimeEvent(string[] events, string[] channels, string timestamp, string model, string payloadJson)
        {
            _events = events;
            _channels = channels;
            Timestamp = timestamp;
            Model = model;
            PayloadJson = payloadJson;
        }

        /// <summary>Event names, most specific first, e.g. <c>users.&lt;id&gt;.update.name</c>, <c>users.*.update.name</c>, ...</summary>
        public IReadOnlyList<string> Events => _events;

        /// <summary>The channels it was published on, e.g. <c>account.&lt;userId&gt;</c>.</summary>
        public IReadOnlyList<string> Channels => _channels;

        /// <summary>When the server published it (ISO 8601).</summary>
        public string Timestamp { get; }

        /// <summary>
        /// The payload's model, read from the event names: <c>user</c>, <c>session</c>, <c>token</c>, <c>identity</c>,
        /// <c>target</c>, <c>mfaChallenge</c>, or empty for events that are not about an account.
        /// </summary>
        public string Model { get; }

        /// <summary>
        /// The payload as JSON. With a <see cref="Model"/> it is the model in the shape <c>JsonUtility</c> binds (keys without
        /// <c>$</c>, as call results); otherwise the server's payload as sent.
        /// </summary>
        public string PayloadJson { get; }

        /// <summary>Whether any of the event names equals <paramref name="eventName"/>, e.g. <c>users.*.update.prefs</c>.</summary>
        /// <param name="eventName">An event name or pattern as the server lists them.</param>
        /// <returns>True when the event carries that name.</returns>
        public bool Is(string eventName) => Array.IndexOf(_events, eventName) >= 0;

        /// <summary>Reads the payload into your own <c>[Serializable]</c> type with <c>JsonUtility</c>.</summary>
        /// <typeparam name="T">A <c>[Serializable]</c> class or struct with public or <c>[SerializeField]</c> fields.</typeparam>
        /// <returns>The payload; fields it lacks keep their defaults.</returns>
        /// <exception cref="AppwriteException">The payload cannot be read as <typeparamref name="T"/> (type <c>client_malformed_response</c>).</exception>
        public T GetPayload<T>() => ResultParsers.Json<T>(PayloadJson, "The realtime payload");

        /// <summary>The event as text, for logs: its first name and channel.</summary>
        /// <returns>E.g. <c>users.u1.update.name on account.u1</c>.</returns>
        public override string ToString() =>
            (_events.Length > 0 ? _events[0] : "(no event name)") + (_channels.Length > 0 ? " on " + _channels[0] : "");

        // The typed accessors (RealtimeEvent.g.cs) read the payload once.
        private T? Typed<T>(string model) where T : class
        {
            if (Model != model) return null;
            if (_typed is T cached) return cached;
            var value = GetPayload<T>();
            _typed = value;
            return value;
        }

        /// <summary>Reads the core's event JSON (bridge contract, <c>subscribe</c>'s <c>onEvent</c>).</summary>
        /// <exception cref="FormatException">Not an event object.</exception>
        internal static RealtimeEvent FromJson(string json)
        {
            var map = JsonReader.TryParseObject(json) ?? throw new FormatException("a realtime event is not a JSON object");
            return new RealtimeEvent(Strings(map, "events"), Strings(map, "channels"), map.GetString("timestamp") ?? "", map.GetString("model") ?? "", map.GetString("payload") ?? "null");
        }

        private static string[] Strings(Dictionary<string, object?> map, string key)
        {
            if (!map.TryGetValue(key, out var value) || !(value is List<object?> list)) return Array.Empty<string>();
            var result = new List<string>(list.Count);
            foreach (var item in list)
            {
                if (item is string text) result.Add(text);
            }
            return result.ToArray();
        }
    }
}
