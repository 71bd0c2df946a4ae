// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Threading;
using System.Threading.Tasks;
using Appwrite;
using Appwrite.Internal;
using NUnit.Framework;
using UnityEngine;
using UnityStubs;

namespace Playloom.Appwrite.Ring
{
    /// <summary>
    /// Common ground of the ring's tests: a fresh fake server and storage per test, the HttpClient host service, a
    /// main thread (frames pumped by <see cref="Run"/>), and cleanup of every component.
    /// </summary>
    public abstract class RingTestBase
    {
        internal FakeAppwrite Server = null!;
        internal MemoryKeyValueStore Storage = null!;
        private int _mainThreadId;

        [SetUp]
        public void SetUpRing()
        {
            Server = new FakeAppwrite();
            Storage = new MemoryKeyValueStore();
            HostDefaults.Storage = Storage;
            HostDefaults.Http = RingSetup.Http;
            ScriptRuntimes.Override = RingSetup.Runtime;
            PlayerLoop.IsPlaying = true;
            AppwriteLog.Sink = UnityLogSink.Instance;
            PlayerLoop.Errors.Clear();
        }

        [TearDown]
        public void TearDownRing()
        {
            PlayerLoop.DestroyAll();
            Server.Dispose();
            HostDefaults.Storage = Storage;
            HostDefaults.Http = RingSetup.Http;
            ScriptRuntimes.Override = RingSetup.Runtime;
        }

        /// <summary>Runs the body on the test thread as Unity's main thread, pumping frames until it completes.</summary>
        protected void Run(Func<Task> body, int timeoutMs = 30000)
        {
            _mainThreadId = Thread.CurrentThread.ManagedThreadId;
            PlayerLoop.Run(body, timeoutMs);
        }

        /// <summary>Fails unless the caller runs on the main thread.</summary>
        protected void AssertMainThread(string where) =>
            Assert.That(Thread.CurrentThread.ManagedThreadId, Is.EqualTo(_mainThreadId), $"{where} ran off the main thread");

        internal Client NewClient(string? endpoint = null, string project = FakeAppwrite.Project)
        {
            return new GameObject("Appwrite").AddComponent<Client>().SetEndpoint(endpoint ?? Server.Endpoint).SetProject(project);
        }

        /// <summary>Awaits a task that must fail with an AppwriteException and returns it.</summary>
        protected static async Task<AppwriteException> Throws(Task task)
        {
            try
            {
                await task;
            }
            catch (AppwriteException e)
            {
                return e;
            }
            catch (Exception e)
            {
                Assert.Fail($"Expected an AppwriteException, got {e.GetType().Name}: {e.Message}");
            }
            Assert.Fail("Expected an AppwriteException, but the call succeeded.");
            return null!;
        }

        /// <summary>Awaits a task that must end as cancelled and returns the exception await threw.</summary>
        protected static async Task<OperationCanceledException> Cancelled(Task task)
        {
            try
            {
                await task;
            }
            catch (OperationCanceledException e)
            {
                return e;
            }
            catch (Exception e)
            {
                Assert.Fail($"Expected a cancellation, got {e.GetType().Name}: {e.Message}");
            }
            Assert.Fail("Expected a cancellation, but the call succeeded.");
            return null!;
        }
    }
}
