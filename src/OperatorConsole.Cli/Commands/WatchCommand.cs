using System.CommandLine;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using OperatorConsole.Cli.Common;
using OperatorConsole.Core.Live;

namespace OperatorConsole.Cli.Commands;

/// <summary>
/// <c>opsctl watch [topic…]</c>: every live event on the topics, one JSON object per line on stdout (pipe it to jq),
/// until Ctrl+C or <c>--count</c> events. "Watching …" on stderr once subscribed.
/// </summary>
public static class WatchCommand
{
    /// <summary>Without a topic: the console-wide ones an on-call engineer follows.</summary>
    public static readonly string[] DefaultTopics =
        [Topics.Incidents, Topics.KillSwitches, Topics.Lockdown, Topics.Alerts, Topics.Releases, Topics.Rollbacks, Topics.Launches];

    public static Command Create(CliContext context)
    {
        var topics = new Argument<string[]>("topic") { Description = "Topics, e.g. kill-switches or incident:{id}.", Arity = ArgumentArity.ZeroOrMore };
        var count = new Option<int?>("--count", "-n") { Description = "Stop after this many events." };
        var watch = new Command("watch", "Stream live events as JSON lines.") { topics, count };
        watch.SetAction(async (parse, ct) =>
        {
            var chosen = parse.GetValue(topics) is { Length: > 0 } named ? named : DefaultTopics;
            if (chosen.Select(Topics.Problem).FirstOrDefault(p => p is not null) is { } problem)
            {
                throw new CliException(ExitCodes.BadInput, problem);
            }

            var settings = ConsoleSettings.Load(context);
            var events = Channel.CreateUnbounded<JsonElement>();
            await using var hub = new HubConnectionBuilder()
                .WithUrl(new Uri(settings.Url, "/hubs/console"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(settings.ApiKey))
                .WithAutomaticReconnect()
                .Build();
            hub.On<JsonElement>("event", e => events.Writer.TryWrite(e));
            hub.Reconnected += async _ =>
            {
                foreach (var topic in chosen)
                {
                    await hub.InvokeAsync("Subscribe", topic);
                }
            };
            hub.Closed += error =>
            {
                events.Writer.TryComplete(error);
                return Task.CompletedTask;
            };
            await ConnectAsync(hub, settings, chosen, ct);
            await context.Error.WriteLineAsync($"Watching {string.Join(", ", chosen)}");
            return await StreamAsync(context, events.Reader, parse.GetValue(count), ct);
        });
        return watch;
    }

    private static async Task ConnectAsync(HubConnection hub, ConsoleSettings settings, string[] topics, CancellationToken ct)
    {
        try
        {
            await hub.StartAsync(ct);
            foreach (var topic in topics)
            {
                await hub.InvokeAsync("Subscribe", topic, ct);
            }
        }
        catch (HttpRequestException ex)
        {
            throw new CliException(ex.StatusCode is System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Forbidden ? ExitCodes.Refused : ExitCodes.Unreachable,
                $"Cannot watch {settings.Url}: {ex.Message}");
        }
        catch (HubException ex)
        {
            throw new CliException(ExitCodes.BadInput, ex.Message);
        }
    }

    private static async Task<int> StreamAsync(CliContext context, ChannelReader<JsonElement> events, int? count, CancellationToken ct)
    {
        var seen = 0;
        try
        {
            await foreach (var e in events.ReadAllAsync(ct))
            {
                await context.Out.WriteLineAsync(JsonSerializer.Serialize(e));
                await context.Out.FlushAsync(ct);
                if (++seen == count)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Ctrl+C: a normal end for a watch.
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new CliException(ExitCodes.Unreachable, $"The connection to the console closed: {ex.Message}");
        }

        return ExitCodes.Ok;
    }
}
