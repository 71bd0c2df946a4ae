// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;

namespace Appwrite.Editor
{
    /// <summary>
    /// Changes to the environments of an <see cref="AppwriteSettings"/> asset: the defaults of a new asset, add,
    /// duplicate, remove, rename and switch the active one. Every operation keeps the active environment pointing at the
    /// same environment (or a neighbour when it is removed) and never leaves the list empty.
    /// </summary>
    internal static class SettingsEditing
    {
        public const string LocalEmulatorName = "Local emulator";
        public const string ProductionName = "Production";

        /// <summary>The local emulator's defaults (Tools~/emulator: port 7080, project demo-project).</summary>
        public const string EmulatorEndpoint = "http://127.0.0.1:7080/v1";
        public const string EmulatorProject = "demo-project";

        /// <summary>Appwrite Cloud's global endpoint; the Console shows a regional one (https://&lt;REGION&gt;.cloud.appwrite.io/v1) that also works.</summary>
        public const string CloudEndpoint = "https://cloud.appwrite.io/v1";

        /// <summary>Fills an empty asset with "Local emulator" (active) and "Production" (Cloud, project ID to fill in).</summary>
        public static void AddDefaults(AppwriteSettings settings)
        {
            if (settings.Environments.Count > 0) return;
            settings.Environments.Add(new AppwriteEnvironment { Name = LocalEmulatorName, Endpoint = EmulatorEndpoint, ProjectId = EmulatorProject });
            settings.Environments.Add(new AppwriteEnvironment { Name = ProductionName, Endpoint = CloudEndpoint, ProjectId = "" });
            settings.ActiveIndex = 0;
        }

        /// <summary>Adds an environment (a copy of <paramref name="template"/> when given) with a unique name; returns its index.</summary>
        public static int Add(AppwriteSettings settings, AppwriteEnvironment? template = null, string baseName = "New environment")
        {
            var environment = template == null ? new AppwriteEnvironment() : Copy(template);
            environment.Name = UniqueName(settings, template == null ? baseName : template.Name + " copy");
            settings.Environments.Add(environment);
            return settings.Environments.Count - 1;
        }

        /// <summary>Adds a copy of the environment at <paramref name="index"/>; returns the copy's index, or -1 for a bad index.</summary>
        public static int Duplicate(AppwriteSettings settings, int index) =>
            index < 0 || index >= settings.Environments.Count ? -1 : Add(settings, settings.Environments[index]);

        /// <summary>Removes an environment; refuses to remove the last one. The active one stays the same when it survives.</summary>
        public static bool Remove(AppwriteSettings settings, int index)
        {
            var environments = settings.Environments;
            if (index < 0 || index >= environments.Count || environments.Count == 1) return false;
            environments.RemoveAt(index);
            if (settings.ActiveIndex > index) settings.ActiveIndex--;
            else if (settings.ActiveIndex == index) settings.ActiveIndex = Math.Min(index, environments.Count - 1);
            if (settings.ActiveIndex < 0 || settings.ActiveIndex >= environments.Count) settings.ActiveIndex = 0;
            return true;
        }

        /// <summary>Makes the environment at <paramref name="index"/> the active one; false for a bad index.</summary>
        public static bool SetActive(AppwriteSettings settings, int index)
        {
            if (index < 0 || index >= settings.Environments.Count) return false;
            settings.ActiveIndex = index;
            return true;
        }

        /// <summary>Makes the environment named <paramref name="name"/> (case-insensitive) the active one; false when none has that name.</summary>
        public static bool SetActive(AppwriteSettings settings, string name) => SetActive(settings, IndexOf(settings, name));

        /// <summary>Renames an environment, keeping names unique (a clash gets " 2", " 3"…); returns the name it got.</summary>
        public static string Rename(AppwriteSettings settings, int index, string name)
        {
            var environment = settings.Environments[index];
            var wanted = (name ?? "").Trim();
            if (wanted.Length == 0) wanted = "Environment";
            environment.Name = "";
            environment.Name = UniqueName(settings, wanted);
            return environment.Name;
        }

        /// <summary>The index of the environment named <paramref name="name"/> (case-insensitive), or -1.</summary>
        public static int IndexOf(AppwriteSettings settings, string name)
        {
            for (var i = 0; i < settings.Environments.Count; i++)
            {
                if (string.Equals(settings.Environments[i].Name?.Trim(), name?.Trim(), StringComparison.OrdinalIgnoreCase)) return i;
            }
            return -1;
        }

        /// <summary><paramref name="baseName"/>, or with " 2", " 3"… when another environment has it.</summary>
        public static string UniqueName(AppwriteSettings settings, string baseName)
        {
            if (IndexOf(settings, baseName) < 0) return baseName;
            for (var n = 2; ; n++)
            {
                var candidate = baseName + " " + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (IndexOf(settings, candidate) < 0) return candidate;
            }
        }

        /// <summary>
        /// Points the "Local emulator" environment at a running emulator (creating the environment when missing); the
        /// project ID is set only when empty. Returns the environment's index.
        /// </summary>
        public static int UseEmulator(AppwriteSettings settings, string endpoint, string project = EmulatorProject)
        {
            var index = IndexOf(settings, LocalEmulatorName);
            if (index < 0)
            {
                settings.Environments.Add(new AppwriteEnvironment { Name = UniqueName(settings, LocalEmulatorName) });
                index = settings.Environments.Count - 1;
            }
            var environment = settings.Environments[index];
            environment.Endpoint = endpoint;
            if (string.IsNullOrEmpty(environment.ProjectId)) environment.ProjectId = project;
            return index;
        }

        private static AppwriteEnvironment Copy(AppwriteEnvironment source) => new AppwriteEnvironment
        {
            Name = source.Name,
            Endpoint = source.Endpoint,
            ProjectId = source.ProjectId,
            Locale = source.Locale,
            EndpointRealtime = source.EndpointRealtime,
        };
    }
}
