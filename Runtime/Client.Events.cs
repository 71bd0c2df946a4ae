// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Globalization;
using Appwrite.Internal;
using UnityEngine;

namespace Appwrite
{
    public sealed partial class Client
    {
        // Main thread: an event from the core. Payloads carry no secrets (bridge contract), so they may be logged.
        private void OnBridgeEvent(string eventName, string payloadJson)
        {
            if (_destroyed) return;
            // Diagnostics nobody will see are not worth parsing (one `request` event per HTTP attempt).
            if (eventName == "request" && _logLevel > AppwriteLogLevel.Debug) return;
            if (eventName == "retry" && _logLevel > AppwriteLogLevel.Info && Retrying == null) return;
            var payload = JsonReader.TryParseObject(payloadJson);
            if (payload == null) return;
            switch (eventName)
            {
                case "sessionChanged":
                {
                    var args = new SessionChangedEventArgs(payload.GetBool("signedIn") ?? false, payload.GetString("userId"), payload.GetString("source") ?? "");
                    EventRaiser.Raise(SessionChanged, args);
                    RaiseUnity(() => _onSessionChanged.Invoke(args.SignedIn));
                    break;
                }
                case "stateChanged":
                {
                    var args = new StateChangedEventArgs(ParseState(payload.GetString("state")), ParseState(payload.GetString("previous")), payload.GetString("userId"));
                    _state = args.State;
                    EventRaiser.Raise(StateChanged, args);
                    RaiseUnity(() => _onStateChanged.Invoke(args.State));
                    break;
                }
                case "signedIn":
                {
                    var args = new SignedInEventArgs(payload.GetString("userId"), payload.GetString("sessionId"), payload.GetString("provider"));
                    EventRaiser.Raise(SignedIn, args);
                    RaiseUnity(() => _onSignedIn.Invoke(args.UserId ?? ""));
                    break;
                }
                case "signedOut":
                {
                    var args = new SignedOutEventArgs(payload.GetString("userId"), payload.GetString("reason") ?? "");
                    EventRaiser.Raise(SignedOut, args);
                    RaiseUnity(() => _onSignedOut.Invoke(args.UserId ?? ""));
                    break;
                }
                case "error":
                {
                    var args = new AppwriteErrorEventArgs(payload.GetString("label") ?? "", payload.GetString("method") ?? "", payload.GetString("path") ?? "",
                        (int)(payload.GetNumber("code") ?? 0), payload.GetString("type") ?? "", payload.GetString("message") ?? "");
                    // A cancelled call is the caller's decision, not a failure worth an error event.
                    if (args.Type == AppwriteErrorType.Cancelled) break;
                    EventRaiser.Raise(Error, args);
                    RaiseUnity(() => _onError.Invoke(args.Message));
                    break;
                }
                case "realtimeConnected":
                {
                    var args = new RealtimeConnectedEventArgs(payload.GetString("userId"));
                    _realtime?.OnConnected(args);
                    RaiseUnity(() => _onRealtimeConnected.Invoke());
                    break;
                }
                case "realtimeDisconnected":
                {
                    var args = new RealtimeDisconnectedEventArgs((int)(payload.GetNumber("code") ?? 1006), payload.GetString("reason") ?? "", payload.GetBool("willReconnect") ?? false);
                    AppwriteLog.Write(_logLevel, AppwriteLogLevel.Debug, string.Format(CultureInfo.InvariantCulture, "realtime: disconnected ({0} {1}){2}", args.Code, args.Reason, args.WillReconnect ? ", reconnecting" : ""));
                    _realtime?.OnDisconnected(args);
                    RaiseUnity(() => _onRealtimeDisconnected.Invoke(args.Reason));
                    break;
                }
                case "realtimeError":
                    RaiseRealtimeError(new RealtimeErrorEventArgs(payload.GetString("message") ?? "", (int)(payload.GetNumber("code") ?? 0)));
                    break;
                case "request":
                    AppwriteLog.Write(_logLevel, AppwriteLogLevel.Debug, string.Format(CultureInfo.InvariantCulture, "{0} {1} {2} -> {3} in {4} ms",
                        payload.GetString("label"), payload.GetString("method"), payload.GetString("path"), payload.GetNumber("status"), payload.GetNumber("durationMs")));
                    break;
                case "retry":
                    EventRaiser.Raise(Retrying, new RetryEventArgs(payload.GetString("label") ?? "", (int)(payload.GetNumber("attempt") ?? 0), payload.GetString("type") ?? "",
                        (int)(payload.GetNumber("code") ?? 0), (int)(payload.GetNumber("delayMs") ?? 0)));
                    AppwriteLog.Write(_logLevel, AppwriteLogLevel.Info, string.Format(CultureInfo.InvariantCulture, "{0}: retry {1} after {2} ({3}) in {4} ms",
                        payload.GetString("label"), payload.GetNumber("attempt"), payload.GetString("type"), payload.GetNumber("code"), payload.GetNumber("delayMs")));
                    break;
            }
        }

        /// <summary>Main thread: a realtime problem, from the core or the C# side, to the C# and inspector events.</summary>
        internal void RaiseRealtimeError(RealtimeErrorEventArgs args)
        {
            if (_destroyed) return;
            AppwriteLog.Write(_logLevel, AppwriteLogLevel.Debug, "realtime: " + args.Message);
            _realtime?.OnError(args);
            RaiseUnity(() => _onRealtimeError.Invoke(args.Message));
        }


        private static void RaiseUnity(Action invoke)
        {
            try
            {
                invoke();
            }
            catch (Exception e)
            {
                Debug.LogException(e);
            }
        }
    }
}
