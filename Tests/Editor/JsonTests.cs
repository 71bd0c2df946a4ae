// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections.Generic;
using Appwrite.Internal;
using NUnit.Framework;

namespace Appwrite.Tests
{
    /// <summary>The hand-written JSON writer and reader of the bridge.</summary>
    public sealed class JsonTests
    {
        [TestCase("plain", "\"plain\"")]
        [TestCase("quote\" and \\ backslash", "\"quote\\\" and \\\\ backslash\"")]
        [TestCase("line\nfeed\r\ttab", "\"line\\nfeed\\r\\ttab\"")]
        [TestCase("\u0001\u001f", "\"\\u0001\\u001f\"")]
        [TestCase("sep\u2028ara\u2029tors", "\"sep\\u2028ara\\u2029tors\"")]
        [TestCase("üñí©ødé 😀", "\"üñí©ødé 😀\"")]
        public void Quote_EscapesPerRfc8259(string value, string expected)
        {
            Assert.That(JsonWriter.Quote(value), Is.EqualTo(expected));
            Assert.That(JsonReader.Parse(expected), Is.EqualTo(value), "round trip");
        }

        [Test]
        public void Writer_BuildsNestedStructuresWithCommas()
        {
            var json = new JsonWriter().BeginObject()
                .Name("a").Number(1)
                .Name("b").BeginArray().String("x").Bool(true).Null().Number(1.5).EndArray()
                .Name("c").BeginObject().EndObject()
                .Name("d").Raw("{\"raw\":[]}")
                .EndObject().ToString();
            Assert.That(json, Is.EqualTo("{\"a\":1,\"b\":[\"x\",true,null,1.5],\"c\":{},\"d\":{\"raw\":[]}}"));
        }

        [Test]
        public void Writer_WritesNumbersLikeJavaScript()
        {
            Assert.That(new JsonWriter().Number(3600L).ToString(), Is.EqualTo("3600"));
            Assert.That(new JsonWriter().Number(2.0).ToString(), Is.EqualTo("2"));
            Assert.That(new JsonWriter().Number(0.1).ToString(), Is.EqualTo("0.1"));
            Assert.That(new JsonWriter().Number(double.NaN).ToString(), Is.EqualTo("null"));
            Assert.That(new JsonWriter().Value(0.1f).ToString(), Is.EqualTo("0.1"));
        }

        [Test]
        public void BridgeArgs_LeaveNullsOutAndEmbedObjects()
        {
            var args = new BridgeArgs().String("userId", "u1").String("name", null).Bool("total", false).Long("duration", null)
                .Strings("queries", new[] { "q\"1" }).Json("prefs", "{\"a\":1}").Build();
            Assert.That(args, Is.EqualTo("{\"params\":{\"userId\":\"u1\",\"total\":false,\"queries\":[\"q\\\"1\"],\"prefs\":{\"a\":1}}}"));
            Assert.That(new BridgeArgs().Build(), Is.EqualTo("{\"params\":{}}"));
        }

        [Test]
        public void Reader_ParsesEveryKindOfValue()
        {
            var map = (Dictionary<string, object?>)JsonReader.Parse(" {\"s\":\"x\\u00e9\",\"n\":-1.5e2,\"t\":true,\"f\":false,\"z\":null,\"a\":[1,[]],\"o\":{}} ")!;
            Assert.That(map.GetString("s"), Is.EqualTo("xé"));
            Assert.That(map.GetNumber("n"), Is.EqualTo(-150));
            Assert.That(map.GetBool("t"), Is.True);
            Assert.That(map.GetBool("f"), Is.False);
            Assert.That(map["z"], Is.Null);
            Assert.That(((List<object?>)map["a"]!).Count, Is.EqualTo(2));
            Assert.That(map.GetObject("o"), Is.Empty);
        }

        [TestCase("")]
        [TestCase("{")]
        [TestCase("{\"a\":}")]
        [TestCase("{\"a\":1,}")]
        [TestCase("[1 2]")]
        [TestCase("{\"a\":01}")]
        [TestCase("\"unterminated")]
        [TestCase("{\"a\":\"raw\ncontrol\"}")]
        [TestCase("nul")]
        [TestCase("{} {}")]
        public void Reader_RejectsInvalidJson(string json)
        {
            Assert.Throws<FormatException>(() => JsonReader.Parse(json));
            Assert.That(JsonReader.TryParseObject(json), Is.Null);
        }

        [Test]
        public void Reader_RefusesPathologicalNesting()
        {
            Assert.Throws<FormatException>(() => JsonReader.Parse(new string('[', 1000) + new string(']', 1000)));
        }
    }
}
