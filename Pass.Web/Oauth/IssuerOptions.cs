namespace Pass.Web.Oauth;

/// <summary>Section <c>Pass</c>: the address tokens name and whether the OAuth endpoints refuse plain HTTP.</summary>
public sealed class IssuerOptions
{
    public const string Section = "Pass";

    /// <summary>Refuse plain HTTP on the OAuth endpoints. Default: on outside Development.</summary>
    public bool? RequireHttps { get; set; }

    /// <summary>The issuer URL tokens and metadata name; default: the request's own address.</summary>
    public Uri? Issuer { get; set; }
}
