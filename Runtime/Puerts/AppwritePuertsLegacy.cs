// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#if PLAYLOOM_APPWRITE_PUERTS_2
#nullable enable
using System;
using Appwrite.Internal;
using Puerts;

namespace Appwrite
{
    /// <summary>
    /// Puerts 2.x (the LTS line) support: one <c>JsEnv</c> with the backend baked into the Puerts build you installed.
    /// Puerts 3.x is the supported target; this path exists because it costs little.
    /// </summary>
    public static class AppwritePuertsLegacy
    {
        private static JsEnv? _external;

        /// <summary>The environment the package uses, once created or handed in.</summary>
        public static JsEnv? JsEnv { get; private set; }

        /// <summary>Makes every client run in your environment (call before the first Appwrite call); the package then neither ticks nor disposes it.</summary>
        /// <param name="env">Your environment; its loader must serve <c>PlayloomAppwrite/appwrite.mjs</c>.</param>
        /// <exception cref="ArgumentNullException"><paramref name="env"/> is null.</exception>
        public static void UseJsEnv(JsEnv env)
        {
            _external = env ?? throw new ArgumentNullException(nameof(env));
        }

        internal static IScriptRuntime CreateRuntime(out IDisposable? owned)
        {
            var env = _external ?? new JsEnv(new AppwriteBundleLoader(), -1);
            try
            {
                var runtime = new PuertsRuntime(new JsEnvExports(env));
                JsEnv = env;
                owned = new Lifetime(env, owns: _external == null);
                return runtime;
            }
            catch (Exception e) when (!(e is AppwriteException))
            {
                if (_external == null) env.Dispose();
                throw new AppwriteException($"Puerts could not load {BridgeContract.BundleSpecifier}: {e.Message}", 0, AppwriteErrorType.BridgeError, innerException: e);
            }
        }

        // JsEnv.ExecuteModule<T>(specifier, export) exists in 2.x and 3.x alike; the module is evaluated once and cached.
        private sealed class JsEnvExports : IModuleExports
        {
            private readonly JsEnv _env;

            public JsEnvExports(JsEnv env)
            {
                _env = env;
            }

            public T? Get<T>(string name) where T : class => _env.ExecuteModule<T>(BridgeContract.BundleSpecifier, name);
        }

        private sealed class Lifetime : IDisposable
        {
            private readonly JsEnv _env;
            private readonly bool _owns;
            private readonly Action? _tick;

            public Lifetime(JsEnv env, bool owns)
            {
                _env = env;
                _owns = owns;
                if (owns)
                {
                    _tick = env.Tick;
                    MainLoop.Add(_tick);
                }
            }

            public void Dispose()
            {
                if (_tick != null) MainLoop.Remove(_tick);
                if (ReferenceEquals(AppwritePuertsLegacy.JsEnv, _env)) AppwritePuertsLegacy.JsEnv = null;
                if (_owns) _env.Dispose();
            }
        }
    }
}

#if !PLAYLOOM_APPWRITE_PUERTS
namespace Appwrite.Internal
{
    internal static partial class ScriptRuntimes
    {
        static partial void CreateDefault(ref IScriptRuntime? runtime, ref IDisposable? owned)
        {
            runtime = Appwrite.AppwritePuertsLegacy.CreateRuntime(out owned);
        }

        static partial void IsPuertsInstalled(ref bool installed) => installed = true;
    }
}
#endif
#endif
