// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using UnityEngine;

namespace Appwrite.Internal
{
    /// <summary>
    /// The one script runtime shared by every client, created on first use. With Puerts installed it is a Puerts
    /// environment (see Runtime/Puerts); without it, <see cref="Acquire"/> explains how to install Puerts.
    /// </summary>
    internal static partial class ScriptRuntimes
    {
        private static IScriptRuntime? _shared;
        private static IDisposable? _owned;
        private static bool _quitHooked;

        /// <summary>A runtime that replaces the default one (the .NET test ring's Node runtime, or a test double).</summary>
        public static IScriptRuntime? Override { get; set; }

        /// <summary>Whether a runtime can be had without creating one: an override, a live runtime, or Puerts installed.</summary>
        public static bool Available => Override != null || _shared != null || PuertsInstalled;

        /// <summary>Returns the shared runtime, creating it on first use.</summary>
        /// <exception cref="AppwriteException">No script runtime is installed, or it failed to load the bundle.</exception>
        public static IScriptRuntime Acquire()
        {
            if (Override != null) return Override;
            if (_shared != null) return _shared;
            IScriptRuntime? created = null;
            IDisposable? owned = null;
            CreateDefault(ref created, ref owned);
            if (created == null) throw MissingRuntime();
            _shared = created;
            _owned = owned;
            HookQuit();
            return created;
        }

        private static void HookQuit()
        {
            if (_quitHooked) return;
            _quitHooked = true;
            Application.quitting += Shutdown;
        }

        /// <summary>Makes <paramref name="runtime"/> the shared runtime, owned (disposed on shutdown) through <paramref name="owned"/>.</summary>
        internal static void Adopt(IScriptRuntime runtime, IDisposable? owned)
        {
            Shutdown();
            _shared = runtime;
            _owned = owned;
            HookQuit();
        }

        /// <summary>Disposes the shared runtime (on quit, before a domain reload). The next <see cref="Acquire"/> makes a new one.</summary>
        public static void Shutdown()
        {
            var owned = _owned;
            _shared = null;
            _owned = null;
            owned?.Dispose();
        }

        /// <summary>The error for a project without Puerts: what to install and how.</summary>
        public static AppwriteException MissingRuntime() => new AppwriteException(
            "Appwrite for Unity runs its core in Puerts 3.x, and no Puerts script backend was found. " +
            "Install it: download PuerTS_Core_3.x.y.tar.gz and a backend such as PuerTS_V8_3.x.y.tar.gz (com.tencent.puerts.core " +
            "and com.tencent.puerts.v8) from https://github.com/Tencent/puerts/releases, extract them into your project's Packages/ " +
            "folder (or Package Manager > + > Add package from tarball), and for IL2CPP builds run Tools > PuerTS > Generate il2cpp. " +
            "See the package README, section Requirements.",
            0, AppwriteErrorType.NotConfigured);

        // Implemented in Runtime/Puerts when a Puerts backend is installed; otherwise removed by the compiler.
        static partial void CreateDefault(ref IScriptRuntime? runtime, ref IDisposable? owned);

        private static bool PuertsInstalled
        {
            get
            {
                var installed = false;
                IsPuertsInstalled(ref installed);
                return installed;
            }
        }

        static partial void IsPuertsInstalled(ref bool installed);
    }
}
