// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.IO;
using System.Text.RegularExpressions;
using Appwrite.Internal;
using UnityEditor;
using UnityEditor.Build;

namespace Appwrite.Editor
{
    /// <summary>Gathers <see cref="SetupFacts"/> from the editor: loaded assemblies, the package's files, build settings.</summary>
    internal static class SetupFactsCollector
    {
        private static readonly string[] _backends = { "com.tencent.puerts.v8", "com.tencent.puerts.quickjs", "com.tencent.puerts.nodejs", "com.tencent.puerts.webgl" };
        private static readonly Regex _bridgeVersion = new Regex(@"\bbridgeVersion\s*=\s*[""']([^""']+)[""']", RegexOptions.CultureInvariant);

        public static SetupFacts Collect()
        {
            var package = UnityEditor.PackageManager.PackageInfo.FindForAssembly(typeof(SetupFactsCollector).Assembly);
            var packageRoot = package?.resolvedPath ?? "";
            // Embedded and local copies are the ones a developer edits; installed ones are as shipped.
            var editable = package != null && (package.source == UnityEditor.PackageManager.PackageSource.Embedded || package.source == UnityEditor.PackageManager.PackageSource.Local);
            var facts = new SetupFacts { PackageRoot = packageRoot, ShellBridgeVersion = BridgeContract.Version, RuntimeHasPuerts = ScriptRuntimes.Available };
            foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
            {
                var name = assembly.GetName().Name;
                if (name == "com.tencent.puerts.core") facts.PuertsCore = true;
                else if (Array.IndexOf(_backends, name) >= 0 && !facts.PuertsBackends.Contains(name)) facts.PuertsBackends.Add(name);
            }
            ReadBundle(facts, packageRoot, editable);
            var target = EditorUserBuildSettings.activeBuildTarget;
            var group = BuildPipeline.GetBuildTargetGroup(target);
            facts.ActiveTarget = target.ToString();
            facts.WebGlTarget = target == BuildTarget.WebGL;
            facts.UsesIl2Cpp = target == BuildTarget.iOS || target == BuildTarget.WebGL || PlayerSettings.GetScriptingBackend(NamedBuildTarget.FromBuildTargetGroup(group)) == ScriptingImplementation.IL2CPP;
            facts.Il2CppGluePresent = File.Exists("Assets/Gen/Plugins/puerts_il2cpp/Puerts_il2cpp.cpp") || File.Exists("Packages/com.tencent.puerts.core/Plugins/puerts_il2cpp/Puerts_il2cpp.cpp");
            facts.Settings = SettingsAssets.Find();
            facts.SettingsPath = facts.Settings != null ? AssetDatabase.GetAssetPath(facts.Settings) : "";
            facts.NodePath = LocalEmulator.FindNode();
            facts.EmulatorPresent = packageRoot.Length > 0 && File.Exists(Path.Combine(packageRoot, LocalEmulator.CliRelativePath));
            facts.EmulatorDependenciesPresent = facts.EmulatorPresent && NodeModuleResolves(packageRoot, "ws") && NodeModuleResolves(packageRoot, "otpauth");
            return facts;
        }

        /// <summary>The package folder on disk, from the Package Manager; "" when unknown.</summary>
        public static string PackageRoot()
        {
            var info = UnityEditor.PackageManager.PackageInfo.FindForAssembly(typeof(SetupFactsCollector).Assembly);
            return info?.resolvedPath ?? "";
        }

        /// <summary>Reads the bundle's bridge version and, in an editable copy, whether the sources are newer.</summary>
        internal static void ReadBundle(SetupFacts facts, string packageRoot, bool editable)
        {
            if (packageRoot.Length == 0) return;
            var bundle = Path.Combine(packageRoot, "Runtime", "Resources", "PlayloomAppwrite", "appwrite.mjs");
            facts.BundlePresent = File.Exists(bundle);
            if (!facts.BundlePresent) return;
            var match = _bridgeVersion.Match(File.ReadAllText(bundle));
            facts.BundleBridgeVersion = match.Success ? match.Groups[1].Value : null;
            var sources = Path.Combine(packageRoot, "Runtime", "TypeScript~", "src");
            if (!editable || !Directory.Exists(sources)) return;
            var built = File.GetLastWriteTimeUtc(bundle);
            foreach (var file in Directory.EnumerateFiles(sources, "*.ts", SearchOption.AllDirectories))
            {
                if (File.GetLastWriteTimeUtc(file) > built.AddSeconds(2))
                {
                    facts.BundleOlderThanSources = true;
                    return;
                }
            }
        }

        // Node's lookup: node_modules in the folder and each parent.
        private static bool NodeModuleResolves(string from, string module)
        {
            for (var dir = new DirectoryInfo(from); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "node_modules", module, "package.json"))) return true;
            }
            return false;
        }
    }
}
