using System.Security.Cryptography;
using System.Text.Json;
using Appliance.Core.IO;
using Appliance.Service.Configuration;
using Appliance.Service.Runtime;
using Microsoft.Extensions.Logging;

namespace Appliance.Service.Models;

/// <summary>
/// The models on disk: manifest (provisioned), sha256 verification, and which model is active per
/// kind (models/active.json). Activation verifies the hash, persists the new choice atomically, asks
/// the runtime to load it, and on failure restores and re-activates the previous one.
/// </summary>
public sealed class ModelRegistry(ServiceOptions options, IModelActivator activator, ILogger<ModelRegistry> logger)
{
    private readonly SemaphoreSlim _activation = new(1, 1);

    public string ModelsDir { get; } = Path.Combine(options.StateDir, "models");

    private string ManifestPath => Path.Combine(ModelsDir, "manifest.json");

    private string ActivePath => Path.Combine(ModelsDir, "active.json");

    public IReadOnlyList<ModelEntry> List()
    {
        if (!File.Exists(ManifestPath))
        {
            return [];
        }
        try
        {
            return JsonSerializer.Deserialize<ModelManifest>(File.ReadAllText(ManifestPath), ConfigJson.Options)?.Models ?? [];
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{ManifestPath}: {e.Message}", e);
        }
    }

    public IReadOnlyDictionary<string, string> Active()
    {
        if (!File.Exists(ActivePath))
        {
            return new Dictionary<string, string>();
        }
        return JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(ActivePath)) ?? [];
    }

    public ModelEntry? Find(string id) => List().FirstOrDefault(m => m.Id == id);

    public string PathOf(ModelEntry model)
    {
        var full = Path.GetFullPath(Path.Combine(ModelsDir, model.File));
        if (!full.StartsWith(Path.GetFullPath(ModelsDir) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"Model {model.Id}: file '{model.File}' leaves the models directory.");
        }
        return full;
    }

    public async Task<ModelVerification> VerifyAsync(ModelEntry model, CancellationToken cancellationToken)
    {
        string path;
        try
        {
            path = PathOf(model);
        }
        catch (InvalidDataException e)
        {
            return new ModelVerification(model.Id, false, model.Sha256, null, null, e.Message);
        }
        if (!File.Exists(path))
        {
            return new ModelVerification(model.Id, false, model.Sha256, null, null, $"file {model.File} is missing");
        }
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, useAsync: true);
        var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
        var ok = string.Equals(hash, model.Sha256, StringComparison.OrdinalIgnoreCase) && stream.Length == model.SizeBytes;
        var problem = ok ? null
            : stream.Length != model.SizeBytes ? $"size {stream.Length} differs from the manifest's {model.SizeBytes}"
            : "sha256 differs from the manifest";
        return new ModelVerification(model.Id, ok, model.Sha256, hash, stream.Length, problem);
    }

    /// <summary>Verifies and activates; throws ModelActivationException (after rolling back) when anything fails.</summary>
    public async Task ActivateAsync(ModelEntry model, CancellationToken cancellationToken)
    {
        await _activation.WaitAsync(cancellationToken);
        try
        {
            var verification = await VerifyAsync(model, cancellationToken);
            var before = Active();
            var previousId = before.GetValueOrDefault(model.Kind);
            if (!verification.Ok)
            {
                throw new ModelActivationException($"Model {model.Id} failed verification: {verification.Problem}", previousId);
            }
            var after = new Dictionary<string, string>(before) { [model.Kind] = model.Id };
            WriteActive(after);
            try
            {
                await activator.ActivateAsync(model, PathOf(model), cancellationToken);
                logger.LogInformation("Model {Id} active for {Kind} (was {Previous})", model.Id, model.Kind, previousId ?? "none");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Activating {Id} failed; rolling back to {Previous}", model.Id, previousId ?? "none");
                WriteActive(new Dictionary<string, string>(before));
                if (previousId is not null && Find(previousId) is { } previous)
                {
                    await activator.ActivateAsync(previous, PathOf(previous), CancellationToken.None);
                }
                throw new ModelActivationException($"Model {model.Id} could not be activated: {e.Message}", previousId, e);
            }
        }
        finally
        {
            _activation.Release();
        }
    }

    private void WriteActive(Dictionary<string, string> active)
        => AtomicFile.WriteAllText(ActivePath, JsonSerializer.Serialize(active));
}
