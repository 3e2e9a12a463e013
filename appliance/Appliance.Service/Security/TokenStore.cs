using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Appliance.Core.IO;
using Appliance.Service.Configuration;

namespace Appliance.Service.Security;

/// <summary>
/// Bearer tokens "apl_&lt;id&gt;_&lt;secret&gt;". Only salted PBKDF2-SHA256 hashes are stored
/// (state dir secrets/tokens.json, mode 0600); comparison is constant-time. A successful check is
/// remembered in memory under the SHA-256 of the token for a minute, so PBKDF2 runs once per client,
/// not once per request (the load test would otherwise measure PBKDF2).
/// </summary>
public sealed class TokenStore
{
    private const string Prefix = "apl_";
    private static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(1);

    private readonly string _path;
    private readonly string _provisionedPath;
    private readonly int _iterations;
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, (TokenRecord Record, DateTimeOffset Until)> _verified = new();
    private List<TokenRecord> _records;

    public TokenStore(ServiceOptions options)
    {
        var dir = Path.Combine(options.StateDir, "secrets");
        _path = Path.Combine(dir, "tokens.json");
        _provisionedPath = Path.Combine(dir, "admin-token.provisioned");
        _iterations = options.TokenHashIterations;
        _records = File.Exists(_path)
            ? JsonSerializer.Deserialize<List<TokenRecord>>(File.ReadAllText(_path)) ?? []
            : [];
    }

    public IReadOnlyList<TokenInfo> List()
    {
        lock (_gate)
        {
            return _records.Select(r => new TokenInfo(r.Id, r.Role, r.Label, r.CreatedAt)).ToList();
        }
    }

    /// <summary>Creates a token and returns it; this is the only time the secret exists in clear.</summary>
    public string Create(string role, string label)
    {
        if (!Roles.IsValid(role))
        {
            throw new ArgumentException($"unknown role '{role}'", nameof(role));
        }
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        Add(id, secret, role, label);
        return $"{Prefix}{id}_{secret}";
    }

    public bool Revoke(string id)
    {
        lock (_gate)
        {
            var removed = _records.RemoveAll(r => r.Id == id) > 0;
            if (removed)
            {
                _verified.Clear();
                Persist();
            }
            return removed;
        }
    }

    /// <summary>
    /// On first start: adopt the admin token provisioning left (then delete the clear copy), or create
    /// one and return it so the caller prints it once. Null when tokens already exist.
    /// </summary>
    public string? EnsureInitialAdmin()
    {
        lock (_gate)
        {
            if (_records.Count > 0)
            {
                return null;
            }
        }
        if (File.Exists(_provisionedPath))
        {
            var provisioned = File.ReadAllText(_provisionedPath).Trim();
            File.Delete(_provisionedPath);
            if (TryParse(provisioned, out var id, out var secret))
            {
                Add(id, secret, Roles.Admin, "provisioned");
                return null;
            }
            throw new InvalidDataException($"{_provisionedPath} does not hold a token of the form apl_<id>_<secret>");
        }
        return Create(Roles.Admin, "first start");
    }

    /// <summary>The token's record when the token is valid, else null.</summary>
    public TokenRecord? Validate(string token)
    {
        var cacheKey = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
        if (_verified.TryGetValue(cacheKey, out var hit) && hit.Until > DateTimeOffset.UtcNow)
        {
            return hit.Record;
        }
        if (!TryParse(token, out var id, out var secret))
        {
            return null;
        }
        TokenRecord? record;
        lock (_gate)
        {
            record = _records.FirstOrDefault(r => r.Id == id);
        }
        if (record is null)
        {
            return null;
        }
        var actual = Derive(secret, Convert.FromBase64String(record.Salt), record.Iterations);
        if (!CryptographicOperations.FixedTimeEquals(actual, Convert.FromBase64String(record.Hash)))
        {
            return null;
        }
        _verified[cacheKey] = (record, DateTimeOffset.UtcNow + CacheLifetime);
        return record;
    }

    /// <summary>The id part of a well-formed token (for rate-limit partitions), without validating it.</summary>
    public static string? IdOf(string token) => TryParse(token, out var id, out _) ? id : null;

    private void Add(string id, string secret, string role, string label)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var record = new TokenRecord(id, role, label, Convert.ToBase64String(salt),
            Convert.ToBase64String(Derive(secret, salt, _iterations)), _iterations, DateTimeOffset.UtcNow);
        lock (_gate)
        {
            _records.RemoveAll(r => r.Id == id);
            _records.Add(record);
            Persist();
        }
    }

    private void Persist()
        => AtomicFile.WriteAllText(_path, JsonSerializer.Serialize(_records), UnixFileMode.UserRead | UnixFileMode.UserWrite);

    private static byte[] Derive(string secret, byte[] salt, int iterations)
        => Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(secret), salt, iterations, HashAlgorithmName.SHA256, 32);

    private static bool TryParse(string token, out string id, out string secret)
    {
        id = secret = "";
        if (!token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 200)
        {
            return false;
        }
        var rest = token[Prefix.Length..];
        var sep = rest.IndexOf('_');
        if (sep != 12 || rest.Length - sep - 1 < 16)
        {
            return false;
        }
        id = rest[..sep];
        secret = rest[(sep + 1)..];
        return id.All(char.IsAsciiHexDigitLower);
    }
}
