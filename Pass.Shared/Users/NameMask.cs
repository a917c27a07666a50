namespace Pass.Shared.Users;

/// <summary>Shows enough of a name to recognise a person without disclosing it: "Zhang Wei" → "Z**** W**", "张伟" → "张*".</summary>
public static class NameMask
{
    public static string Mask(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "***";
        }

        return string.Join(' ', name.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part[..1] + new string('*', Math.Max(part.Length - 1, 1))));
    }
}
