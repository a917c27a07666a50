using Pass.Web.Infrastructure;
using Pass.Web.Users;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Pass.Shared.Kiosk;
using Pass.Shared.Oauth;
using Pass.Shared.Sms;
using Pass.Web.Clients;
using Pass.Web.Oauth;

namespace Pass.Web.Sms;

/// <summary>SPEC §2.5: <c>GET /oauth/v2/code</c> sends an SMS code; success is 200 with no body.</summary>
public static class SmsEndpoints
{
    public const string IfExists = "if_exists";
    public const string IfNotExists = "if_not_exists";
    public const string Replace = "replace";
    private const int MaxTitleLength = 30;

    public static IEndpointRouteBuilder MapSmsEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(PassRoutes.SmsCode, SendAsync)
            .WithName("SendSmsCode")
            .WithTags("Seed API")
            .WithSummary("Sends an SMS code to a phone; redeem it as grant_type=authorization_code&code=<phone>.<code>.")
            .WithDescription("Bearer token of a client allowed the SMS grant (or of a person, for phone_conflict=replace). "
                + "`abort=if_exists` sends nothing when someone has the phone (sign-up); `abort=if_not_exists` sends nothing when nobody has it (sign-in); "
                + "the answer is 200 either way. `phone_conflict=replace` moves the phone to the token's person on redemption. "
                + "429 with Retry-After when sending too often.")
            .RequireAuthorization(PassPolicies.BearerCaller)
            .Produces(StatusCodes.Status200OK)
            .Produces<OAuthError>(StatusCodes.Status400BadRequest)
            .Produces<OAuthError>(StatusCodes.Status401Unauthorized)
            .Produces<OAuthError>(StatusCodes.Status429TooManyRequests);
        routes.MapGet(PassRoutes.Api + "/sms/outbox", async (ISmsOutbox outbox, CancellationToken ct) => TypedResults.Ok(await outbox.RecentAsync(ct)))
            .WithTags("SMS").WithSummary("The newest SMS messages and their delivery; the text only in Development.")
            .RequireAuthorization(PassPolicies.Admin);
        return routes;
    }

    public static async Task<IResult> SendAsync(
        HttpContext context,
        ClaimsPrincipal caller,
        string? phone,
        string? title,
        string? abort,
        [FromQuery(Name = "phone_conflict")] string? phoneConflict,
        PhoneNormalizer phones,
        ClientRegistry clients,
        SmsCodeSender sender,
        CancellationToken ct)
    {
        var clientId = caller.FindFirstValue(PassBearerHandler.ClientIdClaim);
        if (clientId is null || await clients.FindAsync(clientId, ct) is not { } client || !client.Grants.Contains(PassGrantTypes.Sms))
        {
            return OAuthResults.Error(StatusCodes.Status403Forbidden, OAuthErrors.UnauthorizedClient, "The client is not allowed to send SMS codes (grant urn:pass:grant-type:sms).");
        }

        if (phones.Normalize(phone) is not { } e164)
        {
            return OAuthResults.BadRequest("phone is not a valid phone number.");
        }

        if (abort is not (null or IfExists or IfNotExists) || phoneConflict is not (null or Replace))
        {
            return OAuthResults.BadRequest($"abort is {IfExists} or {IfNotExists}; phone_conflict is {Replace}.");
        }

        var person = caller.FindFirstValue(PassClaims.Kind) == PassClaims.PersonKind ? caller.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        if (phoneConflict == Replace && (person is null || abort is not null))
        {
            return OAuthResults.BadRequest("phone_conflict=replace needs a person's bearer token and no abort.");
        }

        var purpose = phoneConflict == Replace ? SmsPurpose.Replace
            : abort == IfExists ? SmsPurpose.SignUp
            : abort == IfNotExists ? SmsPurpose.SignIn
            : SmsPurpose.SignInOrUp;
        var shownTitle = DeviceLabel.Clean(title) is { Length: > 0 } clean ? clean[..Math.Min(clean.Length, MaxTitleLength)] : client.DisplayName;
        var result = await sender.SendAsync(e164, shownTitle, purpose, clientId, person, ct);
        switch (result.Outcome)
        {
            case SmsSendOutcome.RateLimited:
                context.Response.SetRetryAfter(result.RetryAfter);
                return OAuthResults.Error(StatusCodes.Status429TooManyRequests, OAuthErrors.TooManyRequests, "Too many codes for this phone or client; retry later.");
            case SmsSendOutcome.GatewayFailed:
                return OAuthResults.Error(StatusCodes.Status503ServiceUnavailable, OAuthErrors.TemporarilyUnavailable, "The SMS gateway did not take the message; Pass tries again until the code expires.");
            default:
                return Results.Ok();
        }
    }
}
