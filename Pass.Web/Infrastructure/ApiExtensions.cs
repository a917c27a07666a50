using Microsoft.AspNetCore.Http.HttpResults;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using Pass.Shared;
using Pass.Shared.Problems;

namespace Pass.Web.Infrastructure;

public static class ApiExtensions
{
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No signed-in user.");

    /// <summary>
    /// Cookie-authenticated writes must carry the antiforgery token (header <c>RequestVerificationToken</c>,
    /// from <c>GET /api/antiforgery</c>); a cross-site page cannot read it.
    /// </summary>
    public static TBuilder RequireAntiforgeryOnWrites<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
            {
                if (!await IsAntiforgeryValidAsync(http))
                {
                    return Problem(StatusCodes.Status400BadRequest, ProblemCode.AntiforgeryInvalid,
                        "Send the token from GET /api/antiforgery in the RequestVerificationToken header.");
                }
            }

            return await next(context);
        });

    /// <summary>Without the header the token is looked for in a form body, and a form that cannot be read has no token.</summary>
    private static async Task<bool> IsAntiforgeryValidAsync(HttpContext http)
    {
        try
        {
            return await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http);
        }
        catch (AntiforgeryValidationException)
        {
            return false;
        }
    }

    public static ProblemHttpResult Problem(int status, string title, string? detail = null, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail, extensions: extensions);

    /// <summary>
    /// A refusal the portal shows in the person's language: the English text as the title (for API callers), its code
    /// (and values) in the <c>code</c> and <c>args</c> extensions.
    /// </summary>
    public static ProblemHttpResult Problem(int status, CodedProblem problem, string? detail = null, IDictionary<string, object?>? extensions = null)
    {
        var all = new Dictionary<string, object?>(extensions ?? new Dictionary<string, object?>())
        {
            [ProblemTexts.CodeExtension] = problem.Code,
        };
        if (problem.Args is { Count: > 0 } args)
        {
            all[ProblemTexts.ArgsExtension] = args;
        }

        return Problem(status, problem.English, detail, all);
    }

    /// <summary>
    /// An <see cref="Outcome{T}"/> as HTTP, for every portal and seed API: the value, 400 with field errors, 404 (with
    /// its problem when it names what is missing), or 409 with the problem, its detail and its facts as extensions.
    /// </summary>
    public static IResult ToHttp<T>(this Outcome<T> outcome, Func<T, IResult> ok) => outcome.Status switch
    {
        OutcomeStatus.Done => ok(outcome.Value!),
        OutcomeStatus.Invalid when outcome.FieldCodes is { } fields => Invalid(fields),
        OutcomeStatus.Invalid => TypedResults.ValidationProblem(outcome.Errors ?? new Dictionary<string, string[]>()),
        OutcomeStatus.NotFound when outcome.Code is { } missing => Problem(StatusCodes.Status404NotFound, missing),
        OutcomeStatus.NotFound => TypedResults.NotFound(),
        _ when outcome.Code is { } code => Problem(StatusCodes.Status409Conflict, code, outcome.Detail, ExtensionsOf(outcome.Facts)),
        _ => Problem(StatusCodes.Status409Conflict, outcome.Problem ?? "", outcome.Detail, ExtensionsOf(outcome.Facts)),
    };

    private static Dictionary<string, object?>? ExtensionsOf(IReadOnlyDictionary<string, JsonElement>? facts) =>
        facts?.ToDictionary(f => f.Key, f => (object?)f.Value);

    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    public static ValidationProblem Invalid(string field, CodedProblem problem) =>
        Invalid(new Dictionary<string, CodedProblem[]> { [field] = [problem] });

    /// <summary>400 with each field's English texts in <c>errors</c> and the same as codes in <c>codes</c>.</summary>
    public static ValidationProblem Invalid(IReadOnlyDictionary<string, CodedProblem[]> fields) =>
        TypedResults.ValidationProblem(ProblemTexts.EnglishOf(fields),
            extensions: new Dictionary<string, object?> { [ProblemTexts.FieldCodesExtension] = fields });
}
