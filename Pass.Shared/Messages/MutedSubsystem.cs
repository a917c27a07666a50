namespace Pass.Shared.Messages;

/// <summary>A subsystem whose messages the person does not want.</summary>
public sealed record MutedSubsystem(string ClientId, string Name);
