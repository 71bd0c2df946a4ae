// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using UnityEditor;
using UnityEngine;

namespace Appwrite.Editor
{
    /// <summary>
    /// Where the settings asset lives. Clients load it with <c>Resources.Load("AppwriteSettings")</c>, so it must sit
    /// directly in a <c>Resources</c> folder of the project (not under an <c>Editor</c> folder) to ship in builds; the
    /// Project Settings page creates it at <see cref="DefaultPath"/>. A package folder would be read-only.
    /// </summary>
    internal static class SettingsAssets
    {
        public const string DefaultFolder = "Assets/Appwrite/Resources";
        public const string DefaultPath = DefaultFolder + "/" + AppwriteSettings.ResourcePath + ".asset";

        /// <summary>Whether an asset at <paramref name="assetPath"/> is what <see cref="AppwriteSettings.Load"/> finds in a build.</summary>
        public static bool IsLoadablePath(string? assetPath)
        {
            if (string.IsNullOrEmpty(assetPath)) return false;
            var parts = assetPath!.Replace('\\', '/').Split('/');
            if (parts.Length < 3) return false;
            if (!string.Equals(parts[parts.Length - 1], AppwriteSettings.ResourcePath + ".asset", StringComparison.Ordinal)) return false;
            if (!string.Equals(parts[parts.Length - 2], "Resources", StringComparison.Ordinal)) return false;
            for (var i = 0; i < parts.Length - 1; i++)
            {
                // Editor folders are left out of builds.
                if (string.Equals(parts[i], "Editor", StringComparison.Ordinal)) return false;
            }
            return parts[0] == "Assets" || parts[0] == "Packages";
        }

        /// <summary>The project's settings asset: the default path, else the first loadable one; null when there is none.</summary>
        public static AppwriteSettings? Find()
        {
            var atDefault = AssetDatabase.LoadAssetAtPath<AppwriteSettings>(DefaultPath);
            if (atDefault != null) return atDefault;
            AppwriteSettings? other = null;
            foreach (var guid in AssetDatabase.FindAssets("t:" + nameof(AppwriteSettings)))
            {
                var path = AssetDatabase.GUIDToAssetPath(guid);
                var asset = AssetDatabase.LoadAssetAtPath<AppwriteSettings>(path);
                if (asset == null) continue;
                if (IsLoadablePath(path)) return asset;
                other ??= asset;
            }
            return other;
        }

        /// <summary>Creates the asset at <see cref="DefaultPath"/> with the default environments (or returns the existing one).</summary>
        public static AppwriteSettings Create()
        {
            var existing = AssetDatabase.LoadAssetAtPath<AppwriteSettings>(DefaultPath);
            if (existing != null) return existing;
            EnsureFolder(DefaultFolder);
            var settings = ScriptableObject.CreateInstance<AppwriteSettings>();
            SettingsEditing.AddDefaults(settings);
            AssetDatabase.CreateAsset(settings, DefaultPath);
            AssetDatabase.SaveAssets();
            return settings;
        }

        /// <summary>Records a change for undo and saving.</summary>
        public static void MarkChanged(AppwriteSettings settings)
        {
            EditorUtility.SetDirty(settings);
        }

        private static void EnsureFolder(string folder)
        {
            if (AssetDatabase.IsValidFolder(folder)) return;
            var slash = folder.LastIndexOf('/');
            var parent = folder.Substring(0, slash);
            EnsureFolder(parent);
            AssetDatabase.CreateFolder(parent, folder.Substring(slash + 1));
        }
    }
}
