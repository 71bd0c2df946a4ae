// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// Stand-ins for the few UnityEditor types the package's editor code uses, by signature from Unity's scripting reference.

#nullable enable
using System;

namespace UnityEditor
{
    [AttributeUsage(AttributeTargets.Class)]
    public sealed class InitializeOnLoadAttribute : Attribute
    {
    }

    public static partial class EditorApplication
    {
        public delegate void CallbackFunction();

        public static CallbackFunction? update;

        public static bool isPlaying => UnityEngine.Application.isPlaying;

        /// <summary>Not Unity API: runs one editor update, as the editor loop would.</summary>
        public static void RunUpdateForTests() => update?.Invoke();
    }

    public static class AssemblyReloadEvents
    {
        public delegate void AssemblyReloadCallback();

        public static event AssemblyReloadCallback? beforeAssemblyReload;

        public static event AssemblyReloadCallback? afterAssemblyReload;

        /// <summary>Not Unity API: raises beforeAssemblyReload, as a script recompile would.</summary>
        public static void RaiseBeforeReloadForTests() => beforeAssemblyReload?.Invoke();

        internal static void Touch() => afterAssemblyReload?.Invoke();
    }
}
