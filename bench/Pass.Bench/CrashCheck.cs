using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Pass.Bench;

/// <summary>
/// The checks of the crash test after each kill -9. <c>crash-inspect</c> runs while the server is down: the file's
/// integrity, and which in-flight QR codes the killed server had already marked used. <c>crash-verify</c> runs after
/// the restart: every acknowledged write is there, and no QR code yields a second token. <c>--db</c> is the SQLite file,
/// or a PostgreSQL connection string (<c>Host=…</c>), whose own integrity is PostgreSQL's: only Pass was killed.
/// </summary>
public static class CrashCheck
{
    public static int Inspect(Arguments args)
    {
        var journal = Read(args["journal"]);
        using var db = Open(args["db"], SqliteOpenMode.ReadWrite);
        var integrity = Query(db, db is SqliteConnection ? "PRAGMA integrity_check" : "SELECT 'ok'", _ => { }, r => r.GetString(0)).Single();
        var answered = journal.Where(l => l[0] == "qr-ok").Select(l => l[1]).ToHashSet();
        var inFlight = journal.Where(l => l[0] == "qr-try" && !answered.Contains(l[1])).Select(l => l[1]).ToList();
        var usedBeforeRestart = inFlight.Where(session => Query(db, "SELECT \"State\" FROM \"QrSessions\" WHERE \"Session\" = @s",
            c => Bind(c, "s", session), r => r.GetString(0)).SingleOrDefault() == "Used").ToList();
        File.WriteAllLines(args["out"], usedBeforeRestart);
        Console.WriteLine(JsonSerializer.Serialize(new { integrity, qr_in_flight = inFlight.Count, qr_in_flight_committed = usedBeforeRestart.Count }));
        return integrity == "ok" ? 0 : 1;
    }

    public static async Task<int> VerifyAsync(Arguments args)
    {
        var journal = Read(args["journal"]);
        var usedBeforeRestart = File.ReadAllLines(args["inspected"]).ToHashSet();
        var baseUrl = args["base"];
        using var http = Bench.NewClient(baseUrl);
        using var admin = await Bench.PortalAsync(baseUrl, Bench.AdminEmail, Bench.AdminPassword);
        var problems = new ConcurrentQueue<string>();
        void Expect(bool condition, string problem)
        {
            if (!condition)
            {
                problems.Enqueue(problem);
            }
        }

        // Tokens first: re-presenting a QR code below revokes what it issued.
        var revoked = journal.Where(l => l[0] == "revoked").Select(l => l[1]).ToHashSet();
        // A revocation in flight when the server died may or may not have committed: that token can be either.
        var revoking = journal.Where(l => l[0] == "revoke-try").Select(l => l[1]).ToHashSet();
        var live = journal.Where(l => l[0] is "token" && !revoking.Contains(l[1])).Select(l => l[1])
            .Concat(journal.Where(l => l[0] == "qr-ok").Select(l => l[2])).ToList();
        await Bench.ManyAsync(live.Count, 16, async i => Expect((await CheckAsync(http, live[i])).Status == HttpStatusCode.OK, "an acknowledged token is not live"));
        var gone = revoked.ToList();
        await Bench.ManyAsync(gone.Count, 16, async i => Expect((await CheckAsync(http, gone[i])).Status == HttpStatusCode.Unauthorized, "an acknowledged revocation was lost"));

        var people = journal.Where(l => l[0] == "user").Select(l => l[1]).ToList();
        await Bench.ManyAsync(people.Count, 16, async i =>
        {
            using var found = await admin.GetAsync($"/api/users/{people[i]}");
            Expect(found.IsSuccessStatusCode, "an acknowledged person is missing");
        });

        var bindings = journal.Where(l => l[0] == "bound").ToList();
        await Bench.ManyAsync(bindings.Count, 16, async i =>
        {
            using var granted = await http.PostAsync("/oauth/v2/token", Bench.ClientForm(("grant_type", "urn:pass:grant-type:card"), ("card_number", bindings[i][1])));
            var sub = granted.IsSuccessStatusCode ? (await CheckAsync(http, (await granted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!)).Subject : null;
            Expect(sub == bindings[i][2], "an acknowledged card binding is missing");
        });

        // Each code once more: one already answered, or already used when the server died, must be refused.
        var answered = journal.Where(l => l[0] == "qr-ok").Select(l => l[1]).ToHashSet();
        var tried = journal.Where(l => l[0] == "qr-try").ToList();
        var redeemedNow = 0;
        await Bench.ManyAsync(tried.Count, 16, async i =>
        {
            var (session, code) = (tried[i][1], tried[i][2]);
            using var again = await http.PostAsync("/oauth/v2/token", Bench.CodeForm(code));
            if (again.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref redeemedNow);
            }

            Expect(!again.IsSuccessStatusCode || !(answered.Contains(session) || usedBeforeRestart.Contains(session)), "a QR code was redeemed twice");
        });

        // And in the store: no QR authorization holds more than one access token.
        using var db = Open(args["db"], SqliteOpenMode.ReadOnly);
        var doubled = Query(db, """
            SELECT s."Session" FROM "QrSessions" s JOIN "OpenIddictTokens" t ON t."AuthorizationId" = s."AuthorizationId" AND t."Type" = 'access_token'
            GROUP BY s."Id", s."Session" HAVING COUNT(t."Id") > 1
            """, _ => { }, r => r.GetString(0));
        foreach (var session in doubled)
        {
            problems.Enqueue($"QR session {session} issued more than one access token");
        }

        Console.WriteLine(JsonSerializer.Serialize(new
        {
            live_tokens = live.Count, revocations = gone.Count, people = people.Count, bindings = bindings.Count,
            qr_codes_tried = tried.Count, qr_redeemed_after_restart = redeemedNow, problems = problems.Distinct().ToList(), problem_count = problems.Count,
        }));
        return problems.IsEmpty ? 0 : 1;
    }

    /// <summary>check_token: its status, and the token's subject when it is live.</summary>
    private static async Task<(HttpStatusCode Status, string? Subject)> CheckAsync(HttpClient http, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/oauth/v2/check_token");
        request.Headers.Authorization = Bench.Bearer(token);
        using var response = await http.SendAsync(request);
        var subject = response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sub").GetString() : null;
        return (response.StatusCode, subject);
    }

    private static List<string[]> Read(string path) =>
        File.Exists(path) ? [.. File.ReadLines(path).Where(l => l.Length > 0).Select(l => l.Split('\t'))] : [];

    private static DbConnection Open(string database, SqliteOpenMode mode)
    {
        DbConnection db = database.StartsWith("Host=", StringComparison.Ordinal)
            ? new NpgsqlConnection(database)
            : new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = mode, Pooling = false }.ToString());
        db.Open();
        return db;
    }

    private static void Bind(DbCommand command, string name, string value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static List<T> Query<T>(DbConnection db, string sql, Action<DbCommand> bind, Func<DbDataReader, T> read)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        bind(command);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
