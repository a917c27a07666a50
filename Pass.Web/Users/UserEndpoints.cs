using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Pass.Shared;
using Pass.Shared.Oauth;
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
        admin.MapPost("/", CreateAsync)
            .Produces<CreateUserResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
        admin.MapPost("/{id}/lock", async (string id, ClaimsPrincipal actor, UserDirectory d) => (await d.LockAsync(id, actor.UserId())).ToHttp(TypedResults.Ok));
        admin.MapPost("/{id}/unlock", async (string id, UserDirectory d) => (await d.UnlockAsync(id)).ToHttp(TypedResults.Ok));
        admin.MapPut("/{id}", async (string id, UpdateUserRequest request, UserDirectory d) => (await d.UpdateAsync(id, request)).ToHttp(TypedResults.Ok))
            .WithSummary("Corrects a person's email (their sign-in name), display name and staff number.");
        admin.MapPut("/{id}/roles", async (string id, SetRolesRequest request, UserDirectory d) => (await d.SetRolesAsync(id, request.Roles)).ToHttp(TypedResults.Ok));
        admin.MapPut("/{id}/phone", async (string id, SetPhoneRequest request, UserDirectory d) => (await d.SetPhoneAsync(id, request.PhoneNumber)).ToHttp(TypedResults.Ok));
        admin.MapPost("/{id}/reset-password", async (string id, UserDirectory d) => (await d.ResetPasswordAsync(id)).ToHttp(TypedResults.Ok))
            .Produces<PasswordResetResponse>()
            .Produces(StatusCodes.Status404NotFound);
        admin.MapDelete("/{id}", async (string id, ClaimsPrincipal actor, UserDirectory d) => (await d.DeleteAsync(id, actor.UserId())).ToHttp(_ => TypedResults.NoContent()));
        return routes;
    }

    public static async Task<Ok<PagedResult<UserSummary>>> SearchAsync(UserDirectory directory, string? q, string? sort, int page = 0, int pageSize = 25) =>
        TypedResults.Ok(await directory.SearchAsync(q, page, pageSize, sort: sort));

    public static async Task<Results<Ok<UserSummary>, NotFound>> FindAsync(string id, UserDirectory directory) =>
        await directory.FindAsync(id) is { } user ? TypedResults.Ok(user) : TypedResults.NotFound();

    public static async Task<IResult> CreateAsync(CreateUserRequest request, UserDirectory directory, CancellationToken ct) =>
        (await directory.CreateAsync(NewPerson.From(request), ct))
            .ToHttp(created => TypedResults.Created($"{PassRoutes.Users}/{created.User.Id}", created));
}
