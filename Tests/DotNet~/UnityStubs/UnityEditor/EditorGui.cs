// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// Editor UI stand-ins (Project Settings pages, editor windows, IMGUI controls, menus, prefs), by signature from
// Unity's scripting reference (2021.3). Controls return the value they were given; EditorPrefs keeps values in memory.

#nullable enable
using System;
using System.Collections.Generic;
using UnityEngine;

namespace UnityEditor
{
    public static partial class EditorApplication
    {
        public static CallbackFunction? delayCall;

        public static event Action? quitting;

        public static double timeSinceStartup => Time.realtimeSinceStartupAsDouble;

        /// <summary>Not Unity API: runs and clears delayCall, as the editor does after an update.</summary>
        public static void RunDelayCallsForTests()
        {
            var calls = delayCall;
            delayCall = null;
            calls?.Invoke();
        }

        internal static void RaiseQuitting() => quitting?.Invoke();
    }

    [AttributeUsage(AttributeTargets.Method)]
    public sealed class InitializeOnLoadMethodAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public sealed class MenuItem : Attribute
    {
        public MenuItem(string itemName) : this(itemName, false, 1000)
        {
        }

        public MenuItem(string itemName, bool isValidateFunction) : this(itemName, isValidateFunction, 1000)
        {
        }

        public MenuItem(string itemName, bool isValidateFunction, int priority)
        {
            menuItem = itemName;
            validate = isValidateFunction;
            this.priority = priority;
        }

        public string menuItem;
        public bool validate;
        public int priority;
    }

    public enum SettingsScope
    {
        User = 0,
        Project = 1,
    }

    [AttributeUsage(AttributeTargets.Method)]
    public sealed class SettingsProviderAttribute : Attribute
    {
    }

    public class SettingsProvider
    {
        public SettingsProvider(string path, SettingsScope scopes, IEnumerable<string>? keywords = null)
        {
            settingsPath = path;
            scope = scopes;
            this.keywords = keywords ?? Array.Empty<string>();
            var slash = path.LastIndexOf('/');
            label = slash < 0 ? path : path.Substring(slash + 1);
        }

        public string settingsPath { get; }

        public SettingsScope scope { get; }

        public string label { get; set; }

        public IEnumerable<string> keywords { get; set; }

        public virtual void OnGUI(string searchContext)
        {
        }

        public virtual void OnDeactivate()
        {
        }

        public void Repaint()
        {
        }
    }

    public static class SettingsService
    {
        /// <summary>Not Unity API: the last path opened.</summary>
        public static string LastOpenedForTests { get; private set; } = "";

        public static EditorWindow? OpenProjectSettings(string settingsPath)
        {
            LastOpenedForTests = settingsPath;
            return null;
        }
    }

    public static class EditorPrefs
    {
        private static readonly Dictionary<string, object> _values = new Dictionary<string, object>(StringComparer.Ordinal);

        public static string GetString(string key, string defaultValue = "")
        {
            lock (_values) return _values.TryGetValue(key, out var value) && value is string s ? s : defaultValue;
        }

        public static void SetString(string key, string value)
        {
            lock (_values) _values[key] = value;
        }

        public static bool GetBool(string key, bool defaultValue = false)
        {
            lock (_values) return _values.TryGetValue(key, out var value) && value is bool b ? b : defaultValue;
        }

        public static void SetBool(string key, bool value)
        {
            lock (_values) _values[key] = value;
        }

        public static int GetInt(string key, int defaultValue = 0)
        {
            lock (_values) return _values.TryGetValue(key, out var value) && value is int i ? i : defaultValue;
        }

        public static void SetInt(string key, int value)
        {
            lock (_values) _values[key] = value;
        }

        public static bool HasKey(string key)
        {
            lock (_values) return _values.ContainsKey(key);
        }

        public static void DeleteKey(string key)
        {
            lock (_values) _values.Remove(key);
        }

        /// <summary>Not Unity API: every stored key and value (to check what the package writes).</summary>
        public static IReadOnlyDictionary<string, object> AllForTests
        {
            get
            {
                lock (_values) return new Dictionary<string, object>(_values);
            }
        }

        /// <summary>Not Unity API: forgets everything.</summary>
        public static void ClearForTests()
        {
            lock (_values) _values.Clear();
        }
    }

    public class EditorWindow : ScriptableObject
    {
        public GUIContent titleContent { get; set; } = new GUIContent();

        public Vector2 minSize { get; set; }

        public static T GetWindow<T>(string title) where T : EditorWindow
        {
            var window = CreateInstance<T>();
            window.titleContent = new GUIContent(title);
            return window;
        }

        public void Show()
        {
        }

        public void Close()
        {
        }

        public void Repaint()
        {
        }

        public void ShowNotification(GUIContent notification)
        {
        }
    }

    public enum MessageType
    {
        None = 0,
        Info = 1,
        Warning = 2,
        Error = 3,
    }

    public static class EditorStyles
    {
        public static GUIStyle boldLabel { get; } = new GUIStyle();

        public static GUIStyle wordWrappedLabel { get; } = new GUIStyle { wordWrap = true };

        public static GUIStyle miniLabel { get; } = new GUIStyle();
    }

    public static class EditorGUI
    {
        public static bool BeginChangeCheck() => false;

        public static bool EndChangeCheck() => false;

        public struct DisabledScope : IDisposable
        {
            public DisabledScope(bool disabled)
            {
            }

            public void Dispose()
            {
            }
        }
    }

    public static class EditorGUILayout
    {
        public static string TextField(string label, string text, params GUILayoutOption[] options) => text;

        public static string PasswordField(string label, string password, params GUILayoutOption[] options) => password;

        public static bool Toggle(string label, bool value, params GUILayoutOption[] options) => value;

        public static int Popup(string label, int selectedIndex, string[] displayedOptions, params GUILayoutOption[] options) => selectedIndex;

        public static void LabelField(string label, params GUILayoutOption[] options)
        {
        }

        public static void LabelField(string label, GUIStyle style, params GUILayoutOption[] options)
        {
        }

        public static void SelectableLabel(string text, params GUILayoutOption[] options)
        {
        }

        public static void HelpBox(string message, MessageType type)
        {
        }

        public static void Space()
        {
        }

        public static Rect BeginHorizontal(params GUILayoutOption[] options) => default;

        public static void EndHorizontal()
        {
        }

        public static Vector2 BeginScrollView(Vector2 scrollPosition, params GUILayoutOption[] options) => scrollPosition;

        public static void EndScrollView()
        {
        }
    }

    public static class EditorUtility
    {
        public static void SetDirty(UnityEngine.Object target)
        {
        }

        public static void RevealInFinder(string path)
        {
        }
    }

    public static class Undo
    {
        public static void RecordObject(UnityEngine.Object objectToUndo, string name)
        {
        }
    }
}
