using Pass.Shared;
using Pass.Shared.Cards;
using Pass.Shared.Tokens;

namespace Pass.Web.Client.Tests;

/// <summary>One person's cards and tokens in memory, behind the same interfaces the pages use.</summary>
public sealed class InMemoryAccount : IMyCardsService, IMyTokensService
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    public List<CardBindingView> Cards { get; } =
    [
        new(Guid.NewGuid(), "••••3B1C", null, "u-1", "Tess", CardBindingStatus.Active, Start, null, null),
        new(Guid.NewGuid(), "••••9A00", null, "u-1", "Tess", CardBindingStatus.Replaced, Start.AddDays(-30), Start, null),
    ];

    public List<TokenView> Tokens { get; } =
    [
        new("t-1", "u-1", "Tess", "pos-1", "Canteen POS 3", "access_token", "urn:pass:grant-type:card", "valid", Start, Start.AddHours(1)),
        new("t-2", "u-1", "Tess", "lib", "Library kiosk", "access_token", "urn:pass:grant-type:qr", "valid", Start, Start.AddHours(1)),
    ];

    public List<string> Revoked { get; } = [];

    public Task<IReadOnlyList<CardBindingView>> ListAsync(CancellationToken ct = default) => Task.FromResult<IReadOnlyList<CardBindingView>>([.. Cards]);

    public Task<bool> ReportLostAsync(Guid bindingId, CancellationToken ct = default)
    {
        var index = Cards.FindIndex(c => c.Id == bindingId && c.Status == CardBindingStatus.Active);
        if (index < 0)
        {
            return Task.FromResult(false);
        }

        Cards[index] = Cards[index] with { Status = CardBindingStatus.Lost, EndedAt = Start.AddMinutes(5) };
        return Task.FromResult(true);
    }

    public Task<PagedResult<TokenView>> ListAsync(int page, CancellationToken ct = default) =>
        Task.FromResult(new PagedResult<TokenView>([.. Tokens], Tokens.Count, page, 50));

    public Task<bool> RevokeAsync(string tokenId, CancellationToken ct = default)
    {
        Revoked.Add(tokenId);
        return Task.FromResult(Tokens.RemoveAll(t => t.Id == tokenId) == 1);
    }

    public Task<long> RevokeAllAsync(CancellationToken ct = default)
    {
        Revoked.AddRange(Tokens.Select(t => t.Id));
        var count = Tokens.Count;
        Tokens.Clear();
        return Task.FromResult<long>(count);
    }
}
