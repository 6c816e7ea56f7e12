namespace OperatorConsole.Storage.Common;

/// <summary>
/// A failed read of the data files, thrown in place of its <see cref="IOException"/> so that LiteDB does not close its
/// engine under the other running queries (see <see cref="DurableFileStream.Read"/>).
/// </summary>
internal sealed class DiskReadFailedException(IOException cause) : Exception(cause.Message, cause);
