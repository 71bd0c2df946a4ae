// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Appwrite.Internal
{
    /// <summary>
    /// A small forward-only JSON writer for the bridge: argument objects, config objects and host responses.
    /// Strings are escaped per RFC 8259; <see cref="Raw"/> embeds JSON that was produced or checked elsewhere.
    /// </summary>
    internal sealed class JsonWriter
    {
        private readonly StringBuilder _text;
        // One entry per open object/array: true until its first member is written.
        private readonly Stack<bool> _first = new Stack<bool>();
        private bool _afterName;

        public JsonWriter(int capacity = 128)
        {
            _text = new StringBuilder(capacity);
        }

        public JsonWriter BeginObject()
        {
            Separate();
            _text.Append('{');
            _first.Push(true);
            return this;
        }

        public JsonWriter EndObject()
        {
            _first.Pop();
            _text.Append('}');
            return this;
        }

        public JsonWriter BeginArray()
        {
            Separate();
            _text.Append('[');
            _first.Push(true);
            return this;
        }

        public JsonWriter EndArray()
        {
            _first.Pop();
            _text.Append(']');
            return this;
        }

        public JsonWriter Name(string name)
        {
            Separate();
            AppendQuoted(_text, name);
            _text.Append(':');
            _afterName = true;
            return this;
        }

        public JsonWriter String(string? value)
        {
            if (value == null) return Null();
            Separate();
            AppendQuoted(_text, value);
            return this;
        }

        public JsonWriter Number(long value)
        {
            Separate();
            _text.Append(value.ToString(CultureInfo.InvariantCulture));
            return this;
        }

        public JsonWriter Number(double value)
        {
            if (double.IsNaN(value) || double.IsInfinity(value)) return Null();
            Separate();
            _text.Append(FormatDouble(value));
            return this;
        }

        public JsonWriter Bool(bool value)
        {
            Separate();
            _text.Append(value ? "true" : "false");
            return this;
        }

        public JsonWriter Null()
        {
            Separate();
            _text.Append("null");
            return this;
        }

        /// <summary>Embeds already valid JSON as the next value.</summary>
        public JsonWriter Raw(string json)
        {
            Separate();
            _text.Append(json);
            return this;
        }

        /// <summary>Writes any of: null, string, bool, integer and floating types, dictionaries with string keys, sequences.</summary>
        public JsonWriter Value(object? value)
        {
            switch (value)
            {
                case null: return Null();
                case string s: return String(s);
                case bool b: return Bool(b);
                case int i: return Number(i);
                case long l: return Number(l);
                case short sh: return Number(sh);
                case byte by: return Number(by);
                case uint ui: return Number(ui);
                case float f: return Number(double.Parse(f.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
                case double d: return Number(d);
                case decimal m: return Raw(m.ToString(CultureInfo.InvariantCulture));
                case IDictionary<string, object?> map:
                    BeginObject();
                    foreach (var pair in map) Name(pair.Key).Value(pair.Value);
                    return EndObject();
                case System.Collections.IEnumerable items:
                    BeginArray();
                    foreach (var item in items) Value(item);
                    return EndArray();
                default:
                    return String(Convert.ToString(value, CultureInfo.InvariantCulture));
            }
        }

        public override string ToString() => _text.ToString();

        /// <summary>The JSON string literal of <paramref name="value"/>, quotes included.</summary>
        public static string Quote(string value)
        {
            var text = new StringBuilder(value.Length + 2);
            AppendQuoted(text, value);
            return text.ToString();
        }

        // Shortest text that reads back as the same double, like JavaScript's JSON.stringify for finite numbers.
        internal static string FormatDouble(double value)
        {
            if (value == Math.Floor(value) && Math.Abs(value) < 1e15) return ((long)value).ToString(CultureInfo.InvariantCulture);
            return value.ToString("R", CultureInfo.InvariantCulture);
        }

        private void Separate()
        {
            if (_afterName)
            {
                _afterName = false;
                return;
            }
            if (_first.Count == 0) return;
            if (_first.Peek())
            {
                _first.Pop();
                _first.Push(false);
            }
            else
            {
                _text.Append(',');
            }
        }

        private static void AppendQuoted(StringBuilder text, string value)
        {
            text.Append('"');
            var start = 0;
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                string? escape = c switch
                {
                    '"' => "\\\"",
                    '\\' => "\\\\",
                    '\n' => "\\n",
                    '\r' => "\\r",
                    '\t' => "\\t",
                    '\b' => "\\b",
                    '\f' => "\\f",
                    // Line and paragraph separators are valid JSON but break JavaScript string literals and line protocols.
                    '\u2028' => "\\u2028",
                    '\u2029' => "\\u2029",
                    _ => c < ' ' ? "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture) : null,
                };
                if (escape == null) continue;
                text.Append(value, start, i - start).Append(escape);
                start = i + 1;
            }
            text.Append(value, start, value.Length - start).Append('"');
        }
    }
}
