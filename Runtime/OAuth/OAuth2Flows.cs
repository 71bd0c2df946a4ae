// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Appwrite.Internal;
using UnityEngine;

namespace Appwrite.OAuth
{
    /// <summary>One OAuth2 sign-in waiting for its callback deep link.</summary>
    internal sealed class PendingOAuth2Flow
    {
        private readonly TaskCompletionSource<OAuth2Callback> _completion =
            new TaskCompletionSource<OAuth2Callback>(TaskCreationOptions.RunContinuationsAsynchronously);
        private CancellationTokenRegistration _registration;

        public PendingOAuth2Flow(CallbackUrl success, CallbackUrl failure, TimeSpan timeout, double deadline)
        {
            Success = success;
            Failure = failure;
            Timeout = timeout;
            Deadline = deadline;
        }

        public CallbackUrl Success { get; }

        public CallbackUrl Failure { get; }

        public TimeSpan Timeout { get; }

        /// <summary>When the flow times out, on <see cref="OAuth2Flows.Clock"/>.</summary>
        public double Deadline { get; }

        /// <summary>Completes with the callback; ends as cancelled (cancellation, a newer flow) or faults (timeout).</summary>
        public Task<OAuth2Callback> Task => _completion.Task;

        public bool IsDone => _completion.Task.IsCompleted;

        internal void Watch(CancellationToken cancellationToken)
        {
            if (cancellationToken.CanBeCanceled) _registration = cancellationToken.Register(() => Cancel(cancellationToken));
        }

        internal bool Complete(OAuth2Callback callback) => Finish(() => _completion.TrySetResult(callback));

        internal bool Cancel(CancellationToken cancellationToken) => Finish(() => _completion.TrySetCanceled(cancellationToken));

        internal bool Fail(AppwriteException error) => Finish(() => _completion.TrySetException(error));

        private bool Finish(Func<bool> finish)
        {
            var done = finish();
            if (done) _registration.Dispose();
            return done;
        }
    }

    /// <summary>
    /// The app's OAuth2 flows: at most one waits at a time (a new one cancels the previous), deep links are matched to it,
    /// and a callback that arrives with no flow waiting (a cold start, or after the timeout) is kept for
    /// <c>CompletePendingOAuth2Async</c>. Deadlines are checked every frame from <see cref="MainLoop"/>.
    /// </summary>
    internal static class OAuth2Flows
    {
        private static readonly object _lock = new object();
        private static readonly Action _tick = Tick;
        private static PendingOAuth2Flow? _current;
        private static CallbackUrl? _unclaimed;

        /// <summary>Seconds on a monotonic clock; tests may replace it.</summary>
        internal static Func<double> Clock { get; set; } = () => Time.realtimeSinceStartupAsDouble;

        /// <summary>The flow waiting for its callback, if any.</summary>
        public static PendingOAuth2Flow? Current
        {
            get
            {
                lock (_lock) return _current != null && !_current.IsDone ? _current : null;
            }
        }

        /// <summary>Starts waiting for a callback to <paramref name="success"/> or <paramref name="failure"/>; cancels the previous flow.</summary>
        public static PendingOAuth2Flow Begin(CallbackUrl success, CallbackUrl failure, TimeSpan timeout, CancellationToken cancellationToken)
        {
            var flow = new PendingOAuth2Flow(success, failure, timeout, Clock() + timeout.TotalSeconds);
            PendingOAuth2Flow? previous;
            lock (_lock)
            {
                previous = _current;
                _current = flow;
                // A callback that arrived before this flow belongs to an earlier attempt; never hand it to this one.
                _unclaimed = null;
            }
            previous?.Cancel(CancellationToken.None);
            flow.Watch(cancellationToken);
            DeepLinkListener.EnsureInstalled();
            MainLoop.Add(_tick);
            return flow;
        }

        /// <summary>
        /// Offers a deep link: completes the waiting flow when it is its callback, else keeps it when it looks like an
        /// OAuth2 callback. Returns whether the link was an OAuth2 callback (consumed or kept).
        /// </summary>
        public static bool Deliver(string? url)
        {
            var parsed = CallbackUrl.Parse(url);
            if (parsed == null) return false;
            PendingOAuth2Flow? flow;
            lock (_lock)
            {
                flow = _current != null && !_current.IsDone && OAuth2Callback.Matches(parsed, _current.Success, _current.Failure) ? _current : null;
                if (flow == null)
                {
                    if (!OAuth2Callback.LooksLikeCallback(parsed)) return false;
                    _unclaimed = parsed;
                    return true;
                }
            }
            flow.Complete(OAuth2Callback.Read(parsed, flow.Success, flow.Failure));
            return true;
        }

        /// <summary>Takes the callback that arrived while no flow waited (at most one, the latest).</summary>
        public static CallbackUrl? TakeUnclaimed()
        {
            lock (_lock)
            {
                var unclaimed = _unclaimed;
                _unclaimed = null;
                return unclaimed;
            }
        }

        /// <summary>Fails the waiting flow once its deadline has passed; stops ticking when nothing waits.</summary>
        internal static void Tick()
        {
            PendingOAuth2Flow? expired = null;
            lock (_lock)
            {
                if (_current != null && !_current.IsDone && Clock() >= _current.Deadline) expired = _current;
                if (_current == null || _current.IsDone || expired != null) MainLoop.Remove(_tick);
            }
            expired?.Fail(new AppwriteException(
                $"No OAuth2 callback arrived within {Describe(expired.Timeout)}: the player did not finish signing in, or the app does not " +
                $"receive {expired.Success.Scheme}:// links (register the scheme: the package's build steps do it for Android and iOS; " +
                "elsewhere pass the link to OAuth2.HandleDeepLink). Change the wait with OAuth2.Timeout.",
                0, AppwriteErrorType.Timeout));
        }

        /// <summary>Forgets every flow and callback (tests, domain reloads).</summary>
        internal static void Reset()
        {
            PendingOAuth2Flow? previous;
            lock (_lock)
            {
                previous = _current;
                _current = null;
                _unclaimed = null;
            }
            previous?.Cancel(CancellationToken.None);
            MainLoop.Remove(_tick);
        }

        private static string Describe(TimeSpan timeout) =>
            timeout.TotalMinutes >= 1 && timeout.Seconds == 0 && timeout.Milliseconds == 0
                ? $"{(int)timeout.TotalMinutes} minute{(timeout.TotalMinutes == 1 ? "" : "s")}"
                : timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
    }
}
