using Pass.Shared.Problems;

namespace Pass.Shared.Users;

/// <summary>
/// The one rule for a person's display name, used by the API, the portal's forms and the profile page: trimmed,
/// 1 to <see cref="MaxLength"/> characters, no control characters (a line break or tab would break grids and logs).
/// </summary>
public static class DisplayNames
{
    public const int MaxLength = 100;

    /// <summary>The name as stored, or why it cannot be one.</summary>
    public static (string? Name, CodedProblem? Problem) Check(string? typed)
    {
        var name = typed?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return (null, ProblemCode.DisplayNameRequired);
        }

        if (name.Length > MaxLength)
        {
            return (null, new CodedProblem(ProblemCode.DisplayNameTooLong, [MaxLength.ToString(System.Globalization.CultureInfo.InvariantCulture)]));
        }

        return name.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029')
            ? (null, ProblemCode.DisplayNameControlCharacters)
            : (name, null);
    }

    /// <summary>
    /// The form searched and sorted on (the NormalizedDisplayName column), the same upper-casing Identity uses for
    /// e-mail addresses, so that "zhao" finds "Zhao" on any database without a collation.
    /// </summary>
    public static string Normalize(string? value) => (value ?? "").Trim().ToUpperInvariant();
}
