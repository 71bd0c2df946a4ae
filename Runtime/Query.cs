// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System.Collections.Generic;
using Appwrite.Internal;

namespace Appwrite
{
    /// <summary>
    /// Builds query strings for list methods, as the official SDKs do: JSON of <c>{method, attribute, values}</c>.
    /// Account lists accept <see cref="Limit"/> and <see cref="Offset"/> (<c>ListLogsAsync</c>) and filters on identity
    /// fields (<c>ListIdentitiesAsync</c>).
    /// </summary>
    /// <example><code>var logs = await client.Account.ListLogsAsync(new[] { Query.Limit(10), Query.Offset(20) });</code></example>
    public static class Query
    {
        /// <summary>Attribute equals the value (or one of the values, when given a sequence).</summary>
        public static string Equal(string attribute, object value) => Build("equal", attribute, value);

        /// <summary>Attribute does not equal the value.</summary>
        public static string NotEqual(string attribute, object value) => Build("notEqual", attribute, value);

        /// <summary>Attribute matches the regular expression.</summary>
        public static string Regex(string attribute, string pattern) => Build("regex", attribute, pattern);

        /// <summary>Attribute is less than the value.</summary>
        public static string LessThan(string attribute, object value) => Build("lessThan", attribute, value);

        /// <summary>Attribute is less than or equal to the value.</summary>
        public static string LessThanEqual(string attribute, object value) => Build("lessThanEqual", attribute, value);

        /// <summary>Attribute is greater than the value.</summary>
        public static string GreaterThan(string attribute, object value) => Build("greaterThan", attribute, value);

        /// <summary>Attribute is greater than or equal to the value.</summary>
        public static string GreaterThanEqual(string attribute, object value) => Build("greaterThanEqual", attribute, value);

        /// <summary>Attribute starts with the text.</summary>
        public static string StartsWith(string attribute, string value) => Build("startsWith", attribute, value);

        /// <summary>Attribute does not start with the text.</summary>
        public static string NotStartsWith(string attribute, string value) => Build("notStartsWith", attribute, value);

        /// <summary>Attribute ends with the text.</summary>
        public static string EndsWith(string attribute, string value) => Build("endsWith", attribute, value);

        /// <summary>Attribute does not end with the text.</summary>
        public static string NotEndsWith(string attribute, string value) => Build("notEndsWith", attribute, value);

        /// <summary>Full-text search on the attribute.</summary>
        public static string Search(string attribute, string value) => Build("search", attribute, value);

        /// <summary>Negated full-text search.</summary>
        public static string NotSearch(string attribute, string value) => Build("notSearch", attribute, value);

        /// <summary>Attribute (text or array) contains the value.</summary>
        public static string Contains(string attribute, object value) => Build("contains", attribute, value);

        /// <summary>Array attribute contains any of the values.</summary>
        public static string ContainsAny(string attribute, IEnumerable<object> values) => Build("containsAny", attribute, values);

        /// <summary>Array attribute contains all of the values.</summary>
        public static string ContainsAll(string attribute, IEnumerable<object> values) => Build("containsAll", attribute, values);

        /// <summary>Attribute does not contain the value.</summary>
        public static string NotContains(string attribute, object value) => Build("notContains", attribute, value);

        /// <summary>Attribute is null.</summary>
        public static string IsNull(string attribute) => Build("isNull", attribute, null);

        /// <summary>Attribute is not null.</summary>
        public static string IsNotNull(string attribute) => Build("isNotNull", attribute, null);

        /// <summary>Sort by the attribute, descending.</summary>
        public static string OrderDesc(string attribute) => Build("orderDesc", attribute, null);

        /// <summary>Sort by the attribute, ascending.</summary>
        public static string OrderAsc(string attribute) => Build("orderAsc", attribute, null);

        /// <summary>Random order.</summary>
        public static string OrderRandom() => Build("orderRandom", null, null);

        /// <summary>The attributes exist.</summary>
        public static string Exists(IEnumerable<string> attributes) => Build("exists", null, attributes);

        /// <summary>The attributes do not exist.</summary>
        public static string NotExists(IEnumerable<string> attributes) => Build("notExists", null, attributes);

        /// <summary>Return only these attributes.</summary>
        public static string Select(IEnumerable<string> attributes) => Build("select", null, attributes);

        /// <summary>Page after the document with this ID.</summary>
        public static string CursorAfter(string id) => Build("cursorAfter", null, id);

        /// <summary>Page before the document with this ID.</summary>
        public static string CursorBefore(string id) => Build("cursorBefore", null, id);

        /// <summary>Return at most <paramref name="limit"/> items.</summary>
        public static string Limit(int limit) => Build("limit", null, limit);

        /// <summary>Skip the first <paramref name="offset"/> items.</summary>
        public static string Offset(int offset) => Build("offset", null, offset);

        /// <summary>Attribute lies between the two values, inclusive.</summary>
        public static string Between(string attribute, object start, object end) => Build("between", attribute, new[] { start, end });

        /// <summary>Attribute lies outside the two values.</summary>
        public static string NotBetween(string attribute, object start, object end) => Build("notBetween", attribute, new[] { start, end });

        /// <summary>Created before the ISO 8601 date.</summary>
        public static string CreatedBefore(string value) => LessThan("$createdAt", value);

        /// <summary>Created after the ISO 8601 date.</summary>
        public static string CreatedAfter(string value) => GreaterThan("$createdAt", value);

        /// <summary>Created between the two ISO 8601 dates.</summary>
        public static string CreatedBetween(string start, string end) => Between("$createdAt", start, end);

        /// <summary>Updated before the ISO 8601 date.</summary>
        public static string UpdatedBefore(string value) => LessThan("$updatedAt", value);

        /// <summary>Updated after the ISO 8601 date.</summary>
        public static string UpdatedAfter(string value) => GreaterThan("$updatedAt", value);

        /// <summary>Updated between the two ISO 8601 dates.</summary>
        public static string UpdatedBetween(string start, string end) => Between("$updatedAt", start, end);

        /// <summary>Any of the queries matches.</summary>
        /// <exception cref="AppwriteException">A query is not one built by <see cref="Query"/>.</exception>
        public static string Or(IEnumerable<string> queries) => Nested("or", null, queries);

        /// <summary>All of the queries match.</summary>
        /// <exception cref="AppwriteException">A query is not one built by <see cref="Query"/>.</exception>
        public static string And(IEnumerable<string> queries) => Nested("and", null, queries);

        /// <summary>An element of the array attribute matches all of the queries.</summary>
        /// <exception cref="AppwriteException">A query is not one built by <see cref="Query"/>.</exception>
        public static string ElemMatch(string attribute, IEnumerable<string> queries) => Nested("elemMatch", attribute, queries);

        // Key order {method, attribute, values}; absent parts are left out; a single value is wrapped in an array.
        private static string Build(string method, string? attribute, object? values)
        {
            var json = new JsonWriter().BeginObject().Name("method").String(method);
            if (attribute != null) json.Name("attribute").String(attribute);
            if (values != null)
            {
                json.Name("values");
                if (values is string || !(values is System.Collections.IEnumerable)) json.BeginArray().Value(values).EndArray();
                else json.Value(values);
            }
            return json.EndObject().ToString();
        }

        private static string Nested(string method, string? attribute, IEnumerable<string> queries)
        {
            var json = new JsonWriter().BeginObject().Name("method").String(method);
            if (attribute != null) json.Name("attribute").String(attribute);
            json.Name("values").BeginArray();
            var index = 0;
            foreach (var query in queries ?? System.Array.Empty<string>())
            {
                if (!(JsonReader.TryParseObject(query) is Dictionary<string, object?> parsed) || !(parsed.GetString("method") is string))
                {
                    throw new AppwriteException($"Invalid \"queries\" param of Query.{method}: item {index} is not a query built with Query.", 0, AppwriteErrorType.ArgumentInvalid);
                }
                json.Raw(query);
                index++;
            }
            return json.EndArray().EndObject().ToString();
        }
    }
}
