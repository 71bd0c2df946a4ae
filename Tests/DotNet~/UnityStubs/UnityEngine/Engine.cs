// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace UnityEngine
{
    public enum LogType
    {
        Error = 0,
        Assert = 1,
        Warning = 2,
        Log = 3,
        Exception = 4,
    }

    public static class Debug
    {
        public static void Log(object message) => UnityStubs.Console.Write(LogType.Log, Convert.ToString(message) ?? "null");

        public static void LogWarning(object message) => UnityStubs.Console.Write(LogType.Warning, Convert.ToString(message) ?? "null");

        public static void LogError(object message) => UnityStubs.Console.Write(LogType.Error, Convert.ToString(message) ?? "null");

        public static void LogException(Exception exception) => UnityStubs.Console.Write(LogType.Exception, exception.ToString());

        public static void LogFormat(string format, params object[] args) => Log(string.Format(format, args));
    }

    public static class PlayerPrefs
    {
        private static readonly Dictionary<string, object> _values = new Dictionary<string, object>(StringComparer.Ordinal);

        public static void SetString(string key, string value)
        {
            lock (_values) _values[key] = value;
        }

        public static string GetString(string key) => GetString(key, "");

        public static string GetString(string key, string defaultValue)
        {
            lock (_values) return _values.TryGetValue(key, out var value) && value is string s ? s : defaultValue;
        }

        public static void SetInt(string key, int value)
        {
            lock (_values) _values[key] = value;
        }

        public static int GetInt(string key, int defaultValue = 0)
        {
            lock (_values) return _values.TryGetValue(key, out var value) && value is int i ? i : defaultValue;
        }

        public static bool HasKey(string key)
        {
            lock (_values) return _values.ContainsKey(key);
        }

        public static void DeleteKey(string key)
        {
            lock (_values) _values.Remove(key);
        }

        public static void DeleteAll()
        {
            lock (_values) _values.Clear();
        }

        public static void Save()
        {
            UnityStubs.Console.PlayerPrefsSaves++;
        }
    }

    public enum RuntimePlatform
    {
        OSXEditor = 0,
        OSXPlayer = 1,
        WindowsPlayer = 2,
        WindowsEditor = 7,
        IPhonePlayer = 8,
        Android = 11,
        LinuxPlayer = 13,
        LinuxEditor = 16,
        WebGLPlayer = 17,
    }

    public static partial class Application
    {
        public static bool isPlaying { get; internal set; } = true;

        public static bool isEditor => true;

        public static RuntimePlatform platform => RuntimePlatform.LinuxEditor;

        public static string version => "0.0.0";

        public static string unityVersion => "2021.3.45f1";

        public static event Action? quitting;

        internal static void RaiseQuitting() => quitting?.Invoke();
    }

    public static class Time
    {
        private static readonly Stopwatch _clock = Stopwatch.StartNew();

        public static float realtimeSinceStartup => (float)_clock.Elapsed.TotalSeconds;

        public static double realtimeSinceStartupAsDouble => _clock.Elapsed.TotalSeconds;

        public static int frameCount => UnityStubs.PlayerLoop.FrameCount;
    }

    public static class Resources
    {
        public static Object? Load(string path) => UnityStubs.StubResources.Find(path, typeof(Object));

        public static T? Load<T>(string path) where T : Object => UnityStubs.StubResources.Find(path, typeof(T)) as T;
    }
}
