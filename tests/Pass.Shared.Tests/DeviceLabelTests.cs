using Pass.Shared.Kiosk;

namespace Pass.Shared.Tests;

public class DeviceLabelTests
{
    [Theory]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36", "Chrome on Linux")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0", "Edge on Windows")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1", "Safari on iOS")]
    [InlineData("Mozilla/5.0 (Android 14; Mobile; rv:120.0) Gecko/120.0 Firefox/120.0", "Firefox on Android")]
    [InlineData("curl/8.4.0", "Browser")]
    [InlineData("", "Unknown device")]
    public void A_browser_is_described_by_its_name_and_system(string userAgent, string expected) =>
        Assert.Equal(expected, DeviceLabel.FromUserAgent(userAgent));

    [Fact]
    public void A_configured_name_wins_over_the_browser() =>
        Assert.Equal("Library kiosk 2", DeviceLabel.Describe("  Library   kiosk 2 ", "curl/8.4.0"));

    [Fact]
    public void A_name_loses_control_and_direction_override_characters_and_is_cut_to_length()
    {
        Assert.Equal("Front desk", DeviceLabel.Clean("Front\u202E desk\r\n"));
        Assert.Equal(DeviceLabel.MaxLength, DeviceLabel.Clean(new string('x', 500))!.Length);
    }

    [Fact]
    public void An_empty_name_falls_back_to_the_browser() =>
        Assert.Equal("Chrome on Windows", DeviceLabel.Describe(" \t", "Mozilla/5.0 (Windows NT 10.0) Chrome/1.0"));
}
