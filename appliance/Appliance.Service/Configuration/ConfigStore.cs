using Appliance.Core.IO;
using Microsoft.Extensions.Logging;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Appliance.Service.Configuration;

/// <summary>
/// The effective configuration. The provisioned base lives in the config dir (/etc/appliance,
/// read-only under ProtectSystem=strict); changes made through the API are persisted atomically in
/// the state dir (/var/lib/appliance/config/appliance.yaml), which wins when present. Reload re-reads
/// both; a broken file keeps the previous configuration and reports why.
/// </summary>
public sealed class ConfigStore
{
    public const string FileName = "appliance.yaml";

    private static readonly IDeserializer Reader = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    private static readonly ISerializer Writer = new SerializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    private readonly ILogger<ConfigStore> _logger;
    private readonly Action<ApplianceConfig>? _provisioned;
    private readonly Lock _gate = new();
    private ApplianceConfig _current;

    public ConfigStore(ServiceOptions options, ILogger<ConfigStore> logger)
    {
        _logger = logger;
        _provisioned = options.ProvisionedDefaults;
        BasePath = Path.Combine(options.ConfigDir, FileName);
        OverridePath = Path.Combine(options.StateDir, "config", FileName);
        _current = LoadOrThrow();
    }

    public string BasePath { get; }

    public string OverridePath { get; }

    public ApplianceConfig Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    /// <summary>Re-reads the files; returns the error (and keeps the old configuration) when they are invalid.</summary>
    public string? Reload()
    {
        try
        {
            var loaded = LoadOrThrow();
            lock (_gate)
            {
                _current = loaded;
            }
            return null;
        }
        catch (InvalidDataException e)
        {
            _logger.LogError("Configuration reload failed, keeping the previous one: {Error}", e.Message);
            return e.Message;
        }
    }

    /// <summary>Persists a validated configuration atomically and makes it current; returns the diff.</summary>
    public IReadOnlyList<string> Save(ApplianceConfig config)
    {
        var errors = ConfigValidator.Validate(config);
        if (errors.Count > 0)
        {
            throw new InvalidDataException(string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));
        }
        lock (_gate)
        {
            var diff = ConfigDiff.Between(_current, config);
            AtomicFile.WriteAllText(OverridePath, Writer.Serialize(config));
            _current = config;
            return diff;
        }
    }

    public static string ToYaml(ApplianceConfig config) => Writer.Serialize(config);

    /// <summary>Parses YAML; unknown fields and type errors name the line.</summary>
    public static ApplianceConfig Parse(string yaml, string source)
    {
        ApplianceConfig? config;
        try
        {
            config = Reader.Deserialize<ApplianceConfig>(yaml);
        }
        catch (YamlException e)
        {
            throw new InvalidDataException($"{source}: line {e.Start.Line}: {e.InnerException?.Message ?? e.Message}", e);
        }
        config ??= new ApplianceConfig();
        var errors = ConfigValidator.Validate(config);
        if (errors.Count > 0)
        {
            throw new InvalidDataException($"{source}: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));
        }
        return config;
    }

    private ApplianceConfig LoadOrThrow()
    {
        if (File.Exists(OverridePath))
        {
            _logger.LogInformation("Configuration from {Path}", OverridePath);
            return Parse(File.ReadAllText(OverridePath), OverridePath);
        }
        ApplianceConfig config;
        if (File.Exists(BasePath))
        {
            _logger.LogInformation("Configuration from {Path}", BasePath);
            config = Parse(File.ReadAllText(BasePath), BasePath);
        }
        else
        {
            _logger.LogInformation("No configuration file ({Base}); using defaults", BasePath);
            config = new ApplianceConfig();
        }
        if (_provisioned is null)
        {
            return config;
        }
        // The stick's values on a copy: if they do not validate, the service still starts on the base.
        var provisioned = Parse(ToYaml(config), "copy");
        _provisioned(provisioned);
        var errors = ConfigValidator.Validate(provisioned);
        if (errors.Count > 0)
        {
            _logger.LogWarning("Provisioned settings ignored ({Errors}); using {Base}", string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")), BasePath);
            return config;
        }
        return provisioned;
    }
}
