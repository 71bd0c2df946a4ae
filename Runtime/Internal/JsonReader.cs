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
    /// A strict RFC 8259 parser into plain values: <c>Dictionary&lt;string, object?&gt;</c> (keys in document order),
    /// <c>List&lt;object?&gt;</c>, <c>string</c>, <c>double</c>, <c>bool</c> and <c>null</c>. Used for the bridge's
    /// free-form JSON (request headers, event payloads, errors), which Unity's JsonUtility cannot read.
    /// </summary>
    internal static class JsonReader
    {
        /// <summary>Parses one JSON document. <exception cref="FormatException">It is not valid JSON.</exception></summary>
        public static object? Parse(string json)
        {
            if (json == null) throw new FormatException("JSON text is null.");
            var reader = new State(json);
            reader.SkipWhitespace();
            var value = reader.ReadValue(0);
            reader.SkipWhitespace();
            if (reader.Position != json.Length) throw reader.Error("unexpected text after the value");
            return value;
        }

        /// <summary>Parses a JSON object, or returns null when the text is not one.</summary>
        public static Dictionary<string, object?>? TryParseObject(string? json)
        {
            if (string.IsNullOrEmpty(json)) return null;
            try
            {
                return Parse(json!) as Dictionary<string, object?>;
            }
            catch (FormatException)
            {
                return null;
            }
        }

        public static string? GetString(this Dictionary<string, object?> map, string key) =>
            map.TryGetValue(key, out var value) ? value as string : null;

        public static double? GetNumber(this Dictionary<string, object?> map, string key) =>
            map.TryGetValue(key, out var value) && value is double d ? d : (double?)null;

        public static bool? GetBool(this Dictionary<string, object?> map, string key) =>
            map.TryGetValue(key, out var value) && value is bool b ? b : (bool?)null;

        public static Dictionary<string, object?>? GetObject(this Dictionary<string, object?> map, string key) =>
            map.TryGetValue(key, out var value) ? value as Dictionary<string, object?> : null;

        private const int MaxDepth = 128;

        private sealed class State
        {
            private readonly string _text;
            public int Position;

            public State(string text)
            {
                _text = text;
            }

            public FormatException Error(string problem) =>
                new FormatException($"Invalid JSON at position {Position}: {problem}.");

            public void SkipWhitespace()
            {
                while (Position < _text.Length)
                {
                    var c = _text[Position];
                    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
                    Position++;
                }
            }

            public object? ReadValue(int depth)
            {
                if (depth > MaxDepth) throw Error("nested too deeply");
                if (Position >= _text.Length) throw Error("unexpected end");
                switch (_text[Position])
                {
                    case '{': return ReadObject(depth);
                    case '[': return ReadArray(depth);
                    case '"': return ReadString();
                    case 't': Expect("true"); return true;
                    case 'f': Expect("false"); return false;
                    case 'n': Expect("null"); return null;
                    default: return ReadNumber();
                }
            }

            private Dictionary<string, object?> ReadObject(int depth)
            {
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                Position++;
                SkipWhitespace();
                if (Peek() == '}')
                {
                    Position++;
                    return map;
                }
                while (true)
                {
                    SkipWhitespace();
                    if (Peek() != '"') throw Error("expected a property name");
                    var key = ReadString();
                    SkipWhitespace();
                    if (Peek() != ':') throw Error("expected ':'");
                    Position++;
                    SkipWhitespace();
                    map[key] = ReadValue(depth + 1);
                    SkipWhitespace();
                    var c = Peek();
                    Position++;
                    if (c == '}') return map;
                    if (c != ',') throw Error("expected ',' or '}'");
                }
            }

            private List<object?> ReadArray(int depth)
            {
                var list = new List<object?>();
                Position++;
                SkipWhitespace();
                if (Peek() == ']')
                {
                    Position++;
                    return list;
                }
                while (true)
                {
                    SkipWhitespace();
                    list.Add(ReadValue(depth + 1));
                    SkipWhitespace();
                    var c = Peek();
                    Position++;
                    if (c == ']') return list;
                    if (c != ',') throw Error("expected ',' or ']'");
                }
            }

            private string ReadString()
            {
                Position++;
                StringBuilder? built = null;
                var start = Position;
                while (true)
                {
                    if (Position >= _text.Length) throw Error("unterminated string");
                    var c = _text[Position];
                    if (c == '"')
                    {
                        var tail = _text.Substring(start, Position - start);
                        Position++;
                        return built == null ? tail : built.Append(tail).ToString();
                    }
                    if (c < ' ') throw Error("control character in string");
                    if (c != '\\')
                    {
                        Position++;
                        continue;
                    }
                    built ??= new StringBuilder();
                    built.Append(_text, start, Position - start);
                    Position++;
                    if (Position >= _text.Length) throw Error("unterminated escape");
                    var e = _text[Position++];
                    switch (e)
                    {
                        case '"': built.Append('"'); break;
                        case '\\': built.Append('\\'); break;
                        case '/': built.Append('/'); break;
                        case 'b': built.Append('\b'); break;
                        case 'f': built.Append('\f'); break;
                        case 'n': built.Append('\n'); break;
                        case 'r': built.Append('\r'); break;
                        case 't': built.Append('\t'); break;
                        case 'u':
                            if (Position + 4 > _text.Length) throw Error("short \\u escape");
                            if (!int.TryParse(_text.Substring(Position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)) throw Error("bad \\u escape");
                            built.Append((char)code);
                            Position += 4;
                            break;
                        default: throw Error("unknown escape");
                    }
                    start = Position;
                }
            }

            private double ReadNumber()
            {
                var start = Position;
                if (Peek() == '-') Position++;
                if (Peek() == '0') Position++;
                else if (IsDigit(Peek())) while (IsDigit(Peek())) Position++;
                else throw Error("unexpected character");
                if (Peek() == '.')
                {
                    Position++;
                    if (!IsDigit(Peek())) throw Error("digit expected after '.'");
                    while (IsDigit(Peek())) Position++;
                }
                if (Peek() == 'e' || Peek() == 'E')
                {
                    Position++;
                    if (Peek() == '+' || Peek() == '-') Position++;
                    if (!IsDigit(Peek())) throw Error("digit expected in exponent");
                    while (IsDigit(Peek())) Position++;
                }
                return double.Parse(_text.Substring(start, Position - start), NumberStyles.Float, CultureInfo.InvariantCulture);
            }

            private void Expect(string word)
            {
                if (string.CompareOrdinal(_text, Position, word, 0, word.Length) != 0) throw Error($"expected {word}");
                Position += word.Length;
            }

            private char Peek() => Position < _text.Length ? _text[Position] : '\0';

            private static bool IsDigit(char c) => c >= '0' && c <= '9';
        }
    }
}
