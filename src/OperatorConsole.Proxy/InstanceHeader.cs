namespace OperatorConsole.Proxy;

/// <summary>The response header naming the console instance (the cluster's destination id) that served the request.</summary>
public static class InstanceHeader
{
    public const string Name = "X-Console-Instance";
}
