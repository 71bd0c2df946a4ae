// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// Not on WebGL players: C# has no sockets there, BridgeHost offers no ws* members, and the core uses the browser's
// WebSocket instead (bridge contract, "WebSocket members").
#if !UNITY_WEBGL || UNITY_EDITOR
#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Appwrite.Internal
{
    /// <summary>
    /// The realtime host members of the bridge contract (<c>wsOpen</c>, <c>wsSend</c>, <c>wsClose</c>) over
    /// <see cref="ClientWebSocket"/>: <c>wss://</c> with the platform's TLS, no headers (the core authenticates in band).
    /// </summary>
    /// <remarks>
    /// Per socket: one receive loop that assembles fragmented messages, drops binary messages and messages over
    /// <see cref="MaxMessageBytes"/> (or not UTF-8) with an <c>error</c> event; sends go through a one-at-a-time queue
    /// because ClientWebSocket allows a single outstanding send. Every event is posted to the main thread in order,
    /// never delivered inline, and <c>close</c> comes exactly once, last (the server's code; 1006 when the connect failed
    /// or the connection broke). <see cref="Close"/> cancels a pending connect or sends a close frame, and aborts the
    /// socket when the server has not completed the close within <see cref="CloseTimeout"/>. Open, Send and Close are
    /// called on the main thread; socket work runs on the thread pool.
    /// </remarks>
    internal sealed class ClientWebSocketBridge : IDisposable
    {
        /// <summary>Incoming messages longer than this (UTF-8 bytes) are dropped with an <c>error</c> event.</summary>
        public const int MaxMessageBytes = 1 << 20;

        /// <summary>Frames waiting to be sent on one socket; more means the socket is stuck, and the frame is dropped.</summary>
        public const int MaxQueuedFrames = 256;

        /// <summary>How long a closing socket may wait for the server's close frame before it is aborted.</summary>
        public static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);

        private static readonly UTF8Encoding _strictUtf8 = new UTF8Encoding(false, true);

        private readonly MainThread _mainThread;
        private readonly Action<string>? _debugLog;
        private readonly Func<ClientWebSocket> _createSocket;
        private readonly object _lock = new object();
        private readonly Dictionary<string, Connection> _connections = new Dictionary<string, Connection>(StringComparer.Ordinal);
        private volatile bool _disposed;

        /// <param name="mainThread">Where events are delivered.</param>
        /// <param name="debugLog">Diagnostics (already free of secrets), or null.</param>
        /// <param name="createSocket">Makes the sockets; tests pass their own. Null: a plain <see cref="ClientWebSocket"/>.</param>
        public ClientWebSocketBridge(MainThread mainThread, Action<string>? debugLog = null, Func<ClientWebSocket>? createSocket = null)
        {
            _mainThread = mainThread;
            _debugLog = debugLog;
            _createSocket = createSocket ?? (() => new ClientWebSocket());
        }

        /// <summary>Sockets not yet released (connecting, open, or closing).</summary>
        public int LiveCount
        {
            get
            {
                lock (_lock) return _connections.Count;
            }
        }

        /// <summary><c>wsOpen</c>: starts connecting; everything that follows arrives through <paramref name="onEvent"/>.</summary>
        public void Open(string id, string url, string protocolsJson, Action<string> onEvent)
        {
            if (onEvent == null) return;
            var connection = new Connection(this, id ?? "", onEvent);
            if (_disposed)
            {
                connection.Fail("the Appwrite client was destroyed");
                return;
            }
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "ws" && uri.Scheme != "wss"))
            {
                connection.Fail("the realtime URL is not a ws:// or wss:// URL");
                return;
            }
            lock (_lock)
            {
                if (_connections.ContainsKey(connection.Id))
                {
                    connection.Fail("a socket with this id is already open");
                    return;
                }
                _connections.Add(connection.Id, connection);
            }
            ClientWebSocket socket;
            try
            {
                socket = _createSocket();
                foreach (var protocol in Protocols(protocolsJson)) socket.Options.AddSubProtocol(protocol);
            }
            catch (Exception e)
            {
                Forget(connection);
                connection.Fail("the socket could not be created: " + Describe(e));
                return;
            }
            connection.Start(socket, uri);
        }

        /// <summary><c>wsSend</c>: queues one text frame; ignored unless the socket is open.</summary>
        public void Send(string id, string text) => Find(id)?.Send(text ?? "");

        /// <summary><c>wsClose</c>: closes with <paramref name="code"/> (decimal); unknown or closed IDs are ignored.</summary>
        public void Close(string id, string code, string reason) => Find(id)?.Close(ParseCode(code), reason ?? "");

        /// <summary>Closes every socket (code 1000) and delivers no further event; the client is gone.</summary>
        public void Dispose()
        {
            _disposed = true;
            Connection[] left;
            lock (_lock) left = new List<Connection>(_connections.Values).ToArray();
            foreach (var connection in left) connection.Close(1000, "client destroyed");
        }

        private Connection? Find(string id)
        {
            lock (_lock) return _connections.TryGetValue(id ?? "", out var connection) ? connection : null;
        }

        private void Forget(Connection connection)
        {
            lock (_lock)
            {
                if (_connections.TryGetValue(connection.Id, out var current) && ReferenceEquals(current, connection)) _connections.Remove(connection.Id);
            }
        }

        private static int ParseCode(string code)
        {
            return int.TryParse(code, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) ? Sendable(value) : 1000;
        }

        // A code an endpoint may put in a close frame (RFC 6455 7.4): the defined ones but 1004-1006 and 1015, and
        // 3000-4999 for libraries and applications. Anything else becomes 1000.
        private static int Sendable(int code) =>
            (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999) ? code : 1000;

        private static IEnumerable<string> Protocols(string protocolsJson)
        {
            object? parsed;
            try
            {
                parsed = string.IsNullOrEmpty(protocolsJson) ? null : JsonReader.Parse(protocolsJson);
            }
            catch (FormatException)
            {
                parsed = null;
            }
            if (!(parsed is List<object?> list)) yield break;
            foreach (var item in list)
            {
                if (item is string protocol && protocol.Length > 0) yield return protocol;
            }
        }

        // Exception text for events and logs: the innermost cause says the most ("Connection refused"). The URL may hold
        // a JWT (`&jwt=`), so the text goes through the redactor.
        private static string Describe(Exception e)
        {
            var text = e.Message;
            for (var inner = e.InnerException; inner != null; inner = inner.InnerException)
            {
                if (!string.IsNullOrEmpty(inner.Message) && text.IndexOf(inner.Message, StringComparison.Ordinal) < 0) text += ": " + inner.Message;
            }
            return Redactor.Redact(e.GetType().Name + ": " + text);
        }

        private static string EventJson(string type) => new JsonWriter(24).BeginObject().Name("type").String(type).EndObject().ToString();

        private static string MessageJson(string data) => new JsonWriter(data.Length + 32).BeginObject().Name("type").String("message").Name("data").String(data).EndObject().ToString();

        private static string ErrorJson(string message) => new JsonWriter().BeginObject().Name("type").String("error").Name("message").String(message).EndObject().ToString();

        private static string CloseJson(int code, string reason) =>
            new JsonWriter().BeginObject().Name("type").String("close").Name("code").Number(code).Name("reason").String(reason).EndObject().ToString();

        // The close reason may hold at most 123 UTF-8 bytes (RFC 6455 5.5).
        private static string ShortReason(string reason)
        {
            if (Encoding.UTF8.GetByteCount(reason) <= 123) return reason;
            var length = Math.Min(reason.Length, 123);
            while (length > 0 && Encoding.UTF8.GetByteCount(reason.Substring(0, length)) > 123) length--;
            if (length > 0 && char.IsHighSurrogate(reason[length - 1])) length--;
            return reason.Substring(0, length);
        }

        /// <summary>One socket: its receive loop, its send queue, and the single <c>close</c> event that ends it.</summary>
        private sealed class Connection
        {
            private readonly ClientWebSocketBridge _owner;
            private readonly Action<string> _onEvent;
            // Cancels the connect, the receive loop and the sends: set by Close() during connect and by Abort().
            private readonly CancellationTokenSource _cancel = new CancellationTokenSource();
            private readonly object _gate = new object();
            private readonly Queue<Outgoing> _outbox = new Queue<Outgoing>();
            private ClientWebSocket? _socket;
            private bool _open;
            private bool _closing;
            private bool _sending;
            private bool _ended;
            private bool _released;
            private Timer? _closeTimer;
            // Main thread only: no event is delivered after `close`.
            private bool _closeDelivered;

            public Connection(ClientWebSocketBridge owner, string id, Action<string> onEvent)
            {
                _owner = owner;
                Id = id;
                _onEvent = onEvent;
            }

            public string Id { get; }

            public void Start(ClientWebSocket socket, Uri uri)
            {
                _socket = socket;
                Task.Run(() => RunAsync(uri));
            }

            /// <summary>Ends a socket that never started: an error, then its close.</summary>
            public void Fail(string message)
            {
                lock (_gate) _ended = true;
                Post(ErrorJson(message));
                Post(CloseJson(1006, message), last: true);
            }

            public void Send(string text)
            {
                lock (_gate)
                {
                    if (!_open || _closing || _ended) return;
                    if (_outbox.Count >= MaxQueuedFrames)
                    {
                        Post(ErrorJson($"dropped an outgoing frame: {MaxQueuedFrames} frames are already waiting to be sent"));
                        return;
                    }
                    _outbox.Enqueue(new Outgoing(text));
                    if (_sending) return;
                    _sending = true;
                }
                Task.Run(PumpAsync);
            }

            public void Close(int code, string reason)
            {
                bool open;
                lock (_gate)
                {
                    if (_closing || _ended) return;
                    _closing = true;
                    open = _open;
                    // Whatever happens next, the socket is gone within CloseTimeout.
                    _closeTimer = new Timer(_ => Abort(), null, CloseTimeout, Timeout.InfiniteTimeSpan);
                }
                if (!open)
                {
                    Cancel(); // a pending connect ends now; RunAsync reports the close
                    return;
                }
                QueueClose(code, reason);
            }

            private void QueueClose(int code, string reason)
            {
                lock (_gate)
                {
                    _outbox.Enqueue(new Outgoing(code, ShortReason(reason)));
                    if (_sending) return;
                    _sending = true;
                }
                Task.Run(PumpAsync);
            }

            private async Task RunAsync(Uri uri)
            {
                var socket = _socket!;
                try
                {
                    await socket.ConnectAsync(uri, _cancel.Token).ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    bool closing;
                    lock (_gate) closing = _closing;
                    End(1006, closing ? "closed before it was open" : "connect failed", closing ? null : "could not connect: " + Describe(e));
                    return;
                }
                lock (_gate) _open = true;
                Post(EventJson("open"));
                await ReceiveAsync(socket).ConfigureAwait(false);
            }

            private async Task ReceiveAsync(ClientWebSocket socket)
            {
                var buffer = new byte[16 * 1024];
                var message = new MemoryStream();
                var tooLong = false;
                try
                {
                    for (;;)
                    {
                        var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), _cancel.Token).ConfigureAwait(false);
                        if (result.MessageType == WebSocketMessageType.Close)
                        {
                            var code = result.CloseStatus.HasValue ? (int)result.CloseStatus.Value : 1005;
                            var reason = result.CloseStatusDescription ?? "";
                            // The server closed first: answer its close frame (the closing handshake), then report.
                            if (socket.State == WebSocketState.CloseReceived) Echo(code);
                            End(code, reason, null);
                            return;
                        }
                        if (!tooLong)
                        {
                            if (message.Length + result.Count > MaxMessageBytes)
                            {
                                tooLong = true;
                                message.SetLength(0);
                            }
                            else
                            {
                                message.Write(buffer, 0, result.Count);
                            }
                        }
                        if (!result.EndOfMessage) continue;
                        if (result.MessageType == WebSocketMessageType.Binary)
                        {
                            Post(ErrorJson("dropped a binary message: the realtime protocol is text only"));
                        }
                        else if (tooLong)
                        {
                            Post(ErrorJson($"dropped a text message over {MaxMessageBytes} bytes"));
                        }
                        else
                        {
                            string text;
                            try
                            {
                                text = _strictUtf8.GetString(message.GetBuffer(), 0, (int)message.Length);
                            }
                            catch (DecoderFallbackException)
                            {
                                text = "";
                                Post(ErrorJson("dropped a text message that is not valid UTF-8"));
                            }
                            if (text.Length > 0) Post(MessageJson(text));
                        }
                        tooLong = false;
                        // A rare big message must not keep its buffer for the socket's lifetime.
                        if (message.Capacity > 64 * 1024) message = new MemoryStream();
                        else message.SetLength(0);
                    }
                }
                catch (Exception e)
                {
                    bool closing;
                    lock (_gate) closing = _closing;
                    // Our own close that the server did not complete in time is not an error; a broken connection is.
                    End(1006, closing ? "closed" : "connection lost", closing ? null : "connection lost: " + Describe(e));
                }
            }

            private void Echo(int code)
            {
                lock (_gate)
                {
                    if (_closing) return;
                    _closing = true;
                    _closeTimer = new Timer(_ => Abort(), null, CloseTimeout, Timeout.InfiniteTimeSpan);
                }
                QueueClose(Sendable(code), "");
            }

            // One at a time: ClientWebSocket allows a single outstanding send (close frames included).
            private async Task PumpAsync()
            {
                var socket = _socket!;
                for (;;)
                {
                    Outgoing item;
                    lock (_gate)
                    {
                        if (_outbox.Count == 0 || _released)
                        {
                            _outbox.Clear();
                            _sending = false;
                            if (_ended && !_released) break;
                            return;
                        }
                        item = _outbox.Dequeue();
                    }
                    try
                    {
                        if (item.IsClose) await socket.CloseOutputAsync((WebSocketCloseStatus)item.Code, item.Text, _cancel.Token).ConfigureAwait(false);
                        else await socket.SendAsync(new ArraySegment<byte>(Encoding.UTF8.GetBytes(item.Text)), WebSocketMessageType.Text, true, _cancel.Token).ConfigureAwait(false);
                    }
                    catch (Exception e)
                    {
                        bool quiet;
                        lock (_gate) quiet = _closing || _ended;
                        if (!quiet) Post(ErrorJson("could not send: " + Describe(e)));
                        // A socket that cannot send is broken: abort it, and the receive loop reports the close.
                        Abort();
                    }
                }
                Release();
            }

            // Exactly once per socket: the last events, then the resources go (now, or when the send queue is idle).
            private void End(int code, string reason, string? error)
            {
                bool releaseNow;
                lock (_gate)
                {
                    if (_ended) return;
                    _ended = true;
                    _open = false;
                    releaseNow = !_sending;
                    // A send still in flight on a dead connection must not hold the resources for long.
                    if (!releaseNow && _closeTimer == null) _closeTimer = new Timer(_ => Abort(), null, CloseTimeout, Timeout.InfiniteTimeSpan);
                }
                if (error != null) Post(ErrorJson(error));
                Post(CloseJson(code, reason), last: true);
                if (releaseNow) Release();
            }

            private void Release()
            {
                lock (_gate)
                {
                    if (_released) return;
                    _released = true;
                    _closeTimer?.Dispose();
                    _closeTimer = null;
                }
                _owner.Forget(this);
                Cancel();
                try
                {
                    _socket?.Dispose();
                }
                catch (Exception)
                {
                    // Disposing a broken socket may throw on some runtimes; it is gone either way.
                }
                _cancel.Dispose();
            }

            private void Cancel()
            {
                try
                {
                    _cancel.Cancel();
                }
                catch (ObjectDisposedException)
                {
                }
            }

            // Tears the connection down; the receive loop (or the connect) then ends with close 1006.
            private void Abort()
            {
                Cancel();
                try
                {
                    _socket?.Abort();
                }
                catch (Exception)
                {
                    // Already disposed.
                }
            }

            private void Post(string eventJson, bool last = false)
            {
                _owner._mainThread.Post(() => Deliver(eventJson, last));
            }

            // Main thread, in posting order.
            private void Deliver(string eventJson, bool last)
            {
                if (_closeDelivered || _owner._disposed) return;
                _closeDelivered = last;
                try
                {
                    _onEvent(eventJson);
                }
                catch (Exception e)
                {
                    // The script environment may be gone (disposed on quit); nobody is left to receive the event.
                    _owner._debugLog?.Invoke("a realtime socket event found no script environment: " + e.GetType().Name);
                }
            }

            private readonly struct Outgoing
            {
                public Outgoing(string text)
                {
                    Text = text;
                    Code = 0;
                    IsClose = false;
                }

                public Outgoing(int code, string reason)
                {
                    Text = reason;
                    Code = code;
                    IsClose = true;
                }

                public string Text { get; }

                public int Code { get; }

                public bool IsClose { get; }
            }
        }
    }
}
#endif
