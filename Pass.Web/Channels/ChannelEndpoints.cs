using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Pass.Shared;
using Pass.Shared.Channels;
using Pass.Shared.Oauth;
using Pass.Web.Data;
using Pass.Web.Infrastructure;

namespace Pass.Web.Channels;

/// <summary>
/// Signing in and linking with a channel, and the administrators' channels API. A sign-in goes: challenge → the
/// provider → its callback (the handler) → <see cref="PassRoutes.ExternalDone"/>, which signs in a linked person, links
/// the account for a person linking it from My account, or asks an unknown account's person to prove who they are.
/// </summary>
public static class ChannelEndpoints
{
    public static IEndpointRouteBuilder MapChannelEndpoints(this IEndpointRouteBuilder routes)
    {
        var admin = routes.MapGroup(PassRoutes.Channels).WithTags("Channels").RequireAuthorization(PassPolicies.Admin).RequireAntiforgeryOnWrites();
        admin.MapGet("/", async (IChannelsAdmin channels, CancellationToken ct) => TypedResults.Ok(await channels.ListAsync(ct)))
            .WithSummary("Each sign-in channel's settings in effect; secrets only as hints.");
        admin.MapPut("/{kind}", async (ChannelKind kind, UpdateChannelRequest request, IChannelsAdmin channels, CancellationToken ct) =>
            (await channels.UpdateAsync(kind, request, ct)).ToHttp(TypedResults.Ok))
            .WithSummary("Saves a channel; a secret or key left out is kept.");
        admin.MapPost("/{kind}/key-pair", async (ChannelKind kind, IChannelsAdmin channels, CancellationToken ct) =>
            (await channels.NewKeyPairAsync(kind, ct)).ToHttp(TypedResults.Ok))
            .WithSummary("Alipay: a new application key pair; upload the public key it shows to Alipay.");

        var external = routes.MapGroup(PassRoutes.ExternalSignIn).ExcludeFromDescription();
        external.MapGet("/{scheme}", SignInAsync).AllowAnonymous();
        external.MapGet("/done", DoneAsync).AllowAnonymous();
        routes.MapPost(PassRoutes.LinkedAccounts + "/link", LinkAsync).ExcludeFromDescription().RequireAuthorization(PassPolicies.PortalUser).DisableAntiforgery();
        return routes;
    }

    /// <summary>Sends the browser to the provider to sign in; an unknown or unready channel goes back to the sign-in page.</summary>
    public static async Task<IResult> SignInAsync(string scheme, string? returnUrl, ChannelDirectory channels, SignInManager<ApplicationUser> signIn, CancellationToken ct)
    {
        if (ChannelProvider.FromScheme(scheme) is not { } kind || await channels.ReadyAsync(kind, ct) is null)
        {
            return Results.LocalRedirect("~/Account/Login?channel=unavailable");
        }

        var done = PassRoutes.ExternalDone + "?returnUrl=" + Uri.EscapeDataString(ReturnUrls.LocalOrHome(returnUrl));
        return Results.Challenge(Properties(signIn, kind, done, linkFor: null), [ChannelProvider.Scheme(kind)]);
    }

    /// <summary>
    /// My account's "link": the signed-in person is the proof. The form's antiforgery token is checked here, so that a
    /// missing one is a plain 400 rather than the framework's exception.
    /// </summary>
    public static async Task<IResult> LinkAsync(HttpContext http, IAntiforgery antiforgery, ChannelDirectory channels, SignInManager<ApplicationUser> signIn, UserManager<ApplicationUser> users, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
        {
            return Results.Text("A valid antiforgery token is required.", statusCode: StatusCodes.Status400BadRequest);
        }

        var scheme = (await http.Request.ReadFormAsync(ct))["scheme"].ToString();
        if (ChannelProvider.FromScheme(scheme) is not { } kind || await channels.ReadyAsync(kind, ct) is null)
        {
            return Results.LocalRedirect("~" + PassRoutes.LinkedAccounts + "?result=unavailable");
        }

        await http.SignOutAsync(IdentityConstants.ExternalScheme);
        return Results.Challenge(Properties(signIn, kind, PassRoutes.ExternalDone, linkFor: users.GetUserId(http.User)), [ChannelProvider.Scheme(kind)]);
    }

    public static async Task<IResult> DoneAsync(HttpContext http, string? returnUrl, ExternalAccounts accounts, UserManager<ApplicationUser> users, CancellationToken ct)
    {
        var back = ReturnUrls.LocalOrHome(returnUrl);
        back = back.StartsWith('/') ? back : "/" + back;
        if (await accounts.PendingAsync() is not { } info)
        {
            return Results.LocalRedirect("~/Account/Login?channel=expired");
        }

        if (info.AuthenticationProperties?.Items.TryGetValue(ChannelReturn.LinkFor, out var linkFor) == true && linkFor is not null)
        {
            await http.SignOutAsync(IdentityConstants.ExternalScheme);
            var me = await users.GetUserAsync(http.User);
            var result = me is null || me.Id != linkFor ? "mismatch" : (await accounts.LinkAsync(me, info, "session", ct)).ToString();
            return Results.LocalRedirect("~" + PassRoutes.LinkedAccounts + "?result=" + result);
        }

        if (await accounts.LinkedAsync(info) is not { } linked)
        {
            return Results.LocalRedirect("~/Account/ExternalLink?returnUrl=" + Uri.EscapeDataString(back));
        }

        var signedIn = await accounts.SignInAsync(info, linked.Key, linked.Person, ct);
        if (signedIn.Succeeded)
        {
            return Results.LocalRedirect("~" + back);
        }

        if (signedIn.RequiresTwoFactor)
        {
            return Results.LocalRedirect("~/Account/LoginWith2fa?returnUrl=" + Uri.EscapeDataString(back));
        }

        await http.SignOutAsync(IdentityConstants.ExternalScheme);
        return Results.LocalRedirect(signedIn.IsLockedOut || signedIn.IsNotAllowed ? "~/Account/Lockout" : "~/Account/Login?channel=failed");
    }

    private static AuthenticationProperties Properties(SignInManager<ApplicationUser> signIn, ChannelKind kind, string redirect, string? linkFor)
    {
        var properties = signIn.ConfigureExternalAuthenticationProperties(ChannelProvider.Of(kind), redirect, linkFor);
        properties.Items[ExternalAccounts.SchemeItem] = ChannelProvider.Scheme(kind);
        return properties;
    }
}
