// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections.Generic;
using Appwrite.Internal;
using UnityEngine;

namespace Appwrite
{
    /// <summary>
    /// Project settings for every <see cref="Client"/>: named environments (endpoint, project, locale) and which one is
    /// active. A client uses the active environment for each value its setters did not set. Unity loads the asset from
    /// <c>Resources/AppwriteSettings</c>; the Project Settings page (Edit → Project Settings → Appwrite) creates it at
    /// <c>Assets/Appwrite/Resources/AppwriteSettings.asset</c> and edits it.
    /// </summary>
    /// <remarks>
    /// The asset ships with the game, so it holds no secret: dev keys live in editor-only storage and reach a client
    /// only in the Editor and in Development builds.
    /// </remarks>
    public sealed class AppwriteSettings : ScriptableObject
    {
        /// <summary>The <see cref="Resources.Load{T}(string)"/> path of the asset.</summary>
        public const string ResourcePath = "AppwriteSettings";

        [SerializeField] private List<AppwriteEnvironment> _environments = new List<AppwriteEnvironment>();
        [SerializeField] private int _activeIndex;

        /// <summary>The environments, e.g. "Local emulator", "Staging", "Production".</summary>
        public List<AppwriteEnvironment> Environments => _environments;

        /// <summary>Index of the active environment in <see cref="Environments"/>.</summary>
        public int ActiveIndex
        {
            get => _activeIndex;
            set => _activeIndex = value;
        }

        /// <summary>The active environment, or null when the index is out of range.</summary>
        public AppwriteEnvironment? Active =>
            _activeIndex >= 0 && _activeIndex < _environments.Count ? _environments[_activeIndex] : null;

        /// <summary>Loads the settings asset from Resources, or returns null when the project has none.</summary>
        public static AppwriteSettings? Load() => Resources.Load<AppwriteSettings>(ResourcePath);

        /// <summary>
        /// Set by the editor tooling to hand a dev key to clients; consulted only in the Editor and in Development builds,
        /// and only when the client's <c>SetDevKey</c> was not called. Returns null or an empty string for none.
        /// </summary>
        internal static Func<AppwriteEnvironment?, string?>? DevKeyProvider { get; set; }

        /// <summary>The dev key for an environment where dev keys are allowed (Editor, Development builds), else null.</summary>
        internal static string? DevKeyFor(AppwriteEnvironment? environment)
        {
#if UNITY_EDITOR || DEVELOPMENT_BUILD
            var key = DevKeyProvider?.Invoke(environment);
            return string.IsNullOrEmpty(key) ? null : key;
#else
            return null;
#endif
        }
    }

    /// <summary>
    /// How a Development build gets the dev keys of the Editor: the build step writes them to a temporary Resources text
    /// file (deleted after the build; a release build with it fails), and the player reads it once at startup. Release
    /// players never read it: <see cref="AppwriteSettings.DevKeyFor"/> returns null outside the Editor and Development builds.
    /// </summary>
    internal static class DevKeyResource
    {
        /// <summary>The <c>Resources.Load</c> path of the file.</summary>
        public const string ResourcePath = "PlayloomAppwriteDevKeys";

        /// <summary>Which environment a key belongs to: its endpoint (no trailing '/', lowercase) and project ID.</summary>
        public static string Identity(AppwriteEnvironment environment) =>
            (environment.Endpoint ?? "").Trim().TrimEnd('/').ToLowerInvariant() + "|" + (environment.ProjectId ?? "");

        /// <summary>The file's text: <c>{"keys":[{"environment":identity,"key":key}]}</c>.</summary>
        public static string Write(IEnumerable<KeyValuePair<string, string>> keysByIdentity)
        {
            var json = new JsonWriter().BeginObject().Name("keys").BeginArray();
            foreach (var pair in keysByIdentity) json.BeginObject().Name("environment").String(pair.Key).Name("key").String(pair.Value).EndObject();
            return json.EndArray().EndObject().ToString();
        }

        /// <summary>Reads the file's text; an unreadable file gives no keys.</summary>
        public static Dictionary<string, string> Read(string? text)
        {
            var keys = new Dictionary<string, string>(StringComparer.Ordinal);
            if (JsonReader.TryParseObject(text)?["keys"] is List<object?> list)
            {
                foreach (var item in list)
                {
                    if (item is Dictionary<string, object?> entry && entry.GetString("environment") is string identity && entry.GetString("key") is string key && key.Length > 0)
                    {
                        keys[identity] = key;
                    }
                }
            }
            return keys;
        }

#if DEVELOPMENT_BUILD && !UNITY_EDITOR
        // Development players only: release players never look for the file, and the Editor sets its own provider.
        // Before the first scene, so clients created in Awake already have the keys.
        [RuntimeInitializeOnLoadMethod(RuntimeInitializeLoadType.BeforeSceneLoad)]
        private static void InstallAtStartup() => InstallFromBuild();
#endif

        /// <summary>Installs the keys of the build's file as <see cref="AppwriteSettings.DevKeyProvider"/>; false when there is no file.</summary>
        internal static bool InstallFromBuild()
        {
            var asset = Resources.Load<TextAsset>(ResourcePath);
            if (asset == null) return false;
            var keys = Read(asset.text);
            foreach (var key in keys.Values) Internal.Redactor.AddSecret(key);
            AppwriteSettings.DevKeyProvider = environment =>
                environment != null && keys.TryGetValue(Identity(environment), out var key) ? key : null;
            return true;
        }
    }

    /// <summary>One Appwrite environment of <see cref="AppwriteSettings"/>. Holds no secret.</summary>
    [Serializable]
    public sealed class AppwriteEnvironment
    {
        [SerializeField] private string _name = "Default";
        [SerializeField] private string _endpoint = "https://cloud.appwrite.io/v1";
        [SerializeField] private string _projectId = "";
        [SerializeField] private string _locale = "";
        [SerializeField] private string _endpointRealtime = "";

        /// <summary>A name for people, e.g. "Local emulator".</summary>
        public string Name
        {
            get => _name;
            set => _name = value ?? "";
        }

        /// <summary>The API endpoint, e.g. <c>https://&lt;REGION&gt;.cloud.appwrite.io/v1</c>.</summary>
        public string Endpoint
        {
            get => _endpoint;
            set => _endpoint = value ?? "";
        }

        /// <summary>The project ID (Console → Settings).</summary>
        public string ProjectId
        {
            get => _projectId;
            set => _projectId = value ?? "";
        }

        /// <summary>The locale for server messages, e.g. <c>en</c>; empty for the server's default.</summary>
        public string Locale
        {
            get => _locale;
            set => _locale = value ?? "";
        }

        /// <summary>The realtime endpoint when it differs from the one derived from <see cref="Endpoint"/>; empty otherwise.</summary>
        public string EndpointRealtime
        {
            get => _endpointRealtime;
            set => _endpointRealtime = value ?? "";
        }
    }
}
