// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using UnityEditor;

namespace Appwrite.Editor
{
    /// <summary>
    /// The dev-key part of a build: finds every place a key could ride along (<see cref="Scan"/>), applies
    /// <see cref="DevKeyBuildRule"/>, and for Development builds writes the editor's keys to a temporary Resources file
    /// (<see cref="FileAssetPath"/>) that <see cref="RemoveKeys"/> deletes after the build. The folder is the package's
    /// own: nothing else lives in it, and a <c>.gitignore</c> keeps it out of version control meanwhile.
    /// </summary>
    internal static class DevKeyBuild
    {
        /// <summary>The temporary folder, removed whole.</summary>
        public const string Folder = "Assets/PlayloomAppwriteDevBuild";

        /// <summary>The file a Development player reads (<see cref="DevKeyResource.ResourcePath"/>).</summary>
        public const string FileAssetPath = Folder + "/Resources/" + DevKeyResource.ResourcePath + ".txt";

        private static readonly Regex _devKeyName = new Regex("DEV_?KEY", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        /// <summary>What could carry a key into the build, given the editor's keys (by environment identity).</summary>
        /// <param name="projectRoot">The Unity project folder (asset paths are relative to it).</param>
        /// <param name="settings">The settings object (unsaved edits count too), or null.</param>
        /// <param name="settingsAssetPath">Its asset path, or null when it is not saved.</param>
        /// <param name="keys">The editor's dev keys.</param>
        /// <param name="include">Whether Development builds carry them.</param>
        /// <param name="defines">The build's scripting define symbols, ';'-separated.</param>
        public static DevKeyFindings Scan(string projectRoot, AppwriteSettings? settings, string? settingsAssetPath, IReadOnlyDictionary<string, string> keys, bool include, string? defines)
        {
            var findings = new DevKeyFindings { EditorKeyCount = keys.Count, IncludeInDevelopmentBuilds = include, SettingsAssetPath = settingsAssetPath ?? "" };
            if (keys.Count > 0 && (InSettingsObject(settings, keys.Values) || InFile(projectRoot, settingsAssetPath, keys.Values))) findings.Carriers |= DevKeyCarrier.SettingsAsset;
            foreach (var symbol in (defines ?? "").Split(';', ',', ' '))
            {
                var name = symbol.Trim();
                if (name.Length == 0) continue;
                if (_devKeyName.IsMatch(name) || ContainsAny(name, keys.Values)) findings.Defines.Add(_devKeyName.IsMatch(name) ? name : "(a symbol containing a dev key)");
            }
            if (findings.Defines.Count > 0) findings.Carriers |= DevKeyCarrier.ScriptingDefine;
            if (Exists(projectRoot))
            {
                findings.Carriers |= DevKeyCarrier.InjectedFile;
                findings.InjectedFilePath = Folder;
            }
            return findings;
        }

        /// <summary>
        /// Runs the dev-key step of a build: removes a file left by an interrupted build, scans, decides, and writes the
        /// keys for a Development build. The caller fails the build on <see cref="DevKeyBuildAction.Fail"/>.
        /// </summary>
        public static DevKeyBuildDecision Prepare(BuildOptions options, string projectRoot, AppwriteSettings? settings, string? settingsAssetPath, IReadOnlyDictionary<string, string> keys, bool include, string? defines)
        {
            bool leftover;
            try
            {
                leftover = RemoveKeys(projectRoot);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                // Scan reports what is left, and the rule fails a release build over it.
                leftover = false;
            }
            var findings = Scan(projectRoot, settings, settingsAssetPath, keys, include, defines);
            var decision = DevKeyBuildRule.Decide(options, findings);
            if (leftover) decision.Warnings.Add($"Appwrite: removed {Folder}, left by an interrupted Development build.");
            var environmentWarning = DevKeyBuildRule.ActiveEnvironmentWarning(settings, options);
            if (environmentWarning != null) decision.Warnings.Add(environmentWarning);
            if (decision.Action == DevKeyBuildAction.InjectKeys) WriteKeys(projectRoot, keys);
            return decision;
        }

        /// <summary>Writes the keys file and imports it so the build includes it.</summary>
        public static void WriteKeys(string projectRoot, IReadOnlyDictionary<string, string> keys)
        {
            var folder = Path.Combine(projectRoot, Folder);
            Directory.CreateDirectory(Path.Combine(folder, "Resources"));
            // If the editor dies mid-build, the file must not end up in a commit.
            File.WriteAllText(Path.Combine(folder, ".gitignore"), "# Temporary: written by Appwrite for a Development build and deleted after it. Never commit.\n*\n");
            File.WriteAllText(Path.Combine(projectRoot, FileAssetPath), DevKeyResource.Write(keys));
            AssetDatabase.ImportAsset(Folder, ImportAssetOptions.ImportRecursive | ImportAssetOptions.ForceSynchronousImport);
        }

        /// <summary>Deletes the keys folder (and its .meta); returns whether there was one.</summary>
        public static bool RemoveKeys(string projectRoot)
        {
            var folder = Path.Combine(projectRoot, Folder);
            var meta = folder + ".meta";
            if (!Directory.Exists(folder) && !File.Exists(meta)) return false;
            AssetDatabase.DeleteAsset(Folder);
            if (Directory.Exists(folder)) Directory.Delete(folder, true);
            if (File.Exists(meta)) File.Delete(meta);
            return true;
        }

        /// <summary>Whether the keys folder is in the project.</summary>
        public static bool Exists(string projectRoot) => Directory.Exists(Path.Combine(projectRoot, Folder));

        private static bool InSettingsObject(AppwriteSettings? settings, IEnumerable<string> keys)
        {
            if (settings == null) return false;
            foreach (var environment in settings.Environments)
            {
                var text = environment.Name + "\n" + environment.Endpoint + "\n" + environment.ProjectId + "\n" + environment.Locale + "\n" + environment.EndpointRealtime;
                if (ContainsAny(text, keys)) return true;
            }
            return false;
        }

        private static bool InFile(string projectRoot, string? assetPath, IEnumerable<string> keys)
        {
            if (string.IsNullOrEmpty(assetPath)) return false;
            var path = Path.Combine(projectRoot, assetPath);
            return File.Exists(path) && ContainsAny(File.ReadAllText(path), keys);
        }

        private static bool ContainsAny(string text, IEnumerable<string> keys)
        {
            foreach (var key in keys)
            {
                // Very short "keys" would match anything; real dev keys are long.
                if (key.Length >= 8 && text.IndexOf(key, StringComparison.Ordinal) >= 0) return true;
            }
            return false;
        }
    }
}
