// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

using UnityEngine;

namespace Appwrite.Internal
{
    /// <summary>The hidden <c>DontDestroyOnLoad</c> object that calls <see cref="MainLoop.Tick"/> every frame in play mode.</summary>
    [AddComponentMenu("")]
    internal sealed class AppwriteRunner : MonoBehaviour
    {
        private void Update()
        {
            MainLoop.Tick();
        }

        private void OnDestroy()
        {
            MainLoop.RunnerDestroyed(this);
        }
    }
}
