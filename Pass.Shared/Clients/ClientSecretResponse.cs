namespace Pass.Shared.Clients;

/// <summary>A client secret, shown this once: Pass keeps only its hash. Null for an app without a secret.</summary>
public sealed record ClientSecretResponse(string ClientId, string? ClientSecret);
