namespace OperatorConsole.Core.Runs;

/// <summary>Where the console itself listens, so probe steps may name a path such as /health/ready.</summary>
public interface ISelfBaseAddress
{
    Uri Get();
}
