using Microsoft.AspNetCore.Identity;
using Pass.Shared.Users;
using Pass.Web.Data;
using Pass.Web.Infrastructure;

namespace Pass.Web.Users;

/// <summary>
/// People: Identity (accounts, cookies, lockout, sign-in), the directory the API and the pages use, the first
/// administrator, and the people and account endpoints.
/// </summary>
public static class UsersModule
{
    public static WebApplicationBuilder AddUsers(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);

            // An API caller is told 401/403; only pages are redirected to the sign-in page.
            cookie.Events.OnRedirectToLogin = context => StatusOrRedirect(context.HttpContext, context.RedirectUri, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => StatusOrRedirect(context.HttpContext, context.RedirectUri, StatusCodes.Status403Forbidden);
        });

        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = false;
                options.User.RequireUniqueEmail = true;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PassDbContext>()
            .AddUserManager<PassUserManager>()
            .AddErrorDescriber<PassIdentityErrors>()
            .AddClaimsPrincipalFactory<PassClaimsPrincipalFactory>()
            .AddSignInManager<PassSignInManager>()
            .AddDefaultTokenProviders();
        services.AddScoped<Administrators>();
        services.AddScoped<KnownDevices>();

        // A locked, demoted or reset person's portal cookie stops working within a minute, not Identity's default 30.
        services.Configure<SecurityStampValidatorOptions>(options =>
        {
            options.ValidationInterval = TimeSpan.FromMinutes(1);
            options.OnRefreshingPrincipal = PassSignInManager.KeepSession;
        });

        services.AddOptions<BootstrapOptions>().BindConfiguration(BootstrapOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<FirstAdministrator>();
        services.AddOptions<PhoneNumberOptions>().BindConfiguration(PhoneNumberOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PhoneNormalizer>();
        services.AddScoped<UserDirectory>();
        services.AddScoped<IPeopleAdmin, ServerPeopleAdmin>();
        return builder;
    }

    /// <summary>The people API and the account API (sign-in, sign-out, who am I).</summary>
    public static IEndpointRouteBuilder MapUsers(this IEndpointRouteBuilder routes) =>
        routes.MapUserEndpoints().MapAccountEndpoints();

    private static Task StatusOrRedirect(HttpContext context, string redirectUri, int status)
    {
        if (RequestAreas.IsApi(context) || RequestAreas.IsOauth(context))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(redirectUri);
        }

        return Task.CompletedTask;
    }
}
