// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections.Generic;
using UnityEngine;

namespace Appwrite.Internal
{
    /// <summary>The <c>ToString()</c> of the models: their JSON, with credential fields masked.</summary>
    internal static class ModelText
    {
        public static string Describe(object model, params string[] sensitive)
        {
            var json = JsonUtility.ToJson(model);
            if (sensitive.Length == 0) return json;
            var tree = JsonReader.TryParseObject(json);
            if (tree == null) return json;
            Mask(tree, sensitive);
            return new JsonWriter(json.Length).Value(tree).ToString();
        }

        private static void Mask(object? node, string[] sensitive)
        {
            if (node is Dictionary<string, object?> map)
            {
                foreach (var key in new List<string>(map.Keys))
                {
                    var value = map[key];
                    if (Array.IndexOf(sensitive, key) >= 0)
                    {
                        // Empty values stay visible: "secret":"" tells the reader the server sent none.
                        if (value is string s && s.Length > 0) map[key] = Redactor.Mask;
                        else if (value is List<object?> list && list.Count > 0) map[key] = new List<object?> { Redactor.Mask };
                    }
                    else
                    {
                        Mask(value, sensitive);
                    }
                }
            }
            else if (node is List<object?> items)
            {
                foreach (var item in items) Mask(item, sensitive);
            }
        }
    }
}
