// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System.IO;
using Appwrite.Internal;
using NUnit.Framework;
using Playloom.Appwrite.Ring;

/// <summary>
/// Assembly-wide setup of the ring (outside any namespace, so it covers every test): one Node runtime with the real
/// bundle as the script runtime, HttpClient as the HTTP host service, memory as storage, and the package's Resources
/// folder visible to Resources.Load.
/// </summary>
[SetUpFixture]
public sealed class RingSetup
{
    internal static NodeProcessRuntime Runtime { get; private set; } = null!;

    internal static DotNetHttpBridge Http { get; private set; } = null!;

    [OneTimeSetUp]
    public void StartRing()
    {
        UnityStubs.StubResources.Folders.Add(Path.Combine(PackagePaths.Root, "Runtime", "Resources"));
        Runtime = NodeProcessRuntime.Start();
        ScriptRuntimes.Override = Runtime;
        Http = new DotNetHttpBridge();
        HostDefaults.Http = Http;
        HostDefaults.Storage = new MemoryKeyValueStore();
    }

    [OneTimeTearDown]
    public void StopRing()
    {
        ScriptRuntimes.Override = null;
        Runtime?.Dispose();
    }
}
