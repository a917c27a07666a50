using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Pass.Web.Data;

public static class DataSetup
{
    /// <summary>The data folder, the SQLite database in it, and Data Protection keys beside it (cookies survive restarts).</summary>
    public static PassDataDirectory AddPassData(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var data = new PassDataDirectory(options.ResolveDataDirectory(builder.Environment.ContentRootPath));
        builder.Services.AddSingleton(data);
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();

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
        builder.Services.AddHostedService<DatabaseMigrator>();
        return data;
    }

    /// <summary>The data folder <see cref="AddPassData"/> chose, for a module that needs a path while it is set up (key files).</summary>
    public static PassDataDirectory PassDataDirectory(this WebApplicationBuilder builder) =>
        builder.Services.Select(service => service.ImplementationInstance).OfType<PassDataDirectory>().Single();
}
