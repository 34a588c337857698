using System.Security.Cryptography;
using System.Text;

namespace KopUkm.Dashboard.Features.Open311.ApiKeys;

/// <summary>
/// The shape of a key: <c>kop_</c> + 10 characters of prefix (looked up) + <c>_</c> + 43 characters of secret
/// (256 random bits, base64url). Only the SHA-256 of the whole key is stored: a key this random needs no slow hash.
/// </summary>
public static class ApiKeySecrets
{
    private const string Scheme = "kop_";
    private const int PrefixLength = 10;
    private const string PrefixAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    /// <summary>A new key, its prefix and the hash to store.</summary>
    public static (string Key, string Prefix, string Hash) Generate()
    {
        var prefix = Scheme + RandomNumberGenerator.GetString(PrefixAlphabet, PrefixLength);
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var key = $"{prefix}_{secret}";
        return (key, prefix, Hash(key));
    }

    /// <summary>The prefix a key names, or null when it is not shaped like one of ours.</summary>
    public static string? PrefixOf(string? key)
    {
        if (key is null || key.Length > 100 || !key.StartsWith(Scheme, StringComparison.Ordinal))
        {
            return null;
        }

        var end = key.IndexOf('_', Scheme.Length);
        return end == Scheme.Length + PrefixLength && key.Length > end + 1 ? key[..end] : null;
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Compares in constant time, so the answer time tells nothing about how much of the key was right.</summary>
    public static bool Matches(string key, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(key)), Encoding.ASCII.GetBytes(storedHash));
}
