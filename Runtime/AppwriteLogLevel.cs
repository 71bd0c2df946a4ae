// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

namespace Appwrite
{
    /// <summary>How much the SDK writes to the Unity console (<see cref="Client.LogLevel"/>).</summary>
    public enum AppwriteLogLevel
    {
        /// <summary>Everything, including diagnostics.</summary>
        Debug = 0,

        /// <summary>Informational messages and above.</summary>
        Info = 1,

        /// <summary>Warnings (e.g. server deprecation warnings) and errors. The default.</summary>
        Warn = 2,

        /// <summary>Errors only.</summary>
        Error = 3,

        /// <summary>Nothing.</summary>
        None = 4,
    }
}
