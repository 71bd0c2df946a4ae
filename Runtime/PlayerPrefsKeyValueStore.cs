// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using UnityEngine;

namespace Appwrite
{
    /// <summary>
    /// Keeps values in <see cref="PlayerPrefs"/> under a <c>PlayloomAppwrite:</c> prefix. PlayerPrefs is not encrypted:
    /// on shared or rooted devices prefer a secure store behind <see cref="IKeyValueStore"/>.
    /// </summary>
    public sealed class PlayerPrefsKeyValueStore : IKeyValueStore
    {
        /// <summary>Prefix of every key this store writes.</summary>
        public const string Prefix = "PlayloomAppwrite:";

        /// <inheritdoc/>
        public string? Get(string key)
        {
            var value = PlayerPrefs.GetString(Prefix + key, "");
            return value.Length == 0 ? null : value;
        }

        /// <inheritdoc/>
        public void Set(string key, string? value)
        {
            if (string.IsNullOrEmpty(value)) PlayerPrefs.DeleteKey(Prefix + key);
            else PlayerPrefs.SetString(Prefix + key, value);
            // Sessions change rarely; saving now keeps a sign-in across a crash or a killed app.
            PlayerPrefs.Save();
        }
    }
}
