// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using Appwrite.Editor;
using NUnit.Framework;

namespace Appwrite.Tests
{
    /// <summary>The callback scheme in the Android manifest and the iOS Info.plist: added once, nothing else touched.</summary>
    public sealed class MobileDeepLinkRegistrationTests
    {
        private const string Scheme = "appwrite-callback-demo-project";

        // The shape of unityLibrary/src/main/AndroidManifest.xml as Unity generates it.
        private const string UnityLibraryManifest =
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" +
            "<manifest xmlns:android=\"http://schemas.android.com/apk/res/android\" package=\"com.unity3d.player\" xmlns:tools=\"http://schemas.android.com/tools\">\n" +
            "  <application>\n" +
            "    <activity android:name=\"com.unity3d.player.UnityPlayerActivity\" android:theme=\"@style/UnityThemeSelector\" android:launchMode=\"singleTask\" android:exported=\"true\">\n" +
            "      <intent-filter>\n" +
            "        <action android:name=\"android.intent.action.MAIN\" />\n" +
            "        <category android:name=\"android.intent.category.LAUNCHER\" />\n" +
            "      </intent-filter>\n" +
            "      <meta-data android:name=\"unityplayer.UnityActivity\" android:value=\"true\" />\n" +
            "    </activity>\n" +
            "    <meta-data android:name=\"unity.splash-mode\" android:value=\"0\" />\n" +
            "  </application>\n" +
            "  <uses-feature android:glEsVersion=\"0x00030000\" />\n" +
            "</manifest>\n";

        private const string InfoPlist =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" +
            "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n" +
            "<plist version=\"1.0\">\n" +
            "<dict>\n" +
            "\t<key>CFBundleDevelopmentRegion</key>\n" +
            "\t<string>en</string>\n" +
            "\t<key>CFBundleIdentifier</key>\n" +
            "\t<string>$(PRODUCT_BUNDLE_IDENTIFIER)</string>\n" +
            "\t<key>UIRequiresFullScreen</key>\n" +
            "\t<true/>\n" +
            "</dict>\n" +
            "</plist>\n";

        private static XmlDocument Xml(string text)
        {
            var document = new XmlDocument { XmlResolver = null };
            using var reader = XmlReader.Create(new StringReader(text), new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse, XmlResolver = null });
            document.Load(reader);
            return document;
        }

        private static List<XmlElement> Elements(XmlNode parent, string name) => parent.ChildNodes.OfType<XmlElement>().Where(e => e.Name == name).ToList();

        private static string Android(XmlElement element, string attribute) => element.GetAttribute(attribute, AndroidManifestDeepLinks.AndroidNamespace);

        [Test]
        public void Manifest_GetsABrowsableViewFilter_InTheExistingPlayerActivity()
        {
            var added = new List<string>();
            var result = AndroidManifestDeepLinks.AddSchemes(UnityLibraryManifest, new[] { Scheme }, added);
            Assert.That(added, Is.EqualTo(new[] { Scheme }));
            var document = Xml(result);
            var activities = document.GetElementsByTagName("activity").OfType<XmlElement>().ToList();
            Assert.That(activities.Count, Is.EqualTo(1), "the player activity is not redeclared");
            var activity = activities[0];
            Assert.That(Android(activity, "name"), Is.EqualTo("com.unity3d.player.UnityPlayerActivity"));
            Assert.That(Android(activity, "launchMode"), Is.EqualTo("singleTask"), "attributes untouched");
            var filters = Elements(activity, "intent-filter");
            Assert.That(filters.Count, Is.EqualTo(2));
            Assert.That(Elements(filters[0], "category").Select(c => Android(c, "name")), Is.EqualTo(new[] { "android.intent.category.LAUNCHER" }), "the launcher filter stays first and unchanged");
            var ours = filters[1];
            Assert.That(Elements(ours, "action").Select(a => Android(a, "name")), Is.EqualTo(new[] { "android.intent.action.VIEW" }));
            Assert.That(Elements(ours, "category").Select(c => Android(c, "name")), Is.EquivalentTo(new[] { "android.intent.category.DEFAULT", "android.intent.category.BROWSABLE" }));
            Assert.That(Elements(ours, "data").Select(d => Android(d, "scheme")), Is.EqualTo(new[] { Scheme }));
            Assert.That(result, Does.Contain("<data android:scheme=\"" + Scheme + "\" />"), "written with the manifest's android: prefix");
            Assert.That(result, Does.Contain("<uses-feature android:glEsVersion=\"0x00030000\" />"), "the rest is kept as written");
            Assert.That(result, Does.StartWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>"));
        }

        [Test]
        public void Manifest_SecondRun_ChangesNothing()
        {
            var first = AndroidManifestDeepLinks.AddSchemes(UnityLibraryManifest, new[] { Scheme, Scheme.ToUpperInvariant() }, new List<string>());
            var added = new List<string>();
            var second = AndroidManifestDeepLinks.AddSchemes(first, new[] { Scheme, Scheme.ToUpperInvariant() }, added);
            Assert.That(added, Is.Empty);
            Assert.That(second, Is.EqualTo(first));
            Assert.That(Xml(first).GetElementsByTagName("data").Count, Is.EqualTo(2));
        }

        [Test]
        public void Manifest_PicksUnitysActivity_OverAnotherLauncher()
        {
            var manifest = UnityLibraryManifest
                .Replace("<intent-filter>\n        <action android:name=\"android.intent.action.MAIN\" />\n        <category android:name=\"android.intent.category.LAUNCHER\" />\n      </intent-filter>\n", "")
                .Replace("  <application>\n", "  <application>\n    <activity android:name=\"com.plugin.Splash\"><intent-filter><action android:name=\"android.intent.action.MAIN\" /><category android:name=\"android.intent.category.LAUNCHER\" /></intent-filter></activity>\n");
            var result = AndroidManifestDeepLinks.AddSchemes(manifest, new[] { Scheme }, new List<string>());
            var unity = Xml(result).GetElementsByTagName("activity").OfType<XmlElement>().Single(a => Android(a, "name") == "com.unity3d.player.UnityPlayerActivity");
            Assert.That(Elements(unity, "intent-filter").SelectMany(f => Elements(f, "data")).Select(d => Android(d, "scheme")), Is.EqualTo(new[] { Scheme }));
        }

        [Test]
        public void Manifest_SelfClosingLauncherActivity_GetsChildren()
        {
            var manifest = "<manifest xmlns:android=\"http://schemas.android.com/apk/res/android\"><application><activity android:name=\"com.unity3d.player.UnityPlayerGameActivity\"/></application></manifest>";
            var result = AndroidManifestDeepLinks.AddSchemes(manifest, new[] { Scheme }, new List<string>());
            Assert.That(Xml(result).GetElementsByTagName("data").OfType<XmlElement>().Single().GetAttribute("scheme", AndroidManifestDeepLinks.AndroidNamespace), Is.EqualTo(Scheme));
        }

        [Test]
        public void Manifest_WithoutAPlayerActivity_ExplainsTheManualFix()
        {
            var manifest = "<manifest xmlns:android=\"http://schemas.android.com/apk/res/android\"><application><activity android:name=\"com.other.Activity\"/></application></manifest>";
            var error = Assert.Throws<InvalidOperationException>(() => AndroidManifestDeepLinks.AddSchemes(manifest, new[] { Scheme }, new List<string>()))!;
            Assert.That(error.Message, Does.Contain("android.intent.category.BROWSABLE"));
            Assert.Throws<InvalidOperationException>(() => AndroidManifestDeepLinks.AddSchemes("<manifest", new[] { Scheme }, new List<string>()));
        }

        [Test]
        public void Manifest_ApplyEditsTheUnityLibraryProject()
        {
            var root = Path.Combine(Path.GetTempPath(), "playloom-android-" + Guid.NewGuid().ToString("N"));
            try
            {
                var path = Path.Combine(root, "src", "main", "AndroidManifest.xml");
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, UnityLibraryManifest);
                Assert.That(AndroidManifestDeepLinks.Apply(root, new[] { Scheme }), Is.EqualTo(new[] { Scheme }));
                Assert.That(File.ReadAllText(path), Does.Contain(Scheme));
                Assert.That(File.ReadAllBytes(path)[0], Is.EqualTo((byte)'<'), "no byte order mark");
                Assert.That(AndroidManifestDeepLinks.Apply(root, new[] { Scheme }), Is.Empty);
                Assert.Throws<InvalidOperationException>(() => AndroidManifestDeepLinks.Apply(Path.Combine(root, "missing"), new[] { Scheme }));
            }
            finally
            {
                if (Directory.Exists(root)) Directory.Delete(root, true);
            }
        }

        [Test]
        public void Plist_GetsCFBundleURLTypes_KeepingTheDoctype()
        {
            var added = new List<string>();
            var result = InfoPlistDeepLinks.AddSchemes(InfoPlist, new[] { Scheme, "appwrite-callback-prod" }, added);
            Assert.That(added, Is.EqualTo(new[] { Scheme, "appwrite-callback-prod" }));
            Assert.That(result, Does.Contain("<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">"));
            Assert.That(result, Does.Contain("<true/>").Or.Contain("<true />"), "other entries kept");
            var dict = (XmlElement)Xml(result).DocumentElement!.ChildNodes.OfType<XmlElement>().First();
            Assert.That(InfoPlistDeepLinks.ListedSchemes(dict), Is.EquivalentTo(new[] { Scheme, "appwrite-callback-prod" }));
            Assert.That(result, Does.Contain("<key>CFBundleURLName</key>"));
            Assert.That(result, Does.Contain(InfoPlistDeepLinks.UrlTypeName));
        }

        [Test]
        public void Plist_SecondRun_ChangesNothing_AndANewProjectJoinsOurUrlType()
        {
            var first = InfoPlistDeepLinks.AddSchemes(InfoPlist, new[] { Scheme }, new List<string>());
            var added = new List<string>();
            Assert.That(InfoPlistDeepLinks.AddSchemes(first, new[] { Scheme }, added), Is.EqualTo(first));
            Assert.That(added, Is.Empty);
            var second = InfoPlistDeepLinks.AddSchemes(first, new[] { Scheme, "appwrite-callback-prod" }, added);
            Assert.That(added, Is.EqualTo(new[] { "appwrite-callback-prod" }));
            var urlTypes = Xml(second).GetElementsByTagName("key").OfType<XmlElement>().Count(k => k.InnerText == "CFBundleURLName");
            Assert.That(urlTypes, Is.EqualTo(1), "one URL type of ours, with both schemes");
        }

        [Test]
        public void Plist_SchemesFromPlayerSettings_AreKept_AndNotDuplicated()
        {
            var withUrlTypes = InfoPlist.Replace("</dict>\n</plist>",
                "\t<key>CFBundleURLTypes</key>\n\t<array>\n\t\t<dict>\n\t\t\t<key>CFBundleURLName</key>\n\t\t\t<string>com.example.game</string>\n\t\t\t<key>CFBundleURLSchemes</key>\n\t\t\t<array>\n\t\t\t\t<string>mygame</string>\n\t\t\t\t<string>" + Scheme + "</string>\n\t\t\t</array>\n\t\t</dict>\n\t</array>\n</dict>\n</plist>");
            var added = new List<string>();
            Assert.That(InfoPlistDeepLinks.AddSchemes(withUrlTypes, new[] { Scheme }, added), Is.EqualTo(withUrlTypes), "already listed by the game");
            var result = InfoPlistDeepLinks.AddSchemes(withUrlTypes, new[] { "appwrite-callback-prod" }, added);
            var dict = (XmlElement)Xml(result).DocumentElement!.ChildNodes.OfType<XmlElement>().First();
            Assert.That(InfoPlistDeepLinks.ListedSchemes(dict), Is.EquivalentTo(new[] { "mygame", Scheme, "appwrite-callback-prod" }));
        }

        [Test]
        public void Plist_NotAnXmlPlist_SaysHowToConvertIt()
        {
            var error = Assert.Throws<InvalidOperationException>(() => InfoPlistDeepLinks.AddSchemes("bplist00\u0001binary", new[] { Scheme }, new List<string>()))!;
            Assert.That(error.Message, Does.Contain("plutil -convert xml1"));
            Assert.Throws<InvalidOperationException>(() => InfoPlistDeepLinks.AddSchemes("<plist version=\"1.0\"><array/></plist>", new[] { Scheme }, new List<string>()));
        }
    }
}
