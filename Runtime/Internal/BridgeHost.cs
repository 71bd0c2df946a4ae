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
    /// log), named as the contract names them. Only the script core calls it.
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

#pragma warning restore IDE1006

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
