using Microsoft.Extensions.Options;
using OperatorConsole.Storage.Common;

namespace OperatorConsole.Web.Hosting;

public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options) =>
        !StorageProviders.IsKnown(options.Provider)
            ? ValidateOptionsResult.Fail($"Storage:Provider must be {StorageProviders.LiteDb} or {StorageProviders.PostgreSql}, not '{options.Provider}'.")
            : string.IsNullOrWhiteSpace(options.DataFile)
                ? ValidateOptionsResult.Fail("Storage:DataFile must name the LiteDB file.")
                : string.IsNullOrWhiteSpace(options.SeedDataPath)
                    ? ValidateOptionsResult.Fail("Storage:SeedDataPath must name the seed-data folder.")
                    : ValidateOptionsResult.Success;
}
