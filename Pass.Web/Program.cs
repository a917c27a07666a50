using Microsoft.Extensions.DependencyInjection.Extensions;
using Pass.Web.Audit;
using Pass.Web.Cards;
using Pass.Web.Clients;
using Pass.Web.Components;
using Pass.Web.Data;
using Pass.Web.Hosting;
using Pass.Web.Infrastructure;
using Pass.Web.Kiosk;
using Pass.Web.Logout;
using Pass.Web.Oauth;
using Pass.Web.QrLogin;
using Pass.Web.Sms;
using Pass.Web.Tokens;
using Pass.Web.Users;

var builder = WebApplication.CreateBuilder(args);
builder.Services.TryAddSingleton(TimeProvider.System);

// Below the modules: the data, then the shared mechanisms. Then each feature, each after those it uses.
builder.AddPassData();
builder.AddPassInfrastructure();
builder.AddAudit();
builder.AddClients();
builder.AddLogout();
builder.AddUsers();
builder.AddOauth();
builder.AddTokens();
builder.AddCards();
builder.AddQrLogin();
builder.AddKiosk();
builder.AddSms();
builder.AddPortal();
builder.AddPassHost();

var app = builder.Build();
app.UsePassPipeline();
app.MapOauth();
app.MapQrLogin();
app.MapUsers();
app.MapKiosk();
app.MapSms();
app.MapClients();
app.MapCards();
app.MapTokens();
app.MapAudit();
app.MapPassHost();
app.MapPortal();
app.Run();
