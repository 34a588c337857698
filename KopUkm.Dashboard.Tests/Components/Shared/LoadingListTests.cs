using Bunit;
using KopUkm.Dashboard.Components.Shared;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Components;

namespace KopUkm.Dashboard.Tests.Components.Shared;

public sealed class LoadingListTests : AppBunitContext
{
    [Fact]
    public void Before_the_circuit_starts_a_list_is_a_skeleton_and_nothing_of_the_list_itself()
    {
        SetRendererInfo(new RendererInfo("Static", false));

        var list = Render<LoadingList>(p => p.Add(l => l.Loaded, false).AddChildContent("<p id='list'>Tidak ada data yang cocok.</p>"));

        Assert.Equal("true", list.Find("[data-testid=list-skeleton]").GetAttribute("aria-busy"));
        Assert.Contains("Memuat data", list.Markup, StringComparison.Ordinal);
        Assert.Empty(list.FindAll("#list"));
    }

    [Fact]
    public void While_the_first_page_loads_the_list_renders_hidden_behind_the_skeleton_then_replaces_it()
    {
        var list = Render<LoadingList>(p => p.Add(l => l.Loaded, false).AddChildContent("<p id='list'>rows</p>"));

        Assert.Single(list.FindAll("[data-testid=list-skeleton]"));
        Assert.Equal("display:none", list.Find("[data-testid=list-content]").GetAttribute("style"));

        list.Render(p => p.Add(l => l.Loaded, true));

        Assert.Empty(list.FindAll("[data-testid=list-skeleton]"));
        Assert.Null(list.Find("[data-testid=list-content]").GetAttribute("style"));
        Assert.Equal("rows", list.Find("#list").TextContent);
    }
}
