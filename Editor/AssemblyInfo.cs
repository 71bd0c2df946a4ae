// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Playloom.Appwrite.Editor.Tests")]
[assembly: InternalsVisibleTo("Playloom.Appwrite.Tests")]
