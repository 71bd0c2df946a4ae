// The C# example of seed 000 (CreatePhoneToken), adapted as the contract allows: `new Client()` is
// `gameObject.AddComponent<Client>()` (Client is a component), and `CreatePhoneToken` is `CreatePhoneTokenAsync` with the
// same named arguments. Everything else is as published. It must compile against the package.

using Appwrite;
using Appwrite.Models;
using Appwrite.Services;
using Cysharp.Threading.Tasks;
using UnityEngine;

public class CreatePhoneTokenExample : MonoBehaviour
{
    private Client client;
    private Account account;

    async void Start()
    {
        client = gameObject.AddComponent<Client>()
            .SetEndpoint("https://<REGION>.cloud.appwrite.io/v1") // Your API Endpoint
            .SetProject("<YOUR_PROJECT_ID>"); // Your project ID

        account = new Account(client);

        await ExampleCreatePhoneToken();
    }
    
    async UniTask ExampleCreatePhoneToken()
    {
        try
        {
            Token result = await account.CreatePhoneTokenAsync(
                userId: "<USER_ID>",
                phone: "+12065550100"
            );
            Debug.Log("Success: " + result);
        }
        catch (AppwriteException ex)
        {
            Debug.LogError($"Error: {ex.Message} (Code: {ex.Code})");
        }
    }
}
