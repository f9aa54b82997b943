using System;
using System.Buffers;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace TokenPolicy.Credentials;

/// <summary>An answer longer than the limit of its kind; nothing of it is kept.</summary>
internal sealed class ResponseTooLargeException : IOException
{
    public ResponseTooLargeException(long length, long limit)
        : base($"The response is longer than {limit} bytes (at least {length}).")
    {
        Length = length;
        Limit = limit;
    }

    /// <summary>The declared length, or the bytes read when the limit was passed.</summary>
    public long Length { get; }

    public long Limit { get; }
}

/// <summary>
/// Reads a response body up to a limit, cancellably; a declared length is read straight into one array. A value task:
/// a body already buffered by the connection (the usual small answer) is read without allocating a task.
/// </summary>
internal static class BoundedContent
{
    public static async ValueTask<byte[]> ReadAsync(HttpContent content, int limit, CancellationToken cancellationToken)
    {
        var declared = content.Headers.ContentLength;
        if (declared > limit)
        {
            throw new ResponseTooLargeException(declared.Value, limit);
        }

        using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        if (declared is { } length)
        {
            var exact = new byte[length];
            var filled = 0;
            while (filled < exact.Length)
            {
                var count = await stream.ReadAsync(exact.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                if (count == 0)
                {
                    throw new IOException($"The response ended after {filled} of its {length} declared bytes.");
                }

                filled += count;
            }

            return exact;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        var total = 0;
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false)) > 0)
            {
                total += read;
                if (total > limit)
                {
                    throw new ResponseTooLargeException(total, limit);
                }

                if (total == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, limit + 1));
                    buffer.AsSpan(0, total).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }

            return buffer.AsSpan(0, total).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
