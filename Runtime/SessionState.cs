// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
namespace Appwrite
{
    /// <summary>Where the player's session stands (<see cref="Client.State"/>).</summary>
    public enum SessionState
    {
        /// <summary>No session is stored (or none is known yet: call <see cref="Client.RestoreSessionAsync"/> at startup).</summary>
        SignedOut,

        /// <summary><see cref="Client.RestoreSessionAsync"/> is checking the stored session with the server.</summary>
        Restoring,

        /// <summary>A session is stored and the server last accepted it.</summary>
        SignedIn,

        /// <summary>A session is kept, but the server could not be reached; it is not lost and is used again once calls get through.</summary>
        Offline,
    }
}
