namespace Pass.Shared.Messages;

/// <summary>
/// One notice of a person's inbox. A security notice is a <see cref="Kind"/> with its values (<see cref="Args"/>),
/// shown in the reader's language; a subsystem's carries its own <see cref="Title"/>, <see cref="Body"/> and
/// <see cref="Link"/>, and the subsystem's name.
/// </summary>
public sealed record NoticeView(
    Guid Id,
    NoticeKind Kind,
    IReadOnlyList<string> Args,
    DateTimeOffset At,
    bool IsRead,
    string? ClientId = null,
    string? ClientName = null,
    string? Title = null,
    string? Body = null,
    string? Link = null);
