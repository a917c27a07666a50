using System.Text.Json.Serialization;

namespace Pass.Shared.Users;

/// <summary>
/// What <c>GET /oauth/v2/user</c> tells a subsystem of a person: what a terminal shows, never a way to reach them
/// (the phone is masked, no email, no card number).
/// </summary>
public sealed record PersonLookupResponse(
    [property: JsonPropertyName("sub")] string Sub,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("phone")] string? Phone,
    [property: JsonPropertyName("staff_number")] string? StaffNumber,
    [property: JsonPropertyName("status")] PersonStatus Status);
