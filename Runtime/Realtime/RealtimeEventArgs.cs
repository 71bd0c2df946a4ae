// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;

namespace Appwrite
{
    /// <summary>The server accepted the realtime connection and the subscriptions were (re)sent (<see cref="Services.Realtime.Connected"/>).</summary>
    public sealed class RealtimeConnectedEventArgs : EventArgs
    {
        internal RealtimeConnectedEventArgs(string? userId)
        {
            UserId = userId;
        }

        /// <summary>The user the connection is (being) authenticated as; null for a guest connection.</summary>
        public string? UserId { get; }
    }

    /// <summary>The realtime connection is gone (<see cref="Services.Realtime.Disconnected"/>).</summary>
    public sealed class RealtimeDisconnectedEventArgs : EventArgs
    {
        internal RealtimeDisconnectedEventArgs(int code, string reason, bool willReconnect)
        {
            Code = code;
            Reason = reason;
            WillReconnect = willReconnect;
        }

        /// <summary>
        /// The WebSocket close code: 1000 for an intentional close, 1006 for a lost connection (also after a heartbeat
        /// timeout), 1008 when the server refused the connection (policy violation), or the server's own code.
        /// </summary>
        public int Code { get; }

        /// <summary>Why, e.g. <c>heartbeat timeout</c>, <c>no subscriptions left</c>, or the server's reason; may be empty.</summary>
        public string Reason { get; }

        /// <summary>
        /// Whether the client reconnects by itself (with the official backoff: 1 s, then 5, 10 and 60 s) and resumes every
        /// subscription. False after 1008, after an intentional close, and when nothing is subscribed.
        /// </summary>
        public bool WillReconnect { get; }
    }

    /// <summary>A realtime problem that did not end the connection (<see cref="Services.Realtime.Error"/>).</summary>
    public sealed class RealtimeErrorEventArgs : EventArgs
    {
        internal RealtimeErrorEventArgs(string message, int code)
        {
            Message = message;
            Code = code;
        }

        /// <summary>What happened: a server <c>error</c> message, a dropped frame, a socket error, or a callback that threw.</summary>
        public string Message { get; }

        /// <summary>The server's error code (1003 invalid message, 1008 policy violation, 1013 too many messages), or 0.</summary>
        public int Code { get; }
    }
}
