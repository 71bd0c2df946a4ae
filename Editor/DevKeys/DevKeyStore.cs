// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using UnityEditor;

namespace Appwrite.Editor
{
    /// <summary>
    /// Dev keys in per-user editor storage (<see cref="EditorPrefs"/>), never in the settings asset: keyed by this Unity
    /// project and by environment (endpoint and project ID, so a key never follows a project ID change). In the Editor
    /// they reach clients through <c>AppwriteSettings.DevKeyProvider</c>; Development builds get them from the build step.
    /// </summary>
    [InitializeOnLoad]
    internal static class DevKeyStore
    {
        private const string Prefix = "Playloom.Appwrite.";

        static DevKeyStore()
        {
            InstallEditorProvider();
        }

        /// <summary>This Unity project's identity in EditorPrefs keys (Player Settings' product GUID); tests replace it.</summary>
        internal static Func<string> ProjectIdentity { get; set; } = () => PlayerSettings.productGUID.ToString("N");

        /// <summary>Whether Development builds carry the dev keys (per user and project; default true).</summary>
        public static bool IncludeInDevelopmentBuilds
        {
            get => EditorPrefs.GetBool(Prefix + "DevKeysInDevelopmentBuilds." + ProjectIdentity(), true);
            set => EditorPrefs.SetBool(Prefix + "DevKeysInDevelopmentBuilds." + ProjectIdentity(), value);
        }

        /// <summary>Makes Editor clients use the stored keys.</summary>
        public static void InstallEditorProvider()
        {
            AppwriteSettings.DevKeyProvider = Get;
        }

        /// <summary>The EditorPrefs key of an environment's dev key: a hash, so no endpoint or project ID shows in the registry or plist.</summary>
        public static string PrefsKey(AppwriteEnvironment environment)
        {
            using var sha = SHA256.Create();
            var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(ProjectIdentity() + "\n" + DevKeyResource.Identity(environment)));
            var hex = new StringBuilder(Prefix + "DevKey.");
            for (var i = 0; i < 16; i++) hex.Append(hash[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            return hex.ToString();
        }

        /// <summary>The environment's dev key, or null.</summary>
        public static string? Get(AppwriteEnvironment? environment)
        {
            if (environment == null) return null;
            var key = EditorPrefs.GetString(PrefsKey(environment), "");
            return key.Length == 0 ? null : key;
        }

        /// <summary>Stores (or with null/empty, deletes) the environment's dev key. Surrounding whitespace is dropped.</summary>
        public static void Set(AppwriteEnvironment environment, string? key)
        {
            var value = (key ?? "").Trim();
            if (value.Length == 0) EditorPrefs.DeleteKey(PrefsKey(environment));
            else EditorPrefs.SetString(PrefsKey(environment), value);
        }

        /// <summary>The stored keys of the settings' environments, by <see cref="DevKeyResource.Identity"/>.</summary>
        public static Dictionary<string, string> All(AppwriteSettings? settings)
        {
            var keys = new Dictionary<string, string>(StringComparer.Ordinal);
            if (settings == null) return keys;
            foreach (var environment in settings.Environments)
            {
                var key = Get(environment);
                if (key != null) keys[DevKeyResource.Identity(environment)] = key;
            }
            return keys;
        }
    }
}
