// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Appwrite.Internal;
using UnityEngine;

namespace Appwrite.Services
{
    /// <summary>
    /// Live events from the Appwrite server over one WebSocket per client: subscribe to channels such as
    /// <see cref="Channel.Account"/> and get a callback on the main thread for every change. <c>client.Realtime</c>
    /// returns it.
    /// </summary>
    /// <remarks>
    /// The first subscription opens the socket and the last one closes it. The core authenticates the socket with the
    /// player's session (a guest socket is authenticated in place when the player signs in), sends a heartbeat, and
    /// reconnects with the official backoff, resuming every subscription without delivering an event twice. On WebGL the
    /// browser's WebSocket is used; elsewhere <c>System.Net.WebSockets.ClientWebSocket</c> (<c>wss://</c> with the
    /// platform's TLS). Destroying the <see cref="Client"/> closes everything.
    /// </remarks>
    /// <example><code>
    /// var subscription = client.Realtime.Subscribe(Channel.Account(), e =>
    /// {
    ///     if (e.User != null) Debug.Log($"Name is now {e.User.Name}");
    /// });
    /// // later, e.g. in OnDestroy:
    /// subscription.Dispose();
    /// </code></example>
    public sealed class Realtime
    {
        private static long _nextId;
        private readonly Client _client;
        // Main thread only: the live subscriptions by ID, for Disconnect and the client's destruction.
        private readonly Dictionary<string, RealtimeSubscription> _live = new Dictionary<string, RealtimeSubscription>(StringComparer.Ordinal);

        internal Realtime(Client client)
        {
            _client = client;
        }

        /// <summary>The client whose connection and session this service uses.</summary>
        public Client Client => _client;

        /// <summary>The server accepted the connection and the subscriptions were (re)sent. Raised on the main thread.</summary>
        public event Action<RealtimeConnectedEventArgs>? Connected;

        /// <summary>The connection is gone, with its code, reason and whether it comes back by itself. Raised on the main thread.</summary>
        public event Action<RealtimeDisconnectedEventArgs>? Disconnected;

        /// <summary>A server error message, a dropped frame, a socket error or a throwing callback; never fatal. Raised on the main thread.</summary>
        public event Action<RealtimeErrorEventArgs>? Error;

        /// <summary>Live subscriptions of this client. A subscription closed off the main thread leaves it on the next frame.</summary>
        public int SubscriptionCount => _live.Count;

        /// <summary>Subscribes <paramref name="callback"/> to one channel.</summary>
        /// <param name="channel">A channel name, e.g. <see cref="Channel.Account"/>.</param>
        /// <param name="callback">Called on the main thread once per event.</param>
        /// <param name="queries">Query strings that filter the events (<c>Query.Equal(...)</c>), or null.</param>
        /// <returns>The subscription; dispose it to stop the events.</returns>
        /// <exception cref="AppwriteException">An empty channel (type <c>general_argument_invalid</c>), no project, or a destroyed client.</exception>
        /// <exception cref="ArgumentNullException"><paramref name="channel"/> or <paramref name="callback"/> is null.</exception>
        public RealtimeSubscription Subscribe(string channel, Action<RealtimeEvent> callback, IEnumerable<string>? queries = null) =>
            Subscribe(new[] { channel ?? throw new ArgumentNullException(nameof(channel)) }, callback, queries);

        /// <summary>Subscribes <paramref name="callback"/> to several channels; an event on more than one of them arrives once.</summary>
        /// <param name="channels">One or more channel names.</param>
        /// <param name="callback">Called on the main thread once per event.</param>
        /// <param name="queries">Query strings that filter the events, or null.</param>
        /// <returns>The subscription; dispose it to stop the events.</returns>
        /// <remarks>
        /// Returns at once; the server confirms the subscription a moment later (<see cref="SubscribeAsync(IEnumerable{string}, Action{RealtimeEvent}, IEnumerable{string}, CancellationToken)"/>
        /// waits for that). Called off the main thread, it registers the subscription on the main thread and reports a
        /// failure through <see cref="Error"/> and the log.
        /// </remarks>
        /// <exception cref="AppwriteException">Empty channels (type <c>general_argument_invalid</c>), no project, or a destroyed client.</exception>
        /// <exception cref="ArgumentNullException"><paramref name="channels"/> or <paramref name="callback"/> is null.</exception>
        public RealtimeSubscription Subscribe(IEnumerable<string> channels, Action<RealtimeEvent> callback, IEnumerable<string>? queries = null) =>
            Start(channels, callback, queries);

        /// <summary>Subscribes to one channel and waits until the server confirmed the subscription.</summary>
        /// <param name="channel">A channel name, e.g. <see cref="Channel.Account"/>.</param>
        /// <param name="callback">Called on the main thread once per event.</param>
        /// <param name="queries">Query strings that filter the events, or null.</param>
        /// <param name="cancellationToken">Stops waiting and closes the subscription; the task then ends as cancelled.</param>
        /// <returns>The subscription, once the server confirmed it (or the first connection attempt failed: it then resumes when the connection does).</returns>
        /// <exception cref="AppwriteException">An empty channel (type <c>general_argument_invalid</c>), no project, or a destroyed client.</exception>
        /// <exception cref="ArgumentNullException"><paramref name="channel"/> or <paramref name="callback"/> is null.</exception>
        public Task<RealtimeSubscription> SubscribeAsync(string channel, Action<RealtimeEvent> callback, IEnumerable<string>? queries = null, CancellationToken cancellationToken = default) =>
            SubscribeAsync(new[] { channel ?? throw new ArgumentNullException(nameof(channel)) }, callback, queries, cancellationToken);

        /// <summary>Subscribes to several channels and waits until the server confirmed the subscription.</summary>
        /// <param name="channels">One or more channel names.</param>
        /// <param name="callback">Called on the main thread once per event.</param>
        /// <param name="queries">Query strings that filter the events, or null.</param>
        /// <param name="cancellationToken">Stops waiting and closes the subscription; the task then ends as cancelled.</param>
        /// <returns>The subscription, once the server confirmed it (or the first connection attempt failed: it then resumes when the connection does).</returns>
        /// <exception cref="AppwriteException">Empty channels (type <c>general_argument_invalid</c>), no project, or a destroyed client.</exception>
        /// <exception cref="ArgumentNullException"><paramref name="channels"/> or <paramref name="callback"/> is null.</exception>
        public Task<RealtimeSubscription> SubscribeAsync(IEnumerable<string> channels, Action<RealtimeEvent> callback, IEnumerable<string>? queries = null, CancellationToken cancellationToken = default)
        {
            if (cancellationToken.IsCancellationRequested) return Task.FromCanceled<RealtimeSubscription>(cancellationToken);
            RealtimeSubscription subscription;
            try
            {
                subscription = Start(channels, callback, queries);
            }
            catch (AppwriteException e)
            {
                return Task.FromException<RealtimeSubscription>(e);
            }
            if (!cancellationToken.CanBeCanceled) return subscription.Ready;
            var completion = new TaskCompletionSource<RealtimeSubscription>(TaskCreationOptions.RunContinuationsAsynchronously);
            var registration = cancellationToken.Register(() =>
            {
                if (completion.TrySetCanceled(cancellationToken)) subscription.Close();
            });
            subscription.Ready.ContinueWith(ready =>
            {
                registration.Dispose();
                if (ready.IsFaulted) completion.TrySetException(ready.Exception!.InnerExceptions);
                else completion.TrySetResult(ready.Result);
            }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return completion.Task;
        }

        /// <summary>Closes every subscription of this client, and with the last one the socket (code 1000).</summary>
        public void Disconnect()
        {
            _client.RunOnMainThread(() =>
            {
                foreach (var subscription in new List<RealtimeSubscription>(_live.Values)) subscription.Close();
            });
        }

        private RealtimeSubscription Start(IEnumerable<string> channels, Action<RealtimeEvent> callback, IEnumerable<string>? queries)
        {
            if (channels == null) throw new ArgumentNullException(nameof(channels));
            if (callback == null) throw new ArgumentNullException(nameof(callback));
            var id = "s" + Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
            var subscription = new RealtimeSubscription(this, id, new List<string>(channels).ToArray(), queries == null ? Array.Empty<string>() : new List<string>(queries).ToArray(), callback);
            if (_client.IsOnMainThread)
            {
                Register(subscription);
                return subscription;
            }
            _client.RunOnMainThread(() =>
            {
                try
                {
                    if (!subscription.IsClosed) Register(subscription);
                }
                catch (AppwriteException e)
                {
                    subscription.Fail(e);
                    ReportError("realtime: Subscribe failed: " + e.Message);
                }
            });
            return subscription;
        }

        private void Register(RealtimeSubscription subscription)
        {
            var core = _client.CoreForRealtime();
            core.Subscribe(subscription.Id, StringsJson(subscription.Channels), StringsJson(subscription.Queries), subscription.OnEventFromCore, subscription.OnReadyFromCore);
            _live[subscription.Id] = subscription;
        }

        internal void Update(RealtimeSubscription subscription, string[] channels, string[]? queries)
        {
            void Apply()
            {
                if (subscription.IsClosed || !_live.ContainsKey(subscription.Id)) return;
                _client.CoreForRealtime().UpdateSubscription(subscription.Id, StringsJson(channels), queries == null ? "" : StringsJson(queries));
                subscription.Changed(channels, queries);
            }
            if (_client.IsOnMainThread)
            {
                Apply();
                return;
            }
            _client.RunOnMainThread(() =>
            {
                try
                {
                    Apply();
                }
                catch (AppwriteException e)
                {
                    ReportError("realtime: Update failed: " + e.Message);
                }
            });
        }

        internal void Remove(RealtimeSubscription subscription)
        {
            _client.RunOnMainThread(() =>
            {
                if (!_live.Remove(subscription.Id)) return;
                _client.Core?.Unsubscribe(subscription.Id);
            });
        }

        /// <summary>The client is being destroyed: every subscription stops now; the core closes the socket with the client.</summary>
        internal void ClientDestroyed()
        {
            var subscriptions = new List<RealtimeSubscription>(_live.Values);
            _live.Clear();
            foreach (var subscription in subscriptions) subscription.Abandon();
        }

        // Main thread: the core's realtime* events (Client.Events.cs).
        internal void OnConnected(RealtimeConnectedEventArgs args) => EventRaiser.Raise(Connected, args);

        internal void OnDisconnected(RealtimeDisconnectedEventArgs args) => EventRaiser.Raise(Disconnected, args);

        internal void OnError(RealtimeErrorEventArgs args) => EventRaiser.Raise(Error, args);

        /// <summary>A C#-side problem, reported like the core's: the Error event and a warning in the log.</summary>
        internal void ReportError(string message)
        {
            AppwriteLog.Write(_client.LogLevel, AppwriteLogLevel.Warn, message);
            _client.RunOnMainThread(() => _client.RaiseRealtimeError(new RealtimeErrorEventArgs(message, 0)));
        }


        private static string StringsJson(IEnumerable<string> values)
        {
            var json = new JsonWriter().BeginArray();
            foreach (var value in values) json.String(value);
            return json.EndArray().ToString();
        }
    }
}
