using Microsoft.Extensions.DependencyInjection.Extensions;
using Pass.Web.Components;
using Pass.Web.Data;
using Pass.Web.Hosting;
using Pass.Web.Oauth;
using Pass.Web.Users;

var builder = WebApplication.CreateBuilder(args);
builder.Services.TryAddSingleton(TimeProvider.System);

var data = builder.AddPassData();
builder.AddPassIdentity();
builder.AddPassOauth(data);
builder.AddPassFeatures();
builder.AddPassRateLimits();
builder.AddPassPortal();

var app = builder.Build();
app.UsePassSecurityHeaders();
app.UsePassErrors();
app.UsePassPipeline();
app.MapPassOauth();
app.MapPassFeatures();
app.MapPassPortal();
app.Run();
