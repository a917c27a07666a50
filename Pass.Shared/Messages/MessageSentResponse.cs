using System.Text.Json.Serialization;

namespace Pass.Shared.Messages;

/// <summary>
/// What <c>POST /oauth/v2/message</c> answers: the notice's id, and whether it reached the inbox (false when the person
/// has muted the subsystem; nothing is kept then).
/// </summary>
public sealed record MessageSentResponse(
    [property: JsonPropertyName("id")] Guid? Id,
    [property: JsonPropertyName("delivered")] bool Delivered);
