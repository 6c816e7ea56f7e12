using System.Text.RegularExpressions;

namespace OperatorConsole.Core.Runbooks.Import;

/// <summary>One command read out of a code block, with what it printed and the comment that named it.</summary>
internal sealed record ShellCommand(string Command, string? Output, string? Comment);

/// <summary>
/// Reads terminal transcripts. A line starting with "$ " (or "user@host:~$ ", or PowerShell's "PS C:\&gt; ") is a prompt; "# " is a root prompt only
/// when a known command follows, so "# Restart chrony" or "# Step 1: Clone repository" stay comments. Each prompt
/// starts a command (lines ending in "\" continue it), and the lines up to the next prompt are its output. A block
/// without prompts is one command, exactly as written.
/// </summary>
internal static partial class ShellSession
{
    private static readonly HashSet<string> Commands = new(StringComparer.Ordinal)
    {
        "kubectl", "oc", "helm", "sudo", "su", "systemctl", "journalctl", "service", "curl", "wget", "docker", "podman", "crictl", "ctr",
        "ls", "cat", "df", "du", "ps", "top", "htop", "free", "dmesg", "grep", "tail", "head", "less", "find", "echo", "sync", "mount",
        "umount", "ip", "ss", "netstat", "nc", "ping", "dig", "nslookup", "host", "openssl", "ssh", "scp", "rsync", "cp", "mv", "rm",
        "mkdir", "chmod", "chown", "kill", "pkill", "apt", "apt-get", "yum", "dnf", "iptables", "nft", "sysctl", "timedatectl",
        "chronyc", "hostnamectl", "lsblk", "fdisk", "xfs_growfs", "resize2fs", "vmstat", "iostat", "iotop", "slabtop", "lsof",
        "strace", "tcpdump", "etcdctl", "psql", "mysql", "redis-cli", "rabbitmqctl", "aws", "gcloud", "az", "terraform", "git",
        "make", "python", "python3", "jq", "reboot", "shutdown", "swapoff", "swapon", "export", "cd", "tee", "touch", "gitlab-ctl",
        "gitlab-rake", "patronictl", "vault", "consul", "nomad", "mc", "logcli", "promtool", "amtool", "watch", "xargs", "awk", "sed",
    };

    public static IReadOnlyList<ShellCommand> Read(string content)
    {
        var lines = content.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        if (!lines.Any(l => PromptedCommand(l) is not null))
        {
            return [new ShellCommand(content, null, null)];
        }

        var commands = new List<ShellCommand>();
        var command = new List<string>();
        var output = new List<string>();
        string? comment = null;
        string? commandComment = null;

        void Flush()
        {
            if (command.Count > 0)
            {
                var printed = string.Join('\n', output).Trim('\n');
                commands.Add(new ShellCommand(string.Join('\n', command), printed.Trim().Length > 0 ? printed : null, commandComment));
            }

            command.Clear();
            output.Clear();
        }

        foreach (var line in lines)
        {
            if (command.Count > 0 && output.Count == 0 && command[^1].EndsWith('\\'))
            {
                command.Add(line);
            }
            else if (PromptedCommand(line) is { } prompted)
            {
                Flush();
                command.Add(prompted);
                (commandComment, comment) = (comment, null);
            }
            else if (command.Count > 0)
            {
                output.Add(line);
            }
            else if (Comment(line) is { } text)
            {
                comment = text;
            }
            else if (line.Trim().Length > 0)
            {
                // A command typed without a prompt before the first prompted one is still a command.
                command.Add(line);
                (commandComment, comment) = (comment, null);
            }
        }

        Flush();
        return commands;
    }

    private static string? PromptedCommand(string line)
    {
        var match = Prompt().Match(line);
        if (!match.Success)
        {
            return null;
        }

        var command = match.Groups["command"].Value.Trim();
        return match.Groups["marker"].Value == "#" && !StartsWithKnownCommand(command) ? null : command;
    }

    // "ETCDCTL_API=3 etcdctl …" and "sync; echo 3 > …" start with a command too.
    private static bool StartsWithKnownCommand(string command) =>
        command.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .SkipWhile(word => EnvironmentAssignment().IsMatch(word))
            .FirstOrDefault()?.TrimEnd(';') is { } word && Commands.Contains(word);

    private static string? Comment(string line) => line.TrimStart().StartsWith('#') ? line.TrimStart().TrimStart('#').Trim() : null;

    [GeneratedRegex(@"^\s*(?:(?:[\w.-]+@[\w.-]+(?::[^\s$#]*)?\s?)?(?<marker>[$#])|PS(?:\s[^>]{0,200})?>)\s+(?<command>\S.*)$")]
    private static partial Regex Prompt();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*=")]
    private static partial Regex EnvironmentAssignment();
}
