using Microsoft.AspNetCore.Identity;
using Pass.Shared.Oauth;
using Pass.Web.Components.Account;
using Pass.Web.Data;
using Pass.Web.Hosting;
using Pass.Web.Oauth;

namespace Pass.Web.Users;

/// <summary>Authorization policies: who may call what.</summary>
public static class PassPolicies
{
    /// <summary>A signed-in person (portal cookie) or a person's bearer token.</summary>
    public const string Person = "Person";

    /// <summary>A signed-in person in the portal (cookie).</summary>
    public const string PortalUser = "PortalUser";

    public const string Helpdesk = "Helpdesk";
    public const string Admin = "Admin";
}

public static class IdentitySetup
{
    public static WebApplicationBuilder AddPassIdentity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddHttpContextAccessor();

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
        services.AddSingleton<IEmailSender<ApplicationUser>, IdentityNoOpEmailSender>();
        services.AddScoped<Administrators>();

        // A locked, demoted or reset person's portal cookie stops working within a minute, not Identity's default 30.
        services.Configure<SecurityStampValidatorOptions>(options =>
        {
            options.ValidationInterval = TimeSpan.FromMinutes(1);
            options.OnRefreshingPrincipal = PassSignInManager.KeepSession;
        });

        // The portal's policies take the cookie only, where the role claim is the administrator rule's answer (Administrators).
        var cookie = IdentityConstants.ApplicationScheme;
        services.AddAuthorizationBuilder()
            .AddPolicy(PassPolicies.Person, p => p.AddAuthenticationSchemes(PassBearerHandler.SchemeName, cookie).RequireAuthenticatedUser())
            .AddPolicy(PassPolicies.PortalUser, p => p.AddAuthenticationSchemes(cookie).RequireAuthenticatedUser())
            .AddPolicy(PassPolicies.Helpdesk, p => p.AddAuthenticationSchemes(cookie).RequireRole(PassRoles.Admin, PassRoles.Helpdesk))
            .AddPolicy(PassPolicies.Admin, p => p.AddAuthenticationSchemes(cookie).RequireRole(PassRoles.Admin));

        services.AddOptions<BootstrapOptions>().BindConfiguration(BootstrapOptions.Section);
        services.AddHostedService<PassInitializer>();
        return builder;
    }

    private static Task StatusOrRedirect(HttpContext context, string redirectUri, int status)
    {
        if (ErrorResponses.IsApi(context) || ErrorResponses.IsOauth(context))
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
