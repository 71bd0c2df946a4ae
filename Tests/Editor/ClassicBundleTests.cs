// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using Appwrite.Internal;
using NUnit.Framework;

namespace Appwrite.Tests
{
    /// <summary>
    /// The module-to-script transform WebGL players load the bundle with (<see cref="ClassicBundle"/>). The .NET ring
    /// runs its output for the real bundle in Node's vm and QuickJS; these cases pin the shape and the refusals.
    /// </summary>
    public sealed class ClassicBundleTests
    {
        private const string Module = "// banner\nvar a = 1;\nfunction b() { return a; }\nclass C {}\nexport {\n  a,\n  b as bee,\n  C\n};\n";

        [Test]
        public void Wrap_ReturnsTheExportsFromAStrictFunction_AssignedToTheGlobalOnce()
        {
            var script = ClassicBundle.Wrap(Module);
            Assert.That(script, Does.StartWith("globalThis.__playloomAppwrite = globalThis.__playloomAppwrite || (function () {\n\"use strict\";\n// banner\nvar a = 1;"));
            Assert.That(script, Does.Contain("return { \"a\": a, \"bee\": b, \"C\": C };\n})();\n"));
            Assert.That(script, Does.Not.Contain("export"));
            Assert.That(ClassicBundle.ExportExpression("invoke"), Is.EqualTo("globalThis.__playloomAppwrite.invoke"));
        }

        [Test]
        public void Wrap_AcceptsWindowsLineEndingsAndAMissingSemicolon()
        {
            var script = ClassicBundle.Wrap("var x = 1;\r\nexport { x }\r\n");
            Assert.That(script, Does.Contain("return { \"x\": x };"));
        }

        [TestCase("var a = 1;\n", "does not end with")]
        [TestCase("var a = 1;\nexport { a };\nvar later = 2;\n", "does not end with")]
        [TestCase("export const early = 1;\nvar a = 1;\nexport { a };\n", "module syntax")]
        [TestCase("import x from 'y';\nexport { x };\n", "module syntax")]
        [TestCase("import { x } from 'y';\nexport { x };\n", "module syntax")]
        [TestCase("var u = import.meta.url;\nexport { u };\n", "module syntax")]
        [TestCase("var a = 1;\nexport { a as b, a as b };\n", "appears twice")]
        [TestCase("var a = 1;\nexport { a as 'quoted' };\n", "cannot read")]
        [TestCase("var a = 1;\nexport { };\n", "exports nothing")]
        [TestCase("", "empty")]
        public void Wrap_RefusesWhatItCannotConvertFaithfully(string module, string problem)
        {
            Assert.That(Assert.Throws<FormatException>(() => ClassicBundle.Wrap(module))!.Message, Does.Contain(problem));
        }

        [Test]
        public void Wrap_LeavesDynamicImportAndTheWordImportInStringsAlone()
        {
            var script = ClassicBundle.Wrap("var load = () => import('x');\nvar s = \"import me\";\nexport { load, s };\n");
            Assert.That(script, Does.Contain("import('x')"));
        }
    }
}
