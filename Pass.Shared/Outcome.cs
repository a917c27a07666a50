using Pass.Shared.Problems;

namespace Pass.Shared;

/// <summary>
/// A portal action's result: a value, or field errors / a problem to show the operator. <see cref="Errors"/> and
/// <see cref="Problem"/> are English; <see cref="FieldCodes"/> and <see cref="Code"/> say the same as codes the portal
/// shows in the person's language.
/// </summary>
public sealed record Outcome<T>(
    T? Value,
    IReadOnlyDictionary<string, string[]>? Errors = null,
    string? Problem = null,
    bool Missing = false,
    CodedProblem? Code = null,
    IReadOnlyDictionary<string, CodedProblem[]>? FieldCodes = null)
{
    public bool Succeeded => Errors is null && Problem is null && !Missing;

    public string Describe() =>
        Problem ?? string.Join(" ", Errors?.Values.SelectMany(e => e) ?? []);

    public static Outcome<T> Ok(T value) => new(value);

    public static Outcome<T> Invalid(IReadOnlyDictionary<string, string[]> errors) => new(default, errors);

    public static Outcome<T> Invalid(IReadOnlyDictionary<string, CodedProblem[]> fields) =>
        new(default, ProblemTexts.EnglishOf(fields), FieldCodes: fields);

    public static Outcome<T> Invalid(string field, CodedProblem problem) =>
        Invalid(new Dictionary<string, CodedProblem[]> { [field] = [problem] });

    public static Outcome<T> Refused(string problem) => new(default, null, problem);

    public static Outcome<T> Refused(CodedProblem problem) => new(default, null, problem.English, Code: problem);

    /// <summary>The thing acted on does not exist.</summary>
    public static Outcome<T> NotFound() => new(default, null, null, Missing: true);
}
