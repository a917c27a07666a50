namespace Pass.Shared;

/// <summary>A portal action's result: a value, or field errors / a problem to show the operator.</summary>
public sealed record Outcome<T>(T? Value, IReadOnlyDictionary<string, string[]>? Errors = null, string? Problem = null, bool Missing = false)
{
    public bool Succeeded => Errors is null && Problem is null && !Missing;

    public string Describe() =>
        Problem ?? string.Join(" ", Errors?.Values.SelectMany(e => e) ?? []);

    public static Outcome<T> Ok(T value) => new(value);

    public static Outcome<T> Invalid(IReadOnlyDictionary<string, string[]> errors) => new(default, errors);

    public static Outcome<T> Refused(string problem) => new(default, null, problem);

    /// <summary>The thing acted on does not exist.</summary>
    public static Outcome<T> NotFound() => new(default, null, null, Missing: true);
}
