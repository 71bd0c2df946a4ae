// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Threading;

namespace Appwrite.Internal
{
    /// <summary>
    /// The Unity main thread as seen from a client: its <see cref="SynchronizationContext"/> (Unity's
    /// UnitySynchronizationContext, or a test pump) and its thread ID.
    /// </summary>
    internal sealed class MainThread
    {
        private readonly SynchronizationContext? _context;
        private readonly int _threadId;

        public MainThread(SynchronizationContext? context, int threadId)
        {
            _context = context;
            _threadId = threadId;
        }

        /// <summary>The calling thread, taken as the main thread (Unity creates components on it).</summary>
        public static MainThread Capture() => new MainThread(SynchronizationContext.Current, Thread.CurrentThread.ManagedThreadId);

        public bool IsCurrent => Thread.CurrentThread.ManagedThreadId == _threadId;

        /// <summary>Runs the action now when on the main thread, otherwise posts it there.</summary>
        public void Run(Action action)
        {
            if (IsCurrent || _context == null) action();
            else _context.Post(RunPosted, action);
        }

        /// <summary>Runs the action on the main thread later, never inline.</summary>
        public void Post(Action action)
        {
            if (_context == null) action();
            else _context.Post(RunPosted, action);
        }

        private static void RunPosted(object? state) => ((Action)state!)();
    }
}
