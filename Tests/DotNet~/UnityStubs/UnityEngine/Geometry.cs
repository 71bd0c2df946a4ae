// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// Value types and the screen as IMGUI code uses them, by signature from Unity's scripting reference (2021.3).

#nullable enable
using System;

namespace UnityEngine
{
    public struct Vector2 : IEquatable<Vector2>
    {
        public float x;
        public float y;

        public Vector2(float x, float y)
        {
            this.x = x;
            this.y = y;
        }

        public static Vector2 zero => new Vector2(0f, 0f);

        public static Vector2 one => new Vector2(1f, 1f);

        public static Vector2 operator *(Vector2 a, float d) => new Vector2(a.x * d, a.y * d);

        public static bool operator ==(Vector2 lhs, Vector2 rhs) => lhs.x == rhs.x && lhs.y == rhs.y;

        public static bool operator !=(Vector2 lhs, Vector2 rhs) => !(lhs == rhs);

        public bool Equals(Vector2 other) => this == other;

        public override bool Equals(object? other) => other is Vector2 v && this == v;

        public override int GetHashCode() => x.GetHashCode() ^ (y.GetHashCode() << 2);

        public override string ToString() => $"({x:F2}, {y:F2})";
    }

    public struct Rect
    {
        public Rect(float x, float y, float width, float height)
        {
            this.x = x;
            this.y = y;
            this.width = width;
            this.height = height;
        }

        public float x { get; set; }

        public float y { get; set; }

        public float width { get; set; }

        public float height { get; set; }

        public float xMax => x + width;

        public float yMax => y + height;
    }

    public struct Color
    {
        public float r;
        public float g;
        public float b;
        public float a;

        public Color(float r, float g, float b, float a)
        {
            this.r = r;
            this.g = g;
            this.b = b;
            this.a = a;
        }

        public Color(float r, float g, float b) : this(r, g, b, 1f)
        {
        }

        public static Color white => new Color(1f, 1f, 1f, 1f);

        public static Color black => new Color(0f, 0f, 0f, 1f);

        public static Color red => new Color(1f, 0f, 0f, 1f);

        public static Color green => new Color(0f, 1f, 0f, 1f);

        public static Color yellow => new Color(1f, 0.92156863f, 0.015686275f, 1f);

        public static Color gray => new Color(0.5f, 0.5f, 0.5f, 1f);
    }

    public static class Screen
    {
        public static int width { get; internal set; } = 1280;

        public static int height { get; internal set; } = 720;

        public static float dpi { get; internal set; } = 96f;
    }
}
