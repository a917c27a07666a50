using Pass.Shared.Sms;

namespace Pass.Shared.Tests;

public class SmsCodeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    private static SmsCode NewCode() => SmsCode.Create("+8613800138000", "app", SmsPurpose.SignIn, null, "hash", Now, TimeSpan.FromMinutes(5));

    [Fact]
    public void A_right_code_is_accepted_once()
    {
        var code = NewCode();
        Assert.Equal(SmsCheck.Accepted, code.Try(matches: true, Now.AddMinutes(1)));
        Assert.Equal(SmsCheck.Used, code.Try(matches: true, Now.AddMinutes(1)));
        Assert.False(code.IsLiveAt(Now.AddMinutes(1)));
    }

    [Fact]
    public void The_fifth_wrong_try_kills_the_code_even_for_the_right_one_after()
    {
        var code = NewCode();
        for (var i = 1; i < SmsCode.MaxAttempts; i++)
        {
            Assert.Equal(SmsCheck.Wrong, code.Try(matches: false, Now));
        }

        Assert.Equal(SmsCheck.TooManyTries, code.Try(matches: false, Now));
        Assert.Equal(SmsCheck.TooManyTries, code.Try(matches: true, Now));
    }

    [Fact]
    public void A_code_past_its_lifetime_is_expired_and_a_wrong_try_there_is_not_counted()
    {
        var code = NewCode();
        Assert.Equal(SmsCheck.Expired, code.Try(matches: true, Now.AddMinutes(5)));
        Assert.Equal(SmsCheck.Expired, code.Try(matches: false, Now.AddMinutes(6)));
        Assert.Equal(0, code.Attempts);
    }

    [Fact]
    public void Every_counted_try_changes_the_version_so_racing_writes_collide()
    {
        var code = NewCode();
        var before = code.Version;
        code.Try(matches: false, Now);
        Assert.NotEqual(before, code.Version);
    }

    [Fact]
    public void A_superseded_code_is_no_longer_live()
    {
        var code = NewCode();
        code.Supersede(Now);
        Assert.Equal(SmsCheck.Used, code.Try(matches: true, Now));
    }
}
