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
        }

        public string BridgeVersion { get; }

        public string CreateClient(string configJson, BridgeHost host) => _createClient(configJson, host);

        public string Configure(string handle, string key, string value) => _configure(handle, key, value);

        public void Invoke(string handle, string callId, string service, string method, string argsJson, Action<string> resolve, Action<string> reject) =>
            _invoke(handle, callId, service, method, argsJson, resolve, reject);

        public void Cancel(string handle, string callId) => _cancel(handle, callId);

        public void DisposeClient(string handle) => _disposeClient(handle);
    }
}
#endif
