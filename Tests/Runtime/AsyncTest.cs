// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections;
using System.Threading.Tasks;
using NUnit.Framework;
using UnityEngine;

namespace Appwrite.Tests
{
    /// <summary>Runs an async test body as a [UnityTest] coroutine: frames keep running while it awaits.</summary>
    internal static class AsyncTest
    {
        public static IEnumerator Run(Func<Task> body, float timeoutSeconds = 20f)
        {
            var task = body();
            var start = Time.realtimeSinceStartup;
            while (!task.IsCompleted)
            {
                if (Time.realtimeSinceStartup - start > timeoutSeconds) Assert.Fail($"The test did not finish within {timeoutSeconds} s.");
                yield return null;
            }
            task.GetAwaiter().GetResult();
        }

        /// <summary>Waits a few frames (lets deferred Destroy and posted work run).</summary>
        public static async Task Frames(int count)
        {
            for (var i = 0; i < count; i++) await Task.Yield();
        }
    }
}
