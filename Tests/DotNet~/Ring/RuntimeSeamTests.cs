// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Threading.Tasks;
using Appwrite;
using Appwrite.Editor;
using Appwrite.Internal;
using NUnit.Framework;
using UnityEditor;
using UnityEngine;

namespace Playloom.Appwrite.Ring
{
    /// <summary>The script-runtime seam: the Node runtime itself, the editor loop, the Puerts build, the seeds.</summary>
    public sealed class RuntimeSeamTests : RingTestBase
    {
        [Test]
        public void NodeRuntime_ChecksTheBundlesContract()
        {
            Assert.That(RingSetup.Runtime.BridgeVersion, Does.StartWith(BridgeContract.Version.Split('.')[0] + "."));
            var bundle = Path.Combine(Path.GetTempPath(), "playloom-bad-bundle-" + Guid.NewGuid().ToString("N") + ".mjs");
            File.WriteAllText(bundle, "export const bridgeVersion = '1.0';\nexport function createClient() { return 'h1'; }\n");
            try
            {
                var error = Assert.Throws<AppwriteException>(() => NodeProcessRuntime.Start(bundle).Dispose())!;
                Assert.That(error.Type, Is.EqualTo(AppwriteErrorType.BridgeError));
                Assert.That(error.Message, Does.Contain("'configure'"));
                File.WriteAllText(bundle, "export const bridgeVersion = '2.0';\n");
                var version = Assert.Throws<AppwriteException>(() => NodeProcessRuntime.Start(bundle).Dispose())!;
                Assert.That(version.Message, Does.Contain("2.0"));
            }
            finally
            {
                File.Delete(bundle);
            }
        }

        [Test]
        public void CrashedScriptEngine_FailsPendingCallsInsteadOfHanging() => Run(async () =>
        {
            Server.On("GET", "/v1/account", _ => new FakeResponse { Body = ModelBodies.User, Delay = TimeSpan.FromSeconds(20) });
            var engine = NodeProcessRuntime.Start();
            try
            {
                ScriptRuntimes.Override = engine;
                var call = NewClient().Account.GetAsync();
                while (!Server.Requests.Any()) await Task.Delay(5);
                engine.Kill();
                var error = await Throws(call);
                Assert.That(error.Type, Is.EqualTo(AppwriteErrorType.BridgeError));
            }
            finally
            {
                engine.Dispose();
            }
        });

        [Test]
        public void SynchronousStorage_IsAnsweredWhileTheEngineWaits() => Run(async () =>
        {
            // setSession reads the stored session synchronously (storageGet) inside the configure call.
            Storage.Set("appwrite.fallbackCookies.demo-project." + Server.Endpoint, "{\"a_session_demo-project\":\"eyJpZCI6InUxIn0=\"}");
            var client = NewClient();
            var reads = Storage.Reads;
            SessionChangedEventArgs? changed = null;
            client.SessionChanged += e => changed = e;
            client.SetSession("");
            Assert.That(Storage.Reads, Is.GreaterThan(reads), "the core read storage during a synchronous export");
            await client.PingAsync();
            Assert.That(changed, Is.Not.Null);
            Assert.That(changed!.UserId, Is.EqualTo("u1"), "the stored session was read through the synchronous host call");
        });

        [Test]
        public void EditorLoop_TicksInEditMode_AndShutsTheRuntimeDownBeforeReload()
        {
            System.Runtime.CompilerServices.RuntimeHelpers.RunClassConstructor(typeof(AppwriteEditorLoop).TypeHandle);
            var ticks = 0;
            Action tick = () => ticks++;
            MainLoop.Add(tick);
            try
            {
                UnityStubs.PlayerLoop.IsPlaying = false;
                EditorApplication.RunUpdateForTests();
                Assert.That(ticks, Is.EqualTo(1), "edit mode: the editor update ticks the loop");
                UnityStubs.PlayerLoop.IsPlaying = true;
                EditorApplication.RunUpdateForTests();
                Assert.That(ticks, Is.EqualTo(1), "play mode: the hidden runner ticks instead");
                var disposed = new DisposableProbe();
                ScriptRuntimes.Adopt(RingSetup.Runtime, disposed);
                AssemblyReloadEvents.RaiseBeforeReloadForTests();
                Assert.That(disposed.Disposed, Is.True);
            }
            finally
            {
                MainLoop.Remove(tick);
                UnityStubs.PlayerLoop.IsPlaying = true;
            }
        }

        [Test]
        public void PuertsBuild_HasThePreservedLoaderAndRuntime()
        {
            var path = Path.Combine(PackagePaths.Root, "Tests", "DotNet~", "Package", "bin", "Playloom.Appwrite.WithPuerts", "Release", "netstandard2.1", "Playloom.Appwrite.WithPuerts.dll");
            Assert.That(File.Exists(path), Is.True, "the Puerts configuration was built");
            using var pe = new PEReader(File.OpenRead(path));
            var metadata = pe.GetMetadataReader();
            var types = metadata.TypeDefinitions.Select(h => metadata.GetTypeDefinition(h)).Where(t => t.GetDeclaringType().IsNil)
                .ToDictionary(t => metadata.GetString(t.Namespace) + "." + metadata.GetString(t.Name), t => t);
            Assert.That(types.Keys, Does.Contain("Appwrite.AppwritePuerts"));
            Assert.That(types.Keys, Does.Contain("Appwrite.AppwritePuertsLegacy"));
            Assert.That(types.Keys, Does.Contain("Appwrite.Internal.PuertsRuntime"));
            var loader = types["Appwrite.AppwriteBundleLoader"];
            Assert.That(AttributeNames(metadata, loader.GetCustomAttributes()), Does.Contain("PreserveAttribute"));
            foreach (var handle in loader.GetMethods())
            {
                var method = metadata.GetMethodDefinition(handle);
                if ((method.Attributes & System.Reflection.MethodAttributes.Public) == 0) continue;
                Assert.That(AttributeNames(metadata, method.GetCustomAttributes()), Does.Contain("PreserveAttribute"), metadata.GetString(method.Name));
            }
            // Without Puerts the same sources compile to no Puerts types at all.
            Assert.That(typeof(Client).Assembly.GetType("Appwrite.AppwritePuerts"), Is.Null);
        }

        [Test]
        public void SeedExamples_CompileAsComponents()
        {
            // Their compilation is the test; this checks they are the seed classes and are MonoBehaviours.
            var seeds = new[] { "CreatePhoneTokenExample", "UpdatePhoneSessionExample" }.Select(n => typeof(RuntimeSeamTests).Assembly.GetType(n)).ToArray();
            Assert.That(seeds, Has.All.Not.Null);
            Assert.That(seeds.All(t => typeof(MonoBehaviour).IsAssignableFrom(t!)), Is.True);
        }

        private static string[] AttributeNames(MetadataReader metadata, CustomAttributeHandleCollection attributes) =>
            attributes.Select(a =>
            {
                var ctor = metadata.GetCustomAttribute(a).Constructor;
                if (ctor.Kind != HandleKind.MemberReference) return "";
                var parent = metadata.GetMemberReference((MemberReferenceHandle)ctor).Parent;
                return parent.Kind == HandleKind.TypeReference ? metadata.GetString(metadata.GetTypeReference((TypeReferenceHandle)parent).Name) : "";
            }).ToArray();

        private sealed class DisposableProbe : IDisposable
        {
            public bool Disposed;

            public void Dispose() => Disposed = true;
        }
    }
}
