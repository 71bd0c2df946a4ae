// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;

namespace Appwrite
{
    /// <summary>The stored session appeared, disappeared or changed user (<see cref="Client.SessionChanged"/>).</summary>
    public sealed class SessionChangedEventArgs : EventArgs
    {
        internal SessionChangedEventArgs(bool signedIn, string? userId, string source)
        {
            SignedIn = signedIn;
            UserId = userId;
            Source = source;
        }

        /// <summary>Whether a session is now stored for this project and endpoint.</summary>
        public bool SignedIn { get; }

        /// <summary>The signed-in user's ID, when known.</summary>
        public string? UserId { get; }

        /// <summary>
        /// Why it changed: <c>server</c> (a response set or cleared it), <c>setSession</c> (the app set a session),
        /// <c>clear</c> (the app forgot the session) or <c>restore</c>.
        /// </summary>
        public string Source { get; }
    }

    /// <summary>A sign-in call succeeded (<see cref="Client.SignedIn"/>).</summary>
    public sealed class SignedInEventArgs : EventArgs
    {
        internal SignedInEventArgs(string? userId, string? sessionId, string? provider)
        {
            UserId = userId;
            SessionId = sessionId;
            Provider = provider;
        }

        /// <summary>The user's ID, when known.</summary>
        public string? UserId { get; }

        /// <summary>The new session's ID, when the call returned a session.</summary>
        public string? SessionId { get; }

        /// <summary>How the user signed in (<c>phone</c>, <c>email</c>, <c>anonymous</c>, <c>token</c>...), when known.</summary>
        public string? Provider { get; }
    }

    /// <summary>The session ended (<see cref="Client.SignedOut"/>).</summary>
    public sealed class SignedOutEventArgs : EventArgs
    {
        internal SignedOutEventArgs(string? userId, string reason)
        {
            UserId = userId;
            Reason = reason;
        }

        /// <summary>The user who was signed in, when known.</summary>
        public string? UserId { get; }

        /// <summary><c>signOut</c> (a sign-out call or the server ended it), <c>cleared</c> (the app forgot it) or <c>invalid</c>.</summary>
        public string Reason { get; }
    }

    /// <summary>A call failed after any retries (<see cref="Client.Error"/>). Carries no secret.</summary>
    public sealed class AppwriteErrorEventArgs : EventArgs
    {
        internal AppwriteErrorEventArgs(string label, string method, string path, int code, string type, string message)
        {
            Label = label;
            Method = method;
            Path = path;
            Code = code;
            Type = type;
            Message = message;
        }

        /// <summary>The failed method, e.g. <c>account.get</c>.</summary>
        public string Label { get; }

        /// <summary>The HTTP verb.</summary>
        public string Method { get; }

        /// <summary>The path under the endpoint, e.g. <c>/account</c>.</summary>
        public string Path { get; }

        /// <summary>The HTTP status, or 0 when no response arrived.</summary>
        public int Code { get; }

        /// <summary>The error type (see <see cref="AppwriteException.Type"/>).</summary>
        public string Type { get; }

        /// <summary>The error message.</summary>
        public string Message { get; }
    }
}

namespace Appwrite
{
    /// <summary>The session state moved (<see cref="Client.StateChanged"/>).</summary>
    public sealed class StateChangedEventArgs : System.EventArgs
    {
        internal StateChangedEventArgs(SessionState state, SessionState previous, string? userId)
        {
            State = state;
            Previous = previous;
            UserId = userId;
        }

        /// <summary>The new state.</summary>
        public SessionState State { get; }

        /// <summary>The state before.</summary>
        public SessionState Previous { get; }

        /// <summary>The signed-in user's ID, when known.</summary>
        public string? UserId { get; }
    }

    /// <summary>A call is about to be retried after a transient failure (<see cref="Client.Retrying"/>).</summary>
    public sealed class RetryEventArgs : System.EventArgs
    {
        internal RetryEventArgs(string label, int attempt, string type, int code, int delayMs)
        {
            Label = label;
            Attempt = attempt;
            Type = type;
            Code = code;
            DelayMs = delayMs;
        }

        /// <summary>The call, e.g. <c>account.get</c>.</summary>
        public string Label { get; }

        /// <summary>The retry about to happen, from 1.</summary>
        public int Attempt { get; }

        /// <summary>The failure's error type, e.g. <c>client_network_error</c>.</summary>
        public string Type { get; }

        /// <summary>The HTTP status of the failure, 0 without a response.</summary>
        public int Code { get; }

        /// <summary>The wait before the retry, in milliseconds.</summary>
        public int DelayMs { get; }
    }
}
