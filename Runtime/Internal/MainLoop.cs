// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections.Generic;
using UnityEngine;

namespace Appwrite.Internal
{
    /// <summary>
    /// Per-frame work on the main thread: the script environment's timers (<c>ScriptEnv.Tick</c>) and polling of
    /// UnityWebRequests. In play mode a hidden <see cref="AppwriteRunner"/> calls <see cref="Tick"/> from Update; in edit
    /// mode the editor assembly calls it from <c>EditorApplication.update</c>.
    /// </summary>
    internal static class MainLoop
    {
        private static readonly List<Action> _tickers = new List<Action>();
        private static Action[] _snapshot = Array.Empty<Action>();
        private static AppwriteRunner? _runner;

        /// <summary>Adds per-frame work (once per delegate) and makes sure something calls <see cref="Tick"/>.</summary>
        public static void Add(Action tick)
        {
            if (!_tickers.Contains(tick))
            {
                _tickers.Add(tick);
                _snapshot = _tickers.ToArray();
            }
            EnsureRunner();
        }

        public static void Remove(Action tick)
        {
            if (_tickers.Remove(tick)) _snapshot = _tickers.ToArray();
        }

        /// <summary>Runs every ticker once; a throwing ticker is logged and does not stop the others.</summary>
        public static void Tick()
        {
            foreach (var tick in _snapshot)
            {
                try
                {
                    tick();
                }
                catch (Exception e)
                {
                    Debug.LogException(e);
                }
            }
        }

        /// <summary>In play mode, creates the hidden runner that ticks every frame (it survives scene loads).</summary>
        public static void EnsureRunner()
        {
            if (!Application.isPlaying || _runner != null) return;
            var host = new GameObject("Appwrite Runner") { hideFlags = HideFlags.HideAndDontSave };
            UnityEngine.Object.DontDestroyOnLoad(host);
            _runner = host.AddComponent<AppwriteRunner>();
        }

        internal static void RunnerDestroyed(AppwriteRunner runner)
        {
            if (ReferenceEquals(_runner, runner)) _runner = null;
        }

        // With "Enter Play Mode Options" and no domain reload, statics outlive play sessions: start each one clean, and
        // give work registered before play mode (e.g. an environment created in edit mode) a runner once a scene loads.
        [RuntimeInitializeOnLoadMethod(RuntimeInitializeLoadType.SubsystemRegistration)]
        private static void ResetForPlayMode()
        {
            _runner = null;
        }

        [RuntimeInitializeOnLoadMethod(RuntimeInitializeLoadType.BeforeSceneLoad)]
        private static void ResumeInPlayMode()
        {
            if (_tickers.Count > 0) EnsureRunner();
        }
    }
}
