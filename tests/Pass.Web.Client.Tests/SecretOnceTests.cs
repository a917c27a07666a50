using Bunit;
using Pass.Web.Client.Components;

namespace Pass.Web.Client.Tests;

public class SecretOnceTests : PortalTestContext
{
    private int Focused() => JSInterop.Invocations.Count(i => i.Identifier == "Blazor._internal.domWrapper.focus");

    [Fact]
    public void A_secret_takes_the_focus_so_it_is_scrolled_into_view_and_again_when_another_replaces_it()
    {
        var cut = Render<SecretOnce>(p => p.Add(s => s.Label, "Temporary password for ada@test.local").Add(s => s.Secret, "Pw-1"));
        Assert.Equal(1, Focused());

        cut.Render(p => p.Add(s => s.Label, "Temporary password for ada@test.local").Add(s => s.Secret, "Pw-1"));
        Assert.Equal(1, Focused());

        cut.Render(p => p.Add(s => s.Label, "Temporary password for bo@test.local").Add(s => s.Secret, "Pw-2"));
        Assert.Equal(2, Focused());
    }
}
