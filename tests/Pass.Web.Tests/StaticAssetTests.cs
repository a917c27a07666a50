using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Pass.Web.Tests.Infrastructure;

namespace Pass.Web.Tests;

/// <summary>What a page's stylesheets and scripts cost on the wire when the host serves a build (dotnet run, the tests).</summary>
public partial class StaticAssetTests : PassTestBase
{
    [Fact]
    public async Task Every_stylesheet_and_script_a_page_links_goes_out_really_compressed()
    {
        var http = App.CreateClient();
        var html = await http.GetStringAsync("/Account/Login", TestContext.Current.CancellationToken);
        var links = Linked().Matches(html).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Contains(links, link => link.StartsWith("_content/MudBlazor/MudBlazor.min.", StringComparison.Ordinal) && link.EndsWith(".css", StringComparison.Ordinal));

        foreach (var link in links)
        {
            var (_, plain) = await FetchAsync(http, link, "identity");
            var (encoding, sent) = await FetchAsync(http, link, "br", "gzip");

            // A gzip header on a body as large as the file is the file stored in gzip's frame, not compressed.
            Assert.True(encoding is "gzip" or "br", $"{link} went out with Content-Encoding '{encoding}'");
            Assert.True(sent < plain * 3 / 4, $"{link}: {sent:N0} bytes sent with {encoding} for a {plain:N0}-byte file");
        }
    }

    /// <summary>
    /// A link to a stylesheet nobody serves costs every page a request and a 404 (as text/html) in the console: the
    /// scoped-CSS bundle <c>Pass.Web.styles.css</c> exists only while some component has a <c>.razor.css</c> file.
    /// </summary>
    [Fact]
    public async Task Every_stylesheet_the_home_page_links_is_served_as_css()
    {
        var http = App.CreateClient();
        var html = await http.GetStringAsync("/", TestContext.Current.CancellationToken);
        var sheets = LinkTag().Matches(html).Select(m => m.Value)
            .Where(tag => StylesheetRel().IsMatch(tag))
            .Select(tag => Href().Match(tag).Groups[1].Value)
            .Distinct().ToList();
        Assert.NotEmpty(sheets);

        foreach (var sheet in sheets)
        {
            using var response = await http.GetAsync(new Uri(http.BaseAddress!, sheet), TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{sheet} answered {(int)response.StatusCode} ({response.Content.Headers.ContentType?.MediaType})");
            Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        }
    }

    private static async Task<(string? Encoding, long Bytes)> FetchAsync(HttpClient http, string path, params string[] acceptEncodings)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/" + path);
        foreach (var encoding in acceptEncodings)
        {
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        }

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        return (response.Content.Headers.ContentEncoding.SingleOrDefault(), body.LongLength);
    }

    [GeneratedRegex(@"(?:href|src)=""([^""]+\.(?:css|js))""")]
    private static partial Regex Linked();

    [GeneratedRegex(@"<link\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex LinkTag();

    [GeneratedRegex(@"\brel=""stylesheet""", RegexOptions.IgnoreCase)]
    private static partial Regex StylesheetRel();

    [GeneratedRegex(@"\bhref=""([^""]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex Href();
}
