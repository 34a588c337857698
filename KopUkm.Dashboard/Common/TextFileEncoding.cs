using System.Text;

namespace KopUkm.Dashboard.Common;

/// <summary>
/// The encoding of an uploaded text file (CSV): a byte-order mark names it (UTF-8, UTF-16, UTF-32); without one, a
/// file that is valid UTF-8 is UTF-8; anything else is read as Windows-1252, which is what Excel on an Indonesian
/// or English Windows writes for "CSV (Comma delimited)". The fallback is a guess, so imports say when they made it.
/// </summary>
public sealed record TextFileEncoding(Encoding Encoding, bool IsWindows1252Fallback)
{
    /// <summary>Windows-1252 from the code-page provider that ships with .NET (no package, nothing registered globally).</summary>
    public static Encoding Windows1252 { get; } = CodePagesEncodingProvider.Instance.GetEncoding(1252)
        ?? throw new InvalidOperationException("The Windows-1252 code page is not available.");

    private static readonly TextFileEncoding Utf8 = new(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), false);

    /// <summary>
    /// Reads a seekable stream from its position to the end (without keeping it) and puts the position back. Without
    /// a byte-order mark the whole file is checked, because a file is often plain ASCII until its first "é" or "–".
    /// </summary>
    public static TextFileEncoding Detect(Stream file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var start = file.Position;
        try
        {
            Span<byte> head = stackalloc byte[4];
            var length = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            if (FromByteOrderMark(head[..length]) is { } marked)
            {
                return new TextFileEncoding(marked, false);
            }

            file.Position = start;
            return IsUtf8(file) ? Utf8 : new TextFileEncoding(Windows1252, true);
        }
        finally
        {
            file.Position = start;
        }
    }

    private static Encoding? FromByteOrderMark(ReadOnlySpan<byte> head) => head switch
    {
        [0xEF, 0xBB, 0xBF, ..] => Utf8.Encoding,
        [0xFF, 0xFE, 0x00, 0x00] => new UTF32Encoding(bigEndian: false, byteOrderMark: true),
        [0x00, 0x00, 0xFE, 0xFF] => new UTF32Encoding(bigEndian: true, byteOrderMark: true),
        [0xFF, 0xFE, ..] => Encoding.Unicode,
        [0xFE, 0xFF, ..] => Encoding.BigEndianUnicode,
        _ => null,
    };

    private static bool IsUtf8(Stream file)
    {
        // GetChars, not GetCharCount: only decoding carries a character split between two reads over to the next.
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[64 * 1024];
        var chars = new char[bytes.Length + 4];
        try
        {
            int read;
            while ((read = file.Read(bytes)) > 0)
            {
                decoder.GetChars(bytes.AsSpan(0, read), chars, flush: false);
            }

            // A sequence cut off at the end of the file is not UTF-8 either.
            decoder.GetChars([], chars, flush: true);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
