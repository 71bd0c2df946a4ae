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
    /// <summary>Writes an XML document back as it was read: its whitespace, declaration and DOCTYPE, UTF-8 without BOM.</summary>
    internal static class XmlText
    {
        /// <summary>
        /// Applies a scheme-adding transform to an XML file in a build output, writing it only when schemes were added.
        /// </summary>
        /// <param name="path">The file (AndroidManifest.xml, Info.plist).</param>
        /// <param name="whenMissing">What to tell the developer when the file does not exist.</param>
        /// <param name="addSchemes">The transform: text in, text out, the schemes it added collected in the list.</param>
        /// <returns>The schemes added (empty when all were there).</returns>
        public static List<string> AddSchemesToFile(string path, string whenMissing, Func<string, List<string>, string> addSchemes)
        {
            if (!File.Exists(path)) throw new InvalidOperationException($"Appwrite: {path} does not exist, so the OAuth2 callback scheme was not registered. {whenMissing}");
            var added = new List<string>();
            var text = addSchemes(File.ReadAllText(path), added);
            if (added.Count > 0) File.WriteAllText(path, text, new UTF8Encoding(false));
            return added;
        }

        public static string Serialize(XmlDocument document)
        {
            var builder = new StringBuilder();
            var settings = new XmlWriterSettings
            {
                OmitXmlDeclaration = !(document.FirstChild is XmlDeclaration),
                Indent = false,
                NewLineHandling = NewLineHandling.None,
            };
            using (var writer = XmlWriter.Create(new Utf8StringWriter(builder), settings)) document.Save(writer);
            return builder.ToString();
        }

        private sealed class Utf8StringWriter : StringWriter
        {
            public Utf8StringWriter(StringBuilder builder) : base(builder, System.Globalization.CultureInfo.InvariantCulture)
            {
            }

            public override Encoding Encoding => new UTF8Encoding(false);
        }
    }
}
