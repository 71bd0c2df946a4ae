// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.IO;

namespace Playloom.Appwrite.Ring
{
    /// <summary>Where the package is: found by walking up from the test assembly to its package.json.</summary>
    internal static class PackagePaths
    {
        private static string? _root;

        public static string Root => _root ??= Find();

        public static string Bundle => Path.Combine(Root, "Runtime", "Resources", "PlayloomAppwrite", "appwrite.mjs");

        private static string Find()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                var manifest = Path.Combine(dir.FullName, "package.json");
                if (File.Exists(manifest) && File.ReadAllText(manifest).Contains("\"com.playloom.appwrite\"")) return dir.FullName;
            }
            throw new InvalidOperationException("The test assembly is not inside the com.playloom.appwrite package.");
        }
    }
}
