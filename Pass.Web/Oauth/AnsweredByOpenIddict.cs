namespace Pass.Web.Oauth;

/// <summary>
/// Marks a route OpenIddict answers itself, in the authentication step (revocation, introspection): the route exists
/// only to carry its endpoint metadata (the rate limit) and its delegate is never reached.
/// </summary>
public sealed class AnsweredByOpenIddict;
