using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Appliance.Service.Configuration;
using Appliance.Service.Knowledge;
using Appliance.Service.Models;
using Appliance.Service.Security;
using Appliance.Service.Tests.Support;
using Appliance.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Service.Tests;

/// <summary>The on-disk stores that are the service's own: tokens, knowledge base, models, configuration.</summary>
public sealed class StoresTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly ServiceOptions _options;

    public StoresTests() => _options = new ServiceOptions { StateDir = _dir.Sub("state"), ConfigDir = _dir.Sub("config"), TokenHashIterations = 2000 };

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Tokens_are_stored_only_as_salted_pbkdf2_hashes()
    {
        var store = new TokenStore(_options);
        var token = store.Create(Roles.Operator, "tech");
        var file = File.ReadAllText(Path.Combine(_options.StateDir, "secrets", "tokens.json"));
        var secret = token.Split('_')[2];
        Assert.DoesNotContain(secret, file);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_options.StateDir, "secrets", "tokens.json")));

        var record = JsonSerializer.Deserialize<List<TokenRecord>>(file)!.Single();
        var expected = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(secret), Convert.FromBase64String(record.Salt), 2000, HashAlgorithmName.SHA256, 32);
        Assert.Equal(Convert.ToBase64String(expected), record.Hash);

        var reopened = new TokenStore(_options);
        Assert.Equal(Roles.Operator, reopened.Validate(token)?.Role);
        Assert.Null(reopened.Validate(token[..^1] + (token[^1] == 'a' ? 'b' : 'a')));
        Assert.Null(reopened.Validate("apl_" + record.Id + "_" + new string('0', 48)));
        Assert.True(reopened.Revoke(record.Id));
        Assert.Null(reopened.Validate(token));
    }

    [Fact]
    public void Two_tokens_with_the_same_secret_get_different_salts()
    {
        var store = new TokenStore(_options);
        store.Create(Roles.Viewer, "a");
        store.Create(Roles.Viewer, "b");
        var records = JsonSerializer.Deserialize<List<TokenRecord>>(File.ReadAllText(Path.Combine(_options.StateDir, "secrets", "tokens.json")))!;
        Assert.NotEqual(records[0].Salt, records[1].Salt);
        Assert.Equal(100_000, new ServiceOptions().TokenHashIterations);
    }

    [Fact]
    public void First_start_prints_an_admin_token_once_or_adopts_the_provisioned_one()
    {
        var first = new TokenStore(_options).EnsureInitialAdmin();
        Assert.NotNull(first);
        Assert.Equal(Roles.Admin, new TokenStore(_options).Validate(first!)?.Role);
        Assert.Null(new TokenStore(_options).EnsureInitialAdmin());

        using var other = new TempDir();
        var options = new ServiceOptions { StateDir = other.Sub("state"), TokenHashIterations = 2000 };
        var provisioned = "apl_00112233aabb_" + new string('7', 48);
        Directory.CreateDirectory(Path.Combine(options.StateDir, "secrets"));
        var clear = Path.Combine(options.StateDir, "secrets", "admin-token.provisioned");
        File.WriteAllText(clear, provisioned + "\n");
        Assert.Null(new TokenStore(options).EnsureInitialAdmin());
        Assert.False(File.Exists(clear));
        Assert.Equal(Roles.Admin, new TokenStore(options).Validate(provisioned)?.Role);
    }

    [Theory]
    [InlineData("faq.md", true)]
    [InlineData("opening-hours_2025.txt", true)]
    [InlineData("menu.v2.md", true)]
    [InlineData("../faq.md", false)]
    [InlineData("a/b.md", false)]
    [InlineData("a\\b.md", false)]
    [InlineData(".env.md", false)]
    [InlineData("faq.md\0.txt", false)]
    [InlineData("faq.exe", false)]
    [InlineData("faq", false)]
    [InlineData("", false)]
    [InlineData("..md", false)]
    public void Knowledge_names_are_a_whitelist(string name, bool ok)
        => Assert.Equal(ok, KnowledgeStore.CheckName(name) is null);

    [Fact]
    public void Knowledge_documents_are_written_listed_and_deleted()
    {
        var store = new KnowledgeStore(_options);
        Assert.True(store.Put("faq.md", "# FAQ\n营业时间 9-17"u8.ToArray()));
        Assert.False(store.Put("faq.md", "# FAQ v2"u8.ToArray()));
        Assert.Equal("faq.md", Assert.Single(store.List()).Name);
        Assert.Throws<ArgumentException>(() => store.Put("../x.md", [65]));
        Assert.Throws<InvalidDataException>(() => store.Put("bin.txt", [0xff, 0xfe]));
        Assert.True(store.Delete("faq.md"));
        Assert.False(store.Delete("faq.md"));
        Assert.Empty(store.List());
    }

    [Fact]
    public async Task Models_are_verified_by_sha256_and_activation_rolls_back_on_failure()
    {
        var devices = new FakeDevices();
        var registry = new ModelRegistry(_options, devices, NullLogger<ModelRegistry>.Instance);
        var good = WriteModel(registry, "tiny-a", "llm", "a.gguf", "model A bytes");
        var other = WriteModel(registry, "tiny-b", "llm", "b.gguf", "model B bytes");
        var tampered = WriteModel(registry, "tiny-c", "llm", "c.gguf", "model C bytes");
        File.WriteAllText(Path.Combine(registry.ModelsDir, "c.gguf"), "model C bytez");
        WriteManifest(registry, good, other, tampered);

        Assert.True((await registry.VerifyAsync(good, default)).Ok);
        var bad = await registry.VerifyAsync(tampered, default);
        Assert.False(bad.Ok);
        Assert.Contains("sha256", bad.Problem);

        await registry.ActivateAsync(good, default);
        Assert.Equal("tiny-a", registry.Active()["llm"]);

        devices.BrokenModels.Add("tiny-b");
        var failure = await Assert.ThrowsAsync<ModelActivationException>(() => registry.ActivateAsync(other, default));
        Assert.Equal("tiny-a", failure.RolledBackTo);
        Assert.Equal("tiny-a", registry.Active()["llm"]);
        Assert.Equal(["tiny-a", "tiny-a"], devices.Activated.ToArray());

        await Assert.ThrowsAsync<ModelActivationException>(() => registry.ActivateAsync(tampered, default));
        Assert.Equal("tiny-a", registry.Active()["llm"]);
    }

    [Fact]
    public async Task Model_files_cannot_point_outside_the_models_directory()
    {
        var registry = new ModelRegistry(_options, new FakeDevices(), NullLogger<ModelRegistry>.Instance);
        var evil = new ModelEntry("evil", "llm", "llama", "../secrets/tokens.json", new string('0', 64), 1, "none");
        var result = await registry.VerifyAsync(evil, default);
        Assert.False(result.Ok);
        Assert.Contains("leaves the models directory", result.Problem);
    }

    [Fact]
    public void Yaml_configuration_round_trips_and_names_bad_lines()
    {
        var config = new ApplianceConfig();
        config.Persona.Name = "小爱";
        config.Privacy.StoreConversationText = true;
        var parsed = ConfigStore.Parse(ConfigStore.ToYaml(config), "test");
        Assert.Equal("小爱", parsed.Persona.Name);
        Assert.True(parsed.Privacy.StoreConversationText);

        var unknown = Assert.Throws<InvalidDataException>(() => ConfigStore.Parse("persona:\n  name: Ava\n  colour: red\n", "appliance.yaml"));
        Assert.Contains("line 3", unknown.Message);
        var invalid = Assert.Throws<InvalidDataException>(() => ConfigStore.Parse("audio:\n  sampleRate: 22050\n", "appliance.yaml"));
        Assert.Contains("audio.sampleRate", invalid.Message);
    }

    [Fact]
    public void Provisioned_settings_apply_over_the_base_but_not_over_api_changes()
    {
        File.WriteAllText(Path.Combine(_options.ConfigDir, ConfigStore.FileName), "persona:\n  name: Base\n");
        _options.ProvisionedDefaults = c => c.Persona.Name = "Stick";
        var store = new ConfigStore(_options, NullLogger<ConfigStore>.Instance);
        Assert.Equal("Stick", store.Current.Persona.Name);

        var next = ConfigStore.Parse(ConfigStore.ToYaml(store.Current), "copy");
        next.Persona.Name = "Operator";
        store.Save(next);
        Assert.Equal("Operator", new ConfigStore(_options, NullLogger<ConfigStore>.Instance).Current.Persona.Name);
    }

    [Fact]
    public void Invalid_provisioned_settings_are_ignored_and_the_service_starts_on_the_base()
    {
        _options.ProvisionedDefaults = c => c.Persona.Language = "fr";
        var store = new ConfigStore(_options, NullLogger<ConfigStore>.Instance);
        Assert.Equal("en", store.Current.Persona.Language);
    }

    [Fact]
    public void Api_changes_go_to_the_state_dir_and_win_over_the_provisioned_base()
    {
        File.WriteAllText(Path.Combine(_options.ConfigDir, ConfigStore.FileName), "persona:\n  name: Base\n");
        var store = new ConfigStore(_options, NullLogger<ConfigStore>.Instance);
        Assert.Equal("Base", store.Current.Persona.Name);

        var next = ConfigStore.Parse(ConfigStore.ToYaml(store.Current), "copy");
        next.Persona.Name = "Override";
        var diff = store.Save(next);
        Assert.Equal(["persona.name: \"Base\" -> \"Override\""], diff);
        Assert.Equal("persona:\n  name: Base\n", File.ReadAllText(Path.Combine(_options.ConfigDir, ConfigStore.FileName)));
        Assert.Equal("Override", new ConfigStore(_options, NullLogger<ConfigStore>.Instance).Current.Persona.Name);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(store.OverridePath)!, "*.tmp"));

        File.WriteAllText(store.OverridePath, "persona: [broken");
        Assert.NotNull(store.Reload());
        Assert.Equal("Override", store.Current.Persona.Name);
    }

    private static ModelEntry WriteModel(ModelRegistry registry, string id, string kind, string file, string content)
    {
        Directory.CreateDirectory(registry.ModelsDir);
        var bytes = Encoding.UTF8.GetBytes(content);
        File.WriteAllBytes(Path.Combine(registry.ModelsDir, file), bytes);
        return new ModelEntry(id, kind, "llama", file, Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes.Length, "MIT");
    }

    internal static void WriteManifest(ModelRegistry registry, params ModelEntry[] models)
        => File.WriteAllText(Path.Combine(registry.ModelsDir, "manifest.json"), JsonSerializer.Serialize(new ModelManifest(models), ConfigJson.Options));
}
