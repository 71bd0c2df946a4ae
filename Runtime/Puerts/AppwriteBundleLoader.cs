// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#if PLAYLOOM_APPWRITE_PUERTS || PLAYLOOM_APPWRITE_PUERTS_2
#nullable enable
using Appwrite.Internal;
using Puerts;
using UnityEngine;
using UnityEngine.Scripting;

namespace Appwrite
{
    /// <summary>
    /// The Puerts loader of the environment this package creates: serves the Appwrite bundle from Resources and hands
    /// every other specifier (Puerts' own <c>puerts/*</c> bootstrap modules, your modules) to Puerts' <c>DefaultLoader</c>.
    /// </summary>
    /// <remarks>
    /// JavaScript calls these methods by reflection, hence <see cref="PreserveAttribute"/>. If you hand in your own
    /// environment (<see cref="AppwritePuerts.UseScriptEnv"/>), its loader must serve <c>PlayloomAppwrite/appwrite.mjs</c>;
    /// Puerts' <c>DefaultLoader</c> does, and so does this class if you wrap yours in it.
    /// </remarks>
    [Preserve]
    public sealed class AppwriteBundleLoader : ILoader, IModuleChecker
    {
        private readonly ILoader _fallback;
        private string? _bundle;

        /// <summary>A loader that falls back to Puerts' <c>DefaultLoader</c>.</summary>
        [Preserve]
        public AppwriteBundleLoader() : this(new DefaultLoader())
        {
        }

        /// <summary>A loader that falls back to <paramref name="fallback"/> for every other module.</summary>
        /// <param name="fallback">Your loader; it must still serve <c>puerts/*</c> (DefaultLoader does).</param>
        [Preserve]
        public AppwriteBundleLoader(ILoader fallback)
        {
            _fallback = fallback;
        }

        /// <summary>Whether the module exists.</summary>
        /// <param name="filepath">The module specifier.</param>
        /// <returns>True when it can be read.</returns>
        [Preserve]
        public bool FileExists(string filepath) => IsBundle(filepath) ? LoadBundle() != null : _fallback.FileExists(filepath);

        /// <summary>Reads a module.</summary>
        /// <param name="filepath">The module specifier.</param>
        /// <param name="debugpath">The path shown in stack traces.</param>
        /// <returns>The module's source, or null when it does not exist.</returns>
        [Preserve]
        public string? ReadFile(string filepath, out string debugpath)
        {
            if (!IsBundle(filepath)) return _fallback.ReadFile(filepath, out debugpath);
            debugpath = "Packages/com.playloom.appwrite/Runtime/Resources/" + BridgeContract.BundleSpecifier;
            return LoadBundle();
        }

        /// <summary>Whether the module is an ES module (everything but <c>.cjs</c>).</summary>
        /// <param name="filepath">The module specifier.</param>
        /// <returns>True for ES modules.</returns>
        [Preserve]
        public bool IsESM(string filepath) => _fallback is IModuleChecker checker ? checker.IsESM(filepath) : !filepath.EndsWith(".cjs");

        private static bool IsBundle(string filepath) => filepath == BridgeContract.BundleSpecifier;

        private string? LoadBundle() => _bundle ??= ReadBundleText();

        private static string? ReadBundleText()
        {
            // Resources names drop the extension: Runtime/Resources/PlayloomAppwrite/appwrite.mjs is "PlayloomAppwrite/appwrite".
            var asset = Resources.Load<TextAsset>(BridgeContract.BundleSpecifier.Substring(0, BridgeContract.BundleSpecifier.Length - 4));
            return asset != null ? asset.text : null;
        }
    }
}
#endif
