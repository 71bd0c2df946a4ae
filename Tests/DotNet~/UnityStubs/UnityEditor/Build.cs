// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// Build pipeline stand-ins (targets, options, build callbacks and reports, player settings), by signature from
// Unity's scripting reference (2021.3), with setters for tests where Unity reads the project.

#nullable enable
using System;
using System.Collections.Generic;

namespace UnityEditor
{
    public enum BuildTarget
    {
        StandaloneOSX = 2,
        StandaloneWindows = 5,
        iOS = 9,
        Android = 13,
        StandaloneWindows64 = 19,
        WebGL = 20,
        StandaloneLinux64 = 24,
    }

    public enum BuildTargetGroup
    {
        Unknown = 0,
        Standalone = 1,
        iOS = 4,
        Android = 7,
        WebGL = 13,
    }

    [Flags]
    public enum BuildOptions
    {
        None = 0,
        Development = 1,
        AutoRunPlayer = 4,
        ShowBuiltPlayer = 8,
        BuildAdditionalStreamedScenes = 16,
        AcceptExternalModificationsToPlayer = 32,
        ConnectWithProfiler = 256,
        AllowDebugging = 512,
        SymlinkSources = 1024,
        UncompressedAssetBundle = 2048,
        ConnectToHost = 4096,
        CustomConnectionID = 8192,
        BuildScriptsOnly = 32768,
        PatchPackage = 65536,
        CompressWithLz4 = 262144,
        CompressWithLz4HC = 524288,
        StrictMode = 2097152,
        IncludeTestAssemblies = 4194304,
        NoUniqueIdentifier = 8388608,
        DetailedBuildReport = 134217728,
    }

    public enum ScriptingImplementation
    {
        Mono2x = 0,
        IL2CPP = 1,
        WinRTDotNET = 2,
    }

    public static class BuildPipeline
    {
        /// <summary>Settable for tests.</summary>
        public static bool isBuildingPlayer { get; set; }

        public static BuildTargetGroup GetBuildTargetGroup(BuildTarget platform) => platform switch
        {
            BuildTarget.iOS => BuildTargetGroup.iOS,
            BuildTarget.Android => BuildTargetGroup.Android,
            BuildTarget.WebGL => BuildTargetGroup.WebGL,
            _ => BuildTargetGroup.Standalone,
        };
    }

    public static class EditorUserBuildSettings
    {
        /// <summary>Settable for tests (Unity: SwitchActiveBuildTarget).</summary>
        public static BuildTarget activeBuildTarget { get; set; } = BuildTarget.StandaloneLinux64;

        public static bool development { get; set; }
    }

    public static class PlayerSettings
    {
        private static readonly Dictionary<string, ScriptingImplementation> _backends = new Dictionary<string, ScriptingImplementation>();
        private static readonly Dictionary<string, string> _defines = new Dictionary<string, string>();

        public static Guid productGUID { get; private set; } = new Guid("8d8f2b9a-4c1e-4f57-9a39-0d5b1e6c7a42");

        public static string applicationIdentifier { get; set; } = "com.example.game";

        public static ScriptingImplementation GetScriptingBackend(Build.NamedBuildTarget buildTarget) =>
            _backends.TryGetValue(buildTarget.TargetName, out var backend) ? backend : ScriptingImplementation.Mono2x;

        public static void SetScriptingBackend(Build.NamedBuildTarget buildTarget, ScriptingImplementation backend) => _backends[buildTarget.TargetName] = backend;

        public static string GetScriptingDefineSymbols(Build.NamedBuildTarget buildTarget) =>
            _defines.TryGetValue(buildTarget.TargetName, out var defines) ? defines : "";

        public static void SetScriptingDefineSymbols(Build.NamedBuildTarget buildTarget, string defines) => _defines[buildTarget.TargetName] = defines ?? "";

        /// <summary>Not Unity API: another project, as far as per-project editor prefs go.</summary>
        public static void SetProductGuidForTests(Guid guid) => productGUID = guid;
    }
}

namespace UnityEditor.Build
{
    public interface IOrderedCallback
    {
        int callbackOrder { get; }
    }

    public interface IPreprocessBuildWithReport : IOrderedCallback
    {
        void OnPreprocessBuild(Reporting.BuildReport report);
    }

    public interface IPostprocessBuildWithReport : IOrderedCallback
    {
        void OnPostprocessBuild(Reporting.BuildReport report);
    }

    public class BuildFailedException : Exception
    {
        public BuildFailedException(string message) : base(message)
        {
        }

        public BuildFailedException(Exception innerException) : base(innerException?.Message, innerException)
        {
        }
    }

    public readonly struct NamedBuildTarget
    {
        private NamedBuildTarget(string name)
        {
            TargetName = name;
        }

        public string TargetName { get; }

        public static readonly NamedBuildTarget Standalone = new NamedBuildTarget("Standalone");
        public static readonly NamedBuildTarget iOS = new NamedBuildTarget("iPhone");
        public static readonly NamedBuildTarget Android = new NamedBuildTarget("Android");
        public static readonly NamedBuildTarget WebGL = new NamedBuildTarget("WebGL");
        public static readonly NamedBuildTarget Unknown = new NamedBuildTarget("");

        public static NamedBuildTarget FromBuildTargetGroup(BuildTargetGroup buildTargetGroup) => buildTargetGroup switch
        {
            BuildTargetGroup.Standalone => Standalone,
            BuildTargetGroup.iOS => iOS,
            BuildTargetGroup.Android => Android,
            BuildTargetGroup.WebGL => WebGL,
            _ => Unknown,
        };
    }
}

namespace UnityEditor.Build.Reporting
{
    public struct BuildSummary
    {
        public BuildOptions options { get; internal set; }

        public BuildTarget platform { get; internal set; }

        public BuildTargetGroup platformGroup { get; internal set; }

        public string outputPath { get; internal set; }
    }

    public sealed class BuildReport : UnityEngine.Object
    {
        public BuildSummary summary { get; private set; }

        /// <summary>Not Unity API: the report a build of this kind would pass to callbacks.</summary>
        public static BuildReport ForTests(BuildTarget platform, BuildOptions options, string outputPath = "") => new BuildReport
        {
            summary = new BuildSummary
            {
                options = options,
                platform = platform,
                platformGroup = BuildPipeline.GetBuildTargetGroup(platform),
                outputPath = outputPath,
            },
        };
    }
}

namespace UnityEditor.Android
{
    public interface IPostGenerateGradleAndroidProject : Build.IOrderedCallback
    {
        void OnPostGenerateGradleAndroidProject(string path);
    }
}
