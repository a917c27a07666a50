using Pass.Shared.QrLogin;

namespace Pass.Shared.Tests;

public class QrSessionTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(120);

    private static QrSession NewSession() => QrSession.Create("s-1", "user-1", "app", "HASH", Start, Lifetime);

    [Fact]
    public void A_new_session_is_unused_until_it_expires()
    {
        var session = NewSession();

        Assert.Equal(QrSessionStatus.Unused, session.StatusAt(Start.AddSeconds(119)));
        Assert.Equal(QrSessionStatus.Expired, session.StatusAt(Start.AddSeconds(120)));
        Assert.Equal(TimeSpan.FromSeconds(20), session.RemainingAt(Start.AddSeconds(100)));
    }

    [Fact]
    public void Redeeming_records_the_client_and_the_time_once()
    {
        var session = NewSession();

        Assert.Equal(QrRedemption.Redeemed, session.Redeem("pos-1", Start.AddSeconds(10)));
        session.AttachAuthorization("auth-1");
        Assert.Equal(QrSessionStatus.Used, session.StatusAt(Start.AddSeconds(11)));
        Assert.Equal("pos-1", session.RedeemedByClientId);
        Assert.Equal(Start.AddSeconds(10), session.RedeemedAt);
        Assert.Equal("auth-1", session.AuthorizationId);
    }

    [Fact]
    public void A_used_code_cannot_be_redeemed_again_and_keeps_its_first_redemption()
    {
        var session = NewSession();
        session.Redeem("pos-1", Start.AddSeconds(10));
        session.AttachAuthorization("auth-1");

        Assert.Equal(QrRedemption.AlreadyUsed, session.Redeem("pos-2", Start.AddSeconds(20)));
        Assert.Equal("pos-1", session.RedeemedByClientId);
        Assert.Equal("auth-1", session.AuthorizationId);
    }

    [Fact]
    public void An_expired_code_cannot_be_redeemed()
    {
        var session = NewSession();

        Assert.Equal(QrRedemption.Expired, session.Redeem("pos-1", Start.Add(Lifetime)));
        Assert.Equal(QrSessionStatus.Expired, session.StatusAt(Start.Add(Lifetime)));
        Assert.Null(session.RedeemedByClientId);
    }

    [Fact]
    public void A_used_session_stays_used_after_its_lifetime()
    {
        var session = NewSession();
        session.Redeem("pos-1", Start.AddSeconds(1));

        Assert.Equal(QrSessionStatus.Used, session.StatusAt(Start.AddHours(1)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("tab\there")]
    [InlineData("中文")]
    public void Session_ids_must_be_printable_ascii_without_spaces(string session)
    {
        Assert.False(QrSession.IsValidSessionId(session));
        Assert.Throws<ArgumentException>(() => QrSession.Create(session, "u", null, "H", Start, Lifetime));
    }

    [Fact]
    public void Session_ids_longer_than_the_limit_are_refused()
    {
        Assert.True(QrSession.IsValidSessionId(new string('a', QrSession.MaxSessionLength)));
        Assert.False(QrSession.IsValidSessionId(new string('a', QrSession.MaxSessionLength + 1)));
    }
}
