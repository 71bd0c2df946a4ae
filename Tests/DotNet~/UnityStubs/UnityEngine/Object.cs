// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// Stand-ins for UnityEngine types, by signature from Unity's scripting reference (2021.3), with just enough behaviour
// for the .NET test ring: the object model, lifecycle messages and Unity's "destroyed objects equal null".

#nullable enable
using System;
using System.Collections.Generic;

namespace UnityEngine
{
    [Flags]
    public enum HideFlags
    {
        None = 0,
        HideInHierarchy = 1,
        HideInInspector = 2,
        DontSaveInEditor = 4,
        NotEditable = 8,
        DontSaveInBuild = 16,
        DontUnloadUnusedAsset = 32,
        DontSave = 52,
        HideAndDontSave = 61,
    }

    public class Object
    {
        private static int _nextInstanceId;
        private readonly int _instanceId = System.Threading.Interlocked.Increment(ref _nextInstanceId);
        internal bool Destroyed;

        public string name { get; set; } = "";

        public HideFlags hideFlags { get; set; }

        public int GetInstanceID() => _instanceId;

        public static void Destroy(Object obj) => Destroy(obj, 0f);

        public static void Destroy(Object obj, float t)
        {
            if (obj is null || obj.Destroyed) return;
            UnityStubs.PlayerLoop.QueueDestroy(obj);
        }

        public static void DestroyImmediate(Object obj) => DestroyImmediate(obj, false);

        public static void DestroyImmediate(Object obj, bool allowDestroyingAssets)
        {
            if (obj is null || obj.Destroyed) return;
            obj.DestroyNow();
        }

        public static void DontDestroyOnLoad(Object target)
        {
        }

        internal virtual void DestroyNow()
        {
            Destroyed = true;
        }

        public static bool operator ==(Object? x, Object? y)
        {
            var xNull = x is null || x.Destroyed;
            var yNull = y is null || y.Destroyed;
            if (xNull || yNull) return xNull && yNull;
            return ReferenceEquals(x, y);
        }

        public static bool operator !=(Object? x, Object? y) => !(x == y);

        public static implicit operator bool(Object? exists) => !(exists is null) && !exists.Destroyed;

        public override bool Equals(object? other) => other is Object o ? this == o : other is null && Destroyed;

        public override int GetHashCode() => _instanceId;

        public override string ToString() => name;
    }

    public class GameObject : Object
    {
        private readonly List<Component> _components = new List<Component>();

        public GameObject()
        {
            name = "New Game Object";
        }

        public GameObject(string name)
        {
            this.name = name;
        }

        public bool activeSelf { get; private set; } = true;

        public bool activeInHierarchy => activeSelf;

        public GameObject gameObject => this;

        public void SetActive(bool value) => activeSelf = value;

        public T AddComponent<T>() where T : Component => (T)AddComponent(typeof(T));

        public Component AddComponent(Type componentType)
        {
            var component = (Component)Activator.CreateInstance(componentType, nonPublic: true)!;
            component.Attach(this);
            _components.Add(component);
            UnityStubs.PlayerLoop.Register(component);
            return component;
        }

        public T? GetComponent<T>() where T : class
        {
            foreach (var component in _components)
            {
                if (!component.Destroyed && component is T match) return match;
            }
            return null;
        }

        internal void Remove(Component component) => _components.Remove(component);

        internal override void DestroyNow()
        {
            foreach (var component in _components.ToArray()) component.DestroyNow();
            base.DestroyNow();
        }
    }

    public class Component : Object
    {
        private GameObject? _gameObject;

        public GameObject gameObject => _gameObject ?? throw new InvalidOperationException("Component is not attached.");

        public T? GetComponent<T>() where T : class => gameObject.GetComponent<T>();

        internal void Attach(GameObject owner)
        {
            _gameObject = owner;
            name = owner.name;
        }

        internal override void DestroyNow()
        {
            if (Destroyed) return;
            UnityStubs.PlayerLoop.SendMessage(this, "OnDestroy");
            base.DestroyNow();
            _gameObject?.Remove(this);
        }
    }

    public class Behaviour : Component
    {
        public bool enabled { get; set; } = true;

        public bool isActiveAndEnabled => enabled && !Destroyed;
    }

    public class MonoBehaviour : Behaviour
    {
    }

    public class ScriptableObject : Object
    {
        public static T CreateInstance<T>() where T : ScriptableObject => (T)CreateInstance(typeof(T));

        public static ScriptableObject CreateInstance(Type type)
        {
            var instance = (ScriptableObject)Activator.CreateInstance(type, nonPublic: true)!;
            UnityStubs.PlayerLoop.SendMessage(instance, "Awake");
            return instance;
        }
    }

    public class TextAsset : Object
    {
        public TextAsset()
        {
            text = "";
        }

        public TextAsset(string text)
        {
            this.text = text;
        }

        public string text { get; }

        public byte[] bytes => System.Text.Encoding.UTF8.GetBytes(text);
    }

    public class YieldInstruction
    {
    }

    public class AsyncOperation : YieldInstruction
    {
        public virtual bool isDone { get; protected set; }

        public float progress => isDone ? 1f : 0f;
    }
}
