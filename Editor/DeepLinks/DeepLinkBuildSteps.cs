// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections.Generic;
using UnityEditor;
using UnityEditor.Build;
using UnityEditor.Build.Reporting;
using UnityEngine;

namespace Appwrite.Editor
{
    /// <summary>
    /// Registers the <c>appwrite-callback-&lt;projectId&gt;</c> schemes of every environment in mobile builds, so OAuth2
    /// sign-ins come back to the game: Android through <see cref="AndroidManifestDeepLinks"/> (called by the
    /// <c>IPostGenerateGradleAndroidProject</c> step, compiled only for Android), iOS through
    /// <see cref="InfoPlistDeepLinks"/> after the Xcode project is written. A project that does not use OAuth2 only gains
    /// an unused URL scheme; when the manifest or plist cannot be edited the build goes on with a warning that says how
    /// to add the scheme by hand.
    /// </summary>
    internal sealed class DeepLinkBuildSteps : IPostprocessBuildWithReport
    {
        public int callbackOrder => 100;

        public void OnPostprocessBuild(BuildReport report)
        {
            if (report.summary.platform == BuildTarget.iOS) RegisterIos(report.summary.outputPath, SettingsAssets.Find());
        }

        /// <summary>Adds the schemes to the Unity library's manifest; returns the schemes added (warnings are logged).</summary>
        public static List<string> RegisterAndroid(string unityLibraryPath, AppwriteSettings? settings) =>
            Run(() => AndroidManifestDeepLinks.Apply(unityLibraryPath, CallbackSchemes.For(settings, withLowercase: true)), "Android manifest");

        /// <summary>Adds the schemes to the Xcode project's Info.plist; returns the schemes added (warnings are logged).</summary>
        public static List<string> RegisterIos(string xcodeProjectPath, AppwriteSettings? settings) =>
            Run(() => InfoPlistDeepLinks.Apply(xcodeProjectPath, CallbackSchemes.For(settings, withLowercase: false)), "Info.plist");

        private static List<string> Run(Func<List<string>> register, string where)
        {
            try
            {
                var added = register();
                if (added.Count > 0) Debug.Log($"Appwrite: registered the OAuth2 callback scheme(s) {string.Join(", ", added)} in the {where}.");
                return added;
            }
            catch (Exception e) when (e is InvalidOperationException || e is System.IO.IOException || e is UnauthorizedAccessException)
            {
                Debug.LogWarning(e.Message);
                return new List<string>();
            }
        }
    }
}
