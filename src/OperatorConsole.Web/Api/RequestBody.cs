using OperatorConsole.Core.Common;

namespace OperatorConsole.Web.Api;

/// <summary>For endpoints that read their body themselves: never buffers more than one chunk past the endpoint's limit.</summary>
public static class RequestBody
{
    public static async Task<byte[]> ReadAsync(Stream body, long limit, string what)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                throw new PayloadTooLargeException($"{what} is larger than the limit of {Size(limit)}.");
            }
        }

        return buffer.ToArray();
    }

    private static string Size(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / (1024 * 1024)} MB" : $"{bytes / 1024} KiB";
}
