using Bunit;
using OperatorConsole.Core.Common;
using OperatorConsole.Core.LaunchDay;
using OperatorConsole.Web.Features.LaunchDay;
using OperatorConsole.Web.Tests.Shared;

namespace OperatorConsole.Web.Tests.Features.LaunchDay;

public sealed class SignOffCardTests : BunitTestContext
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ValidSignOff_ShowsWhoAndStatement_AndNoForm()
    {
        SignOff[] signOffs = [new(SignOffArea.Qa, "qa1", "Quinn QA", At, "Regression suite green on the build.", 41)];

        var cut = Render<SignOffCard>(p => p.Add(c => c.Area, SignOffArea.Qa).Add(c => c.SignOffs, signOffs));

        Assert.Equal("true", cut.Find("[data-testid=signoff-qa]").GetAttribute("data-signed"));
        Assert.Contains("Quinn QA", cut.Find("[data-testid=signoff-qa-by]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Regression suite green on the build.", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=signoff-qa-submit]"));
    }

    [Fact]
    public void InvalidatedSignOff_StruckThroughWithWhy_AndTheAreaIsUnsignedAgain()
    {
        SignOff[] signOffs =
        [
            new(SignOffArea.Product, "pm1", "Pia Product", At, "Copy approved.", 40, At.AddMinutes(5), "A new config snapshot was verified after it."),
        ];

        var cut = Render<SignOffCard>(p => p.Add(c => c.Area, SignOffArea.Product).Add(c => c.SignOffs, signOffs));

        Assert.Equal("false", cut.Find("[data-testid=signoff-product]").GetAttribute("data-signed"));
        var old = cut.Find("[data-testid=signoff-product-invalidated]");
        Assert.Contains("Pia Product", old.QuerySelector("s")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("A new config snapshot was verified after it.", old.TextContent, StringComparison.Ordinal);
        Assert.NotNull(cut.Find("[data-testid=signoff-product-submit]"));
    }

    [Fact]
    public void RefusedSigner_FormDisabledWithCoresReason()
    {
        var refused = new Permission(false, "Only a holder of the Engineering sign-off duty can sign it.", Role.None);

        var cut = Render<SignOffCard>(p => p.Add(c => c.Area, SignOffArea.Engineering).Add(c => c.SignOffs, []).Add(c => c.Permission, refused));

        Assert.True(cut.Find("[data-testid=signoff-engineering-submit]").HasAttribute("disabled"));
        Assert.True(cut.Find("textarea[data-testid=signoff-engineering-statement]").HasAttribute("disabled"));
        Assert.Equal("Only a holder of the Engineering sign-off duty can sign it.", cut.Find("[data-testid=signoff-engineering-why-not]").TextContent);
    }

    [Fact]
    public void AllowedSigner_StatementEnablesSubmit_AndSigningPassesAreaAndStatement()
    {
        (SignOffArea Area, string Statement)? signed = null;
        var cut = Render<SignOffCard>(p => p.Add(c => c.Area, SignOffArea.Engineering).Add(c => c.SignOffs, [])
            .Add(c => c.OnSign, (area, statement) => { signed = (area, statement); return Task.FromResult(true); }));

        Assert.True(cut.Find("[data-testid=signoff-engineering-submit]").HasAttribute("disabled"));
        cut.Find("textarea[data-testid=signoff-engineering-statement]").Input("Load test passed at 3x peak.");
        cut.Find("[data-testid=signoff-engineering-submit]").Click();

        Assert.Equal((SignOffArea.Engineering, "Load test passed at 3x peak."), signed);
    }
}
