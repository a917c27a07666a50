using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Pass.Web.Oauth;

/// <summary>
/// SHA-256 of a presented token, as a value: what check_token's memories are keyed by. Computed on the stack, so a check
/// that is answered from memory allocates nothing for its key.
/// </summary>
public readonly record struct TokenHash(ulong A, ulong B, ulong C, ulong D)
{
    // One hash object per thread, reset after each use: a one-shot call sets up and frees a native context every time.
    [ThreadStatic]
    private static IncrementalHash? _sha256;

    /// <summary>Tokens longer than this are never Pass's (they are 43 characters); check_token refuses them unread.</summary>
    public const int MaxTokenLength = 512;

    public static TokenHash Of(ReadOnlySpan<char> token)
    {
        if (token.Length > MaxTokenLength)
        {
            throw new ArgumentOutOfRangeException(nameof(token), "The token is longer than any Pass issues.");
        }

        Span<byte> input = stackalloc byte[Encoding.UTF8.GetMaxByteCount(token.Length)];
        var written = Encoding.UTF8.GetBytes(token, input);
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        var sha256 = _sha256 ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha256.AppendData(input[..written]);
        sha256.GetHashAndReset(digest);
        return new TokenHash(
            BinaryPrimitives.ReadUInt64LittleEndian(digest),
            BinaryPrimitives.ReadUInt64LittleEndian(digest[8..]),
            BinaryPrimitives.ReadUInt64LittleEndian(digest[16..]),
            BinaryPrimitives.ReadUInt64LittleEndian(digest[24..]));
    }

    // The value is uniformly random already: a quarter of it is a perfect hash code.
    public override int GetHashCode() => (int)A;

    public bool Equals(TokenHash other) => A == other.A && B == other.B && C == other.C && D == other.D;
}
