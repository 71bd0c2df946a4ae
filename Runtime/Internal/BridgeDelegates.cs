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

        /// <summary>Callbacks: <c>resolve</c>, <c>reject</c>, and the core's <c>done</c> handed to <see cref="BridgeHost.http"/>.</summary>
        public static readonly Type Callback = typeof(Action<string>);

        /// <summary>All of the above.</summary>
        public static readonly Type[] All = { CreateClient, Configure, Invoke, Cancel, DisposeClient, Callback };
    }
}
