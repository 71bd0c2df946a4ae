// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.IO;
using UnityEditor;
using UnityEditor.Build;
using UnityEditor.Build.Reporting;
using UnityEngine;

namespace Appwrite.Editor
{
    /// <summary>
    /// Unity's build callbacks around <see cref="DevKeyBuild"/>: fails a release build that would carry a dev key, puts
    /// the editor's keys into Development builds, and removes them again after the build, also after a failed or
    /// cancelled one (Unity skips the post-process step then) and at the next editor start after a crash.
    /// </summary>
    internal sealed class DevKeyBuildProcessor : IPreprocessBuildWithReport, IPostprocessBuildWithReport
    {
        /// <summary>Early, so a failing build stops before slower steps.</summary>
        public int callbackOrder => -1000;

        public void OnPreprocessBuild(BuildReport report)
        {
            var settings = SettingsAssets.Find();
            var settingsPath = settings != null ? AssetDatabase.GetAssetPath(settings) : null;
            var defines = PlayerSettings.GetScriptingDefineSymbols(NamedBuildTarget.FromBuildTargetGroup(report.summary.platformGroup));
            var decision = DevKeyBuild.Prepare(report.summary.options, ProjectRoot, settings, settingsPath, DevKeyStore.All(settings), DevKeyStore.IncludeInDevelopmentBuilds, defines);
            foreach (var warning in decision.Warnings) Debug.LogWarning(warning);
            if (decision.Action == DevKeyBuildAction.Fail) throw new BuildFailedException(decision.Message);
            if (decision.Action == DevKeyBuildAction.InjectKeys)
            {
                Debug.Log("Appwrite: " + decision.Message);
                EditorApplication.update -= RemoveAfterBuild;
                EditorApplication.update += RemoveAfterBuild;
            }
        }

        public void OnPostprocessBuild(BuildReport report)
        {
            DevKeyBuild.RemoveKeys(ProjectRoot);
        }

        /// <summary>The Unity project folder (Unity's working directory); tests point it at a temporary one.</summary>
        internal static Func<string> ProjectRootProvider { get; set; } = Directory.GetCurrentDirectory;

        private static string ProjectRoot => ProjectRootProvider();

        // The editor does not update during a build: the first update after it, whatever its outcome, cleans up.
        private static void RemoveAfterBuild()
        {
            if (BuildPipeline.isBuildingPlayer) return;
            EditorApplication.update -= RemoveAfterBuild;
            DevKeyBuild.RemoveKeys(ProjectRoot);
        }

        [InitializeOnLoadMethod]
        private static void RemoveLeftoversOnLoad()
        {
            EditorApplication.delayCall += () =>
            {
                if (!BuildPipeline.isBuildingPlayer && DevKeyBuild.RemoveKeys(ProjectRoot)) Debug.Log($"Appwrite: removed {DevKeyBuild.Folder}, left by an interrupted Development build.");
            };
        }

        [MenuItem("Window/Appwrite/Remove Dev Key Files", false, 1100)]
        private static void RemoveFromMenu()
        {
            var removed = DevKeyBuild.RemoveKeys(ProjectRoot);
            Debug.Log(removed ? $"Appwrite: removed {DevKeyBuild.Folder}." : "Appwrite: no dev-key files to remove.");
        }
    }
}
