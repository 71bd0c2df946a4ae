// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace UnityEngine
{
    /// <summary>
    /// A working model of Unity's JsonUtility: the fields Unity serializes (public or [SerializeField], not static,
    /// readonly, const or [NonSerialized]) of [Serializable] types, primitives, enums as numbers, strings, arrays and
    /// List&lt;T&gt; of those, nested [Serializable] classes and structs. No dictionaries, no properties, no null
    /// (strings read as "", objects are created), top-level value must be an object.
    /// </summary>
    public static class JsonUtility
    {
        public static string ToJson(object obj) => ToJson(obj, false);

        public static string ToJson(object obj, bool prettyPrint)
        {
            if (obj == null) return "";
            var type = obj.GetType();
            var text = new StringBuilder();
            if (!IsObjectType(type))
            {
                text.Append("{}");
            }
            else
            {
                WriteObject(text, obj, prettyPrint, 0);
            }
            return text.ToString();
        }

        public static T FromJson<T>(string json) => (T)FromJson(json, typeof(T))!;

        public static object? FromJson(string json, Type type)
        {
            if (string.IsNullOrEmpty(json)) throw new ArgumentException("JSON parse error: The document is empty.");
            if (typeof(Object).IsAssignableFrom(type)) throw new ArgumentException($"Cannot deserialize JSON to new instances of type '{type.Name}.'");
            if (!IsObjectType(type)) throw new ArgumentException("JSON must represent an object type.");
            var map = ParseObject(json);
            var instance = Activator.CreateInstance(type, nonPublic: true)!;
            Populate(instance, map);
            return instance;
        }

        public static void FromJsonOverwrite(string json, object objectToOverwrite)
        {
            if (objectToOverwrite == null) throw new ArgumentNullException(nameof(objectToOverwrite));
            if (string.IsNullOrEmpty(json)) return;
            var map = ParseObject(json);
            if (objectToOverwrite.GetType().IsValueType) throw new ArgumentException("Cannot overwrite a boxed value type.");
            Populate(objectToOverwrite, map);
        }

        // ----------------------------------------------------------------------------------------- type rules

        private static bool IsObjectType(Type type) =>
            !type.IsPrimitive && type != typeof(string) && !type.IsEnum && !type.IsArray && !IsList(type) &&
            !typeof(IDictionary).IsAssignableFrom(type) && !typeof(Delegate).IsAssignableFrom(type) && !type.IsAbstract &&
            !type.IsInterface && type != typeof(object) && Nullable.GetUnderlyingType(type) == null;

        private static bool IsList(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>);

        private static bool IsScalar(Type type) =>
            type == typeof(string) || type.IsEnum || type == typeof(bool) || type == typeof(char) || IsNumber(type);

        private static bool IsNumber(Type type) =>
            type == typeof(byte) || type == typeof(sbyte) || type == typeof(short) || type == typeof(ushort) || type == typeof(int) ||
            type == typeof(uint) || type == typeof(long) || type == typeof(ulong) || type == typeof(float) || type == typeof(double);

        private static bool IsSerializableType(Type type, bool allowCollections = true)
        {
            if (IsScalar(type)) return true;
            if (type.IsArray) return allowCollections && type.GetArrayRank() == 1 && IsSerializableType(type.GetElementType()!, false);
            if (IsList(type)) return allowCollections && IsSerializableType(type.GetGenericArguments()[0], false);
            return IsObjectType(type) && type.IsDefined(typeof(SerializableAttribute), false) && !typeof(Object).IsAssignableFrom(type);
        }

        private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, FieldInfo[]> _fields = new System.Collections.Concurrent.ConcurrentDictionary<Type, FieldInfo[]>();

        // Unity computes a type's serialization layout once; so does this model.
        private static FieldInfo[] SerializedFields(Type type) => _fields.GetOrAdd(type, t => new List<FieldInfo>(FindSerializedFields(t)).ToArray());

        private static IEnumerable<FieldInfo> FindSerializedFields(Type type)
        {
            var chain = new List<Type>();
            for (var t = type; t != null && t != typeof(object) && t != typeof(ValueType); t = t.BaseType) chain.Insert(0, t);
            foreach (var t in chain)
            {
                foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    if (field.IsInitOnly || field.IsLiteral || field.IsNotSerialized) continue;
                    if (!field.IsPublic && !field.IsDefined(typeof(SerializeField), false)) continue;
                    if (field.Name.Contains("<")) continue; // compiler-generated backing fields are never serialized
                    if (!IsSerializableType(field.FieldType)) continue;
                    yield return field;
                }
            }
        }

        // ----------------------------------------------------------------------------------------- reading

        private static Dictionary<string, object?> ParseObject(string json)
        {
            object? value;
            try
            {
                value = new Parser(json).ParseDocument();
            }
            catch (FormatException e)
            {
                throw new ArgumentException("JSON parse error: " + e.Message);
            }
            return value as Dictionary<string, object?> ?? throw new ArgumentException("JSON must represent an object type.");
        }

        private static void Populate(object target, Dictionary<string, object?> map)
        {
            foreach (var field in SerializedFields(target.GetType()))
            {
                if (!map.TryGetValue(field.Name, out var raw)) continue;
                if (TryConvert(raw, field.FieldType, field.GetValue(target), out var value)) field.SetValue(target, value);
            }
        }

        private static bool TryConvert(object? raw, Type type, object? existing, out object? value)
        {
            value = null;
            if (type == typeof(string))
            {
                value = raw switch
                {
                    string s => s,
                    null => "",
                    double d => d.ToString("R", CultureInfo.InvariantCulture),
                    bool b => b ? "true" : "false",
                    _ => null,
                };
                return value != null;
            }
            if (type == typeof(bool))
            {
                if (raw is bool b) value = b;
                else if (raw is double d) value = d != 0;
                return value != null;
            }
            if (type.IsEnum)
            {
                if (!(raw is double n)) return false;
                value = Enum.ToObject(type, (long)n);
                return true;
            }
            if (IsNumber(type) || type == typeof(char))
            {
                double number;
                if (raw is double d) number = d;
                else if (raw is bool b) number = b ? 1 : 0;
                else if (raw is string s && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)) number = parsed;
                else return false;
                value = type == typeof(float) ? (object)(float)number
                    : type == typeof(double) ? number
                    : type == typeof(char) ? (char)(long)number
                    : Convert.ChangeType(Math.Truncate(number), type, CultureInfo.InvariantCulture);
                return true;
            }
            if (type.IsArray || IsList(type))
            {
                if (!(raw is List<object?> items)) return false;
                var elementType = type.IsArray ? type.GetElementType()! : type.GetGenericArguments()[0];
                var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(elementType))!;
                foreach (var item in items)
                {
                    list.Add(TryConvert(item, elementType, null, out var element) ? element : Default(elementType));
                }
                if (IsList(type))
                {
                    value = list;
                }
                else
                {
                    var array = Array.CreateInstance(elementType, list.Count);
                    list.CopyTo(array, 0);
                    value = array;
                }
                return true;
            }
            // A nested serializable class or struct: fill the existing instance, or a new one (Unity has no null here).
            var instance = existing ?? Activator.CreateInstance(type, nonPublic: true)!;
            if (raw is Dictionary<string, object?> map) Populate(instance, map);
            value = instance;
            return true;
        }

        private static object? Default(Type type) =>
            type == typeof(string) ? "" : type.IsValueType ? Activator.CreateInstance(type) : Activator.CreateInstance(type, nonPublic: true);

        // ----------------------------------------------------------------------------------------- writing

        private static void WriteObject(StringBuilder text, object obj, bool pretty, int depth)
        {
            text.Append('{');
            var first = true;
            foreach (var field in SerializedFields(obj.GetType()))
            {
                if (!first) text.Append(',');
                first = false;
                NewLine(text, pretty, depth + 1);
                WriteString(text, field.Name);
                text.Append(pretty ? ": " : ":");
                WriteValue(text, field.GetValue(obj), field.FieldType, pretty, depth + 1);
            }
            if (!first) NewLine(text, pretty, depth);
            text.Append('}');
        }

        private static void WriteValue(StringBuilder text, object? value, Type type, bool pretty, int depth)
        {
            if (type == typeof(string)) WriteString(text, (string?)value ?? "");
            else if (type == typeof(bool)) text.Append((bool)value! ? "true" : "false");
            else if (type.IsEnum) text.Append(Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
            else if (type == typeof(float)) text.Append(((float)value!).ToString("R", CultureInfo.InvariantCulture));
            else if (type == typeof(double)) text.Append(((double)value!).ToString("R", CultureInfo.InvariantCulture));
            else if (type == typeof(char)) text.Append(((int)(char)value!).ToString(CultureInfo.InvariantCulture));
            else if (IsNumber(type)) text.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
            else if (type.IsArray || IsList(type))
            {
                var elementType = type.IsArray ? type.GetElementType()! : type.GetGenericArguments()[0];
                text.Append('[');
                var first = true;
                if (value is IEnumerable items)
                {
                    foreach (var item in items)
                    {
                        if (!first) text.Append(',');
                        first = false;
                        NewLine(text, pretty, depth + 1);
                        WriteValue(text, item, elementType, pretty, depth + 1);
                    }
                }
                if (!first) NewLine(text, pretty, depth);
                text.Append(']');
            }
            else
            {
                WriteObject(text, value ?? Activator.CreateInstance(type, nonPublic: true)!, pretty, depth);
            }
        }

        private static void NewLine(StringBuilder text, bool pretty, int depth)
        {
            if (!pretty) return;
            text.Append('\n').Append(' ', depth * 4);
        }

        private static void WriteString(StringBuilder text, string value)
        {
            text.Append('"');
            foreach (var c in value)
            {
                switch (c)
                {
                    case '"': text.Append("\\\""); break;
                    case '\\': text.Append("\\\\"); break;
                    case '\n': text.Append("\\n"); break;
                    case '\r': text.Append("\\r"); break;
                    case '\t': text.Append("\\t"); break;
                    case '\b': text.Append("\\b"); break;
                    case '\f': text.Append("\\f"); break;
                    default:
                        if (c < ' ') text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        else text.Append(c);
                        break;
                }
            }
            text.Append('"');
        }

        // ----------------------------------------------------------------------------------------- parsing

        private sealed class Parser
        {
            private readonly string _text;
            private int _position;

            public Parser(string text)
            {
                _text = text;
            }

            public object? ParseDocument()
            {
                Skip();
                var value = Value();
                Skip();
                if (_position != _text.Length) throw new FormatException("The document root must not be followed by other values.");
                return value;
            }

            private object? Value()
            {
                Skip();
                if (_position >= _text.Length) throw new FormatException("Invalid value.");
                var c = _text[_position];
                if (c == '{') return Obj();
                if (c == '[') return Arr();
                if (c == '"') return Str();
                if (Word("true")) return true;
                if (Word("false")) return false;
                if (Word("null")) return null;
                return Num();
            }

            private Dictionary<string, object?> Obj()
            {
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                _position++;
                Skip();
                if (Peek() == '}')
                {
                    _position++;
                    return map;
                }
                while (true)
                {
                    Skip();
                    if (Peek() != '"') throw new FormatException("Missing a name for object member.");
                    var key = Str();
                    Skip();
                    if (Peek() != ':') throw new FormatException("Missing a colon after a name of object member.");
                    _position++;
                    map[key] = Value();
                    Skip();
                    var c = Peek();
                    _position++;
                    if (c == '}') return map;
                    if (c != ',') throw new FormatException("Missing a comma or '}' after an object member.");
                }
            }

            private List<object?> Arr()
            {
                var list = new List<object?>();
                _position++;
                Skip();
                if (Peek() == ']')
                {
                    _position++;
                    return list;
                }
                while (true)
                {
                    list.Add(Value());
                    Skip();
                    var c = Peek();
                    _position++;
                    if (c == ']') return list;
                    if (c != ',') throw new FormatException("Missing a comma or ']' after an array element.");
                }
            }

            private string Str()
            {
                var text = new StringBuilder();
                _position++;
                while (true)
                {
                    if (_position >= _text.Length) throw new FormatException("Missing a closing quotation mark in string.");
                    var c = _text[_position++];
                    if (c == '"') return text.ToString();
                    if (c != '\\')
                    {
                        text.Append(c);
                        continue;
                    }
                    if (_position >= _text.Length) throw new FormatException("Invalid escape character in string.");
                    var e = _text[_position++];
                    switch (e)
                    {
                        case '"': text.Append('"'); break;
                        case '\\': text.Append('\\'); break;
                        case '/': text.Append('/'); break;
                        case 'b': text.Append('\b'); break;
                        case 'f': text.Append('\f'); break;
                        case 'n': text.Append('\n'); break;
                        case 'r': text.Append('\r'); break;
                        case 't': text.Append('\t'); break;
                        case 'u':
                            if (_position + 4 > _text.Length) throw new FormatException("Incorrect hex digit after \\u escape in string.");
                            text.Append((char)int.Parse(_text.Substring(_position, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                            _position += 4;
                            break;
                        default: throw new FormatException("Invalid escape character in string.");
                    }
                }
            }

            private double Num()
            {
                var start = _position;
                while (_position < _text.Length && "+-0123456789.eE".IndexOf(_text[_position]) >= 0) _position++;
                if (start == _position || !double.TryParse(_text.Substring(start, _position - start), NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
                {
                    throw new FormatException("Invalid value.");
                }
                return n;
            }

            private bool Word(string word)
            {
                if (string.CompareOrdinal(_text, _position, word, 0, word.Length) != 0) return false;
                _position += word.Length;
                return true;
            }

            private void Skip()
            {
                while (_position < _text.Length && char.IsWhiteSpace(_text[_position])) _position++;
            }

            private char Peek() => _position < _text.Length ? _text[_position] : '\0';
        }
    }
}
