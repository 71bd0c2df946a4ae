// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// AssetDatabase and the Package Manager's PackageInfo, by signature from Unity's scripting reference (2021.3). The
// asset database is a registry in memory: tests register assets by path; files on disk are the code's own business.

#nullable enable
using System;
using System.Collections.Generic;
using System.Reflection;

namespace UnityEditor
{
    [Flags]
    public enum ImportAssetOptions
    {
        Default = 0,
        ForceUpdate = 1,
        ForceSynchronousImport = 8,
        ImportRecursive = 256,
        DontDownloadFromCacheServer = 2048,
        ForceUncompressedImport = 16384,
    }

    public static class AssetDatabase
    {
        private static readonly Dictionary<string, UnityEngine.Object> _assets = new Dictionary<string, UnityEngine.Object>(StringComparer.Ordinal);
        private static readonly HashSet<string> _folders = new HashSet<string>(StringComparer.Ordinal) { "Assets" };

        /// <summary>Not Unity API: paths passed to ImportAsset, and DeleteAsset, in order.</summary>
        public static readonly List<string> ImportedForTests = new List<string>();

        public static readonly List<string> DeletedForTests = new List<string>();

        public static T? LoadAssetAtPath<T>(string assetPath) where T : UnityEngine.Object =>
            _assets.TryGetValue(assetPath, out var asset) && asset ? asset as T : null;

        public static string[] FindAssets(string filter)
        {
            var typeName = filter.StartsWith("t:", StringComparison.Ordinal) ? filter.Substring(2) : "";
            var found = new List<string>();
            foreach (var pair in _assets)
            {
                if (pair.Value && (typeName.Length == 0 || pair.Value.GetType().Name == typeName)) found.Add(pair.Key);
            }
            return found.ToArray();
        }

        // The stub's "GUIDs" are the paths.
        public static string GUIDToAssetPath(string guid) => guid;

        public static string GetAssetPath(UnityEngine.Object assetObject)
        {
            foreach (var pair in _assets)
            {
                if (ReferenceEquals(pair.Value, assetObject)) return pair.Key;
            }
            return "";
        }

        public static void CreateAsset(UnityEngine.Object asset, string path)
        {
            var slash = path.LastIndexOf('/');
            if (slash < 0 || !_folders.Contains(path.Substring(0, slash))) throw new InvalidOperationException($"CreateAsset: the folder of {path} does not exist.");
            _assets[path] = asset;
        }

        public static bool IsValidFolder(string path) => _folders.Contains(path);

        public static string CreateFolder(string parentFolder, string newFolderName)
        {
            if (!_folders.Contains(parentFolder)) return "";
            _folders.Add(parentFolder + "/" + newFolderName);
            return parentFolder + "/" + newFolderName;
        }

        public static void ImportAsset(string path, ImportAssetOptions options = ImportAssetOptions.Default) => ImportedForTests.Add(path);

        public static bool DeleteAsset(string path)
        {
            DeletedForTests.Add(path);
            return _assets.Remove(path);
        }

        public static void SaveAssets()
        {
        }

        public static void Refresh()
        {
        }

        /// <summary>Not Unity API: puts an asset at a path (its folders become valid).</summary>
        public static void RegisterForTests(string path, UnityEngine.Object asset)
        {
            _assets[path] = asset;
            for (var slash = path.LastIndexOf('/'); slash > 0; slash = path.LastIndexOf('/', slash - 1)) _folders.Add(path.Substring(0, slash));
        }

        /// <summary>Not Unity API: an empty project.</summary>
        public static void ResetForTests()
        {
            _assets.Clear();
            _folders.Clear();
            _folders.Add("Assets");
            ImportedForTests.Clear();
            DeletedForTests.Clear();
        }
    }
}

namespace UnityEditor.PackageManager
{
    public enum PackageSource
    {
        Unknown = 0,
        Registry = 1,
        BuiltIn = 2,
        Embedded = 3,
        Local = 4,
        Git = 5,
        LocalTarball = 7,
    }

    public sealed class PackageInfo
    {
        private static readonly Dictionary<Assembly, PackageInfo> _byAssembly = new Dictionary<Assembly, PackageInfo>();

        private PackageInfo(string name, string resolvedPath, PackageSource source)
        {
            this.name = name;
            this.resolvedPath = resolvedPath;
            this.source = source;
        }

        public string name { get; }

        public string resolvedPath { get; }

        public PackageSource source { get; }

        public static PackageInfo? FindForAssembly(Assembly assembly) => _byAssembly.TryGetValue(assembly, out var info) ? info : null;

        /// <summary>Not Unity API: the package an assembly belongs to.</summary>
        public static void RegisterForTests(Assembly assembly, string name, string resolvedPath, PackageSource source) =>
            _byAssembly[assembly] = new PackageInfo(name, resolvedPath, source);
    }
}
