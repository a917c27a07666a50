using Pass.Web.Data;

namespace Pass.Web.Tests.Architecture;

/// <summary>
/// Pass.Web's folders have a direction: feature modules → infrastructure → data. A module may use the public
/// services of a module below it in <see cref="Modules"/>, never one above it, so no two folders use each other.
/// </summary>
public class ModuleLayeringTests
{
    /// <summary>Each module after the ones it may use; the order Program.cs adds them in.</summary>
    private static readonly string[] Modules = ["Audit", "Clients", "Logout", "Users", "Oauth", "Tokens", "Cards", "QrLogin", "Kiosk", "Sms", "Messages", "Lookup", "Channels", "Components"];

    private static readonly FolderGraph Graph = new(typeof(PassDbContext).Assembly);

    [Fact]
    public void No_two_folders_use_each_other()
    {
        Assert.Empty(Graph.TwoWayPairs());
    }

    [Fact]
    public void Data_uses_no_other_folder()
    {
        Assert.Empty(UsesFrom("Data"));
    }

    [Fact]
    public void Infrastructure_uses_only_data()
    {
        Assert.Empty(Graph.Uses.Where(use => use.From == "Infrastructure" && use.To != "Data").Select(Describe));
    }

    [Fact]
    public void Nothing_uses_the_composition_root()
    {
        Assert.Empty(Graph.Uses.Where(use => use.To == "Hosting").Select(Describe));
    }

    [Fact]
    public void A_module_uses_only_the_modules_below_it()
    {
        var upward = Graph.Uses
            .Where(use => Array.IndexOf(Modules, use.From) is var from and >= 0 && Array.IndexOf(Modules, use.To) is var to and >= 0 && to > from)
            .Select(Describe);
        Assert.Empty(upward);
    }

    [Fact]
    public void A_module_uses_only_public_types_of_another_module()
    {
        Assert.Empty(Graph.Uses.Where(use => Modules.Contains(use.To) && !use.ToType.IsPublic).Select(Describe));
    }

    [Fact]
    public void Every_folder_is_placed_in_a_layer()
    {
        Assert.Empty(Graph.Folders.Except([.. Modules, "Data", "Infrastructure", "Hosting"]));
    }

    /// <summary>The graph itself reads what it should: Oauth uses Users (the password grant signs a person in).</summary>
    [Fact]
    public void The_graph_sees_uses_across_folders()
    {
        Assert.Contains(Graph.Uses, use => use is { From: "Oauth", To: "Users" });
        Assert.Contains(Graph.Uses, use => use is { From: "Cards", To: "Oauth" });
    }

    private static IEnumerable<string> UsesFrom(string folder) =>
        Graph.Uses.Where(use => use.From == folder).Select(Describe);

    private static string Describe((string From, Type FromType, string To, Type ToType) use) =>
        $"{use.From}/{use.FromType.Name} uses {use.To}/{use.ToType.Name}";
}
