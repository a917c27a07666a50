using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Pass.Shared.Audit;
using Pass.Shared.Oauth;
using Pass.Shared.Users;
using Pass.Web.Audit;
using Pass.Web.Data;
using Pass.Web.Users;
using Pass.Web.Infrastructure;

namespace Pass.Web.Users;

/// <summary>Portal sign-in for script and WebAssembly callers, the signed-in person, and the antiforgery token.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(PassRoutes.Api).WithTags("Account");
        group.MapGet("/antiforgery", GetAntiforgery).AllowAnonymous();
        group.MapPost("/account/login", LoginAsync).AllowAnonymous().RequireRateLimiting(RateLimits.SignIn);
        group.MapPost("/account/logout", LogoutAsync).RequireAuthorization(PassPolicies.PortalUser).RequireAntiforgeryOnWrites();
        group.MapGet("/me", MeAsync).RequireAuthorization(PassPolicies.PortalUser);
        return routes;
    }

    public static Ok<AntiforgeryToken> GetAntiforgery(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return TypedResults.Ok(new AntiforgeryToken(tokens.HeaderName!, tokens.RequestToken!));
    }

    public static async Task<Results<Ok<Me>, ProblemHttpResult>> LoginAsync(
        LoginRequest request, SignInManager<ApplicationUser> signIn, UserManager<ApplicationUser> users, AuditLog audit, PassDbContext db)
    {
        const string refused = "The email or password is incorrect, or the account is locked.";
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
        {
            return ApiExtensions.Problem(StatusCodes.Status400BadRequest, "Email and password are required.");
        }

        await using var commit = await SignInCommit.BeginAsync(db, request.Email);
        var user = await users.FindByEmailAsync(request.Email);
        if (user is null)
        {
            UnknownAccountTiming.SpendVerification(users, request.Password);
            await audit.RecordAsync(AuditEventType.SignInFailed, detail: AuditDetail.Of(AuditDetailCode.UnknownAccount), success: false);
            await commit.CommitAsync();
            return ApiExtensions.Problem(StatusCodes.Status401Unauthorized, refused);
        }

        var result = await signIn.PasswordSignInAsync(user, request.Password, request.RememberMe, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            await audit.RecordAsync(AuditEventType.SignInFailed, user.Id, detail: AuditDetail.Of(result.IsLockedOut ? AuditDetailCode.LockedOut : AuditDetailCode.WrongPassword), success: false);
            await commit.CommitAsync();
            return ApiExtensions.Problem(StatusCodes.Status401Unauthorized, refused);
        }

        await audit.RecordAsync(AuditEventType.SignIn, user.Id, detail: AuditDetail.Of(AuditDetailCode.Portal));
        await commit.CommitAsync();
        return TypedResults.Ok(await DescribeAsync(user, users));
    }

    public static async Task<NoContent> LogoutAsync(SignInManager<ApplicationUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<Me>, NotFound>> MeAsync(ClaimsPrincipal principal, UserManager<ApplicationUser> users) =>
        await users.GetUserAsync(principal) is { } user ? TypedResults.Ok(await DescribeAsync(user, users)) : TypedResults.NotFound();

    private static async Task<Me> DescribeAsync(ApplicationUser user, UserManager<ApplicationUser> users) =>
        new(user.Id, user.Email ?? "", user.DisplayName, [.. await users.GetRolesAsync(user)]);
}
