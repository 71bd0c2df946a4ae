// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

using Appwrite.Internal;
using UnityEditor;
using UnityEngine;

namespace Appwrite.Editor
{
    /// <summary>
    /// Keeps the package's script runtime alive in edit mode: ticks it from <see cref="EditorApplication.update"/> (in
    /// play mode the hidden runner does), and disposes it before a domain reload so no native environment outlives its
    /// managed side.
    /// </summary>
    [InitializeOnLoad]
    internal static class AppwriteEditorLoop
    {
        static AppwriteEditorLoop()
        {
            EditorApplication.update += TickInEditMode;
            AssemblyReloadEvents.beforeAssemblyReload += ScriptRuntimes.Shutdown;
        }

        internal static void TickInEditMode()
        {
            if (!Application.isPlaying) MainLoop.Tick();
        }
    }
}
