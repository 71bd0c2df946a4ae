// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections.Generic;

namespace UnityEngine.Events
{
    public delegate void UnityAction();

    public delegate void UnityAction<T0>(T0 arg0);

    [Serializable]
    public abstract class UnityEventBase
    {
        public int GetPersistentEventCount() => 0;
    }

    [Serializable]
    public class UnityEvent : UnityEventBase
    {
        private readonly List<UnityAction> _listeners = new List<UnityAction>();

        public void AddListener(UnityAction call) => _listeners.Add(call);

        public void RemoveListener(UnityAction call) => _listeners.Remove(call);

        public void RemoveAllListeners() => _listeners.Clear();

        public void Invoke()
        {
            foreach (var listener in _listeners.ToArray()) listener();
        }
    }

    [Serializable]
    public class UnityEvent<T0> : UnityEventBase
    {
        private readonly List<UnityAction<T0>> _listeners = new List<UnityAction<T0>>();

        public void AddListener(UnityAction<T0> call) => _listeners.Add(call);

        public void RemoveListener(UnityAction<T0> call) => _listeners.Remove(call);

        public void RemoveAllListeners() => _listeners.Clear();

        public void Invoke(T0 arg0)
        {
            foreach (var listener in _listeners.ToArray()) listener(arg0);
        }
    }
}
