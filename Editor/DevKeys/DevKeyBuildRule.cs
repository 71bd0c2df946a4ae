// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections.Generic;
using System.Text;
using UnityEditor;

namespace Appwrite.Editor
{
    /// <summary>Places a build could carry a dev key from.</summary>
    [Flags]
    internal enum DevKeyCarrier
    {
        None = 0,

        /// <summary>A known dev key appears in the settings asset (pasted into a field), which ships in every build.</summary>
        SettingsAsset = 1,

        /// <summary>A scripting define symbol holds a dev key or is named like one (<c>*DEV_KEY*</c>).</summary>
        ScriptingDefine = 2,

        /// <summary>The dev-key file of a Development build is still in the project (an interrupted build).</summary>
        InjectedFile = 4,
    }

    /// <summary>What the build step found about dev keys.</summary>
    internal sealed class DevKeyFindings
    {
        /// <summary>Dev keys stored in this editor for the settings' environments (EditorPrefs; not carried by themselves).</summary>
        public int EditorKeyCount { get; set; }

        /// <summary>The user's choice to put those keys into Development builds.</summary>
        public bool IncludeInDevelopmentBuilds { get; set; } = true;

        public DevKeyCarrier Carriers { get; set; }

        public string SettingsAssetPath { get; set; } = "";

        /// <summary>The offending define symbols (names only, never values).</summary>
        public List<string> Defines { get; } = new List<string>();

        public string InjectedFilePath { get; set; } = "";
    }

    internal enum DevKeyBuildAction
    {
        /// <summary>Build without dev keys.</summary>
        Proceed,

        /// <summary>A Development build: write the editor's dev keys into the build (removed again after it).</summary>
        InjectKeys,

        /// <summary>Stop the build: it would ship a dev key to players.</summary>
        Fail,
    }

    /// <summary>The rule's verdict.</summary>
    internal sealed class DevKeyBuildDecision
    {
        public DevKeyBuildDecision(DevKeyBuildAction action, string message, List<string> warnings)
        {
            Action = action;
            Message = message;
            Warnings = warnings;
        }

        public DevKeyBuildAction Action { get; }

        /// <summary>Why: for a failure, what carries the key and how to fix it; never a key.</summary>
        public string Message { get; }

        public List<string> Warnings { get; }
    }

    /// <summary>
    /// The dev-key build rule. Appwrite says dev keys must never reach production, so a build that is not a Development
    /// build fails when anything in it could carry a dev key, and otherwise simply leaves the editor's keys out. A
    /// Development build carries the editor's keys unless the user turned that off; stray copies only warn there.
    /// </summary>
    internal static class DevKeyBuildRule
    {
        public static DevKeyBuildDecision Decide(BuildOptions options, DevKeyFindings findings)
        {
            var development = (options & BuildOptions.Development) != 0;
            var warnings = new List<string>();
            var carriers = Describe(findings);
            if (!development)
            {
                if (carriers.Count > 0)
                {
                    var message = new StringBuilder("Appwrite: this release build (Development Build is off) would carry a dev key, and Appwrite dev keys must never reach players: they lift rate limits and abuse protection.");
                    foreach (var carrier in carriers) message.Append("\n- ").Append(carrier);
                    message.Append("\nDev keys belong in Project Settings > Appwrite > Dev key, which stays in this editor. Or tick Development Build to build with the key.");
                    return new DevKeyBuildDecision(DevKeyBuildAction.Fail, message.ToString(), warnings);
                }
                var omitted = findings.EditorKeyCount == 0 ? "No dev key is involved."
                    : findings.EditorKeyCount == 1 ? "The dev key of this editor stays out of this release build."
                    : $"The {Plural(findings.EditorKeyCount, "dev key")} of this editor stay out of this release build.";
                return new DevKeyBuildDecision(DevKeyBuildAction.Proceed, omitted, warnings);
            }
            foreach (var carrier in carriers) warnings.Add("Appwrite: a dev key would also reach this Development build from elsewhere, and release builds will fail until it is gone: " + carrier);
            if (findings.EditorKeyCount > 0 && findings.IncludeInDevelopmentBuilds)
            {
                return new DevKeyBuildDecision(DevKeyBuildAction.InjectKeys,
                    $"This Development build carries the {Plural(findings.EditorKeyCount, "dev key")} of this editor (Project Settings > Appwrite); release builds never do.", warnings);
            }
            var reason = findings.EditorKeyCount == 0 ? "No dev key is set in this editor." : "Dev keys are kept out of Development builds (Project Settings > Appwrite).";
            return new DevKeyBuildDecision(DevKeyBuildAction.Proceed, reason, warnings);
        }

        /// <summary>A warning for release builds whose active environment only works on this computer; null otherwise.</summary>
        public static string? ActiveEnvironmentWarning(AppwriteSettings? settings, BuildOptions options)
        {
            if ((options & BuildOptions.Development) != 0) return null;
            var active = settings?.Active;
            if (active == null || !Uri.TryCreate(active.Endpoint, UriKind.Absolute, out var uri)) return null;
            var host = uri.Host.ToLowerInvariant();
            if (host != "127.0.0.1" && host != "localhost" && host != "[::1]" && host != "10.0.2.2") return null;
            return $"Appwrite: the active environment \"{active.Name}\" points at {uri.Host}, which players of this release build cannot reach. Switch the active environment in Project Settings > Appwrite.";
        }

        private static List<string> Describe(DevKeyFindings findings)
        {
            var lines = new List<string>();
            if ((findings.Carriers & DevKeyCarrier.SettingsAsset) != 0)
            {
                lines.Add($"The settings asset {Or(findings.SettingsAssetPath, "AppwriteSettings")} contains a dev key (pasted into one of its fields). Remove it there; the asset ships in every build.");
            }
            if ((findings.Carriers & DevKeyCarrier.ScriptingDefine) != 0)
            {
                lines.Add($"The scripting define symbol(s) {Or(string.Join(", ", findings.Defines), "of this build")} name or hold a dev key. Remove them in Player Settings > Other Settings > Scripting Define Symbols.");
            }
            if ((findings.Carriers & DevKeyCarrier.InjectedFile) != 0)
            {
                lines.Add($"{Or(findings.InjectedFilePath, "The dev-key file")}, left by an interrupted Development build, could not be removed. Delete that folder (menu Window > Appwrite > Remove Dev Key Files).");
            }
            return lines;
        }

        private static string Plural(int count, string noun) => count == 1 ? noun : count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + noun + "s";

        private static string Or(string value, string fallback) => string.IsNullOrEmpty(value) ? fallback : value;
    }
}
