// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Appwrite;
using Appwrite.Internal;
using NUnit.Framework;

namespace Playloom.Appwrite.Ring.Samples
{
    /// <summary>
    /// The samples as a game project gets them: each folder is its own assembly (its asmdef) that references only the
    /// package's runtime assembly, so only the public API. The ring's test assembly compiles them too but may see
    /// internals, so here each one is built alone, with C# 9, XML docs required on public members and every warning an
    /// error.
    /// </summary>
    public sealed class SamplesCompileAloneTests
    {
        [Test]
        public void EverySample_AsItsOwnAssembly_CompilesAgainstThePublicApiWithoutWarnings()
        {
            var samples = Directory.GetDirectories(Path.Combine(PackagePaths.Root, "Samples~"));
            Assert.That(samples, Is.Not.Empty);
            var folder = Path.Combine(Path.GetTempPath(), "playloom-samples-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            try
            {
                var solution = new StringBuilder("<Solution>\n");
                foreach (var sample in samples)
                {
                    var asmdefs = Directory.GetFiles(sample, "*.asmdef");
                    Assert.That(asmdefs, Has.Length.EqualTo(1), $"{Path.GetFileName(sample)} needs one asmdef");
                    var asmdef = JsonReader.TryParseObject(File.ReadAllText(asmdefs[0]))!;
                    var name = asmdef.GetString("name")!;
                    Assert.That(Path.GetFileNameWithoutExtension(asmdefs[0]), Is.EqualTo(name));
                    Assert.That(((System.Collections.Generic.List<object?>)asmdef["references"]!).Cast<string>(), Is.EqualTo(new[] { "Playloom.Appwrite" }));
                    Directory.CreateDirectory(Path.Combine(folder, name));
                    File.WriteAllText(Path.Combine(folder, name, name + ".csproj"), Project(name, sample));
                    solution.Append($"  <Project Path=\"{name}/{name}.csproj\" />\n");
                }
                File.WriteAllText(Path.Combine(folder, "Samples.slnx"), solution.Append("</Solution>\n").ToString());

                var info = new ProcessStartInfo("dotnet")
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                    WorkingDirectory = folder,
                };
                foreach (var arg in new[] { "build", "Samples.slnx", "-nologo", "-clp:NoSummary", "-p:ImportDirectoryBuildProps=false", "-p:ImportDirectoryBuildTargets=false" }) info.ArgumentList.Add(arg);
                info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
                info.Environment["DOTNET_NOLOGO"] = "1";
                using var build = Process.Start(info)!;
                var output = build.StandardOutput.ReadToEndAsync();
                var errors = build.StandardError.ReadToEndAsync();
                Assert.That(build.WaitForExit(180000), Is.True, "dotnet build did not finish in 3 minutes");
                Assert.That(build.ExitCode, Is.EqualTo(0), output.Result + errors.Result);
            }
            finally
            {
                Directory.Delete(folder, true);
            }
        }

        // One sample folder as Unity compiles it: netstandard2.1, C# 9, the package runtime and UnityEngine only.
        private static string Project(string name, string sample) => $@"<Project Sdk=""Microsoft.NET.Sdk"">
  <PropertyGroup>
    <TargetFramework>netstandard2.1</TargetFramework>
    <AssemblyName>{name}</AssemblyName>
    <LangVersion>9.0</LangVersion>
    <ImplicitUsings>disable</ImplicitUsings>
    <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
    <GenerateDocumentationFile>true</GenerateDocumentationFile>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    <DefineConstants>UNITY_EDITOR;UNITY_2021_3_OR_NEWER</DefineConstants>
  </PropertyGroup>
  <ItemGroup>
    <Compile Include=""{Escape(sample)}/**/*.cs"" />
    <Reference Include=""Playloom.Appwrite""><HintPath>{Escape(typeof(Client).Assembly.Location)}</HintPath></Reference>
    <Reference Include=""UnityEngine""><HintPath>{Escape(typeof(UnityEngine.Object).Assembly.Location)}</HintPath></Reference>
  </ItemGroup>
</Project>
";

        private static string Escape(string path) => System.Security.SecurityElement.Escape(path.Replace('\\', '/'))!;
    }
}
