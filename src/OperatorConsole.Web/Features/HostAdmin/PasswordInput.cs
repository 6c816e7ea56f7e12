namespace OperatorConsole.Web.Features.HostAdmin;

/// <summary>Passwords come from standard input, never from a flag (flags end up in shell history and process lists).</summary>
public static class PasswordInput
{
    /// <summary>The first line of <paramref name="input"/>; at a terminal, typed without echo after a prompt on standard error.</summary>
    public static string Read(TextReader input, TextWriter prompt)
    {
        if (!ReferenceEquals(input, Console.In) || Console.IsInputRedirected)
        {
            return input.ReadLine() ?? string.Empty;
        }

        prompt.Write("Password: ");
        var typed = new System.Text.StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                typed.Length = Math.Max(0, typed.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }

        prompt.WriteLine();
        return typed.ToString();
    }
}
