using Bunit;
using MudBlazor;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.Incidents;
using OperatorConsole.Web.Features.Incidents;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Features.Incidents;

public sealed class PersonPickerTests : BunitTestContext
{
    private const string Submit = "[data-testid=handover-submit]";
    private static readonly IncidentPerson OlgaPerson = new(Olga.Id, Olga.DisplayName);

    [Fact]
    public async Task ClickSubmit_PersonChosen_RaisesOnPickWithThemAndClearsTheChoice()
    {
        IncidentPerson? picked = null;
        var cut = Render<PersonPicker>(p => p
            .Add(c => c.Label, "Hand over to").Add(c => c.Action, "Hand over").Add(c => c.TestId, "handover")
            .Add(c => c.People, [OlgaPerson]).Add(c => c.Permission, Permission.Granted)
            .Add(c => c.OnPick, person => picked = person));
        cut.Find(Submit).MarkupMatches(
            "<button type=\"button\" class=\"mud-button-root mud-button mud-button-outlined mud-button-outlined-default mud-button-outlined-size-small mud-ripple\" disabled " +
            "data-testid=\"handover-submit\"><span class=\"mud-button-label\">Hand over</span></button>");
        await cut.InvokeAsync(() => cut.FindComponent<MudSelect<string>>().Instance.SelectOption(Olga.Id));
        cut.WaitForAssertion(() => Assert.False(cut.Find(Submit).HasAttribute("disabled")), LiveTimeout);

        cut.Find(Submit).Click();

        Assert.Equal(OlgaPerson, picked);
        cut.WaitForAssertion(() => Assert.True(cut.Find(Submit).HasAttribute("disabled")), LiveTimeout);
    }
}
