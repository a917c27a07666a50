using System.Text.Json;
using Pass.Shared.Problems;

namespace Pass.Shared;

/// <summary>How an action ended: each case is one kind of answer of the API.</summary>
public enum OutcomeStatus
{
    /// <summary>Carried out (200, 201 or 204); the value says what came of it.</summary>
    Done,

    /// <summary>What was sent breaks a rule (400): the fields say which.</summary>
    Invalid,

    /// <summary>What was acted on does not exist (404); a problem, when there is one, says what is missing.</summary>
    NotFound,

    /// <summary>The state of things forbids it (409): the card is someone else's, Pass must keep an administrator.</summary>
    Refused,
}

/// <summary>
/// An action's result, the same from a service to HTTP and back to a page: a value, or field errors / a problem to
/// show the operator. <see cref="Errors"/>, <see cref="Problem"/> and <see cref="Detail"/> are English;
/// <see cref="FieldCodes"/> and <see cref="Code"/> say the same as codes the portal shows in the person's language.
/// </summary>
public sealed record Outcome<T>(OutcomeStatus Status, T? Value = default)
{
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }

    public IReadOnlyDictionary<string, CodedProblem[]>? FieldCodes { get; init; }

    public string? Problem { get; init; }

    public CodedProblem? Code { get; init; }

    /// <summary>More about a refusal for API callers (the ProblemDetails <c>detail</c>).</summary>
    public string? Detail { get; init; }

    /// <summary>What a refusal names for the caller to act on (the ProblemDetails extensions), e.g. a card's holder.</summary>
    public IReadOnlyDictionary<string, JsonElement>? Facts { get; init; }

    public bool Succeeded => Status == OutcomeStatus.Done;

    public string Describe() =>
        Problem ?? string.Join(" ", Errors?.Values.SelectMany(e => e) ?? []);

    public static Outcome<T> Ok(T value) => new(OutcomeStatus.Done, value);

    public static Outcome<T> Invalid(IReadOnlyDictionary<string, CodedProblem[]> fields) =>
        new(OutcomeStatus.Invalid) { Errors = ProblemTexts.EnglishOf(fields), FieldCodes = fields };

    public static Outcome<T> Invalid(string field, CodedProblem problem) =>
        Invalid(new Dictionary<string, CodedProblem[]> { [field] = [problem] });

    public static Outcome<T> Refused(CodedProblem problem, string? detail = null, IReadOnlyDictionary<string, JsonElement>? facts = null) =>
        new(OutcomeStatus.Refused) { Problem = problem.English, Code = problem, Detail = detail, Facts = facts };

    /// <summary>The thing acted on does not exist; with <paramref name="problem"/>, which thing (a person, not the card).</summary>
    public static Outcome<T> NotFound(CodedProblem? problem = null) =>
        new(OutcomeStatus.NotFound) { Problem = problem?.English, Code = problem };

    /// <summary>The same outcome over another value: a refusal stays the same refusal.</summary>
    public Outcome<TOther> Select<TOther>(Func<T, TOther> map) =>
        Succeeded ? Outcome<TOther>.Ok(map(Value!)) : Unchanged<TOther>();

    public async Task<Outcome<TOther>> SelectAsync<TOther>(Func<T, Task<TOther>> map) =>
        Succeeded ? Outcome<TOther>.Ok(await map(Value!)) : Unchanged<TOther>();

    private Outcome<TOther> Unchanged<TOther>() =>
        new(Status) { Errors = Errors, FieldCodes = FieldCodes, Problem = Problem, Code = Code, Detail = Detail, Facts = Facts };
}
