// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// The immediate-mode GUI types the editor windows use, by signature from Unity's scripting reference (2021.3). They
// draw nothing: controls return the value they were given and buttons are never pressed, so drawing code runs in tests.

#nullable enable
namespace UnityEngine
{
    public class GUIContent
    {
        public GUIContent()
        {
        }

        public GUIContent(string text)
        {
            this.text = text;
        }

        public string text { get; set; } = "";

        public string tooltip { get; set; } = "";
    }

    public class GUIStyle
    {
        public bool wordWrap { get; set; }

        public bool richText { get; set; }
    }

    public sealed class GUILayoutOption
    {
        internal GUILayoutOption()
        {
        }
    }

    public static partial class GUILayout
    {
        // Recorded for the samples' tests (IMGUI.Samples.cs): false unless a test pressed the button with UnityStubs.Gui.
        public static bool Button(string text, params GUILayoutOption[] options) => UnityStubs.Gui.Button(text);

        public static void Label(string text, params GUILayoutOption[] options) => UnityStubs.Gui.Record(UnityStubs.GuiControlKind.Label, text);

        public static void FlexibleSpace()
        {
        }

        public static void Space(float pixels)
        {
        }

        public static GUILayoutOption Width(float width) => new GUILayoutOption();

        public static GUILayoutOption Height(float height) => new GUILayoutOption();

        public static GUILayoutOption ExpandWidth(bool expand) => new GUILayoutOption();
    }

    public static partial class GUI
    {
        public static bool enabled { get; set; } = true;
    }

    public static partial class GUIUtility
    {
        public static string systemCopyBuffer { get; set; } = "";
    }
}
