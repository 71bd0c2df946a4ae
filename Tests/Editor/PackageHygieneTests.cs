// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Appwrite.Internal;
using NUnit.Framework;

namespace Appwrite.Tests
{
    /// <summary>
    /// The package as Unity imports it: a .meta with a unique GUID beside every visible file and folder, no stray
    /// metas, and assembly definitions that match the package's conventions.
    /// </summary>
    public sealed class PackageHygieneTests
    {
        private const string PackageName = "com.playloom.appwrite";

        // Unity's path in the Editor; outside Unity, the package folder above this test assembly.
        private static string Root()
        {
            var unityPath = Path.GetFullPath("Packages/" + PackageName);
            if (File.Exists(Path.Combine(unityPath, "package.json"))) return unityPath;
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                var manifest = Path.Combine(dir.FullName, "package.json");
                if (File.Exists(manifest) && File.ReadAllText(manifest).Contains("\"" + PackageName + "\"")) return dir.FullName;
            }
            Assert.Inconclusive("The package folder was not found.");
            return "";
        }

        // What Unity imports: not hidden (dot), not inside a ~ folder (Samples~/<Name>/ content excepted), no node_modules.
        private static bool UnitySees(string relative)
        {
            var parts = relative.Split('/');
            if (parts[0] == "node_modules") return false;
            var inner = parts[0] == "Samples~" ? parts.Skip(2).ToArray() : parts;
            if (parts[0] == "Samples~" && parts.Length < 3) return false;
            return inner.All(p => !p.StartsWith(".") && !p.EndsWith("~")) && !relative.EndsWith(".meta");
        }

        // The package's files: git's view when this is a working copy (build output is ignored), else the folder.
        private static List<string> Files(string root)
        {
            if (Directory.Exists(Path.Combine(root, ".git")) || File.Exists(Path.Combine(root, ".git")))
            {
                try
                {
                    var info = new ProcessStartInfo("git", "ls-files -co --exclude-standard -z")
                    {
                        WorkingDirectory = root,
                        RedirectStandardOutput = true,
                        UseShellExecute = false,
                        CreateNoWindow = true,
                    };
                    using var git = Process.Start(info)!;
                    var output = git.StandardOutput.ReadToEnd();
                    git.WaitForExit();
                    if (git.ExitCode == 0) return output.Split('\0').Where(f => f.Length > 0 && File.Exists(Path.Combine(root, f))).ToList();
                }
                catch (System.ComponentModel.Win32Exception)
                {
                    // No git: fall back to the folder.
                }
            }
            return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).ToList();
        }

        [Test]
        public void EveryVisibleFileAndFolder_HasAMeta_WithAUniqueGuid()
        {
            var root = Root();
            var files = Files(root);
            var wanted = new HashSet<string>();
            foreach (var file in files.Where(UnitySees))
            {
                wanted.Add(file + ".meta");
                for (var dir = Path.GetDirectoryName(file)!.Replace('\\', '/'); dir.Length > 0; dir = Path.GetDirectoryName(dir)!.Replace('\\', '/'))
                {
                    if (UnitySees(dir)) wanted.Add(dir + ".meta");
                }
            }
            var missing = wanted.Where(m => !File.Exists(Path.Combine(root, m))).ToList();
            Assert.That(missing, Is.Empty, "missing .meta files (run `node build.mjs`)");
            var guids = new Dictionary<string, string>();
            foreach (var meta in wanted)
            {
                var match = Regex.Match(File.ReadAllText(Path.Combine(root, meta)), "^guid: ([0-9a-f]{32})$", RegexOptions.Multiline);
                Assert.That(match.Success, Is.True, $"{meta} has no valid guid");
                Assert.That(guids.ContainsKey(match.Groups[1].Value), Is.False, $"{meta} reuses the guid of {(guids.TryGetValue(match.Groups[1].Value, out var other) ? other : "")}");
                guids[match.Groups[1].Value] = meta;
            }
            var orphans = files.Where(f => f.EndsWith(".meta") && !wanted.Contains(f)).ToList();
            Assert.That(orphans, Is.Empty, ".meta files of nothing");
        }

        private static Dictionary<string, object?> Asmdef(string relative) =>
            (Dictionary<string, object?>)JsonReader.Parse(File.ReadAllText(Path.Combine(Root(), relative)))!;

        private static IEnumerable<string> Strings(Dictionary<string, object?> asmdef, string key) =>
            (asmdef.TryGetValue(key, out var value) ? value as List<object?> : null)?.OfType<string>() ?? Enumerable.Empty<string>();

        [Test]
        public void RuntimeAssembly_DetectsPuertsWithVersionDefines_AndIsNotConstrained()
        {
            var runtime = Asmdef("Runtime/Playloom.Appwrite.asmdef");
            Assert.That(runtime.GetString("name"), Is.EqualTo("Playloom.Appwrite"));
            Assert.That(runtime.GetString("rootNamespace"), Is.EqualTo("Appwrite"));
            Assert.That(Strings(runtime, "defineConstraints"), Is.Empty, "the API must compile without Puerts");
            Assert.That(Strings(runtime, "references"), Does.Contain("com.tencent.puerts.core"));
            var defines = ((List<object?>)runtime["versionDefines"]!).OfType<Dictionary<string, object?>>()
                .ToDictionary(d => d.GetString("define")!, d => (d.GetString("name"), d.GetString("expression")));
            Assert.That(defines["PLAYLOOM_APPWRITE_PUERTS"], Is.EqualTo(("com.tencent.puerts.core", "3.0.0")));
            Assert.That(defines["PLAYLOOM_APPWRITE_PUERTS_V8"].Item1, Is.EqualTo("com.tencent.puerts.v8"));
            Assert.That(defines["PLAYLOOM_APPWRITE_PUERTS_QUICKJS"].Item1, Is.EqualTo("com.tencent.puerts.quickjs"));
            Assert.That(defines["PLAYLOOM_APPWRITE_PUERTS_NODEJS"].Item1, Is.EqualTo("com.tencent.puerts.nodejs"));
            Assert.That(defines["PLAYLOOM_APPWRITE_PUERTS_WEBGL"].Item1, Is.EqualTo("com.tencent.puerts.webgl"));
        }

        [Test]
        public void EditorAndTestAssemblies_FollowThePackageConventions()
        {
            var editor = Asmdef("Editor/Playloom.Appwrite.Editor.asmdef");
            Assert.That(editor.GetString("name"), Is.EqualTo("Playloom.Appwrite.Editor"));
            Assert.That(Strings(editor, "includePlatforms"), Is.EqualTo(new[] { "Editor" }));
            Assert.That(editor.GetBool("autoReferenced"), Is.False);
            foreach (var (path, name) in new[] { ("Tests/Runtime/Playloom.Appwrite.Tests.asmdef", "Playloom.Appwrite.Tests"), ("Tests/Editor/Playloom.Appwrite.Editor.Tests.asmdef", "Playloom.Appwrite.Editor.Tests") })
            {
                var tests = Asmdef(path);
                Assert.That(tests.GetString("name"), Is.EqualTo(name));
                Assert.That(Strings(tests, "defineConstraints"), Does.Contain("UNITY_INCLUDE_TESTS"), path);
                Assert.That(tests.GetBool("overrideReferences"), Is.True, path);
                Assert.That(Strings(tests, "precompiledReferences"), Does.Contain("nunit.framework.dll"), path);
                Assert.That(tests.GetBool("autoReferenced"), Is.False, path);
                Assert.That(Strings(tests, "references"), Does.Contain("Playloom.Appwrite"), path);
            }
            Assert.That(Strings(Asmdef("Tests/Editor/Playloom.Appwrite.Editor.Tests.asmdef"), "includePlatforms"), Is.EqualTo(new[] { "Editor" }));
        }

        [Test]
        public void EveryCSharpFile_BelongsToAnAssemblyDefinition()
        {
            var root = Root();
            var orphans = Files(root).Where(f => f.EndsWith(".cs") && UnitySees(f)).Where(f =>
            {
                for (var dir = Path.GetDirectoryName(f)!; dir.Length > 0; dir = Path.GetDirectoryName(dir)!)
                {
                    if (Directory.EnumerateFiles(Path.Combine(root, dir), "*.asmdef").Any()) return false;
                }
                return true;
            }).ToList();
            Assert.That(orphans, Is.Empty, "C# outside any asmdef would land in Assembly-CSharp");
        }
    }
}
