using OperatorConsole.Core.Common;
using OperatorConsole.Core.Evidence;

namespace OperatorConsole.Web.Features.Evidence;

/// <summary>Reads an uploaded file without ever buffering more than one byte past the limit.</summary>
internal static class AttachmentUpload
{
    public const string FormField = "file";

    public static async Task<(string? Name, string? ContentType, byte[] Content)> ReadAsync(HttpRequest request, string? name)
    {
        if (!request.HasFormContentType)
        {
            var raw = await ReadBodyAsync(request.Body, AttachmentRules.MaxBytes, name ?? "The attachment");
            return (name, request.ContentType, raw);
        }

        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        var file = form.Files.GetFile(FormField)
            ?? throw new DomainValidationException($"The form has no file in the field '{FormField}'.");
        AttachmentRules.EnsureSize(AttachmentRules.SanitizeName(file.FileName), file.Length);
        await using var stream = file.OpenReadStream();
        var content = await ReadBodyAsync(stream, AttachmentRules.MaxBytes, file.FileName);
        return (file.FileName, file.ContentType, content);
    }

    public static async Task<byte[]> ReadBodyAsync(Stream body, long limit, string what)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                throw new DomainValidationException(
                    $"{what} is larger than the limit of {limit / (1024 * 1024)} MB.");
            }
        }

        return buffer.ToArray();
    }
}
