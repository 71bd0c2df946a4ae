// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Appwrite.Internal
{
    /// <summary>
    /// One client handle in the script runtime and its calls in flight: turns <c>invoke</c>'s callbacks into tasks,
    /// maps cancellation both ways, and cancels everything on dispose. Lives on the main thread.
    /// </summary>
    internal sealed class ClientCore
    {
        private readonly IScriptRuntime _runtime;
        private readonly MainThread _mainThread;
        private readonly string _handle;
        private readonly Dictionary<string, PendingCall> _pending = new Dictionary<string, PendingCall>(StringComparer.Ordinal);
        private long _nextCallId;
        private bool _disposed;

        private ClientCore(IScriptRuntime runtime, MainThread mainThread, string handle)
        {
            _runtime = runtime;
            _mainThread = mainThread;
            _handle = handle;
        }

        /// <summary>Calls in flight.</summary>
        public int PendingCount => _pending.Count;

        public bool IsDisposed => _disposed;

        /// <exception cref="AppwriteException">The core refused the configuration.</exception>
        public static ClientCore Create(IScriptRuntime runtime, MainThread mainThread, string configJson, BridgeHost host)
        {
            var result = runtime.CreateClient(configJson, host);
            if (result.StartsWith("{", StringComparison.Ordinal)) throw AppwriteException.FromJson(result);
            if (result.Length == 0) throw new AppwriteException("The script core returned no client handle.", 0, AppwriteErrorType.BridgeError);
            return new ClientCore(runtime, mainThread, result);
        }

        /// <exception cref="AppwriteException">The value is invalid (type <c>general_argument_invalid</c>).</exception>
        public void Configure(string key, string value)
        {
            if (_disposed) throw Disposed();
            var result = _runtime.Configure(_handle, key, value);
            if (result.Length > 0) throw AppwriteException.FromJson(result);
        }

        /// <summary>Starts a call. The task ends on the main thread's context; cancelled calls end as cancelled.</summary>
        public Task<T> InvokeAsync<T>(string service, string method, string argsJson, Func<string, T> parse, CancellationToken cancellationToken)
        {
            if (_disposed) return Task.FromException<T>(Disposed());
            if (cancellationToken.IsCancellationRequested) return Task.FromCanceled<T>(cancellationToken);
            var call = new PendingCall<T>(this, "c" + (++_nextCallId).ToString(System.Globalization.CultureInfo.InvariantCulture), parse, cancellationToken);
            _pending.Add(call.Id, call);
            call.Register();
            try
            {
                _runtime.Invoke(_handle, call.Id, service, method, argsJson, call.OnResolve, call.OnReject);
            }
            catch (Exception e)
            {
                // A runtime that throws synchronously (e.g. its environment is gone) must still end the task.
                _pending.Remove(call.Id);
                call.Fail(e as AppwriteException ?? new AppwriteException($"The script runtime failed to start {service}.{method}: {e.Message}", 0, AppwriteErrorType.BridgeError, innerException: e));
            }
            return call.Task;
        }

        /// <summary>Registers a realtime subscription with the core (export <c>subscribe</c>).</summary>
        /// <exception cref="AppwriteException">The core refused it: invalid channels, no project, a destroyed client.</exception>
        public void Subscribe(string subscriptionId, string channelsJson, string queriesJson, Action<string> onEvent, Action<string> onReady)
        {
            if (_disposed) throw Disposed();
            var result = _runtime.Subscribe(_handle, subscriptionId, channelsJson, queriesJson, onEvent, onReady);
            if (result.Length > 0) throw AppwriteException.FromJson(result);
        }

        /// <summary>Replaces a subscription's channels and queries (<paramref name="queriesJson"/> "" keeps them).</summary>
        /// <exception cref="AppwriteException">The core refused the change.</exception>
        public void UpdateSubscription(string subscriptionId, string channelsJson, string queriesJson)
        {
            if (_disposed) throw Disposed();
            var result = _runtime.UpdateSubscription(_handle, subscriptionId, channelsJson, queriesJson);
            if (result.Length > 0) throw AppwriteException.FromJson(result);
        }

        /// <summary>Removes a subscription; the last one closes the socket. Never throws: a gone client has none left.</summary>
        public void Unsubscribe(string subscriptionId)
        {
            if (_disposed) return;
            try
            {
                _runtime.Unsubscribe(_handle, subscriptionId);
            }
            catch (Exception)
            {
                // The environment may already be disposed (application quit); the subscription died with it.
            }
        }

        /// <summary>Cancels every pending call and releases the handle. Safe to call twice.</summary>
        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            var calls = new List<PendingCall>(_pending.Values);
            _pending.Clear();
            foreach (var call in calls) call.CancelLocally(default);
            try
            {
                _runtime.DisposeClient(_handle);
            }
            catch (Exception)
            {
                // The environment may already be disposed (application quit); the handle died with it.
            }
        }

        private bool Take(string callId)
        {
            return _pending.Remove(callId);
        }

        private void CancelInRuntime(string callId)
        {
            if (!_pending.Remove(callId) || _disposed) return;
            _runtime.Cancel(_handle, callId);
        }

        private static AppwriteException Disposed() =>
            new AppwriteException("This Appwrite client was destroyed; add a new Client component to make more calls.", 0, AppwriteErrorType.NotConfigured);

        private abstract class PendingCall
        {
            public abstract void CancelLocally(CancellationToken cancellationToken);
        }

        private sealed class PendingCall<T> : PendingCall
        {
            private readonly ClientCore _core;
            private readonly Func<string, T> _parse;
            private readonly CancellationToken _cancellationToken;
            // Continuations never run inside the script callback: they are posted to the awaiting context (Unity's main thread).
            private readonly TaskCompletionSource<T> _completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            private CancellationTokenRegistration _registration;

            public PendingCall(ClientCore core, string id, Func<string, T> parse, CancellationToken cancellationToken)
            {
                _core = core;
                Id = id;
                _parse = parse;
                _cancellationToken = cancellationToken;
                OnResolve = Resolve;
                OnReject = Reject;
            }

            public string Id { get; }

            public Task<T> Task => _completion.Task;

            public Action<string> OnResolve { get; }

            public Action<string> OnReject { get; }

            public void Register()
            {
                if (_cancellationToken.CanBeCanceled) _registration = _cancellationToken.Register(OnTokenCancelled);
            }

            public override void CancelLocally(CancellationToken cancellationToken)
            {
                _registration.Dispose();
                _completion.TrySetCanceled(cancellationToken);
            }

            public void Fail(AppwriteException error)
            {
                _registration.Dispose();
                _completion.TrySetException(error);
            }

            // Any thread: end the task now, then tell the core (which aborts the HTTP request) from the main thread.
            private void OnTokenCancelled()
            {
                _completion.TrySetCanceled(_cancellationToken);
                _core._mainThread.Run(() => _core.CancelInRuntime(Id));
            }

            private void Resolve(string text)
            {
                if (!_core.Take(Id)) return;
                _registration.Dispose();
                T value;
                try
                {
                    value = _parse(text ?? "");
                }
                catch (AppwriteException e)
                {
                    _completion.TrySetException(e);
                    return;
                }
                catch (Exception e)
                {
                    _completion.TrySetException(new AppwriteException($"The result could not be read as {typeof(T).Name}: {e.Message}", 0, AppwriteErrorType.MalformedResponse, innerException: e));
                    return;
                }
                _completion.TrySetResult(value);
            }

            private void Reject(string errorJson)
            {
                if (!_core.Take(Id)) return;
                _registration.Dispose();
                var error = AppwriteException.FromJson(errorJson ?? "");
                if (error.Type == AppwriteErrorType.Cancelled) _completion.TrySetCanceled(_cancellationToken.IsCancellationRequested ? _cancellationToken : default);
                else _completion.TrySetException(error);
            }
        }
    }
}
