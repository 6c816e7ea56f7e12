using OperatorConsole.Core.Common;
using OperatorConsole.Core.Evidence;
using OperatorConsole.Web.Api;

namespace OperatorConsole.Web.Features.Evidence;

/// <summary>Reads an uploaded file, raw or as the "file" field of a multipart form, within the attachment limit.</summary>
internal static class AttachmentUpload
{
    public const string FormField = "file";

    public static async Task<(string? Name, string? ContentType, byte[] Content)> ReadAsync(HttpRequest request, string? name)
    {
        if (!request.HasFormContentType)
        {
            var raw = await RequestBody.ReadAsync(request.Body, AttachmentRules.MaxBytes, name ?? "The attachment");
            return (name, request.ContentType, raw);
        }

        var form = await ReadFormAsync(request);
        var file = form.Files.GetFile(FormField)
            ?? throw new DomainValidationException($"The form has no file in the field '{FormField}'.");
        AttachmentRules.EnsureSize(AttachmentRules.SanitizeName(file.FileName), file.Length);
        await using var stream = file.OpenReadStream();
        var content = await RequestBody.ReadAsync(stream, AttachmentRules.MaxBytes, file.FileName);
        return (file.FileName, file.ContentType, content);
    }

    /// <summary>A form without a boundary, cut off before its closing boundary or otherwise malformed is the client's mistake.</summary>
    private static async Task<IFormCollection> ReadFormAsync(HttpRequest request)
    {
        try
        {
            return await request.ReadFormAsync(request.HttpContext.RequestAborted);
        }
        catch (Exception ex) when (ex is InvalidDataException || (ex is IOException && ex is not BadHttpRequestException))
        {
            throw DomainValidationException.ForFields([new FieldProblem(FormField, $"The multipart form could not be read: {ex.Message}")]);
        }
    }
}
