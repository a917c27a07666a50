using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Pass.Shared;
using Pass.Shared.Oauth;
using Pass.Shared.Problems;
using Pass.Shared.Users;
using Pass.Web.Infrastructure;

namespace Pass.Web.Users;

public static class UserEndpoints
{
    public static IEndpointRouteBuilder MapUserEndpoints(this IEndpointRouteBuilder routes)
    {
        // The helpdesk finds people to bind cards to; everything else is the administrators'.
        routes.MapGet(PassRoutes.Users, SearchAsync).WithTags("Users").RequireAuthorization(PassPolicies.Helpdesk);

        var admin = routes.MapGroup(PassRoutes.Users).WithTags("Users")
            .RequireAuthorization(PassPolicies.Admin)
            .RequireAntiforgeryOnWrites();
        admin.MapGet("/{id}", FindAsync);
        admin.MapPost("/", CreateAsync);
        admin.MapPost("/{id}/lock", (string id, ClaimsPrincipal actor, UserDirectory d) => ToResult(d.LockAsync(id, actor.UserId())));
        admin.MapPost("/{id}/unlock", (string id, UserDirectory d) => ToResult(d.UnlockAsync(id)));
        admin.MapPut("/{id}", (string id, UpdateUserRequest request, UserDirectory d) => ToResult(d.UpdateAsync(id, request)))
            .WithSummary("Corrects a person's email (their sign-in name), display name and staff number.");
        admin.MapPut("/{id}/roles", (string id, SetRolesRequest request, UserDirectory d) => ToResult(d.SetRolesAsync(id, request.Roles)));
        admin.MapPut("/{id}/phone", (string id, SetPhoneRequest request, UserDirectory d) => ToResult(d.SetPhoneAsync(id, request.PhoneNumber)));
        admin.MapPost("/{id}/reset-password", ResetPasswordAsync);
        admin.MapDelete("/{id}", (string id, ClaimsPrincipal actor, UserDirectory d) => ToResult(d.DeleteAsync(id, actor.UserId())));
        return routes;
    }

    public static async Task<Ok<PagedResult<UserSummary>>> SearchAsync(UserDirectory directory, string? q, string? sort, int page = 0, int pageSize = 25) =>
        TypedResults.Ok(await directory.SearchAsync(q, page, pageSize, sort: sort));

    public static async Task<Results<Ok<UserSummary>, NotFound>> FindAsync(string id, UserDirectory directory) =>
        await directory.FindAsync(id) is { } user ? TypedResults.Ok(user) : TypedResults.NotFound();

    public static async Task<Results<Created<CreateUserResponse>, ValidationProblem>> CreateAsync(CreateUserRequest request, UserDirectory directory)
    {
        var result = await directory.CreateAsync(request);
        return result.Outcome == UserChange.Done
            ? TypedResults.Created($"{PassRoutes.Users}/{result.User!.Id}", new CreateUserResponse(result.User, result.Secret))
            : ApiExtensions.Invalid(result.Errors!);
    }

    public static async Task<Results<Ok<PasswordResetResponse>, NotFound>> ResetPasswordAsync(string id, UserDirectory directory)
    {
        var result = await directory.ResetPasswordAsync(id);
        return result.Outcome == UserChange.Done ? TypedResults.Ok(new PasswordResetResponse(result.Secret!)) : TypedResults.NotFound();
    }

    private static async Task<IResult> ToResult(Task<UserChangeResult> change)
    {
        var result = await change;
        return result.Outcome switch
        {
            UserChange.Done when result.User is { } user => TypedResults.Ok(user),
            UserChange.Done => TypedResults.NoContent(),
            UserChange.NotFound => TypedResults.NotFound(),
            UserChange.LastAdministrator => ApiExtensions.Problem(StatusCodes.Status409Conflict, ProblemCode.LastAdministrator),
            UserChange.OwnAccount => ApiExtensions.Problem(StatusCodes.Status409Conflict, ProblemCode.OwnAccount),
            _ => ApiExtensions.Invalid(result.Errors ?? new Dictionary<string, CodedProblem[]>()),
        };
    }
}
