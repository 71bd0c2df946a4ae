// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System.Collections.Generic;

namespace Appwrite.Internal
{
    /// <summary>
    /// Builds <c>argsJson</c> (<c>{"params":{...}}</c>) for <c>invoke</c>. Parameters are written under their TypeScript
    /// names; a null value is left out, so the core reports a missing required parameter by name.
    /// </summary>
    internal sealed class BridgeArgs
    {
        /// <summary>The arguments of a method without parameters.</summary>
        public const string None = "{}";

        private readonly JsonWriter _json = new JsonWriter(96).BeginObject().Name("params").BeginObject();
        private readonly string? _optionsJson;

        public BridgeArgs(string? optionsJson = null)
        {
            _optionsJson = optionsJson;
        }

        public BridgeArgs String(string name, string? value)
        {
            if (value != null) _json.Name(name).String(value);
            return this;
        }

        public BridgeArgs Bool(string name, bool? value)
        {
            if (value.HasValue) _json.Name(name).Bool(value.Value);
            return this;
        }

        public BridgeArgs Long(string name, long? value)
        {
            if (value.HasValue) _json.Name(name).Number(value.Value);
            return this;
        }

        /// <summary>A string array; a null item is written as null so the core names the parameter in its error.</summary>
        public BridgeArgs Strings(string name, IEnumerable<string>? values)
        {
            if (values == null) return this;
            _json.Name(name).BeginArray();
            foreach (var value in values) _json.String(value);
            _json.EndArray();
            return this;
        }

        /// <summary>A JSON object that was checked by the caller, embedded as an object (not a string).</summary>
        public BridgeArgs Json(string name, string json)
        {
            _json.Name(name).Raw(json);
            return this;
        }

        public string Build()
        {
            _json.EndObject();
            if (_optionsJson != null) _json.Name("options").Raw(_optionsJson);
            return _json.EndObject().ToString();
        }
    }
}
