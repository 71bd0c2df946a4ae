// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections;
using Appwrite.Internal;
using UnityEngine;

namespace Appwrite.Services
{
    /// <summary>
    /// The Account API: sign the player in (phone, email, OAuth2, anonymous), and manage their account, sessions,
    /// preferences and MFA. Every method is generated from the core's descriptor table (Account.g.cs).
    /// </summary>
    /// <remarks>
    /// Every <c>*Async</c> method checks its arguments before any request and throws <see cref="AppwriteException"/>
    /// (type <c>general_argument_invalid</c>) naming the bad parameter. Cancelling the token aborts the request, and the
    /// task ends as cancelled (<see cref="OperationCanceledException"/>). Results arrive on the Unity main thread.
    /// </remarks>
    public sealed partial class Account
    {
        private readonly Client _client;
        private readonly string? _optionsJson;

        /// <summary>Creates the service for a client; <c>client.Account</c> returns one ready-made.</summary>
        /// <param name="client">The client whose configuration and session the calls use.</param>
        /// <exception cref="ArgumentNullException"><paramref name="client"/> is null.</exception>
        public Account(Client client)
        {
            // Reference null only: a destroyed client still answers calls, with a clear "destroyed" error.
            _client = client is null ? throw new ArgumentNullException(nameof(client)) : client;
        }

        /// <summary>The client this service calls through.</summary>
        public Client Client => _client;

        /// <summary>
        /// This Account with a deadline and retry policy for its calls only, e.g.
        /// <c>client.Account.WithOptions(new CallOptions { Timeout = TimeSpan.FromSeconds(5) }).GetAsync()</c>.
        /// </summary>
        /// <param name="options">The options; members left null keep the client's.</param>
        /// <returns>A lightweight view of the same client.</returns>
        public Account WithOptions(CallOptions options)
        {
            if (options is null) throw new ArgumentNullException(nameof(options));
            return new Account(_client, options.ToJson());
        }

        private Account(Client client, string? optionsJson)
        {
            _client = client;
            _optionsJson = optionsJson;
        }

        // The argsJson of a call: its parameters plus this view's options.
        private BridgeArgs Args() => new BridgeArgs(_optionsJson);

        private string NoArgs() => _optionsJson == null ? BridgeArgs.None : Args().Build();

        // The prefs object as JSON, written by JsonUtility from the user's own [Serializable] type.
        private static string PrefsJsonOf<T>(T prefs, string method)
        {
            if (prefs == null) throw new AppwriteException($"Missing required parameter \"prefs\" of account.{method}.", 0, AppwriteErrorType.ArgumentInvalid);
            if (prefs is string || prefs is IDictionary || prefs is IEnumerable || typeof(T).IsPrimitive || typeof(T).IsEnum)
            {
                throw new AppwriteException($"Invalid \"prefs\" param of account.{method}: expected a [Serializable] class or struct for JsonUtility (it cannot write dictionaries, lists or bare values); pass JSON to UpdatePrefsJsonAsync instead.", 0, AppwriteErrorType.ArgumentInvalid);
            }
            return JsonUtility.ToJson(prefs);
        }

        // Raw prefs JSON is embedded in the bridge's argsJson as it is, so it must be well-formed JSON. Whether it is an
        // acceptable prefs object (an object, at most 64 KB) is the core's prefs rule, not repeated here.
        private static string CheckPrefsJson(string? prefsJson, string method)
        {
            if (prefsJson == null) throw new AppwriteException($"Missing required parameter \"prefsJson\" of account.{method}.", 0, AppwriteErrorType.ArgumentInvalid);
            try
            {
                JsonReader.Parse(prefsJson);
            }
            catch (FormatException)
            {
                throw new AppwriteException($"Invalid \"prefsJson\" param of account.{method}: expected JSON text such as {{\"theme\":\"dark\"}}.", 0, AppwriteErrorType.ArgumentInvalid);
            }
            return prefsJson;
        }
    }
}
