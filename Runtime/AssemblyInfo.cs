// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

using System.Runtime.CompilerServices;

// The editor tooling and the tests reach internals (the script runtime seam, host defaults) only through these.
[assembly: InternalsVisibleTo("Playloom.Appwrite.Editor")]
[assembly: InternalsVisibleTo("Playloom.Appwrite.Tests")]
[assembly: InternalsVisibleTo("Playloom.Appwrite.Editor.Tests")]
