// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections.Generic;
using UnityEngine;

namespace Appwrite
{
    /// <summary>
    /// Project settings for every <see cref="Client"/>: named environments (endpoint, project, locale) and which one is
    /// active. A client uses the active environment for each value its setters did not set. Unity loads the asset from
    /// <c>Resources/AppwriteSettings</c>; the Project Settings page (Edit → Project Settings → Appwrite) edits it.
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
