// The C# example of seed 001 (UpdatePhoneSession) with its stray semicolons inside the setter chain removed, as the
// contract allows. Everything else is as published, including the deprecated method it calls. It must compile.

using Appwrite;
using Cysharp.Threading.Tasks;
using UnityEngine;

public class UpdatePhoneSessionExample : MonoBehaviour
{
    private Client client;
    
    async void Start()
    {
        client = gameObject.AddComponent<Client>();
        client.SetEndpoint("https://cloud.appwrite.io/v1")
              .SetXAppwriteProject("YOUR_PROJECT")
              .SetXAppwriteJWT("YOUR_JWT")
              .SetXAppwriteLocale("YOUR_LOCALE")
              .SetXAppwriteSession("YOUR_SESSION")
              .SetXAppwriteDevKey("YOUR_DEVKEY");
        
        await ExampleUpdatePhoneSession();
    }
    
    async UniTask ExampleUpdatePhoneSession()
    {
        try
        {
            // Setup parameters
            var userId = "<USER_ID>"; // User ID. Choose a custom ID or generate a random ID with `ID.unique()`. Valid chars are a-z, A-Z, 0-9, period, hyphen, and underscore. Can&#039;t start with a special char. Max length is 36 chars.
            var secret = "<SECRET>"; // Valid verification token.
            
            var result = await client.Account.UpdatePhoneSessionAsync(
                userId,
                secret
            );
            
            Debug.Log("Success: " + result);
        }
        catch (AppwriteException ex)
        {
            Debug.LogError($"Error: {ex.Message} (Code: {ex.Code})");
        }
    }
}
