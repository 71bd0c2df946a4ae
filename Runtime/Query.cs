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
    public static partial class Query
    {

        /// <summary>Random order.</summary>
        public static string OrderRandom() => Build("orderRandom", null, null);

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
