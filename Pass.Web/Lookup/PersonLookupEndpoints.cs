using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Pass.Shared.Cards;
using Pass.Shared.Oauth;
using Pass.Shared.Users;
using Pass.Web.Clients;
using Pass.Web.Infrastructure;
using Pass.Web.Oauth;
using Pass.Web.Users;

namespace Pass.Web.Lookup;

/// <summary>
/// <c>GET /oauth/v2/user?sub=|card_number=|phone=|staff_number=</c>: a subsystem allowed <c>users:read</c> looks a person up with its own
/// token (client_credentials). A card number is read in the client's reader format, as the card grant reads it.
/// </summary>
public static class PersonLookupEndpoints
{
    /// <summary>A person's id is a GUID; anything much longer is not one, and is not written to the audit log.</summary>
    private const int MaxSubLength = 64;

    /// <summary>As long as a staff number may be (the column's length).</summary>
    private const int MaxStaffNumberLength = 64;

    public static IEndpointRouteBuilder MapPersonLookupEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(PassRoutes.User, LookUpAsync)
            .WithName("LookUpPerson")
            .WithTags("Seed API")
            .WithSummary("Looks a person up by exactly one of sub, card_number (in the client's reader format), phone and staff_number.")
            .WithDescription("Bearer token of the client itself (client_credentials), allowed the permission users:read. "
                + "200 with sub, name, masked phone, staff_number and status (active or locked); 404 when nobody matches "
                + "(a card reported lost or replaced matches nobody). Every lookup is audited.")
            .RequireAuthorization(PassPolicies.BearerCaller)
            .RequireRateLimiting(RateLimits.PersonLookup)
            .Produces<PersonLookupResponse>()
            .Produces<OAuthError>(StatusCodes.Status400BadRequest)
            .Produces<OAuthError>(StatusCodes.Status401Unauthorized)
            .Produces<OAuthError>(StatusCodes.Status403Forbidden)
            .Produces<OAuthError>(StatusCodes.Status404NotFound)
            .Produces<OAuthError>(StatusCodes.Status429TooManyRequests);
        return routes;
    }

    public static async Task<IResult> LookUpAsync(
        ClaimsPrincipal caller,
        string? sub,
        [FromQuery(Name = "card_number")] string? cardNumber,
        string? phone,
        [FromQuery(Name = "staff_number")] string? staffNumber,
        ClientRegistry clients,
        PhoneNormalizer phones,
        PersonLookup lookup,
        CancellationToken ct)
    {
        if (await PermittedClient.OfAsync(caller, PassPermissions.UsersRead, clients, ct) is not { } clientId)
        {
            return PermittedClient.Refused("Looking people up", PassPermissions.UsersRead);
        }

        if (new[] { sub, cardNumber, phone, staffNumber }.Count(key => key is not null) != 1)
        {
            return OAuthResults.BadRequest("Give exactly one of sub, card_number, phone and staff_number.");
        }

        if (sub is not null)
        {
            return sub.Length is 0 or > MaxSubLength ? OAuthResults.BadRequest("sub is not a person's id.") : Answer(await lookup.BySubAsync(clientId, sub, ct));
        }

        if (cardNumber is not null)
        {
            if (await clients.FindProfileAsync(clientId, ct) is not { ReaderFormat: { } format })
            {
                return OAuthResults.BadRequest("This client has no card reader format configured, so its card numbers cannot be read.");
            }

            return CardNumber.TryParse(cardNumber, format) is { Number: { } card }
                ? Answer(await lookup.ByCardAsync(clientId, card, ct))
                : OAuthResults.BadRequest($"The card number is not valid for a {format} reader.");
        }

        if (staffNumber is not null)
        {
            return staffNumber.Trim() is { Length: > 0 and <= MaxStaffNumberLength } staff
                ? Answer(await lookup.ByStaffNumberAsync(clientId, staff, ct))
                : OAuthResults.BadRequest("staff_number is not a staff or student number.");
        }

        return phones.Normalize(phone) is { } e164 ? Answer(await lookup.ByPhoneAsync(clientId, e164, ct)) : OAuthResults.BadRequest("phone is not a valid phone number.");
    }

    private static IResult Answer(PersonLookupResponse? person) =>
        person is null ? OAuthResults.NotFound("Nobody has this sub, active card, phone or staff number.") : TypedResults.Ok(person);
}
