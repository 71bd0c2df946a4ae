// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using UnityEngine;

namespace Appwrite.Internal
{
    /// <summary>Receives the SDK's log lines, already redacted and filtered by level.</summary>
    internal interface ILogSink
    {
        void Write(AppwriteLogLevel level, string message);
    }

    /// <summary>Writes to the Unity console through <see cref="Debug"/>.</summary>
    internal sealed class UnityLogSink : ILogSink
    {
        public static readonly UnityLogSink Instance = new UnityLogSink();

        public void Write(AppwriteLogLevel level, string message)
        {
            var text = "[Appwrite] " + message;
            switch (level)
            {
                case AppwriteLogLevel.Error: Debug.LogError(text); break;
                case AppwriteLogLevel.Warn: Debug.LogWarning(text); break;
                default: Debug.Log(text); break;
            }
        }
    }

    /// <summary>The SDK's logger: level filter, then redaction, then the sink.</summary>
    internal static class AppwriteLog
    {
        /// <summary>Where lines go; tests replace it.</summary>
        public static ILogSink Sink { get; set; } = UnityLogSink.Instance;

        public static AppwriteLogLevel ParseLevel(string? level) => level switch
        {
            "debug" => AppwriteLogLevel.Debug,
            "info" => AppwriteLogLevel.Info,
            "warn" => AppwriteLogLevel.Warn,
            _ => AppwriteLogLevel.Error,
        };

        public static void Write(AppwriteLogLevel minimum, AppwriteLogLevel level, string message)
        {
            if (level < minimum || level == AppwriteLogLevel.None) return;
            Sink.Write(level, Redactor.Redact(message));
        }
    }
}
