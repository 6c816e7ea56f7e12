using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using OperatorConsole.Core.Common;
using OperatorConsole.Web.Components.Layout;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Components.Layout;

public sealed class MainLayoutErrorBoundaryTests : BunitTestContext
{
    [Fact]
    public void PageThrows_FaultInHandler_ShowsNoticeWithoutDetailsAndRecovers()
    {
        var cut = RenderLayoutAround(new InvalidOperationException("secret connection string"));

        cut.Find("[data-testid=failing-action]").Click();

        var notice = cut.Find("[data-testid=page-error-message]").TextContent;
        Assert.Contains("server log", notice, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", notice, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=failing-action]"));

        cut.Find("[data-testid=page-error-retry]").Click();

        Assert.Empty(cut.FindAll("[data-testid=page-error]"));
        Assert.Single(cut.FindAll("[data-testid=failing-action]"));
        Assert.Single(cut.FindAll("[data-testid=current-user]"));
    }

    [Fact]
    public void PageThrows_RefusalInHandler_ShowsItsMessage()
    {
        var cut = RenderLayoutAround(new ConflictException("Step s1 was already checked by Olga."));

        cut.Find("[data-testid=failing-action]").Click();

        Assert.Equal("Step s1 was already checked by Olga.", cut.Find("[data-testid=page-error-message]").TextContent);
    }

    private IRenderedComponent<MainLayout> RenderLayoutAround(Exception thrown)
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return Render<MainLayout>(p => p.Add(l => l.Body, builder =>
        {
            builder.OpenComponent<FailingPage>(0);
            builder.AddComponentParameter(1, nameof(FailingPage.Thrown), thrown);
            builder.CloseComponent();
        }));
    }

    /// <summary>A page whose button lets an exception escape its handler, as a page without UiActions would.</summary>
    private sealed class FailingPage : ComponentBase
    {
        [Parameter] public Exception Thrown { get; set; } = default!;

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "button");
            builder.AddAttribute(1, "data-testid", "failing-action");
            builder.AddAttribute(2, "onclick", EventCallback.Factory.Create(this, () => throw Thrown));
            builder.CloseElement();
        }
    }
}
