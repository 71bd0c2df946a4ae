// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.ComponentModel;
using UnityEngine.Scripting;

namespace Appwrite.Internal
{
    /// <summary>
    /// The host object a client hands to the script core: the members of the bridge contract (HTTP, storage, events,
    /// log, and realtime WebSockets except on WebGL players), named as the contract names them. Only the script core calls it.
    /// </summary>
    /// <remarks>
    /// Public and <see cref="PreserveAttribute"/>d because JavaScript reaches it by reflection: Puerts binds public
    /// members, and IL2CPP would strip what no C# code calls. Every parameter is a string or an
    /// <c>Action&lt;string&gt;</c>, so IL2CPP needs no generated bridge for these signatures.
    /// </remarks>
    [Preserve]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class BridgeHost
    {
        private readonly MainThread _mainThread;
        private readonly Func<IHttpBridge> _http;
        private readonly Func<IKeyValueStore> _storage;
        private readonly Func<AppwriteLogLevel> _logLevel;
        private readonly Action<string, string> _onEvent;
#if !UNITY_WEBGL || UNITY_EDITOR
        private ClientWebSocketBridge? _sockets;
#endif

        internal BridgeHost(MainThread mainThread, Func<IHttpBridge> http, Func<IKeyValueStore> storage, Func<AppwriteLogLevel> logLevel, Action<string, string> onEvent)
        {
            _mainThread = mainThread;
            _http = http;
            _storage = storage;
            _logLevel = logLevel;
            _onEvent = onEvent;
        }

#pragma warning disable IDE1006 // Lower-case names: these are the contract's member names, as JavaScript calls them.

        /// <summary>Performs a request (<c>requestJson</c>) and calls <paramref name="done"/> once with the <c>responseJson</c>.</summary>
        /// <param name="requestJson">The request, as in the bridge contract.</param>
        /// <param name="done">Receives the response JSON, on the main thread.</param>
        [Preserve]
        public void http(string requestJson, Action<string> done)
        {
            HttpRequestData request;
            try
            {
                request = HttpRequestData.Parse(requestJson);
            }
            catch (FormatException e)
            {
                Deliver(done, HttpResponseData.Failure("network", "the C# host could not read the request: " + e.Message));
                return;
            }
            _http().Send(request, response => Deliver(done, response));
        }

        /// <summary>Aborts the request with this ID.</summary>
        /// <param name="id">The request's <c>id</c>.</param>
        [Preserve]
        public void httpAbort(string id) => _http().Abort(id);

        /// <summary>Reads a stored value; an empty string when absent.</summary>
        /// <param name="key">The key.</param>
        [Preserve]
        public string storageGet(string key) => _storage().Get(key) ?? "";

        /// <summary>Stores a value; an empty string deletes.</summary>
        /// <param name="key">The key.</param>
        /// <param name="value">The value.</param>
        [Preserve]
        public void storageSet(string key, string value) => _storage().Set(key, string.IsNullOrEmpty(value) ? null : value);

        /// <summary>A client event from the core.</summary>
        /// <param name="eventName">The event name, e.g. <c>signedIn</c>.</param>
        /// <param name="payloadJson">Its payload, free of secrets.</param>
        [Preserve]
        public void emit(string eventName, string payloadJson) => _mainThread.Run(() => _onEvent(eventName, payloadJson));

        /// <summary>A log line from the core, already free of secrets.</summary>
        /// <param name="level"><c>debug</c>, <c>info</c>, <c>warn</c> or <c>error</c>.</param>
        /// <param name="message">The line.</param>
        [Preserve]
        public void log(string level, string message) => AppwriteLog.Write(_logLevel(), AppwriteLog.ParseLevel(level), message);

        // WebGL players have no C# sockets: without these members the core uses the browser's WebSocket (found by
        // feature detection). Everywhere else they come first, because Puerts' own WebSocket cannot open wss://.
#if !UNITY_WEBGL || UNITY_EDITOR
        /// <summary>Opens a realtime WebSocket (<c>ws://</c> or <c>wss://</c>) and reports it through <paramref name="onEvent"/>.</summary>
        /// <param name="id">The socket's ID, chosen by the core.</param>
        /// <param name="url">The realtime URL.</param>
        /// <param name="protocolsJson">Subprotocols as a JSON array (<c>[]</c>).</param>
        /// <param name="onEvent">Receives each event JSON (open, message, error, and last close) on the main thread.</param>
        [Preserve]
        public void wsOpen(string id, string url, string protocolsJson, Action<string> onEvent) => Sockets.Open(id, url, protocolsJson, onEvent);

        /// <summary>Sends one text frame; ignored when the socket is not open.</summary>
        /// <param name="id">The socket's ID.</param>
        /// <param name="text">The frame.</param>
        [Preserve]
        public void wsSend(string id, string text) => _sockets?.Send(id, text);

        /// <summary>Closes a socket; unknown or closed IDs are ignored.</summary>
        /// <param name="id">The socket's ID.</param>
        /// <param name="code">The close code in decimal, e.g. <c>1000</c>.</param>
        /// <param name="reason">The close reason.</param>
        [Preserve]
        public void wsClose(string id, string code, string reason) => _sockets?.Close(id, code, reason);

        private ClientWebSocketBridge Sockets => _sockets ??= new ClientWebSocketBridge(_mainThread, message => AppwriteLog.Write(_logLevel(), AppwriteLogLevel.Debug, message));

        /// <summary>The C# sockets of this host, once one was opened (tests).</summary>
        internal ClientWebSocketBridge? WebSockets => _sockets;
#endif

#pragma warning restore IDE1006

        /// <summary>The client is gone: closes what the core left open and stops every further socket event.</summary>
        internal void Dispose()
        {
#if !UNITY_WEBGL || UNITY_EDITOR
            // Created if need be, so that a late wsOpen finds a closed bridge instead of opening a socket.
            Sockets.Dispose();
#endif
        }

        private void Deliver(Action<string> done, HttpResponseData response)
        {
            var json = response.ToJson();
            _mainThread.Run(() =>
            {
                try
                {
                    done(json);
                }
                catch (Exception e)
                {
                    // The script environment may be gone (disposed on quit); nobody is left to receive the response.
                    AppwriteLog.Write(_logLevel(), AppwriteLogLevel.Debug, "a response arrived after its script environment was gone: " + e.GetType().Name);
                }
            });
        }
    }
}
