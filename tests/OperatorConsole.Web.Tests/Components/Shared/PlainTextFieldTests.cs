using Bunit;
using OperatorConsole.Web.Components.Shared;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Components.Shared;

public sealed class PlainTextFieldTests : BunitTestContext
{
    [Fact]
    public void Render_WithLabel_LabelNamesTheInput()
    {
        var cut = Render<PlainTextField>(p => p.Add(f => f.Label, "Add a note"));

        var input = cut.Find("input");
        Assert.Equal("Add a note", cut.Find($"label[for='{input.Id}']").TextContent);
    }

    [Fact]
    public void Change_TextEntered_ValueIsBoundAndTheLabelMovesAboveIt()
    {
        string? bound = null;
        var cut = Render<PlainTextField>(p => p
            .Add(f => f.Label, "Decision")
            .Add(f => f.ValueChanged, (string? v) => bound = v)
            .AddUnmatched("data-testid", "decision"));

        cut.Find("input[data-testid=decision]").Change("Roll back");

        Assert.Equal("Roll back", bound);
        Assert.Contains("mud-shrink", cut.Find(".mud-input").ClassList);
    }

    [Fact]
    public void Render_EmptyValue_LabelSitsInTheField()
    {
        var cut = Render<PlainTextField>(p => p.Add(f => f.Label, "Reason").Add(f => f.Value, ""));

        Assert.DoesNotContain("mud-shrink", cut.Find(".mud-input").ClassList);
    }
}
