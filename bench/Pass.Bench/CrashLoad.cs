using System.Net.Http.Json;
using System.Text.Json;

namespace Pass.Bench;

/// <summary>
/// The write load of the crash test (tests/hardening/crash-test.sh): issues tokens, creates and redeems QR codes,
/// creates people and binds cards to them, and revokes tokens, from 8 workers, until the server is killed under it.
/// Every write the server acknowledged goes into the journal (tab-separated, one line each, written after the answer);
/// a QR redemption and a revocation are journaled before they are sent too, so the check knows what was in flight.
/// </summary>
public static class CrashLoad
{
    public static async Task<int> RunAsync(Arguments args)
    {
        var baseUrl = args["base"];
        var round = args.Int("round", 0);
        using var journal = new Journal(args["journal"]);
        using var http = Bench.NewClient(baseUrl);
        using var admin = await Bench.PortalAsync(baseUrl, Bench.AdminEmail, Bench.AdminPassword);
        using (var created = await admin.PostAsJsonAsync("/api/users", new { email = Bench.PersonEmail, displayName = "QR person", password = Bench.PersonPassword }))
        {
            // 409 from the second round on: the person is already there.
        }

        var person = await Bench.PersonTokenAsync(http);
        var issued = new List<string>();
        var stop = new CancellationTokenSource();
        var unexpected = 0;
        var sequence = 0;

        async Task WorkAsync(int worker)
        {
            var random = new Random(worker * 7919 + round);
            while (!stop.IsCancellationRequested)
            {
                var n = Interlocked.Increment(ref sequence);
                try
                {
                    var ok = random.Next(10) switch
                    {
                        < 4 => await IssueAsync(),
                        < 6 => await QrAsync($"crash-{round}-{n}"),
                        < 8 => await BindAsync($"{round:X2}{n:X6}"),
                        _ => await RevokeAsync(),
                    };
                    if (!ok)
                    {
                        Interlocked.Increment(ref unexpected);
                    }
                }
                catch (Exception error) when (error is HttpRequestException or TaskCanceledException or IOException)
                {
                    // The server is gone (kill -9): what was in flight stays unacknowledged.
                    await stop.CancelAsync();
                }
            }
        }

        async Task<bool> IssueAsync()
        {
            var token = await Bench.TerminalTokenAsync(http);
            journal.Write("token", token);
            lock (issued)
            {
                issued.Add(token);
            }

            return true;
        }

        async Task<bool> QrAsync(string session)
        {
            using var create = new HttpRequestMessage(HttpMethod.Post, "/oauth/v2/qrcode") { Content = new FormUrlEncodedContent([new("session", session)]) };
            create.Headers.Authorization = Bench.Bearer(person);
            using var created = await http.SendAsync(create, stop.Token);
            if (!created.IsSuccessStatusCode)
            {
                return false;
            }

            var code = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("auth_code").GetString()!;
            journal.Write("qr", session, code);
            journal.Write("qr-try", session, code);
            using var redeemed = await http.PostAsync("/oauth/v2/token", Bench.CodeForm(code), stop.Token);
            if (!redeemed.IsSuccessStatusCode)
            {
                return false;
            }

            journal.Write("qr-ok", session, (await redeemed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!);
            return true;
        }

        async Task<bool> BindAsync(string card)
        {
            using var created = await admin.PostAsJsonAsync("/api/users", new { email = $"{card}@crash.local", displayName = card }, stop.Token);
            if (!created.IsSuccessStatusCode)
            {
                return false;
            }

            var userId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("user").GetProperty("id").GetString()!;
            journal.Write("user", userId);
            using var bound = await admin.PostAsJsonAsync("/api/cards", new { userId, cardNumber = card, format = "HexUid" }, stop.Token);
            if (!bound.IsSuccessStatusCode)
            {
                return false;
            }

            journal.Write("bound", card, userId);
            return true;
        }

        async Task<bool> RevokeAsync()
        {
            string token;
            lock (issued)
            {
                if (issued.Count == 0)
                {
                    return true;
                }

                token = issued[^1];
                issued.RemoveAt(issued.Count - 1);
            }

            journal.Write("revoke-try", token);
            using var revoked = await http.PostAsync("/oauth/v2/revoke", Bench.ClientForm(("token", token)), stop.Token);
            if (revoked.IsSuccessStatusCode)
            {
                journal.Write("revoked", token);
            }

            return revoked.IsSuccessStatusCode;
        }

        await Task.WhenAll(Enumerable.Range(0, 8).Select(WorkAsync));
        Console.WriteLine(JsonSerializer.Serialize(new { round, requests = sequence, unexpected_answers = unexpected, acknowledged = journal.Lines }));
        return 0;
    }

    /// <summary>Append-only, one line per write, flushed at once (the load tool outlives the server it loads).</summary>
    private sealed class Journal(string path) : IDisposable
    {
        private readonly StreamWriter _writer = new(path, append: true) { AutoFlush = true };

        public int Lines { get; private set; }

        public void Write(params string[] fields)
        {
            lock (_writer)
            {
                _writer.WriteLine(string.Join('\t', fields));
                Lines++;
            }
        }

        public void Dispose() => _writer.Dispose();
    }
}
