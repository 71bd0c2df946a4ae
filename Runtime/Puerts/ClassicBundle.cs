// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// Compiled with or without Puerts, so that the .NET test ring can check the transform against the real bundle.
#nullable enable
using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace Appwrite.Internal
{
    /// <summary>
    /// The bundle as a classic script, for Puerts' WebGL player: there modules are not read through the loader but
    /// looked up in the page's pre-packed <c>PUERTS_JS_RESOURCES</c>, and Puerts' packer skips package Resources, so
    /// <c>ExecuteModule</c> cannot find our bundle. <c>env.Eval</c> (the browser's indirect <c>eval</c>) runs a script
    /// instead, and this is the one place that turns the module into one.
    /// </summary>
    /// <remarks>
    /// The bundle is one ES module (esbuild, <c>format: 'esm'</c>) with no imports whose only export is its last
    /// statement, <c>export { a, b as c };</c>. <see cref="Wrap"/> puts the module body into a strict function that
    /// returns those bindings and assigns the result to <c>globalThis.__playloomAppwrite</c> once: evaluating the script
    /// again reuses the first instance, as importing a module twice would. Anything else in the text (another export, a
    /// static import, <c>import.meta</c>) is refused, never half-converted.
    /// </remarks>
    internal static class ClassicBundle
    {
        /// <summary>The global that holds the exports after the script ran.</summary>
        public const string GlobalName = "__playloomAppwrite";

        /// <summary>The expression that reads an export, e.g. <c>globalThis.__playloomAppwrite.invoke</c>.</summary>
        public static string ExportExpression(string name) => "globalThis." + GlobalName + "." + name;

        private static readonly Regex _finalExport = new Regex(@"(?:^|\n)[ \t]*export[ \t]*\{(?<list>[^{}]*)\}[ \t]*;?\s*$", RegexOptions.CultureInvariant);
        private static readonly Regex _binding = new Regex(@"^(?<local>[A-Za-z_$][\w$]*)(?:\s+as\s+(?<exported>[A-Za-z_$][\w$]*))?$", RegexOptions.CultureInvariant);
        private static readonly Regex _moduleSyntax = new Regex(@"^[ \t]*(?:export\b|import[ \t]*(?:[\w$*{]|[""']))|\bimport\.meta\b", RegexOptions.CultureInvariant | RegexOptions.Multiline);

        /// <summary>Turns the bundle module into a classic script that stores its exports on <see cref="GlobalName"/>.</summary>
        /// <param name="moduleText">The text of <c>PlayloomAppwrite/appwrite.mjs</c>.</param>
        /// <returns>The script for <c>Eval</c>.</returns>
        /// <exception cref="FormatException">The text is not shaped like the bundle (see remarks).</exception>
        public static string Wrap(string moduleText)
        {
            if (string.IsNullOrEmpty(moduleText)) throw new FormatException("the bundle text is empty");
            var text = moduleText.Replace("\r\n", "\n");
            var export = _finalExport.Match(text);
            if (!export.Success) throw new FormatException("the bundle does not end with an `export { ... };` statement");
            var body = text.Substring(0, export.Index);
            var stray = _moduleSyntax.Match(body);
            if (stray.Success)
            {
                var line = body.Substring(0, stray.Index).Split('\n').Length;
                throw new FormatException($"the bundle has module syntax a classic script cannot run at line {line}: `{Excerpt(body, stray.Index)}`");
            }
            var exports = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var raw in export.Groups["list"].Value.Split(','))
            {
                var item = raw.Trim();
                if (item.Length == 0) continue;
                var binding = _binding.Match(item);
                if (!binding.Success) throw new FormatException($"cannot read the export `{Excerpt(item, 0)}`");
                var local = binding.Groups["local"].Value;
                var name = binding.Groups["exported"].Success ? binding.Groups["exported"].Value : local;
                if (!seen.Add(name)) throw new FormatException($"the export `{name}` appears twice");
                exports.Add(JsonWriter.Quote(name) + ": " + local);
            }
            if (exports.Count == 0) throw new FormatException("the bundle exports nothing");
            var script = new StringBuilder(text.Length + exports.Count * 40 + 256);
            script.Append("globalThis.").Append(GlobalName).Append(" = globalThis.").Append(GlobalName).Append(" || (function () {\n\"use strict\";\n");
            script.Append(body);
            if (body.Length > 0 && body[body.Length - 1] != '\n') script.Append('\n');
            script.Append("return { ").Append(string.Join(", ", exports)).Append(" };\n})();\n");
            script.Append("//# sourceURL=PlayloomAppwrite/appwrite.js\n");
            return script.ToString();
        }

        private static string Excerpt(string text, int index)
        {
            var end = text.IndexOf('\n', index);
            var line = (end < 0 ? text.Substring(index) : text.Substring(index, end - index)).Trim();
            return line.Length > 60 ? line.Substring(0, 60) + "..." : line;
        }
    }
}
