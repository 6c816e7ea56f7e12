using OperatorConsole.Core.Common;

namespace OperatorConsole.Core.Persistence;

/// <summary>
/// The store cannot save (or cannot open) its data file: disk full, an I/O error, a read-only file, or another
/// process holding the file. The message says what happened and what to do; nothing was saved.
/// </summary>
public sealed class StoreUnavailableException(string message, Exception? innerException = null) : DomainException(message, innerException);
