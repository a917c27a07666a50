using Pass.Shared.Messages;
using Pass.Web.Audit;

namespace Pass.Web.Messages;

/// <summary>
/// Messages (消息): each person's inbox of notices about their own security (heard from the audit log) and of subsystems'
/// messages, by SMS too where configured; the unread count live; <c>POST /oauth/v2/message</c> for subsystems.
/// </summary>
public static class MessagesModule
{
    public static WebApplicationBuilder AddMessages(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<MessagesOptions>().BindConfiguration(MessagesOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<InboxNotifier>();
        services.AddScoped<NoticeBoard>();
        services.AddScoped<IAuditListener, SecurityNotices>();
        services.AddScoped<IInbox, ServerInbox>();
        return builder;
    }

    public static IEndpointRouteBuilder MapMessages(this IEndpointRouteBuilder routes) => routes.MapInboxEndpoints().MapMessageEndpoints();
}
