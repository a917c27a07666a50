namespace Pass.Shared.Problems;

/// <summary>A code with the values its text names (a length, an address), as strings.</summary>
public sealed record CodedProblem(ProblemCode Code, IReadOnlyList<string>? Args = null)
{
    public string English => ProblemTexts.English(this);

    public static implicit operator CodedProblem(ProblemCode code) => new(code);
}
