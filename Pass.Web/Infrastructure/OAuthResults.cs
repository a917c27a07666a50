using Microsoft.AspNetCore.Http.HttpResults;
using System.Text.Json;
using Pass.Shared.Oauth;

namespace Pass.Web.Infrastructure;

/// <summary>RFC 6749 §5.2 error bodies for Pass's own endpoints under <c>/oauth</c>.</summary>
public static class OAuthResults
{
    public static JsonHttpResult<OAuthError> Error(int status, string error, string? description = null) =>
        TypedResults.Json(new OAuthError(error, description), statusCode: status);

    public static JsonHttpResult<OAuthError> BadRequest(string description) =>
        Error(StatusCodes.Status400BadRequest, OAuthErrors.InvalidRequest, description);

    public static JsonHttpResult<OAuthError> NotFound(string description) =>
        Error(StatusCodes.Status404NotFound, OAuthErrors.NotFound, description);
}
