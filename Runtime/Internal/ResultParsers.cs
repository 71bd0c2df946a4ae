// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using UnityEngine;

namespace Appwrite.Internal
{
    /// <summary>Turns the text <c>resolve</c> receives into the C# result of a method.</summary>
    internal static class ResultParsers
    {
        /// <summary>Raw text: URLs, <c>ping</c>, prefs JSON.</summary>
        public static readonly Func<string, string> Text = text => text;

        /// <summary>Methods without a result (204).</summary>
        public static readonly Func<string, object?> None = _ => null;

        /// <summary>The cached parser of a model type.</summary>
        public static Func<string, T> Model<T>() where T : class => ModelParser<T>.Parse;

        /// <summary>Reads a JSON object into the user's own type with <see cref="JsonUtility"/>.</summary>
        public static T Json<T>(string json, string what)
        {
            try
            {
                var value = JsonUtility.FromJson<T>(json);
                if (value == null) throw new ArgumentException("JsonUtility returned null");
                return value;
            }
            catch (ArgumentException e)
            {
                throw new AppwriteException($"{what} could not be read as {typeof(T).Name} with JsonUtility: {e.Message}. Use a [Serializable] class or struct with public or [SerializeField] fields.", 0, AppwriteErrorType.MalformedResponse, innerException: e);
            }
        }

        private static class ModelParser<T> where T : class
        {
            public static readonly Func<string, T> Parse = text => Json<T>(text, "The response");
        }
    }

    /// <summary>The host services every client uses unless told otherwise; tests swap them.</summary>
    internal static class HostDefaults
    {
        private static IHttpBridge? _http;
        private static IKeyValueStore? _storage;

        public static IHttpBridge Http
        {
            get => _http ??= new UnityHttpBridge();
            set => _http = value;
        }

        public static IKeyValueStore Storage
        {
            get => _storage ??= new PlayerPrefsKeyValueStore();
            set => _storage = value;
        }
    }
}
