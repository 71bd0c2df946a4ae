// SPDX-License-Identifier: BSD-3-Clause
// SPDX-FileCopyrightText: 2026 Playloom

// The README's quick start, compiled by the ring so it cannot drift from the API (docs.mjs copies the region).
// Outside any namespace, as a game script would be.

#region quick-start
using Appwrite;
using UnityEngine;

public class QuickStart : MonoBehaviour
{
    async void Start()
    {
        var client = gameObject.AddComponent<Client>()
            .SetEndpoint("http://127.0.0.1:7080/v1") // the local emulator (npm start); your Appwrite endpoint later
            .SetProject("demo-project");
        try
        {
            var token = await client.Account.CreatePhoneTokenAsync(userId: ID.Unique(), phone: "+15555550100");
            var session = await client.Account.CreateSessionAsync(userId: token.UserId, secret: "123456"); // the SMS code
            Debug.Log($"Signed in as {session.UserId}");
        }
        catch (AppwriteException ex)
        {
            Debug.LogError($"Error: {ex.Message} (Code: {ex.Code}, Type: {ex.Type})");
        }
    }
}
#endregion
