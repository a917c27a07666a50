namespace Pass.Web.Infrastructure;

/// <summary>Authentication schemes besides Identity's cookies.</summary>
public static class PassSchemes
{
    /// <summary>A person's or terminal's Pass access token in <c>Authorization: Bearer</c>.</summary>
    public const string Bearer = "PassBearer";
}
