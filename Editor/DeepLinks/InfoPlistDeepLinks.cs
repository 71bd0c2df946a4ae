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
    /// Adds the OAuth2 callback schemes to <c>CFBundleURLTypes</c> of an Xcode project's XML <c>Info.plist</c>: schemes
    /// already listed in any URL type (e.g. Player Settings' "Supported URL schemes") are left alone, the missing ones
    /// go into one URL type named <see cref="UrlTypeName"/>. Running it again changes nothing. Plain XML, so this is the
    /// same code the tests run, and it needs no iOS build module.
    /// </summary>
    internal static class InfoPlistDeepLinks
    {
        public const string UrlTypeName = "com.playloom.appwrite.oauth2";

        /// <summary>Edits <c>Info.plist</c> in the Xcode project folder <paramref name="xcodeProjectPath"/>; returns the schemes added.</summary>
        /// <exception cref="InvalidOperationException">No Info.plist, or not an XML plist with a top-level dict.</exception>
        public static List<string> Apply(string xcodeProjectPath, IEnumerable<string> schemes)
        {
            return XmlText.AddSchemesToFile(Path.Combine(xcodeProjectPath, "Info.plist"),
                "Add it under URL Types in Xcode (see the package README, OAuth2).", (text, added) => AddSchemes(text, schemes, added));
        }

        /// <summary>The plist with the missing schemes added; <paramref name="added"/> gets them.</summary>
        /// <exception cref="InvalidOperationException">The text is not an XML plist with a top-level dict.</exception>
        public static string AddSchemes(string plistXml, IEnumerable<string> schemes, List<string> added)
        {
            var document = Load(plistXml);
            var root = document.DocumentElement is XmlElement plist && plist.Name == "plist" ? FirstElement(plist, "dict") : null;
            if (root == null) throw new InvalidOperationException("Appwrite: Info.plist has no top-level <dict>; the OAuth2 callback scheme was not registered.");
            var existing = ListedSchemes(root);
            var missing = new List<string>();
            foreach (var scheme in schemes)
            {
                if (!existing.Contains(scheme) && !missing.Contains(scheme)) missing.Add(scheme);
            }
            if (missing.Count == 0) return plistXml;
            var urlTypes = ValueOf(root, "CFBundleURLTypes");
            if (urlTypes == null || urlTypes.Name != "array")
            {
                if (urlTypes != null) throw new InvalidOperationException("Appwrite: CFBundleURLTypes in Info.plist is not an array; the OAuth2 callback scheme was not registered.");
                AppendEntry(document, root, "CFBundleURLTypes", urlTypes = document.CreateElement("array"), "\t");
            }
            var ours = OurUrlType(urlTypes);
            XmlElement schemeArray;
            if (ours != null)
            {
                schemeArray = ValueOf(ours, "CFBundleURLSchemes") ?? throw new InvalidOperationException("Appwrite: the URL type " + UrlTypeName + " in Info.plist has no CFBundleURLSchemes.");
            }
            else
            {
                ours = document.CreateElement("dict");
                AppendEntry(document, ours, "CFBundleURLName", Text(document, "string", UrlTypeName), "\t\t\t");
                schemeArray = document.CreateElement("array");
                AppendEntry(document, ours, "CFBundleURLSchemes", schemeArray, "\t\t\t");
                AppendChild(document, urlTypes, ours, "\t\t", "\t");
            }
            foreach (var scheme in missing)
            {
                AppendChild(document, schemeArray, Text(document, "string", scheme), "\t\t\t\t", "\t\t\t");
                added.Add(scheme);
            }
            return XmlText.Serialize(document);
        }

        /// <summary>Every scheme in every URL type of the plist's top-level dict.</summary>
        public static HashSet<string> ListedSchemes(XmlElement rootDict)
        {
            var schemes = new HashSet<string>(StringComparer.Ordinal);
            var urlTypes = ValueOf(rootDict, "CFBundleURLTypes");
            if (urlTypes == null) return schemes;
            foreach (XmlNode type in urlTypes.ChildNodes)
            {
                if (!(type is XmlElement dict) || dict.Name != "dict") continue;
                var array = ValueOf(dict, "CFBundleURLSchemes");
                if (array == null) continue;
                foreach (XmlNode item in array.ChildNodes)
                {
                    if (item is XmlElement s && s.Name == "string") schemes.Add(s.InnerText.Trim());
                }
            }
            return schemes;
        }

        private static XmlDocument Load(string text)
        {
            // Info.plist has a DOCTYPE: keep it, but never fetch the DTD.
            var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse, XmlResolver = null };
            try
            {
                using var reader = XmlReader.Create(new StringReader(text), settings);
                document.Load(reader);
            }
            catch (XmlException e)
            {
                throw new InvalidOperationException($"Appwrite: Info.plist is not an XML plist ({e.Message}); the OAuth2 callback scheme was not registered. Convert it with `plutil -convert xml1 Info.plist`.", e);
            }
            // A parsed DOCTYPE has an empty internal subset, which would be written back as "[]".
            if (document.DocumentType is XmlDocumentType type && string.IsNullOrEmpty(type.InternalSubset))
            {
                document.ReplaceChild(document.CreateDocumentType(type.Name, type.PublicId, type.SystemId, null), type);
            }
            return document;
        }

        private static XmlElement? OurUrlType(XmlElement urlTypes)
        {
            foreach (XmlNode node in urlTypes.ChildNodes)
            {
                if (node is XmlElement dict && dict.Name == "dict" && ValueOf(dict, "CFBundleURLName")?.InnerText.Trim() == UrlTypeName) return dict;
            }
            return null;
        }

        // A dict is <key>k</key><value/> pairs: the element after the matching key.
        private static XmlElement? ValueOf(XmlElement dict, string key)
        {
            var found = false;
            foreach (XmlNode node in dict.ChildNodes)
            {
                if (!(node is XmlElement element)) continue;
                if (found) return element;
                found = element.Name == "key" && element.InnerText.Trim() == key;
            }
            return null;
        }

        private static XmlElement? FirstElement(XmlElement parent, string name)
        {
            foreach (XmlNode node in parent.ChildNodes)
            {
                if (node is XmlElement element) return element.Name == name ? element : null;
            }
            return null;
        }

        private static XmlElement Text(XmlDocument document, string name, string text)
        {
            var element = document.CreateElement(name);
            element.InnerText = text;
            return element;
        }

        private static void AppendEntry(XmlDocument document, XmlElement dict, string key, XmlElement value, string indent)
        {
            var closingIndent = indent.Length > 0 ? indent.Substring(1) : "";
            AppendChild(document, dict, Text(document, "key", key), indent, closingIndent);
            AppendChild(document, dict, value, indent, closingIndent);
        }

        // Adds a child on its own line, keeping the whitespace that indents the parent's closing tag last.
        private static void AppendChild(XmlDocument document, XmlElement parent, XmlElement child, string indent, string closingIndent)
        {
            if (!(parent.LastChild is XmlWhitespace closing))
            {
                closing = document.CreateWhitespace("\n" + closingIndent);
                parent.AppendChild(closing);
            }
            parent.InsertBefore(document.CreateWhitespace("\n" + indent), closing);
            parent.InsertBefore(child, closing);
        }
    }
}
