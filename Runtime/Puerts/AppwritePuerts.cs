// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#if PLAYLOOM_APPWRITE_PUERTS
#nullable enable
using System;
using Appwrite.Internal;
using Puerts;

namespace Appwrite
{
    /// <summary>
    /// How this package uses Puerts 3.x. By default it creates one <see cref="ScriptEnv"/> on first use (V8, else
    /// QuickJS, else Node.js, whichever backend package is installed), ticks it every frame and disposes it on quit.
    /// A game that has its own environment hands it in with <see cref="UseScriptEnv"/> (required on WebGL, where
    /// Puerts allows only one).
    /// </summary>
    public static class AppwritePuerts
    {
        private static ScriptEnv? _external;
        private static bool _tickExternal;

        /// <summary>The environment the package uses, once created or handed in.</summary>
        public static ScriptEnv? ScriptEnv { get; private set; }

        /// <summary>
        /// Makes every client run in your environment. Call it before the first Appwrite call. The package never
        /// disposes an environment it did not create.
        /// </summary>
        /// <param name="env">Your environment; its loader must serve <c>PlayloomAppwrite/appwrite.mjs</c> (Puerts' DefaultLoader does).</param>
        /// <param name="tick">True if the package should call <c>env.Tick()</c> every frame; false when your game already does.</param>
        /// <exception cref="ArgumentNullException"><paramref name="env"/> is null.</exception>
        /// <exception cref="InvalidOperationException">The package already created its own environment.</exception>
        public static void UseScriptEnv(ScriptEnv env, bool tick = false)
        {
            if (env == null) throw new ArgumentNullException(nameof(env));
            if (ScriptEnv != null && !ReferenceEquals(ScriptEnv, env))
            {
                throw new InvalidOperationException("Appwrite already runs in its own Puerts environment: call AppwritePuerts.UseScriptEnv before the first Appwrite call.");
            }
            _external = env;
            _tickExternal = tick;
        }

        internal static IScriptRuntime CreateRuntime(out IDisposable? owned)
        {
            var env = _external ?? CreateEnv();
            owned = null;
            try
            {
#if UNITY_WEBGL && !UNITY_EDITOR
                var runtime = new PuertsRuntime(EvalExports.Load(env));
#else
                var runtime = new PuertsRuntime(new ScriptObjectExports(env.ExecuteModule(BridgeContract.BundleSpecifier)));
#endif
                var lifetime = new EnvLifetime(env, owns: _external == null, tick: _external == null || _tickExternal);
                ScriptEnv = env;
                owned = lifetime;
                return runtime;
            }
            catch (Exception e) when (!(e is AppwriteException))
            {
                if (_external == null) env.Dispose();
                throw new AppwriteException($"Puerts could not load {BridgeContract.BundleSpecifier}: {e.Message}", 0, AppwriteErrorType.BridgeError, innerException: e);
            }
        }

        private static ScriptEnv CreateEnv()
        {
            var loader = new AppwriteBundleLoader();
#if UNITY_WEBGL && !UNITY_EDITOR && PLAYLOOM_APPWRITE_PUERTS_WEBGL
            // The page's one environment: Puerts allows no second one on WebGL. MainEnv.Get returns that singleton, so a
            // game that also takes its environment from MainEnv.Get shares it with us; a game that constructs its own
            // ScriptEnv must hand it in with UseScriptEnv before the first Appwrite call (a second one throws).
            return global::Puerts.WebGL.MainEnv.Get(loader);
#elif UNITY_WEBGL && !UNITY_EDITOR
            throw new AppwriteException(
                "WebGL players run Puerts through com.tencent.puerts.webgl: install it from the Puerts release tarballs, or hand your environment in with AppwritePuerts.UseScriptEnv.",
                0, AppwriteErrorType.NotConfigured);
#elif PLAYLOOM_APPWRITE_PUERTS_V8
            return new ScriptEnv(new BackendV8(loader));
#elif PLAYLOOM_APPWRITE_PUERTS_QUICKJS
            return new ScriptEnv(new BackendQuickJS(loader));
#elif PLAYLOOM_APPWRITE_PUERTS_NODEJS
            return new ScriptEnv(new BackendNodeJS(loader));
#else
            throw new AppwriteException(
                "Puerts core is installed but no script backend is: add com.tencent.puerts.v8 (or .quickjs / .nodejs) from the Puerts release tarballs.",
                0, AppwriteErrorType.NotConfigured);
#endif
        }

#if UNITY_WEBGL && !UNITY_EDITOR
        // WebGL players: Puerts looks modules up in the page's pre-packed PUERTS_JS_RESOURCES, which never holds package
        // Resources, so ExecuteModule cannot load the bundle. We read it from Resources ourselves, run it as a classic
        // script (ClassicBundle) with Eval, the browser's indirect eval, and read each export from the global it sets.
        // The bundle then runs in the page's JS engine with the browser's WebSocket (BridgeHost has no ws* members
        // here). Pages whose Content-Security-Policy forbids 'unsafe-eval' cannot run it (nor Puerts' own Eval).
        private sealed class EvalExports : IModuleExports
        {
            private readonly ScriptEnv _env;

            private EvalExports(ScriptEnv env)
            {
                _env = env;
            }

            public static EvalExports Load(ScriptEnv env)
            {
                var text = new AppwriteBundleLoader().ReadFile(BridgeContract.BundleSpecifier, out _)
                    ?? throw new AppwriteException($"The script bundle {BridgeContract.BundleSpecifier} is missing from Resources. Reinstall the package.", 0, AppwriteErrorType.BridgeError);
                string script;
                try
                {
                    script = ClassicBundle.Wrap(text);
                }
                catch (FormatException e)
                {
                    throw new AppwriteException($"The script bundle {BridgeContract.BundleSpecifier} cannot run on WebGL: {e.Message}. Reinstall the package.", 0, AppwriteErrorType.BridgeError, innerException: e);
                }
                // Evaluating twice reuses the first instance (the script assigns its global only once).
                env.Eval(script, "PlayloomAppwrite/appwrite.js");
                return new EvalExports(env);
            }

            public T? Get<T>(string name) where T : class => _env.Eval<T>(ClassicBundle.ExportExpression(name), "PlayloomAppwrite/exports.js");
        }
#endif

        private sealed class ScriptObjectExports : IModuleExports
        {
            private readonly ScriptObject _module;

            public ScriptObjectExports(ScriptObject module)
            {
                _module = module;
            }

            public T? Get<T>(string name) where T : class => _module.Get<T>(name);
        }

        // Ticks the environment every frame while it is in use, and disposes it on shutdown when the package created it.
        private sealed class EnvLifetime : IDisposable
        {
            private readonly ScriptEnv _env;
            private readonly bool _owns;
            private readonly Action? _tick;

            public EnvLifetime(ScriptEnv env, bool owns, bool tick)
            {
                _env = env;
                _owns = owns;
                if (tick)
                {
                    _tick = env.Tick;
                    MainLoop.Add(_tick);
                }
            }

            public void Dispose()
            {
                if (_tick != null) MainLoop.Remove(_tick);
                if (ReferenceEquals(AppwritePuerts.ScriptEnv, _env)) AppwritePuerts.ScriptEnv = null;
                // WebGL's environment cannot be destroyed (Puerts throws); it ends with the page.
#if !(UNITY_WEBGL && !UNITY_EDITOR)
                if (_owns) _env.Dispose();
#endif
            }
        }
    }
}

namespace Appwrite.Internal
{
    internal static partial class ScriptRuntimes
    {
        static partial void CreateDefault(ref IScriptRuntime? runtime, ref IDisposable? owned)
        {
            runtime = Appwrite.AppwritePuerts.CreateRuntime(out owned);
        }

        static partial void IsPuertsInstalled(ref bool installed) => installed = true;
    }
}
#endif
