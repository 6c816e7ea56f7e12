using Microsoft.AspNetCore.Http;
using OperatorConsole.Core.Common;
using OperatorConsole.Web.Hosting;

namespace OperatorConsole.Web.Tests.Hosting;

public sealed class DomainExceptionHandlerTests
{
    [Fact]
    public void Statuses_EveryRefusalKindInCore_HasItsOwnRow()
    {
        var kinds = typeof(DomainException).Assembly.GetTypes().Where(t => typeof(DomainException).IsAssignableFrom(t));

        Assert.All(kinds, kind => Assert.True(DomainExceptionHandler.Statuses.ContainsKey(kind), $"{kind.Name} needs a row in DomainExceptionHandler.Statuses."));
    }

    [Fact]
    public void StatusOf_SubclassWithoutRow_AnswersAsItsNearestBase()
    {
        Assert.Equal(StatusCodes.Status400BadRequest, DomainExceptionHandler.StatusOf(new NarrowerValidation()).Status);
    }

    private sealed class NarrowerValidation() : DomainValidationException("narrower");
}
