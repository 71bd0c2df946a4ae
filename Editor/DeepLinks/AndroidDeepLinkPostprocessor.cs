// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// UnityEditor.Android exists only with Android Build Support, and this step only matters in Android builds.
#if UNITY_ANDROID
#nullable enable
using UnityEditor.Android;

namespace Appwrite.Editor
{
    /// <summary>Registers the OAuth2 callback schemes in the generated Gradle project (see <see cref="DeepLinkBuildSteps"/>).</summary>
    internal sealed class AndroidDeepLinkPostprocessor : IPostGenerateGradleAndroidProject
    {
        public int callbackOrder => 100;

        public void OnPostGenerateGradleAndroidProject(string path) => DeepLinkBuildSteps.RegisterAndroid(path, SettingsAssets.Find());
    }
}
#endif
