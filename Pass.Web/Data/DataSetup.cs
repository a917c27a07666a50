using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Pass.Web.Hosting;

namespace Pass.Web.Data;

public static class DataSetup
{
    /// <summary>The data folder, the SQLite database in it, and Data Protection keys beside it (cookies survive restarts).</summary>
    public static PassDataDirectory AddPassData(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(PassOptions.Section).Get<PassOptions>() ?? new PassOptions();
        var data = new PassDataDirectory(options.ResolveDataDirectory(builder.Environment.ContentRootPath));
        builder.Services.AddSingleton(data);
        builder.Services.AddOptions<PassOptions>().BindConfiguration(PassOptions.Section);

        var connectionString = builder.Configuration.GetConnectionString("Pass") is { Length: > 0 } configured
            ? configured
            : $"Data Source={data.DatabasePath};Foreign Keys=True";
        builder.Services.AddSingleton<SqlitePragmas>();
        // Pooled: a token request would otherwise build a fresh context (and its services) each time.
        builder.Services.AddDbContextPool<PassDbContext>((services, db) => db
            .UseSqlite(connectionString)
            .AddInterceptors([services.GetRequiredService<SqlitePragmas>(), .. services.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>()]));

        builder.Services.AddDataProtection()
            .SetApplicationName("Pass")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(data.KeysPath, "data-protection")));

        builder.Services.AddHealthChecks().AddDbContextCheck<PassDbContext>("database", tags: ["ready"]);
        return data;
    }
}
