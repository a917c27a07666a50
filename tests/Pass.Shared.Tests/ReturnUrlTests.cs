using Pass.Shared;

namespace Pass.Shared.Tests;

/// <summary>Where the account pages send a person back to: only a path on this site.</summary>
public class ReturnUrlTests
{
    [Theory]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("\\\\evil.example", "/")]
    [InlineData("javascript:alert(1)", "/")]
    [InlineData("", "/")]
    [InlineData(null, "/")]
    [InlineData("/me/qr?x=1", "/me/qr?x=1")]
    [InlineData("/connect/authorize?client_id=canteen&redirect_uri=https%3A%2F%2Fcanteen.test%2Fcb", "/connect/authorize?client_id=canteen&redirect_uri=https%3A%2F%2Fcanteen.test%2Fcb")]
    [InlineData("Account/Manage", "Account/Manage")]
    public void Only_a_path_on_this_site_is_kept(string? asked, string expected) =>
        Assert.Equal(expected, ReturnUrls.LocalOrHome(asked));
}
