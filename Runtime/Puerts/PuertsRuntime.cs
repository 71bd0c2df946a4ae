// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#if PLAYLOOM_APPWRITE_PUERTS || PLAYLOOM_APPWRITE_PUERTS_2
#nullable enable
using System;
using Appwrite.Internal;

namespace Appwrite.Internal
{
    /// <summary>The exports of the bundle module, read through whichever Puerts API is installed.</summary>
    internal interface IModuleExports
    {
        T? Get<T>(string name) where T : class;
    }

    /// <summary>
    /// The bridge contract over a Puerts environment. Every export is resolved once, here; a missing one fails with
    /// its name. Puerts calls back only from the main thread (promise jobs after each call, timers from Tick).
    /// </summary>
    internal sealed class PuertsRuntime : IScriptRuntime
    {
        private readonly Func<string, object, string> _createClient;
        private readonly Func<string, string, string, string> _configure;
        private readonly Action<string, string, string, string, string, Action<string>, Action<string>> _invoke;
        private readonly Action<string, string> _cancel;
        private readonly Action<string> _disposeClient;
        // Contract 1.1; null with a 1.0 bundle (realtime calls then fail naming the export).
        private readonly Func<string, string, string, string, Action<string>, Action<string>, string>? _subscribe;
        private readonly Func<string, string, string, string, string>? _updateSubscription;
        private readonly Func<string, string, string>? _unsubscribe;

        /// <exception cref="AppwriteException">The bundle is missing an export or speaks another contract version.</exception>
        public PuertsRuntime(IModuleExports exports)
        {
            BridgeVersion = exports.Get<string>("bridgeVersion") ?? "";
            BridgeContract.CheckVersion(BridgeVersion);
            _createClient = exports.Get<Func<string, object, string>>("createClient") ?? throw BridgeContract.MissingExport("createClient");
            _configure = exports.Get<Func<string, string, string, string>>("configure") ?? throw BridgeContract.MissingExport("configure");
            _invoke = exports.Get<Action<string, string, string, string, string, Action<string>, Action<string>>>("invoke") ?? throw BridgeContract.MissingExport("invoke");
            _cancel = exports.Get<Action<string, string>>("cancel") ?? throw BridgeContract.MissingExport("cancel");
            _disposeClient = exports.Get<Action<string>>("disposeClient") ?? throw BridgeContract.MissingExport("disposeClient");
            _subscribe = Optional<Func<string, string, string, string, Action<string>, Action<string>, string>>(exports, "subscribe");
            _updateSubscription = Optional<Func<string, string, string, string, string>>(exports, "updateSubscription");
            _unsubscribe = Optional<Func<string, string, string>>(exports, "unsubscribe");
        }

        public string BridgeVersion { get; }

        // An export a 1.0 bundle lacks: null, whether the Puerts API returns null or throws for a missing name.
        private static T? Optional<T>(IModuleExports exports, string name) where T : class
        {
            try
            {
                return exports.Get<T>(name);
            }
            catch (Exception)
            {
                return null;
            }
        }

        public string CreateClient(string configJson, BridgeHost host) => _createClient(configJson, host);

        public string Configure(string handle, string key, string value) => _configure(handle, key, value);

        public void Invoke(string handle, string callId, string service, string method, string argsJson, Action<string> resolve, Action<string> reject) =>
            _invoke(handle, callId, service, method, argsJson, resolve, reject);

        public void Cancel(string handle, string callId) => _cancel(handle, callId);

        public void DisposeClient(string handle) => _disposeClient(handle);

        public string Subscribe(string handle, string subscriptionId, string channelsJson, string queriesJson, Action<string> onEvent, Action<string> onReady) =>
            (_subscribe ?? throw BridgeContract.MissingExport("subscribe"))(handle, subscriptionId, channelsJson, queriesJson, onEvent, onReady);

        public string UpdateSubscription(string handle, string subscriptionId, string channelsJson, string queriesJson) =>
            (_updateSubscription ?? throw BridgeContract.MissingExport("updateSubscription"))(handle, subscriptionId, channelsJson, queriesJson);

        public string Unsubscribe(string handle, string subscriptionId) =>
            (_unsubscribe ?? throw BridgeContract.MissingExport("unsubscribe"))(handle, subscriptionId);
    }
}
#endif
