// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections.Generic;
using UnityEngine.Networking;

namespace Appwrite.Editor
{
    /// <summary>
    /// Reads the emulator's outbox every few seconds with UnityWebRequest, from the editor's update loop. The messages
    /// (OTP codes, links) live in memory only: they are shown in the setup window, never logged or serialised.
    /// </summary>
    internal sealed class OutboxPoller : IDisposable
    {
        private readonly string _url;
        private readonly double _intervalSeconds;
        private UnityWebRequest? _request;
        private double _nextAt;

        public OutboxPoller(string endpoint, double intervalSeconds = 2)
        {
            _url = LocalEmulator.OutboxUrl(endpoint);
            _intervalSeconds = intervalSeconds;
        }

        /// <summary>Newest first.</summary>
        public List<OutboxMessage> Messages { get; private set; } = new List<OutboxMessage>();

        /// <summary>The last failure (network or HTTP status), or null after a success.</summary>
        public string? Error { get; private set; }

        /// <summary>Call every editor update with a clock in seconds; returns whether the messages or the error changed.</summary>
        public bool Poll(double now)
        {
            if (_request == null)
            {
                if (now < _nextAt) return false;
                _request = new UnityWebRequest(_url, UnityWebRequest.kHttpVerbGET, new DownloadHandlerBuffer(), null) { timeout = 5 };
                _request.SendWebRequest();
                return false;
            }
            if (!_request.isDone) return false;
            var request = _request;
            _request = null;
            _nextAt = now + _intervalSeconds;
            string? error = null;
            List<OutboxMessage>? messages = null;
            if (request.result == UnityWebRequest.Result.Success) messages = LocalEmulator.ParseOutbox(request.downloadHandler?.text);
            else error = request.result == UnityWebRequest.Result.ProtocolError ? $"HTTP {request.responseCode}" : request.error ?? "no answer";
            request.Dispose();
            var changed = error != Error || (messages != null && !SameAs(messages));
            Error = error;
            if (messages != null) Messages = messages;
            return changed;
        }

        public void Dispose()
        {
            _request?.Dispose();
            _request = null;
        }

        private bool SameAs(List<OutboxMessage> messages)
        {
            if (messages.Count != Messages.Count) return false;
            for (var i = 0; i < messages.Count; i++)
            {
                if (messages[i].CreatedAt != Messages[i].CreatedAt || messages[i].To != Messages[i].To) return false;
            }
            return true;
        }
    }
}
