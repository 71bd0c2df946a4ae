// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// Compile-only stand-ins for the Puerts 3.x (and 2.x JsEnv) API the package uses, by signature from Tencent/puerts
// (unity/upms/core, v8, quickjs, nodejs, webgl). They let the ring compile the Puerts path; they do not run JavaScript.

#nullable disable
using System;

namespace Puerts
{
    public interface ILoader
    {
        bool FileExists(string filepath);

        string ReadFile(string filepath, out string debugpath);
    }

    public interface IModuleChecker
    {
        bool IsESM(string filepath);
    }

    public class DefaultLoader : ILoader, IModuleChecker
    {
        public DefaultLoader()
        {
        }

        public DefaultLoader(string root)
        {
        }

        public bool FileExists(string filepath) => throw new NotSupportedException("Puerts stub");

        public string ReadFile(string filepath, out string debugpath) => throw new NotSupportedException("Puerts stub");

        public bool IsESM(string filepath) => !filepath.EndsWith(".cjs");
    }

    public abstract class Backend
    {
    }

    public abstract class BackendJs : Backend
    {
        protected BackendJs(ILoader loader)
        {
        }
    }

    public class BackendV8 : BackendJs
    {
        public BackendV8(ILoader loader) : base(loader)
        {
        }

        public BackendV8() : this(new DefaultLoader())
        {
        }
    }

    public class BackendQuickJS : BackendJs
    {
        public BackendQuickJS(ILoader loader) : base(loader)
        {
        }
    }

    public class BackendNodeJS : BackendJs
    {
        public BackendNodeJS(ILoader loader) : base(loader)
        {
        }
    }

    public class ScriptObject : IDisposable
    {
        public T Get<T>(string key) => throw new NotSupportedException("Puerts stub");

        public void Dispose()
        {
        }
    }

    public class ScriptEnv : IDisposable
    {
        public ScriptEnv(Backend backend, int debugPort = -1)
        {
        }

        public Action TickHandler;

        public ScriptObject ExecuteModule(string specifier) => throw new NotSupportedException("Puerts stub");

        public void Eval(string chunk, string chunkName = "chunk") => throw new NotSupportedException("Puerts stub");

        public T Eval<T>(string chunk, string chunkName = "chunk") => throw new NotSupportedException("Puerts stub");

        public void Tick()
        {
        }

        public void Dispose()
        {
        }
    }

    public class JsEnv : IDisposable
    {
        public JsEnv(ILoader loader, int debugPort = -1)
        {
        }

        public T ExecuteModule<T>(string specifier, string exportee) => throw new NotSupportedException("Puerts stub");

        public void Tick()
        {
        }

        public void Dispose()
        {
        }
    }

    namespace WebGL
    {
        public class MainEnv
        {
            public static ScriptEnv Get() => throw new NotSupportedException("Puerts stub");

            public static ScriptEnv Get(ILoader loader, int debugPort = -1) => throw new NotSupportedException("Puerts stub");
        }
    }
}
