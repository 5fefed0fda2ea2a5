using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TranscribePS.Emulator.Auth;

namespace TranscribePS.Emulator.Control;

/// <summary>
/// Temporary credentials under /_emulator/credentials (on the loopback-only admin group): PUT one (access key,
/// secret, session token, optional ExpiresAfterCalls), POST /{accessKeyId}/expire to expire it now, GET the list
/// with each one's call count, DELETE them all. Reset clears them too.
/// </summary>
internal static class CredentialRoutes
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static RouteGroupBuilder MapCredentialRoutes(this RouteGroupBuilder admin, TemporaryCredentials credentials)
    {
        admin.MapGet("/credentials", () => Results.Json(credentials.All, Json));
        admin.MapPut("/credentials", async (HttpRequest request) =>
        {
            TemporaryCredential? credential;
            try
            {
                credential = await JsonSerializer.DeserializeAsync<TemporaryCredential>(request.Body, Json, request.HttpContext.RequestAborted).ConfigureAwait(false);
            }
            catch (JsonException ex)
            {
                return Results.Json(new { message = "Send {\"accessKeyId\",\"secretAccessKey\",\"sessionToken\",\"expiresAfterCalls\"?}: " + ex.Message }, Json, statusCode: 400);
            }

            if (credential is null)
            {
                return Results.Json(new { message = "Send one temporary credential as a JSON object." }, Json, statusCode: 400);
            }

            try
            {
                credentials.Set(credential);
            }
            catch (ArgumentException ex)
            {
                return Results.Json(new { message = ex.Message }, Json, statusCode: 400);
            }

            return Results.NoContent();
        });
        admin.MapPost("/credentials/{accessKeyId}/expire", (string accessKeyId) =>
            credentials.Expire(accessKeyId)
                ? Results.NoContent()
                : Results.Json(new { message = $"No temporary credential has the access key '{accessKeyId}'." }, Json, statusCode: 404));
        admin.MapDelete("/credentials", () =>
        {
            credentials.Clear();
            return Results.NoContent();
        });
        return admin;
    }
}
