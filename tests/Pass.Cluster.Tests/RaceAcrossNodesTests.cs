using System.Net;
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
}
