using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
using Pass.Shared.Audit;
using Pass.Shared.Cards;
using Pass.Shared.Clients;
using Pass.Shared.Users;
using Pass.Shared.QrLogin;
using Pass.Shared.Kiosk;
using Pass.Shared.Tokens;
using Pass.Web.Client;
using Pass.Web.Client.Localization;
using Pass.Web.Client.Services;

var builder = WebAssemblyHostBuilder.CreateDefault(args);

builder.Services.AddAuthorizationCore();
builder.Services.AddCascadingAuthenticationState();
builder.Services.AddAuthenticationStateDeserialization();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddPortalComponents();
builder.Services.AddScoped(services => new HttpClient(new SessionEndedHandler(services.GetRequiredService<PortalSession>()) { InnerHandler = new HttpClientHandler() })
{
    BaseAddress = new Uri(builder.HostEnvironment.BaseAddress),
});
builder.Services.AddScoped<PortalHttp>();
builder.Services.AddScoped<IMyQrService, ClientMyQrService>();
builder.Services.AddScoped<IMyCardsService, ClientMyCardsService>();
builder.Services.AddScoped<ICardDeskService, ClientCardDeskService>();
builder.Services.AddScoped<IPeopleAdmin, ClientPeopleAdmin>();
builder.Services.AddScoped<IClientsAdmin, ClientClientsAdmin>();
builder.Services.AddScoped<ITokensAdmin, ClientTokensAdmin>();
builder.Services.AddScoped<IAuditTrail, ClientAuditTrail>();
builder.Services.AddScoped<IQrBoard, ClientQrBoard>();
builder.Services.AddScoped<IMyTokensService, ClientMyTokensService>();
builder.Services.AddScoped<IKioskSignIn, ClientKioskSignIn>();
builder.Services.AddScoped<Pass.Shared.Messages.IInbox, ClientInbox>();
builder.Services.AddScoped<Pass.Shared.Sms.ISmsOutbox, ClientSmsOutbox>();
builder.Services.AddScoped<Pass.Shared.Channels.IChannelsAdmin, ClientChannelsAdmin>();

var host = builder.Build();
await PortalCulture.ApplyFromDocumentAsync(host.Services);
await host.RunAsync();
