// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Appwrite.Services;
using UnityEngine;

namespace Appwrite
{
    /// <summary>
    /// A live realtime subscription (<see cref="Realtime.Subscribe(string, Action{RealtimeEvent}, IEnumerable{string})"/>).
    /// Dispose it (or call <see cref="Close"/>) when the game no longer needs the events; the last one closes the socket.
    /// </summary>
    /// <remarks>
    /// The callback runs on the Unity main thread, once per event, and never after <see cref="Close"/> returned, nor after
    /// the <see cref="Client"/> was destroyed. The subscription survives reconnects, sign-in and sign-out: the client sends
    /// it again on every new connection.
    /// </remarks>
    public sealed class RealtimeSubscription : IDisposable
    {
        private readonly Realtime _owner;
        private readonly Action<RealtimeEvent> _callback;
        // Held while the callback runs: Close() from another thread waits for a running callback, so none runs after it.
        private readonly object _gate = new object();
        private readonly TaskCompletionSource<RealtimeSubscription> _ready = new TaskCompletionSource<RealtimeSubscription>(TaskCreationOptions.RunContinuationsAsynchronously);
        private string[] _channels;
        private string[] _queries;
        private volatile bool _closed;

        internal RealtimeSubscription(Realtime owner, string id, string[] channels, string[] queries, Action<RealtimeEvent> callback)
        {
            _owner = owner;
            Id = id;
            _channels = channels;
            _queries = queries;
            _callback = callback;
            OnEventFromCore = OnEvent;
            OnReadyFromCore = _ => MarkReady();
        }

        /// <summary>This subscription's name in the client (not the ID the server sees).</summary>
        public string Id { get; }

        /// <summary>The channels it listens to.</summary>
        public IReadOnlyList<string> Channels => _channels;

        /// <summary>The queries filtering its events (empty for none).</summary>
        public IReadOnlyList<string> Queries => _queries;

        /// <summary>Whether it was closed (by <see cref="Close"/>, <see cref="Realtime.Disconnect"/> or the client's destruction).</summary>
        public bool IsClosed => _closed;

        /// <summary>Completes when the server confirmed the subscription, the first connection attempt ended, or it was closed.</summary>
        internal Task<RealtimeSubscription> Ready => _ready.Task;

        internal Action<string> OnEventFromCore { get; }

        internal Action<string> OnReadyFromCore { get; }

        /// <summary>Replaces the channels (and the queries, unless <paramref name="queries"/> is null) on the server.</summary>
        /// <param name="channels">One or more channel names.</param>
        /// <param name="queries">New query strings, or null to keep the current ones.</param>
        /// <exception cref="AppwriteException">Empty channels (type <c>general_argument_invalid</c>), or the client was destroyed.</exception>
        /// <exception cref="InvalidOperationException">The subscription is closed.</exception>
        public void Update(IEnumerable<string> channels, IEnumerable<string>? queries = null)
        {
            if (channels == null) throw new ArgumentNullException(nameof(channels));
            if (_closed) throw new InvalidOperationException("This realtime subscription is closed; subscribe again instead.");
            var channelList = new List<string>(channels).ToArray();
            // The core validates the channels and answers with an error that becomes an AppwriteException (on the
            // main thread; from another thread the update is posted and a failure is reported through Error).
            var queryList = queries == null ? null : new List<string>(queries).ToArray();
            _owner.Update(this, channelList, queryList);
        }

        /// <summary>Replaces the channel (and the queries, unless <paramref name="queries"/> is null) on the server.</summary>
        /// <param name="channel">The channel name.</param>
        /// <param name="queries">New query strings, or null to keep the current ones.</param>
        /// <exception cref="AppwriteException">An empty channel (type <c>general_argument_invalid</c>), or the client was destroyed.</exception>
        /// <exception cref="InvalidOperationException">The subscription is closed.</exception>
        public void Update(string channel, IEnumerable<string>? queries = null) => Update(new[] { channel ?? throw new ArgumentNullException(nameof(channel)) }, queries);

        /// <summary>
        /// Stops the events at once and unsubscribes; the last subscription of a client closes its socket. Safe to call
        /// twice and from any thread. No callback runs after it returns.
        /// </summary>
        public void Close()
        {
            lock (_gate)
            {
                if (_closed) return;
                _closed = true;
            }
            MarkReady();
            _owner.Remove(this);
        }

        /// <summary>Same as <see cref="Close"/>.</summary>
        public void Dispose() => Close();

        /// <summary>The client confirmed a change of channels and queries.</summary>
        internal void Changed(string[] channels, string[]? queries)
        {
            _channels = channels;
            if (queries != null) _queries = queries;
        }

        /// <summary>The client is gone: no more callbacks, and nothing to tell the core (it forgot the client).</summary>
        internal void Abandon()
        {
            lock (_gate) _closed = true;
            MarkReady();
        }

        /// <summary>Registering failed after <c>Subscribe</c> returned (a call from another thread).</summary>
        internal void Fail(Exception error)
        {
            lock (_gate) _closed = true;
            _ready.TrySetException(error);
        }

        private void MarkReady() => _ready.TrySetResult(this);

        // Main thread: one event from the core.
        private void OnEvent(string eventJson)
        {
            if (_closed) return;
            RealtimeEvent e;
            try
            {
                e = RealtimeEvent.FromJson(eventJson ?? "");
            }
            catch (FormatException error)
            {
                _owner.ReportError("realtime: dropped an event the C# shell could not read: " + error.Message);
                return;
            }
            lock (_gate)
            {
                if (_closed) return;
                try
                {
                    _callback(e);
                }
                catch (Exception error)
                {
                    // A game bug must neither break delivery nor travel back into the script core.
                    Debug.LogException(error);
                    _owner.ReportError("realtime: a subscription callback threw " + error.GetType().Name + ": " + error.Message);
                }
            }
        }
    }
}
