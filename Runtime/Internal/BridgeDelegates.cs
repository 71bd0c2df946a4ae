// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;

namespace Appwrite.Internal
{
    /// <summary>
    /// Every delegate type that crosses between C# and JavaScript. Each has reference-type parameters and result only,
    /// so Puerts' IL2CPP build uses its shared bridges and needs no generated glue (a test checks this list by reflection).
    /// </summary>
    internal static class BridgeDelegates
    {
        /// <summary>Export <c>createClient(configJson, host) → handle | errorJson</c>.</summary>
        public static readonly Type CreateClient = typeof(Func<string, object, string>);

        /// <summary>Export <c>configure(handle, key, value) → "" | errorJson</c>.</summary>
        public static readonly Type Configure = typeof(Func<string, string, string, string>);

        /// <summary>Export <c>invoke(handle, callId, service, method, argsJson, resolve, reject)</c>.</summary>
        public static readonly Type Invoke = typeof(Action<string, string, string, string, string, Action<string>, Action<string>>);

        /// <summary>Export <c>cancel(handle, callId)</c>.</summary>
        public static readonly Type Cancel = typeof(Action<string, string>);

        /// <summary>Export <c>disposeClient(handle)</c>.</summary>
        public static readonly Type DisposeClient = typeof(Action<string>);

        /// <summary>Export <c>subscribe(handle, subscriptionId, channelsJson, queriesJson, onEvent, onReady) → "" | errorJson</c>.</summary>
        public static readonly Type Subscribe = typeof(Func<string, string, string, string, Action<string>, Action<string>, string>);

        /// <summary>Export <c>updateSubscription(handle, subscriptionId, channelsJson, queriesJson) → "" | errorJson</c>.</summary>
        public static readonly Type UpdateSubscription = typeof(Func<string, string, string, string, string>);

        /// <summary>Export <c>unsubscribe(handle, subscriptionId) → "" | errorJson</c>.</summary>
        public static readonly Type Unsubscribe = typeof(Func<string, string, string>);

        /// <summary>
        /// Callbacks: <c>resolve</c>, <c>reject</c>, <c>onEvent</c>/<c>onReady</c> of <c>subscribe</c>, the core's <c>done</c>
        /// handed to <see cref="BridgeHost.http"/> and its <c>onEvent</c> handed to <c>BridgeHost.wsOpen</c>.
        /// </summary>
        public static readonly Type Callback = typeof(Action<string>);

        /// <summary>All of the above.</summary>
        public static readonly Type[] All = { CreateClient, Configure, Invoke, Cancel, DisposeClient, Subscribe, UpdateSubscription, Unsubscribe, Callback };
    }
}
