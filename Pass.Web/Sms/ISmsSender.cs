using Pass.Web.Data;
namespace Pass.Web.Sms;

/// <summary>Hands a message to whatever carries SMS; returns why it failed, or null once it is accepted.</summary>
public interface ISmsSender
{
    Task<string?> SendAsync(SmsOutboxMessage message, CancellationToken ct);
}
