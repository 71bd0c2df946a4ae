// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable

namespace Appwrite
{
    /// <summary>
    /// Where a <see cref="Client"/> keeps the session between runs. The default is <see cref="PlayerPrefsKeyValueStore"/>;
    /// assign <see cref="Client.Storage"/> to use a secure store (Keychain, Android Keystore) instead.
    /// </summary>
    /// <remarks>
    /// Both methods are called synchronously on the Unity main thread and must return quickly. The keys already name
    /// the project and endpoint, so environments never share a session.
    /// </remarks>
    public interface IKeyValueStore
    {
        /// <summary>Returns the stored value, or null when there is none.</summary>
        /// <param name="key">The key.</param>
        string? Get(string key);

        /// <summary>Stores a value; null or an empty string deletes the key.</summary>
        /// <param name="key">The key.</param>
        /// <param name="value">The value to keep, or null to delete.</param>
        void Set(string key, string? value);
    }
}
