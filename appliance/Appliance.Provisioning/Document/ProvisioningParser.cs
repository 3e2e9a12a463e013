using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Appliance.Provisioning.Document;

/// <summary>Reads provisioning.yaml strictly: wrong types and unknown keys are errors with line and column.</summary>
public static class ProvisioningParser
{
    public const int SupportedSchemaVersion = 1;
    public const int MaxDocumentBytes = 1 << 20;

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithDuplicateKeyChecking()
        .Build();

    public static ProvisioningDocument Parse(string yaml, string name = "provisioning.yaml")
    {
        if (yaml.Length > MaxDocumentBytes)
        {
            throw new ProvisioningException($"{name}: larger than {MaxDocumentBytes} bytes; that is not a provisioning file");
        }
        ProvisioningDocument? document;
        try
        {
            document = Deserializer.Deserialize<ProvisioningDocument>(yaml);
        }
        catch (YamlException e)
        {
            throw new ProvisioningException($"{name}:{e.Start.Line}:{e.Start.Column}: {Describe(e)}");
        }
        if (document is null)
        {
            throw new ProvisioningException($"{name}: the file is empty");
        }
        if (document.SchemaVersion != SupportedSchemaVersion)
        {
            throw new ProvisioningException(
                $"{name}: schema_version {document.SchemaVersion} is not supported by this appliance (it reads {SupportedSchemaVersion})");
        }
        return document;
    }

    private static string Describe(YamlException e)
    {
        // YamlDotNet wraps the useful message (e.g. "Property 'x' not found on type ...") in inner exceptions.
        var inner = e;
        while (inner.InnerException is YamlException deeper)
        {
            inner = deeper;
        }
        var message = (inner.InnerException?.Message ?? inner.Message).Trim();
        if (message.Contains("not found on type", StringComparison.Ordinal))
        {
            var key = message.Split('\'').ElementAtOrDefault(1);
            return $"unknown key '{key}' (check spelling and indentation against the documented example)";
        }
        return message.Length > 0 ? message : e.Message;
    }
}
