using System.Net;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text.Json;
using Pass.Shared.Oauth;
using Pass.Shared.QrLogin;
using Pass.Shared.Users;
using Microsoft.Playwright;
using Pass.E2E;
using Pass.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Pass.Cluster.Tests;

/// <summary>What a browser carries and what a page watches works on whichever node the load balancer picks.</summary>
public sealed class SharedStateAcrossNodesTests(TwoNodes nodes, ChromiumFixture chromium) : IClassFixture<TwoNodes>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task In_chromium_my_qr_page_served_by_one_node_turns_used_when_the_other_node_redeems_the_code()
    {
        var email = $"p-{Guid.NewGuid():N}@test.local";
        await nodes.A.CreatePersonAsync(email);
        await using var context = await chromium.Browser.NewContextAsync(new() { BaseURL = nodes.A.KestrelAddress!.ToString() });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout((float)Patience.TotalMilliseconds);
        await page.GotoAsync("/Account/Login");
        await page.Locator("[id='Input.Email']").FillAsync(email);
        await page.Locator("[id='Input.Password']").FillAsync(PassApplication.PersonPassword);
        await page.Locator("#login-submit").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase), new() { WaitUntil = WaitUntilState.Commit });

        await page.GotoAsync("/me/qr");
        var image = page.Locator("[data-testid=qr-image]");
        await Expect(image).ToBeVisibleAsync(new() { Timeout = (float)Patience.TotalMilliseconds });
        var code = await image.GetAttributeAsync("data-value");
        await Expect(page.Locator("[data-testid=qr-status]")).ToHaveAttributeAsync("data-status", "unused");

        await nodes.ApiB.TokenOkAsync(TestClient.Terminal, ("grant_type", "authorization_code"), ("code", code!));

        await Expect(page.Locator("[data-testid=qr-status]")).ToHaveAttributeAsync("data-status", "used", new() { Timeout = (float)Patience.TotalMilliseconds });
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task A_sign_in_cookie_and_an_antiforgery_token_from_one_node_work_on_the_other()
    {
        var email = $"p-{Guid.NewGuid():N}@test.local";
        await nodes.A.CreatePersonAsync(email);
        var jar = new CookieContainer(); // cookies do not tell ports apart: the one browser, two nodes
        using var onA = new HttpClient(new SocketsHttpHandler { CookieContainer = jar }) { BaseAddress = nodes.A.KestrelAddress };
        Assert.Equal(HttpStatusCode.OK, (await onA.PostAsJsonAsync(PassRoutes.Api + "/account/login", new LoginRequest(email, PassApplication.PersonPassword))).StatusCode);
        var antiforgery = (await onA.GetFromJsonAsync<AntiforgeryToken>(PassRoutes.Antiforgery, Json))!;

        using var onB = new HttpClient(new SocketsHttpHandler { CookieContainer = jar }) { BaseAddress = nodes.B.KestrelAddress };
        var me = await onB.GetFromJsonAsync<Me>(PassRoutes.Me, Json);
        Assert.Equal(email, me!.Email);

        // A write that needs A's antiforgery token: a QR code created on B.
        Assert.Equal(HttpStatusCode.BadRequest, (await onB.PostAsync($"{PassRoutes.Me}/qr", content: null)).StatusCode);
        onB.DefaultRequestHeaders.Add(antiforgery.HeaderName, antiforgery.Token);
        Assert.Equal(HttpStatusCode.OK, (await onB.PostAsync($"{PassRoutes.Me}/qr", content: null)).StatusCode);
    }

    [Fact]
    public async Task A_qr_code_redeemed_on_one_node_turns_used_on_a_page_watching_it_on_the_other()
    {
        await using var page = await QrPageWatch.OpenAsync(nodes.A);

        await nodes.ApiB.TokenOkAsync(TestClient.Terminal, ("grant_type", "authorization_code"), ("code", page.Code.AuthCode));

        Assert.Equal(QrSessionStatus.Used, await page.NextStatusAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task The_live_board_on_one_node_sees_a_code_used_on_the_other()
    {
        using var admin = await PortalSession.AdminAsync(nodes.A);
        using var board = await admin.Http.GetAsync(PassRoutes.Api + "/qr-board/events", HttpCompletionOption.ResponseHeadersRead);
        await using var stream = await board.Content.ReadAsStreamAsync();
        var events = SseParser.Create(stream).EnumerateAsync(TestContext.Current.CancellationToken).GetAsyncEnumerator();
        Assert.True(await events.MoveNextAsync());
        Assert.Equal("ready", events.Current.EventType);

        // The code is shown and used through node B only.
        var email = $"p-{Guid.NewGuid():N}@test.local";
        await nodes.B.CreatePersonAsync(email);
        using var person = await PortalSession.SignInAsync(nodes.B, email);
        var code = await person.ReadAsync<PortalQrCode>(await person.PostAsync($"{PassRoutes.Me}/qr"));
        await nodes.ApiB.TokenOkAsync(TestClient.Terminal, ("grant_type", "authorization_code"), ("code", code.AuthCode));

        QrBoardEntry entry;
        do
        {
            Assert.True(await events.MoveNextAsync());
            entry = JsonSerializer.Deserialize<QrBoardEntry>(events.Current.Data, Json)!;
        }
        while (entry.Session != code.Session || entry.State != QrSessionStatus.Used);

        Assert.Equal("Test " + TestClient.Terminal.ClientId, entry.RedeemedByClientName);
    }

    [Fact]
    public async Task Both_nodes_sign_with_the_same_keys_from_the_database()
    {
        var jwksA = await nodes.ApiA.Http.GetStringAsync("/.well-known/jwks");
        var jwksB = await nodes.ApiB.Http.GetStringAsync("/.well-known/jwks");

        Assert.Equal(jwksA, jwksB);
        Assert.False(Directory.Exists(Path.Combine(nodes.A.DataDirectory, "keys")) && Directory.EnumerateFiles(Path.Combine(nodes.A.DataDirectory, "keys"), "*", SearchOption.AllDirectories).Any());
    }
}
