// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using UnityEngine;

namespace Appwrite.Internal
{
    /// <summary>Raises C# events so that a throwing handler is logged and stops neither the others nor the SDK.</summary>
    internal static class EventRaiser
    {
        /// <summary>Calls each handler of <paramref name="handlers"/> with <paramref name="args"/>, on its own.</summary>
        public static void Raise<T>(Action<T>? handlers, T args)
        {
            if (handlers == null) return;
            foreach (var handler in handlers.GetInvocationList())
            {
                try
                {
                    ((Action<T>)handler)(args);
                }
                catch (Exception e)
                {
                    Debug.LogException(e);
                }
            }
        }
    }
}
