// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Xml;

namespace Appwrite.Editor
{
    /// <summary>
    /// Adds the OAuth2 callback schemes to the Unity player activity of a generated Gradle project's
    /// <c>unityLibrary/src/main/AndroidManifest.xml</c>: one <c>&lt;intent-filter&gt;</c> (VIEW, DEFAULT, BROWSABLE,
    /// <c>&lt;data android:scheme&gt;</c>) per missing scheme, inside the existing activity. The activity itself and its
    /// launcher filter are left as they are; running it again changes nothing.
    /// </summary>
    internal static class AndroidManifestDeepLinks
    {
        public const string AndroidNamespace = "http://schemas.android.com/apk/res/android";
        public const string ManifestRelativePath = "src/main/AndroidManifest.xml";

        /// <summary>Edits the manifest of the Unity library project at <paramref name="unityLibraryPath"/>; returns the schemes added.</summary>
        /// <exception cref="InvalidOperationException">No manifest, or no Unity player activity in it (the message says what to do).</exception>
        public static List<string> Apply(string unityLibraryPath, IEnumerable<string> schemes)
        {
            return XmlText.AddSchemesToFile(Path.Combine(unityLibraryPath, ManifestRelativePath),
                "Add the intent-filter to your own Android manifest (see the package README, OAuth2).", (text, added) => AddSchemes(text, schemes, added));
        }

        /// <summary>The manifest with an intent filter for each scheme the player activity lacks; <paramref name="added"/> gets those schemes.</summary>
        /// <exception cref="InvalidOperationException">The text is not a manifest with a Unity player activity.</exception>
        public static string AddSchemes(string manifestXml, IEnumerable<string> schemes, List<string> added)
        {
            var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
            try
            {
                document.LoadXml(manifestXml);
            }
            catch (XmlException e)
            {
                throw new InvalidOperationException($"Appwrite: the Android manifest is not valid XML ({e.Message}); the OAuth2 callback scheme was not registered.", e);
            }
            var activity = FindPlayerActivity(document) ?? throw new InvalidOperationException(
                "Appwrite: no Unity player activity (meta-data unityplayer.UnityActivity, or the MAIN/LAUNCHER activity) in the Android manifest, so the OAuth2 callback scheme was not registered. " +
                "Add <intent-filter><action android:name=\"android.intent.action.VIEW\"/><category android:name=\"android.intent.category.DEFAULT\"/><category android:name=\"android.intent.category.BROWSABLE\"/><data android:scheme=\"appwrite-callback-<PROJECT_ID>\"/></intent-filter> to the activity that receives deep links.");
            var prefix = activity.GetPrefixOfNamespace(AndroidNamespace);
            if (string.IsNullOrEmpty(prefix)) prefix = "android";
            var indent = IndentOf(activity);
            foreach (var scheme in schemes)
            {
                if (HasScheme(activity, scheme) || added.Contains(scheme)) continue;
                var filter = document.CreateElement("intent-filter");
                Child(document, filter, "action", prefix, "name", "android.intent.action.VIEW", indent + "    ");
                Child(document, filter, "category", prefix, "name", "android.intent.category.DEFAULT", indent + "    ");
                Child(document, filter, "category", prefix, "name", "android.intent.category.BROWSABLE", indent + "    ");
                Child(document, filter, "data", prefix, "scheme", scheme, indent + "    ");
                filter.AppendChild(document.CreateWhitespace("\n" + indent + "  "));
                // Before the whitespace that indents </activity>, or at the end of an activity without one.
                if (!(activity.LastChild is XmlWhitespace closing))
                {
                    closing = document.CreateWhitespace("\n" + indent);
                    activity.AppendChild(closing);
                }
                activity.InsertBefore(document.CreateWhitespace("\n" + indent + "  "), closing);
                activity.InsertBefore(filter, closing);
                added.Add(scheme);
            }
            if (added.Count == 0) return manifestXml;
            return XmlText.Serialize(document);
        }

        /// <summary>The activity Unity starts: marked with <c>unityplayer.UnityActivity</c>, else the launcher, else one named UnityPlayer*Activity.</summary>
        public static XmlElement? FindPlayerActivity(XmlDocument document)
        {
            var activities = new List<XmlElement>();
            foreach (XmlNode node in document.GetElementsByTagName("activity"))
            {
                if (node is XmlElement element) activities.Add(element);
            }
            foreach (var activity in activities)
            {
                foreach (XmlNode child in activity.ChildNodes)
                {
                    if (child is XmlElement meta && meta.Name == "meta-data" && Attr(meta, "name") == "unityplayer.UnityActivity" && Attr(meta, "value") == "true") return activity;
                }
            }
            foreach (var activity in activities)
            {
                if (HasFilter(activity, "android.intent.action.MAIN", "android.intent.category.LAUNCHER")) return activity;
            }
            foreach (var activity in activities)
            {
                var name = Attr(activity, "name");
                if (name.EndsWith("UnityPlayerActivity", StringComparison.Ordinal) || name.EndsWith("UnityPlayerGameActivity", StringComparison.Ordinal)) return activity;
            }
            return null;
        }

        /// <summary>Whether an intent filter of the activity already names the scheme.</summary>
        public static bool HasScheme(XmlElement activity, string scheme)
        {
            foreach (XmlNode filter in activity.ChildNodes)
            {
                if (!(filter is XmlElement f) || f.Name != "intent-filter") continue;
                foreach (XmlNode data in f.ChildNodes)
                {
                    if (data is XmlElement d && d.Name == "data" && Attr(d, "scheme") == scheme) return true;
                }
            }
            return false;
        }

        private static bool HasFilter(XmlElement activity, string action, string category)
        {
            foreach (XmlNode filter in activity.ChildNodes)
            {
                if (!(filter is XmlElement f) || f.Name != "intent-filter") continue;
                bool hasAction = false, hasCategory = false;
                foreach (XmlNode child in f.ChildNodes)
                {
                    if (!(child is XmlElement c)) continue;
                    if (c.Name == "action" && Attr(c, "name") == action) hasAction = true;
                    if (c.Name == "category" && Attr(c, "name") == category) hasCategory = true;
                }
                if (hasAction && hasCategory) return true;
            }
            return false;
        }

        private static string Attr(XmlElement element, string localName) => element.GetAttribute(localName, AndroidNamespace);

        private static void Child(XmlDocument document, XmlElement parent, string name, string prefix, string attribute, string value, string indent)
        {
            parent.AppendChild(document.CreateWhitespace("\n" + indent));
            var child = document.CreateElement(name);
            var attr = document.CreateAttribute(prefix, attribute, AndroidNamespace);
            attr.Value = value;
            child.Attributes.Append(attr);
            parent.AppendChild(child);
        }

        // The whitespace before the activity's start tag, to indent what we add like its siblings.
        private static string IndentOf(XmlElement element)
        {
            if (element.PreviousSibling is XmlWhitespace whitespace)
            {
                var text = whitespace.Value ?? "";
                var newline = text.LastIndexOf('\n');
                return newline >= 0 ? text.Substring(newline + 1) : text;
            }
            return "    ";
        }
    }
}
