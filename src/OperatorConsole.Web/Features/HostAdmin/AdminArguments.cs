namespace OperatorConsole.Web.Features.HostAdmin;

/// <summary>
/// <c>admin VERB --option value …</c>. Tokens in the configuration form (<c>--Storage:DataFile=PATH</c>) are passed
/// on to the host's configuration, so the commands open exactly the data file the console would.
/// </summary>
public sealed record AdminArguments(string Verb, IReadOnlyDictionary<string, string> Options, string[] ConfigurationArgs)
{
    public const string Usage = """
        usage (run while the console is stopped):
          admin create-user --user NAME --roles ROLE[,ROLE…] [--display-name TEXT]   password from standard input
          admin reset-password --user NAME                                          password from standard input
          admin create-api-key --user NAME --name LABEL                             prints only the key on standard output
        roles: Viewer, OnCall, IncidentOwner, ReleaseOwner, Admin
        settings as for the console, e.g. --Storage:DataFile=/var/lib/oc/console.db or Storage__DataFile=…
        """;

    private static readonly Dictionary<string, string[]> VerbOptions = new(StringComparer.Ordinal)
    {
        ["create-user"] = ["--user", "--roles", "--display-name"],
        ["reset-password"] = ["--user"],
        ["create-api-key"] = ["--user", "--name"],
    };

    private static readonly Dictionary<string, string[]> Required = new(StringComparer.Ordinal)
    {
        ["create-user"] = ["--user", "--roles"],
        ["reset-password"] = ["--user"],
        ["create-api-key"] = ["--user", "--name"],
    };

    public string this[string option] => Options.TryGetValue(option, out var value) ? value : string.Empty;

    /// <summary>The parsed command, or the reason it cannot be run (to print above the usage).</summary>
    public static (AdminArguments? Arguments, string? Error) Parse(IReadOnlyList<string> args)
    {
        if (args.Count < 2 || !VerbOptions.TryGetValue(args[1], out var known))
        {
            return (null, args.Count < 2 ? "Name a command." : $"Unknown command '{args[1]}'.");
        }

        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var configuration = new List<string>();
        for (var i = 2; i < args.Count; i++)
        {
            var token = args[i];
            if (token.StartsWith("--", StringComparison.Ordinal) && (token.Contains(':', StringComparison.Ordinal) || token.Contains('=', StringComparison.Ordinal)))
            {
                configuration.Add(token);
            }
            else if (!known.Contains(token))
            {
                return (null, $"Unknown option '{token}' for '{args[1]}'.");
            }
            else if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                return (null, $"Option '{token}' needs a value.");
            }
            else
            {
                options[token] = args[++i];
            }
        }

        var missing = Required[args[1]].FirstOrDefault(o => !options.ContainsKey(o));
        return missing is null
            ? (new AdminArguments(args[1], options, [.. configuration]), null)
            : (null, $"'{args[1]}' needs {missing}.");
    }
}
