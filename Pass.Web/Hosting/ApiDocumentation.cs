using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Pass.Shared.Oauth;
using Scalar.AspNetCore;

namespace Pass.Web.Hosting;

/// <summary>
/// The OpenAPI document (<c>/openapi/v1.json</c>) and its reference page (<c>/docs</c>). Endpoints OpenIddict
/// serves itself (revocation, introspection, metadata) are described here, and the seed's endpoints get examples.
/// </summary>
public static class ApiDocumentation
{
    private const string Form = "application/x-www-form-urlencoded";
    private const string Json = "application/json";

    private static readonly Dictionary<string, (string Status, string Example)[]> Examples = new()
    {
        ["CheckToken"] =
        [
            ("200", """{"active":true,"sub":"3f2b8c1e-5d1a-4c4e-9a63-1b2c3d4e5f60","client_id":"pos-canteen-1","scope":"profile","exp":1764057600}"""),
            ("401", """{"error":"invalid_token","error_description":"The token is unknown, expired or revoked."}"""),
        ],
        ["CreateQrSession"] =
        [
            ("200", """{"auth_code":"q8ZP3m2lJb0cX7m3T1nQvQ4dS6yR9aK2uH5eW1oL0fI","expires_in":120}"""),
            ("409", """{"error":"session_conflict","error_description":"The session already exists; retry with another one."}"""),
        ],
        ["QrSessionStatus"] =
        [
            ("200", """{"code":"used"}"""),
            ("404", """{"error":"not_found","error_description":"No such session."}"""),
        ],
        ["Token"] =
        [
            ("200", """{"access_token":"vF3k9Q0cXy7mT2pL8sN1aB4dE6gH5jK0lM9nO3qR2tU","token_type":"Bearer","expires_in":3600,"scope":"profile"}"""),
            ("400", """{"error":"invalid_grant","error_description":"The code was already used; the tokens it issued are revoked."}"""),
            ("401", """{"error":"invalid_client","error_description":"The specified client credentials are invalid."}"""),
        ],
    };

    public static IServiceCollection AddPassApiDocumentation(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Pass API";
                document.Info.Description = "Unified sign-in. The seed's v2 OAuth API (check_token, QR login, card and terminal grants) "
                    + "and the portal's management API (cookie sign-in plus the antiforgery header on writes).";
                AddOpenIddictEndpoints(document);
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                var name = context.Description.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName;
                if (name is not null && Examples.TryGetValue(name, out var examples))
                {
                    operation.Responses ??= new OpenApiResponses();
                    foreach (var (status, example) in examples)
                    {
                        var response = operation.Responses.TryGetValue(status, out var existing) && existing is OpenApiResponse r
                            ? r
                            : (OpenApiResponse)(operation.Responses[status] = new OpenApiResponse { Description = status });
                        response.Content ??= new Dictionary<string, OpenApiMediaType>();
                        if (!response.Content.TryGetValue(Json, out var media))
                        {
                            response.Content[Json] = media = new OpenApiMediaType();
                        }

                        media.Example = JsonNode.Parse(example);
                    }
                }

                return Task.CompletedTask;
            });
        });

    public static WebApplication MapPassApiDocumentation(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference("/docs", options => options.WithTitle("Pass API")).AllowAnonymous();
        return app;
    }

    private static void AddOpenIddictEndpoints(OpenApiDocument document)
    {
        document.Paths ??= new OpenApiPaths();
        document.Paths[PassRoutes.Revoke] = FormPost("RFC 7009 token revocation",
            "Revokes an access or refresh token the calling client holds. Always 200 for a well-formed request (an unknown token is not an error); "
            + "the token is dead on the very next check_token.",
            ("token", "The token to revoke.", true), ("token_type_hint", "access_token or refresh_token.", false),
            ("client_id", "Client authentication (or HTTP Basic).", false), ("client_secret", "Client authentication (or HTTP Basic).", false));
        document.Paths[PassRoutes.Introspect] = FormPost("RFC 7662 token introspection",
            "OpenIddict's standard introspection: `{\"active\": true, ...}` for a live token the caller may introspect, `{\"active\": false}` otherwise. "
            + "For the per-request check of a bearer token use check_token, which is faster.",
            ("token", "The token to introspect.", true), ("token_type_hint", "access_token or refresh_token.", false),
            ("client_id", "Client authentication (or HTTP Basic).", false), ("client_secret", "Client authentication (or HTTP Basic).", false));
        document.Paths[PassRoutes.Metadata] = Get("RFC 8414 authorization server metadata", "Endpoints, grant types and authentication methods.");
        document.Paths["/.well-known/jwks"] = Get("JSON Web Key Set", "Public signing keys.");
    }

    private static OpenApiPathItem FormPost(string summary, string description, params (string Name, string Description, bool Required)[] fields)
    {
        var schema = new OpenApiSchema { Type = JsonSchemaType.Object, Properties = new Dictionary<string, IOpenApiSchema>(), Required = new HashSet<string>() };
        foreach (var (name, text, required) in fields)
        {
            schema.Properties[name] = new OpenApiSchema { Type = JsonSchemaType.String, Description = text };
            if (required)
            {
                schema.Required.Add(name);
            }
        }

        return new OpenApiPathItem
        {
            Operations = new Dictionary<HttpMethod, OpenApiOperation>
            {
                [HttpMethod.Post] = new()
                {
                    Summary = summary,
                    Description = description,
                    Tags = new HashSet<OpenApiTagReference> { new("OAuth") },
                    RequestBody = new OpenApiRequestBody { Required = true, Content = new Dictionary<string, OpenApiMediaType> { [Form] = new() { Schema = schema } } },
                    Responses = new OpenApiResponses
                    {
                        ["200"] = new OpenApiResponse { Description = "Done." },
                        ["400"] = ErrorResponse("""{"error":"invalid_request","error_description":"The mandatory 'token' parameter is missing."}"""),
                        ["401"] = ErrorResponse("""{"error":"invalid_client","error_description":"The specified client credentials are invalid."}"""),
                    },
                },
            },
        };
    }

    private static OpenApiPathItem Get(string summary, string description) => new()
    {
        Operations = new Dictionary<HttpMethod, OpenApiOperation>
        {
            [HttpMethod.Get] = new()
            {
                Summary = summary,
                Description = description,
                Tags = new HashSet<OpenApiTagReference> { new("OAuth") },
                Responses = new OpenApiResponses { ["200"] = new OpenApiResponse { Description = "JSON document." } },
            },
        },
    };

    private static OpenApiResponse ErrorResponse(string example) => new()
    {
        Description = "RFC 6749 §5.2 error",
        Content = new Dictionary<string, OpenApiMediaType> { [Json] = new() { Example = JsonNode.Parse(example) } },
    };
}
