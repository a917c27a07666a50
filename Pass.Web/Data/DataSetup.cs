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

        var provider = builder.PassDatabaseProvider();
        var configured = builder.Configuration.GetConnectionString("Pass");
        var interceptors = (IServiceProvider services) => services.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>();

        // Pooled: a token request would otherwise build a fresh context (and its services) each time.
        if (provider == DatabaseProvider.PostgreSql)
        {
            if (string.IsNullOrWhiteSpace(configured))
            {
                throw new InvalidOperationException("Pass:Database:Provider is PostgreSQL: set ConnectionStrings:Pass.");
            }

            builder.Services.AddDbContextPool<PassDbContext, PostgresPassDbContext>((services, db) => db
                .UseNpgsql(configured)
                .AddInterceptors(interceptors(services)));
            builder.Services.AddScoped(services => (PostgresPassDbContext)services.GetRequiredService<PassDbContext>());
            builder.Services.AddSingleton<SharedKeyStore>();
        }
        else
        {
            var connectionString = configured is { Length: > 0 } ? configured : $"Data Source={data.DatabasePath};Foreign Keys=True";
            builder.Services.AddSingleton<SqlitePragmas>();
            builder.Services.AddDbContextPool<PassDbContext>((services, db) => db
                .UseSqlite(connectionString)
                .AddInterceptors([services.GetRequiredService<SqlitePragmas>(), .. interceptors(services)]));
        }

        // First of the hosted services: Data Protection's own one reads the key ring (from the database on PostgreSQL).
        builder.Services.AddHostedService<DatabaseMigrator>();

        // One key ring for every node on PostgreSQL (a cookie or an antiforgery token from one node is read on another);
        // beside the SQLite file otherwise.
        var protection = builder.Services.AddDataProtection().SetApplicationName("Pass");
        if (provider == DatabaseProvider.PostgreSql)
        {
            protection.PersistKeysToDbContext<PostgresPassDbContext>();
        }
        else
        {
            protection.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(data.KeysPath, "data-protection")));
        }

        builder.Services.AddHealthChecks().AddDbContextCheck<PassDbContext>("database", tags: ["ready"]);
        return data;
    }

    /// <summary><c>Pass:Database:Provider</c>: SQLite unless PostgreSQL is named.</summary>
    public static DatabaseProvider PassDatabaseProvider(this WebApplicationBuilder builder) =>
        builder.Configuration.GetValue("Pass:Database:Provider", DatabaseProvider.Sqlite);

    /// <summary>The data folder <see cref="AddPassData"/> chose, for a module that needs a path while it is set up (key files).</summary>
    public static PassDataDirectory PassDataDirectory(this WebApplicationBuilder builder) =>
        builder.Services.Select(service => service.ImplementationInstance).OfType<PassDataDirectory>().Single();
}
