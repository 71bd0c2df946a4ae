// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;

namespace Appwrite.Internal
{
    /// <summary>
    /// A JavaScript engine running the bundle, seen through the bridge contract (Documentation~/bridge-contract.md).
    /// Inside Unity it is Puerts; the .NET test ring uses a Node child process. Every method is called on the main
    /// thread, and implementations call back (callbacks, host members) on the main thread only.
    /// </summary>
    internal interface IScriptRuntime
    {
        /// <summary>The bundle's <c>bridgeVersion</c>, already checked against <see cref="BridgeContract.Version"/>.</summary>
        string BridgeVersion { get; }

        /// <summary>Returns a handle, or an error JSON (starts with '{').</summary>
        string CreateClient(string configJson, BridgeHost host);

        /// <summary>Returns "" or an error JSON.</summary>
        string Configure(string handle, string key, string value);

        /// <summary>Starts a call; exactly one callback is called later, on the main thread.</summary>
        void Invoke(string handle, string callId, string service, string method, string argsJson, Action<string> resolve, Action<string> reject);

        void Cancel(string handle, string callId);

        void DisposeClient(string handle);

        /// <summary>
        /// Export <c>subscribe</c> (contract 1.1). Returns "" or an error JSON. <paramref name="onEvent"/> is called per
        /// event and <paramref name="onReady"/> once, both later and on the main thread.
        /// </summary>
        string Subscribe(string handle, string subscriptionId, string channelsJson, string queriesJson, Action<string> onEvent, Action<string> onReady);

        /// <summary>Export <c>updateSubscription</c>; <paramref name="queriesJson"/> "" keeps the queries. Returns "" or an error JSON.</summary>
        string UpdateSubscription(string handle, string subscriptionId, string channelsJson, string queriesJson);

        /// <summary>Export <c>unsubscribe</c>: no event reaches the subscription after it returns. Returns "" or an error JSON.</summary>
        string Unsubscribe(string handle, string subscriptionId);
    }

    /// <summary>What every host checks about a bundle.</summary>
    internal static class BridgeContract
    {
        /// <summary>The contract version this shell was written against; the bundle's major must match.</summary>
        public const string Version = "1.1";

        /// <summary>The bundle's resource path and Puerts module specifier.</summary>
        public const string BundleSpecifier = "PlayloomAppwrite/appwrite.mjs";

        /// <summary>The function exports a bundle must have.</summary>
        public static readonly string[] FunctionExports = { "createClient", "configure", "invoke", "cancel", "disposeClient" };

        /// <summary>
        /// The realtime exports (contract 1.1). A 1.0 bundle lacks them: it still loads, and realtime calls fail with
        /// <see cref="MissingExport"/>.
        /// </summary>
        public static readonly string[] RealtimeExports = { "subscribe", "updateSubscription", "unsubscribe" };

        /// <summary>Throws unless the bundle speaks a compatible contract.</summary>
        /// <exception cref="AppwriteException">Missing or incompatible <c>bridgeVersion</c>.</exception>
        public static void CheckVersion(string? bundleVersion)
        {
            if (string.IsNullOrEmpty(bundleVersion))
            {
                throw new AppwriteException($"The script bundle {BundleSpecifier} has no 'bridgeVersion' export: it is not an Appwrite for Unity bundle, or it is damaged. Reinstall the package.", 0, AppwriteErrorType.BridgeError);
            }
            if (Major(bundleVersion!) != Major(Version))
            {
                throw new AppwriteException($"The script bundle speaks bridge contract {bundleVersion}, but this C# shell speaks {Version}. The package files are mixed up: reinstall the package.", 0, AppwriteErrorType.BridgeError);
            }
        }

        /// <summary>The error for an export that did not resolve.</summary>
        public static AppwriteException MissingExport(string name) =>
            new AppwriteException($"The script bundle {BundleSpecifier} has no '{name}' export (bridge contract {Version}). Reinstall the package.", 0, AppwriteErrorType.BridgeError);

        private static string Major(string version)
        {
            var dot = version.IndexOf('.');
            return dot < 0 ? version : version.Substring(0, dot);
        }
    }
}
