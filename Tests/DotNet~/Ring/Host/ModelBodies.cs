// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

namespace Playloom.Appwrite.Ring
{
    /// <summary>
    /// Response bodies as Appwrite 1.9.6 sends them to a client (reference section 2): optional fields present as
    /// null, sensitive secrets as "", dates with milliseconds and offset.
    /// </summary>
    internal static class ModelBodies
    {
        public const string Target =
            "{\"$id\":\"65f0a1b2c3d4e5f60718\",\"$createdAt\":\"2026-01-10T09:15:22.500+00:00\",\"$updatedAt\":\"2026-01-10T09:15:22.500+00:00\"," +
            "\"name\":\"Pixel 8\",\"userId\":\"6712a5f0c1d2e3f4a5b6\",\"providerId\":\"fcm-main\",\"providerType\":\"push\",\"identifier\":\"fcm-token-abc\",\"expired\":false}";

        public const string User =
            "{\"$id\":\"6712a5f0c1d2e3f4a5b6\",\"$createdAt\":\"2026-01-10T09:15:22.123+00:00\",\"$updatedAt\":\"2026-01-12T18:02:11.456+00:00\"," +
            "\"name\":\"Ada Lovelace\",\"registration\":\"2026-01-10T09:15:22.120+00:00\",\"status\":true,\"labels\":[\"beta\",\"vip\"]," +
            "\"passwordUpdate\":\"\",\"email\":\"ada@example.com\",\"phone\":\"+15555550100\",\"emailVerification\":false," +
            "\"emailCanonical\":null,\"emailIsFree\":true,\"emailIsDisposable\":false,\"emailIsCorporate\":null,\"emailIsCanonical\":null," +
            "\"phoneVerification\":true,\"mfa\":false,\"prefs\":{\"theme\":\"dark\",\"volume\":7,\"tags\":[\"a\",\"b\"]}," +
            "\"targets\":[{\"$id\":\"65f0a1b2c3d4e5f60719\",\"$createdAt\":\"2026-01-10T09:15:22.400+00:00\",\"$updatedAt\":\"2026-01-10T09:15:22.400+00:00\"," +
            "\"name\":\"\",\"userId\":\"6712a5f0c1d2e3f4a5b6\",\"providerId\":null,\"providerType\":\"sms\",\"identifier\":\"+15555550100\",\"expired\":false}]," +
            "\"accessedAt\":\"2026-01-12T18:02:11.456+00:00\",\"impersonator\":false,\"impersonatorUserId\":null}";

        public const string Session =
            "{\"$id\":\"6713b0c1d2e3f4a5b6c7\",\"$createdAt\":\"2026-01-12T18:02:11.000+00:00\",\"$updatedAt\":\"2026-01-12T18:02:11.000+00:00\"," +
            "\"userId\":\"6712a5f0c1d2e3f4a5b6\",\"expire\":\"2027-01-12T18:02:11.000+00:00\",\"provider\":\"phone\",\"providerUid\":\"+15555550100\"," +
            "\"providerAccessToken\":\"\",\"providerAccessTokenExpiry\":\"\",\"providerRefreshToken\":\"\",\"ip\":\"127.0.0.1\",\"osCode\":\"LIN\"," +
            "\"osName\":\"GNU/Linux\",\"osVersion\":\"\",\"clientType\":\"library\",\"clientCode\":\"\",\"clientName\":\"Playloom Unity\"," +
            "\"clientVersion\":\"0.1.0\",\"clientEngine\":\"\",\"clientEngineVersion\":\"\",\"deviceName\":\"desktop\",\"deviceBrand\":\"\"," +
            "\"deviceModel\":\"\",\"countryCode\":\"--\",\"countryName\":\"Unknown\",\"current\":true,\"factors\":[\"phone\"],\"secret\":\"\"," +
            "\"mfaUpdatedAt\":\"\"}";

        public const string SessionList = "{\"total\":2,\"sessions\":[" + Session + "," +
            "{\"$id\":\"6713b0c1d2e3f4a5b6c8\",\"$createdAt\":\"2026-01-11T08:00:00.000+00:00\",\"$updatedAt\":\"2026-01-11T08:00:00.000+00:00\"," +
            "\"userId\":\"6712a5f0c1d2e3f4a5b6\",\"expire\":\"2027-01-11T08:00:00.000+00:00\",\"provider\":\"oauth2\",\"providerUid\":\"1234567\"," +
            "\"providerAccessToken\":\"gho_providerAccessToken\",\"providerAccessTokenExpiry\":\"2026-01-11T09:00:00.000+00:00\",\"providerRefreshToken\":\"ghr_refresh\"," +
            "\"ip\":\"10.0.0.2\",\"osCode\":\"AND\",\"osName\":\"Android\",\"osVersion\":\"14\",\"clientType\":\"browser\",\"clientCode\":\"CM\"," +
            "\"clientName\":\"Chrome Mobile\",\"clientVersion\":\"120.0\",\"clientEngine\":\"Blink\",\"clientEngineVersion\":\"120.0\",\"deviceName\":\"smartphone\"," +
            "\"deviceBrand\":\"Google\",\"deviceModel\":\"Pixel 8\",\"countryCode\":\"de\",\"countryName\":\"Germany\",\"current\":false," +
            "\"factors\":[\"email\",\"oauth2\"],\"secret\":\"\",\"mfaUpdatedAt\":\"\"}]}";

        public const string Token =
            "{\"$id\":\"6713c0d1e2f3a4b5c6d7\",\"$createdAt\":\"2026-01-12T18:00:00.000+00:00\",\"userId\":\"6712a5f0c1d2e3f4a5b6\"," +
            "\"secret\":\"\",\"expire\":\"2026-01-12T18:15:00.000+00:00\",\"phrase\":\"\"}";

        public const string Jwt = "{\"jwt\":\"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ1c2VySWQiOiI2NzEyYTVmMCIsInNlc3Npb25JZCI6IjY3MTNiMGMxIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ\"}";

        public const string IdentityList =
            "{\"total\":1,\"identities\":[{\"$id\":\"6714a1b2c3d4e5f60718\",\"$createdAt\":\"2026-01-11T08:00:00.000+00:00\",\"$updatedAt\":\"2026-01-11T08:00:00.000+00:00\"," +
            "\"userId\":\"6712a5f0c1d2e3f4a5b6\",\"provider\":\"github\",\"providerUid\":\"1234567\",\"providerEmail\":\"ada@example.com\"," +
            "\"providerAccessToken\":\"gho_identityToken\",\"providerAccessTokenExpiry\":\"2026-01-11T09:00:00.000+00:00\",\"providerRefreshToken\":\"\"}]}";

        public const string LogList =
            "{\"total\":1,\"logs\":[{\"event\":\"session.create\",\"userId\":\"6712a5f0c1d2e3f4a5b6\",\"userEmail\":\"ada@example.com\",\"userName\":\"Ada Lovelace\"," +
            "\"mode\":\"default\",\"userType\":\"user\",\"ip\":\"127.0.0.1\",\"time\":\"2026-01-12T18:02:11.000+00:00\",\"osCode\":\"LIN\",\"osName\":\"GNU/Linux\"," +
            "\"osVersion\":\"\",\"clientType\":\"library\",\"clientCode\":\"\",\"clientName\":\"Playloom Unity\",\"clientVersion\":\"0.1.0\",\"clientEngine\":\"\"," +
            "\"clientEngineVersion\":\"\",\"deviceName\":\"desktop\",\"deviceBrand\":\"\",\"deviceModel\":\"\",\"countryCode\":\"--\",\"countryName\":\"Unknown\"}]}";

        public const string MfaType = "{\"secret\":\"JBSWY3DPEHPK3PXP\",\"uri\":\"otpauth://totp/Demo:ada%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Demo\"}";

        public const string MfaChallenge =
            "{\"$id\":\"6715a1b2c3d4e5f60718\",\"$createdAt\":\"2026-01-12T18:05:00.000+00:00\",\"userId\":\"6712a5f0c1d2e3f4a5b6\",\"expire\":\"2026-01-12T18:20:00.000+00:00\"}";

        public const string MfaFactors = "{\"totp\":true,\"phone\":true,\"email\":false,\"recoveryCode\":true}";

        public const string MfaRecoveryCodes = "{\"recoveryCodes\":[\"a1b2c3d4e5\",\"f6a7b8c9d0\",\"1122334455\"]}";

        public const string Prefs = "{\"theme\":\"dark\",\"volume\":7,\"tags\":[\"a\",\"b\"]}";
    }
}
