// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections.Generic;
using System.Linq;

namespace Appwrite.Editor
{
    internal enum CheckStatus
    {
        Ok,
        Warning,
        Error,
    }

    /// <summary>What a fix button does.</summary>
    internal enum SetupFix
    {
        None,

        /// <summary>Open <see cref="SetupCheck.FixArgument"/> in the browser.</summary>
        OpenUrl,

        /// <summary>Create the settings asset with the default environments.</summary>
        CreateSettings,

        /// <summary>Open Project Settings > Appwrite.</summary>
        OpenSettings,

        /// <summary>Show the folder <see cref="SetupCheck.FixArgument"/>.</summary>
        RevealFolder,
    }

    /// <summary>One line of the setup assistant: what was checked, the verdict, and the fix.</summary>
    internal sealed class SetupCheck
    {
        public SetupCheck(string id, string title, CheckStatus status, string detail, SetupFix fix = SetupFix.None, string fixLabel = "", string fixArgument = "")
        {
            Id = id;
            Title = title;
            Status = status;
            Detail = detail;
            Fix = fix;
            FixLabel = fixLabel;
            FixArgument = fixArgument;
        }

        public string Id { get; }

        public string Title { get; }

        public CheckStatus Status { get; }

        /// <summary>What was found and, when something is missing, the steps to fix it.</summary>
        public string Detail { get; }

        public SetupFix Fix { get; }

        public string FixLabel { get; }

        public string FixArgument { get; }

        public override string ToString() => $"{Status} {Id}: {Detail}";
    }

    /// <summary>The facts the setup assistant judges, gathered from the editor by <c>SetupFactsCollector</c> (or set by tests).</summary>
    internal sealed class SetupFacts
    {
        /// <summary>The assembly <c>com.tencent.puerts.core</c> is loaded.</summary>
        public bool PuertsCore { get; set; }

        /// <summary>Backend packages found, e.g. <c>com.tencent.puerts.v8</c>.</summary>
        public List<string> PuertsBackends { get; } = new List<string>();

        /// <summary>The package's runtime was compiled with Puerts support (its versionDefines matched).</summary>
        public bool RuntimeHasPuerts { get; set; }

        public bool BundlePresent { get; set; }

        /// <summary>The bundle's <c>bridgeVersion</c>, or null when it has none.</summary>
        public string? BundleBridgeVersion { get; set; }

        /// <summary>The contract version of the C# shell.</summary>
        public string ShellBridgeVersion { get; set; } = "";

        /// <summary>In an editable package: a TypeScript source is newer than the bundle (it needs <c>node build.mjs</c>).</summary>
        public bool BundleOlderThanSources { get; set; }

        /// <summary>The active build target, e.g. <c>Android</c>.</summary>
        public string ActiveTarget { get; set; } = "";

        public bool UsesIl2Cpp { get; set; }

        public bool WebGlTarget { get; set; }

        /// <summary><c>Puerts_il2cpp.cpp</c> exists where Puerts' build check looks for it.</summary>
        public bool Il2CppGluePresent { get; set; }

        public AppwriteSettings? Settings { get; set; }

        public string SettingsPath { get; set; } = "";

        /// <summary>Where <c>node</c> was found, or null.</summary>
        public string? NodePath { get; set; }

        /// <summary>The package folder on disk (empty when unknown).</summary>
        public string PackageRoot { get; set; } = "";

        public bool EmulatorPresent { get; set; }

        /// <summary>The emulator's npm dependencies (ws, otpauth) resolve from the package folder.</summary>
        public bool EmulatorDependenciesPresent { get; set; }
    }

    /// <summary>The setup assistant's verdicts, one per check, with the fix for each missing piece.</summary>
    internal static class SetupChecks
    {
        public const string PuertsReleases = "https://github.com/Tencent/puerts/releases";
        public const string NodeDownload = "https://nodejs.org/en/download";

        public static List<SetupCheck> Evaluate(SetupFacts facts) => new List<SetupCheck>
        {
            Puerts(facts),
            Bundle(facts),
            Il2Cpp(facts),
            Settings(facts),
            Emulator(facts),
        };

        public static SetupCheck Puerts(SetupFacts f)
        {
            const string id = "puerts", title = "Puerts (script engine)";
            const string install = "Download PuerTS_Core_3.x and a backend (PuerTS_V8_3.x, or QuickJS/Node.js; plus the WebGL package for WebGL builds) from the Puerts releases page, " +
                "then add each with Package Manager > + > Add package from tarball (or extract them into Packages/).";
            if (!f.PuertsCore) return new SetupCheck(id, title, CheckStatus.Error, "Puerts core (com.tencent.puerts.core) is not installed, so clients cannot start. " + install, SetupFix.OpenUrl, "Open Puerts releases", PuertsReleases);
            var backends = f.PuertsBackends.Where(b => b != "com.tencent.puerts.webgl").ToList();
            if (backends.Count == 0 && !f.RuntimeHasPuerts)
            {
                return new SetupCheck(id, title, CheckStatus.Error, "Puerts core is installed but no script backend (com.tencent.puerts.v8, .quickjs or .nodejs). " + install, SetupFix.OpenUrl, "Open Puerts releases", PuertsReleases);
            }
            if (!f.RuntimeHasPuerts)
            {
                return new SetupCheck(id, title, CheckStatus.Error,
                    "Puerts is installed, but the Appwrite runtime was compiled without it: the Puerts version is not one this package supports (3.x, or 2.x with its built-in backend). Install Puerts 3.x, then let Unity recompile.",
                    SetupFix.OpenUrl, "Open Puerts releases", PuertsReleases);
            }
            if (f.WebGlTarget && !f.PuertsBackends.Contains("com.tencent.puerts.webgl"))
            {
                return new SetupCheck(id, title, CheckStatus.Warning, "The active target is WebGL, which needs the Puerts WebGL package (com.tencent.puerts.webgl) in addition to the core.", SetupFix.OpenUrl, "Open Puerts releases", PuertsReleases);
            }
            var list = f.PuertsBackends.Count > 0 ? string.Join(", ", f.PuertsBackends) : "the core's built-in backend";
            return new SetupCheck(id, title, CheckStatus.Ok, $"Puerts core and {list} are installed.");
        }

        public static SetupCheck Bundle(SetupFacts f)
        {
            const string id = "bundle", title = "Script bundle (appwrite.mjs)";
            if (!f.BundlePresent)
            {
                return new SetupCheck(id, title, CheckStatus.Error, "Runtime/Resources/PlayloomAppwrite/appwrite.mjs is missing from the package: reinstall the package (or run `node build.mjs` in a clone).", SetupFix.RevealFolder, "Show package folder", f.PackageRoot);
            }
            if (string.IsNullOrEmpty(f.BundleBridgeVersion))
            {
                return new SetupCheck(id, title, CheckStatus.Error, "appwrite.mjs has no bridgeVersion: it is damaged or not this package's bundle. Reinstall the package.", SetupFix.RevealFolder, "Show package folder", f.PackageRoot);
            }
            if (Major(f.BundleBridgeVersion!) != Major(f.ShellBridgeVersion))
            {
                return new SetupCheck(id, title, CheckStatus.Error,
                    $"appwrite.mjs speaks bridge contract {f.BundleBridgeVersion} but the C# shell speaks {f.ShellBridgeVersion}: the package's files are from different versions. Reinstall the package (or run `node build.mjs` in a clone).",
                    SetupFix.RevealFolder, "Show package folder", f.PackageRoot);
            }
            if (f.BundleOlderThanSources)
            {
                return new SetupCheck(id, title, CheckStatus.Warning, "A TypeScript source (Runtime/TypeScript~/src) is newer than appwrite.mjs: run `node build.mjs` in the package folder to rebuild the bundle.", SetupFix.RevealFolder, "Show package folder", f.PackageRoot);
            }
            return new SetupCheck(id, title, CheckStatus.Ok, $"Present; bridge contract {f.BundleBridgeVersion} matches the C# shell ({f.ShellBridgeVersion}).");
        }

        public static SetupCheck Il2Cpp(SetupFacts f)
        {
            const string id = "il2cpp", title = "Puerts IL2CPP glue";
            if (!f.UsesIl2Cpp) return new SetupCheck(id, title, CheckStatus.Ok, $"Not needed: the active target ({f.ActiveTarget}) uses Mono. IL2CPP targets (iOS, WebGL, most Android releases) need it.");
            if (!f.Il2CppGluePresent)
            {
                return new SetupCheck(id, title, CheckStatus.Error,
                    $"The active target ({f.ActiveTarget}) uses IL2CPP, and Assets/Gen/Plugins/puerts_il2cpp/Puerts_il2cpp.cpp is missing, so the player build will fail (\"InitialPuerts\" unresolved). " +
                    "Run Tools > PuerTS > Generate … il2cpp … (the item's name differs between Puerts versions, e.g. \"Generate For xIl2cpp mode (all in one with full wrapper)\"), and again after updating this package.");
            }
            return new SetupCheck(id, title, CheckStatus.Ok, "Puerts_il2cpp.cpp is generated. Generate it again after updating this package or Puerts.");
        }

        public static SetupCheck Settings(SetupFacts f)
        {
            const string id = "settings", title = "Project settings";
            if (f.Settings == null)
            {
                return new SetupCheck(id, title, CheckStatus.Error, $"No settings asset: create it (at {SettingsAssets.DefaultPath}) with a \"Local emulator\" and a \"Production\" environment, or set the endpoint and project in code.", SetupFix.CreateSettings, "Create settings");
            }
            if (!SettingsAssets.IsLoadablePath(f.SettingsPath))
            {
                return new SetupCheck(id, title, CheckStatus.Error, $"The settings asset at {f.SettingsPath} is not directly in a Resources folder named AppwriteSettings.asset, so builds cannot load it. Move it to {SettingsAssets.DefaultPath}.", SetupFix.OpenSettings, "Open settings");
            }
            var messages = SettingsValidation.Settings(f.Settings);
            var errors = messages.Where(m => m.Severity == ValidationSeverity.Error).ToList();
            if (errors.Count > 0) return new SetupCheck(id, title, CheckStatus.Error, string.Join("\n", errors.Select(m => $"{m.Field}: {m.Text}")), SetupFix.OpenSettings, "Open settings");
            var active = f.Settings.Active!;
            var warnings = messages.Where(m => m.Severity == ValidationSeverity.Warning).ToList();
            if (warnings.Count > 0) return new SetupCheck(id, title, CheckStatus.Warning, string.Join("\n", warnings.Select(m => $"{m.Field}: {m.Text}")), SetupFix.OpenSettings, "Open settings");
            return new SetupCheck(id, title, CheckStatus.Ok, $"{f.Settings.Environments.Count} environment(s); active: \"{active.Name}\" ({active.Endpoint}, project {active.ProjectId}).", SetupFix.OpenSettings, "Open settings");
        }

        public static SetupCheck Emulator(SetupFacts f)
        {
            const string id = "emulator", title = "Local emulator (optional)";
            if (!f.EmulatorPresent) return new SetupCheck(id, title, CheckStatus.Warning, "This copy of the package has no Tools~/emulator. Install the package from its git URL to get the emulator, or run an Appwrite server.");
            if (f.NodePath == null) return new SetupCheck(id, title, CheckStatus.Warning, "Node.js 20 or newer is needed to run the emulator and was not found on PATH (nor in the usual install folders). Install it, then restart Unity.", SetupFix.OpenUrl, "Download Node.js", NodeDownload);
            if (!f.EmulatorDependenciesPresent)
            {
                return new SetupCheck(id, title, CheckStatus.Warning, $"The emulator's npm packages (ws, otpauth) are not installed: run `npm ci` in {Or(f.PackageRoot, "the package folder")} (a clone or an embedded copy of the package).", SetupFix.RevealFolder, "Show package folder", f.PackageRoot);
            }
            return new SetupCheck(id, title, CheckStatus.Ok, $"Ready: Node.js at {f.NodePath}.");
        }

        private static string Major(string version)
        {
            var dot = version.IndexOf('.');
            return dot < 0 ? version : version.Substring(0, dot);
        }

        private static string Or(string value, string fallback) => string.IsNullOrEmpty(value) ? fallback : value;
    }
}
