// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System.IO;
using System.Text;
using System.Xml;

namespace Appwrite.Editor
{
    /// <summary>Writes an XML document back as it was read: its whitespace, declaration and DOCTYPE, UTF-8 without BOM.</summary>
    internal static class XmlText
    {
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
