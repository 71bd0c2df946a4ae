// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// The rest of the runtime GUILayout the samples draw with (OnGUI), by signature from Unity's scripting reference
// (2021.3); IMGUI.cs has the part the editor windows share. Nothing is rendered: UnityStubs.Gui records each control,
// so a test can run an OnGUI pass, read what it drew and press a button by its text.

#nullable enable
using System;
using System.Collections.Generic;
using System.Globalization;

namespace UnityEngine
{
    public static partial class GUILayout
    {
        public static string TextField(string text, params GUILayoutOption[] options) => UnityStubs.Gui.Field(UnityStubs.GuiControlKind.TextField, text);

        public static string TextField(string text, int maxLength, params GUILayoutOption[] options) => UnityStubs.Gui.Field(UnityStubs.GuiControlKind.TextField, text);

        public static string PasswordField(string password, char maskChar, params GUILayoutOption[] options) => UnityStubs.Gui.Field(UnityStubs.GuiControlKind.PasswordField, password);

        public static string PasswordField(string password, char maskChar, int maxLength, params GUILayoutOption[] options) => UnityStubs.Gui.Field(UnityStubs.GuiControlKind.PasswordField, password);

        public static bool Toggle(bool value, string text, params GUILayoutOption[] options) => UnityStubs.Gui.Toggle(value, text);

        public static int Toolbar(int selected, string[] texts, params GUILayoutOption[] options) => UnityStubs.Gui.Toolbar(selected, texts);

        public static float HorizontalSlider(float value, float leftValue, float rightValue, params GUILayoutOption[] options)
        {
            UnityStubs.Gui.Record(UnityStubs.GuiControlKind.Slider, value.ToString(CultureInfo.InvariantCulture));
            return value;
        }

        public static void BeginArea(Rect screenRect) => UnityStubs.Gui.Begin("Area");

        public static void EndArea() => UnityStubs.Gui.End("Area");

        public static void BeginHorizontal(params GUILayoutOption[] options) => UnityStubs.Gui.Begin("Horizontal");

        public static void EndHorizontal() => UnityStubs.Gui.End("Horizontal");

        public static void BeginVertical(params GUILayoutOption[] options) => UnityStubs.Gui.Begin("Vertical");

        public static void EndVertical() => UnityStubs.Gui.End("Vertical");

        public static Vector2 BeginScrollView(Vector2 scrollPosition, params GUILayoutOption[] options)
        {
            UnityStubs.Gui.Begin("ScrollView");
            return scrollPosition;
        }

        public static void EndScrollView() => UnityStubs.Gui.End("ScrollView");

        public static GUILayoutOption MinWidth(float minWidth) => new GUILayoutOption();

        public static GUILayoutOption MaxWidth(float maxWidth) => new GUILayoutOption();
    }

    public static partial class GUIUtility
    {
        public static void ScaleAroundPivot(Vector2 scale, Vector2 pivotPoint)
        {
        }
    }
}

namespace UnityStubs
{
    /// <summary>What an IMGUI control drew.</summary>
    public enum GuiControlKind
    {
        Label,
        Button,
        TextField,
        PasswordField,
        Toggle,
        Toolbar,
        Slider,
    }

    /// <summary>One control of an OnGUI pass: its kind, its text (a field's value) and whether GUI.enabled was on.</summary>
    public readonly struct GuiControl
    {
        public GuiControl(GuiControlKind kind, string text, bool enabled)
        {
            Kind = kind;
            Text = text;
            Enabled = enabled;
        }

        public GuiControlKind Kind { get; }

        public string Text { get; }

        public bool Enabled { get; }

        public override string ToString() => $"{Kind}({Text}){(Enabled ? "" : " disabled")}";
    }

    /// <summary>
    /// Not Unity API: runs OnGUI passes for tests. <see cref="Draw"/> calls a component's OnGUI and returns the controls
    /// it drew; <see cref="Click"/> makes the next enabled button (or toggle, or toolbar item) with that text respond
    /// in the next pass, as a mouse click would. Outside <see cref="Draw"/> nothing is pressed.
    /// </summary>
    public static class Gui
    {
        private static readonly List<GuiControl> _drawn = new List<GuiControl>();
        private static readonly Stack<string> _groups = new Stack<string>();
        private static string? _click;
        private static bool _clicked;

        /// <summary>The controls of the last pass, in drawing order.</summary>
        public static IReadOnlyList<GuiControl> Drawn => _drawn.ToArray();

        /// <summary>Presses the control with this text in the next pass.</summary>
        public static void Click(string text)
        {
            _click = text;
            _clicked = false;
        }

        /// <summary>
        /// Runs one OnGUI pass of <paramref name="target"/> and returns what it drew. Fails when a pending click found no
        /// enabled control, or when Begin/End calls do not pair up (Unity logs an error for both).
        /// </summary>
        public static IReadOnlyList<GuiControl> Draw(object target)
        {
            _drawn.Clear();
            _groups.Clear();
            UnityEngine.GUI.enabled = true;
            PlayerLoop.SendMessage(target, "OnGUI");
            var pending = _click;
            _click = null;
            if (pending != null && !_clicked) throw new InvalidOperationException($"No enabled control \"{pending}\" was drawn: {string.Join(", ", _drawn)}");
            if (_groups.Count > 0) throw new InvalidOperationException($"OnGUI left {string.Join(", ", _groups)} open.");
            return Drawn;
        }

        internal static void Record(GuiControlKind kind, string text) => _drawn.Add(new GuiControl(kind, text ?? "", UnityEngine.GUI.enabled));

        internal static bool Button(string text)
        {
            Record(GuiControlKind.Button, text);
            return Press(text);
        }

        internal static string Field(GuiControlKind kind, string text)
        {
            Record(kind, text);
            return text ?? "";
        }

        internal static bool Toggle(bool value, string text)
        {
            Record(GuiControlKind.Toggle, text);
            return Press(text) ? !value : value;
        }

        internal static int Toolbar(int selected, string[] texts)
        {
            for (var i = 0; i < texts.Length; i++)
            {
                Record(GuiControlKind.Toolbar, texts[i]);
                if (Press(texts[i])) selected = i;
            }
            return selected;
        }

        internal static void Begin(string group) => _groups.Push(group);

        internal static void End(string group)
        {
            if (_groups.Count == 0 || _groups.Peek() != group) throw new InvalidOperationException($"GUILayout.End{group} without a matching Begin{group}.");
            _groups.Pop();
        }

        private static bool Press(string text)
        {
            if (_click == null || _clicked || text != _click || !UnityEngine.GUI.enabled) return false;
            _clicked = true;
            return true;
        }
    }
}
