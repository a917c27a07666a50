using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pass.Shared.Audit;
using Pass.Shared.Users;
using Pass.Web.Data;
using Pass.Shared.Cards;
using Pass.Shared.Oauth;
using Pass.Web.Tests.Infrastructure;

namespace Pass.Cluster.Tests;

/// <summary>One-time things are decided by the database, so two nodes racing still give exactly one winner.</summary>
public sealed class RaceAcrossNodesTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    [Fact]
    public async Task A_thousand_parallel_redemptions_of_one_qr_code_split_across_two_nodes_give_exactly_one_token()
    {
        var email = $"race-{Guid.NewGuid():N}@test.local";
        await nodes.A.CreatePersonAsync(email);
        var code = await nodes.ApiA.CreateQrOkAsync((await nodes.ApiA.PersonTokensAsync(email)).AccessToken);

        var responses = await Task.WhenAll(Enumerable.Range(0, 1000).Select(i =>
            Task.Run(() => (i % 2 == 0 ? nodes.ApiA : nodes.ApiB).RedeemQrAsync(code.AuthCode))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(999, responses.Count(r => r.StatusCode == HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task A_thousand_parallel_binds_of_one_card_split_across_two_nodes_leave_exactly_one_binding()
    {
        var deskEmail = $"desk-{Guid.NewGuid():N}@test.local";
        await nodes.A.CreatePersonAsync(deskEmail, "Desk", "Helpdesk");
        using var deskA = await PortalSession.SignInAsync(nodes.A, deskEmail);
        using var deskB = await PortalSession.SignInAsync(nodes.B, deskEmail);
        var people = await nodes.A.CreatePeopleAsync(1000);
        var number = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4));

        var responses = await Task.WhenAll(people.Select((id, i) =>
            Task.Run(() => (i % 2 == 0 ? deskA : deskB).PostAsync(PassRoutes.Cards, new BindCardRequest(id, number, CardReaderFormat.HexUid)))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(999, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var history = await deskB.ReadAsync<List<CardBindingView>>(await deskB.Http.GetAsync($"{PassRoutes.Cards}/history?number={number}&format=HexUid"));
        Assert.Single(history);
    }

    [Fact]
    public async Task Forty_parallel_wrong_passwords_split_across_two_nodes_are_checked_five_times_and_lock_the_account()
    {
        var email = $"guess-{Guid.NewGuid():N}@test.local";
        var userId = await nodes.A.CreatePersonAsync(email);

        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() =>
            (i % 2 == 0 ? nodes.ApiA : nodes.ApiB).Http.PostAsJsonAsync(PassRoutes.Api + "/account/login", new LoginRequest(email, $"wrong-{i}")))));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode));
        var verdicts = await nodes.B.WithScopeAsync(services => services.GetRequiredService<PassDbContext>().AuditEvents
            .Where(e => e.Type == AuditEventType.SignInFailed && (e.SubjectUserId == userId || e.ActorId == userId)).Select(e => e.DetailCode).ToListAsync());
        Assert.Equal(40, verdicts.Count);
        // Five guesses were checked, not forty: four refused as wrong, the fifth locked the account (audited as locked out).
        Assert.Equal(4, verdicts.Count(v => v == AuditDetailCode.WrongPassword));
        Assert.Equal(HttpStatusCode.Unauthorized, (await nodes.ApiB.Http.PostAsJsonAsync(PassRoutes.Api + "/account/login", new LoginRequest(email, PassApplication.PersonPassword))).StatusCode);
    }
}
