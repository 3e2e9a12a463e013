using System.Net;
using System.Text;
using Appliance.Service.Configuration;
using Appliance.Service.Knowledge;
using Appliance.Service.Security;
using Appliance.Service.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Service.Tests;

/// <summary>Malformed JSON, unknown fields, oversized bodies, traversal in document names: 4xx ProblemDetails, nothing persisted.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly ServiceFactory _factory = new();
    private readonly HttpClient _admin;

    public BadInputTests() => _admin = _factory.ClientFor(Roles.Admin);

    public void Dispose() => _factory.Dispose();

    private string OverridePath => _factory.Services.GetRequiredService<ConfigStore>().OverridePath;

    private string KbDir => _factory.Services.GetRequiredService<KnowledgeStore>().Dir;

    [Theory]
    [InlineData("{\"persona\": {\"name\": ")]
    [InlineData("not json at all")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"persona\": {\"name\": 42}}")]
    public async Task Malformed_json_is_a_400_problem_and_nothing_is_written(string body)
    {
        var response = await _admin.PutAsync("/api/config", new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await HttpAssert.Problem(response, HttpStatusCode.BadRequest);
        Assert.Contains("JSON", problem.GetProperty("detail").GetString());
        Assert.False(File.Exists(OverridePath));
        Assert.Empty(_factory.Pipeline.Applied);
    }

    [Fact]
    public async Task Unknown_fields_are_rejected_by_name()
    {
        var response = await _admin.PutAsync("/api/persona", new StringContent("""{"name":"Bo","greeting":"Hi","systemPrompt":"x","language":"en","voice":"v","colour":"red"}""", Encoding.UTF8, "application/json"));
        var problem = await HttpAssert.Problem(response, HttpStatusCode.BadRequest);
        Assert.Contains("colour", problem.GetProperty("detail").GetString());
        Assert.False(File.Exists(OverridePath));
    }

    [Fact]
    public async Task Invalid_values_are_a_validation_problem_and_lan_binding_must_be_explicit()
    {
        var config = new ApplianceConfig();
        config.Api.BindAddress = "0.0.0.0";
        config.Persona.Language = "fr";
        config.Dialog.WakeWord = "hey jarvis; rm -rf /";
        var response = await _admin.PutAsync("/api/config", new StringContent(System.Text.Json.JsonSerializer.Serialize(config, ConfigJson.Options), Encoding.UTF8, "application/json"));
        var problem = await HttpAssert.Problem(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Contains("allowLan", errors.GetProperty("api.bindAddress")[0].GetString());
        Assert.True(errors.TryGetProperty("persona.language", out _));
        Assert.Contains("keyword name", errors.GetProperty("dialog.wakeWord")[0].GetString());
        Assert.False(File.Exists(OverridePath));
    }

    [Fact]
    public async Task Oversized_json_body_is_a_413_problem()
    {
        var huge = "{\"text\":\"" + new string('a', 200_000) + "\"}";
        var response = await _admin.PostAsync("/api/say", new StringContent(huge, Encoding.UTF8, "application/json"));
        await HttpAssert.Problem(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Empty(_factory.Pipeline.Said);
    }

    [Fact]
    public async Task Oversized_document_is_a_413_problem()
    {
        var response = await _admin.PutAsync("/api/kb/big.md", new StringContent(new string('x', 2 * 1024 * 1024), Encoding.UTF8, "text/markdown"));
        await HttpAssert.Problem(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.False(Directory.Exists(KbDir) && Directory.EnumerateFileSystemEntries(KbDir).Any());
    }

    [Theory]
    [InlineData("..%2F..%2Fescape.md")]
    [InlineData("..%2Fescape.md")]
    [InlineData("%2E%2E%2Fescape.md")]
    [InlineData("..")]
    [InlineData(".hidden.md")]
    [InlineData("run.sh")]
    [InlineData("a%5Cb.md")]
    [InlineData("..%5C..%5Cescape.md")]
    public async Task Traversal_in_document_names_is_refused_and_nothing_is_written(string name)
    {
        var root = _factory.Options.StateDir;
        var response = await _admin.PutAsync($"/api/kb/{name}", new StringContent("secret", Encoding.UTF8, "text/plain"));
        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(Directory.EnumerateFiles(Path.GetDirectoryName(root)!, "escape.md", SearchOption.AllDirectories));
        Assert.False(Directory.Exists(KbDir) && Directory.EnumerateFileSystemEntries(KbDir).Any());

        var delete = await _admin.DeleteAsync($"/api/kb/{name}");
        Assert.InRange((int)delete.StatusCode, 400, 499);
    }

    [Fact]
    public async Task Documents_must_be_text_and_utf8()
    {
        var binary = new ByteArrayContent([0xff, 0xfe, 0x00, 0xc3]);
        binary.Headers.ContentType = new("text/plain");
        await HttpAssert.Problem(await _admin.PutAsync("/api/kb/bad.txt", binary), HttpStatusCode.BadRequest);
        var octets = new ByteArrayContent(Encoding.UTF8.GetBytes("hello"));
        octets.Headers.ContentType = new("application/octet-stream");
        await HttpAssert.Problem(await _admin.PutAsync("/api/kb/ok.txt", octets), HttpStatusCode.UnsupportedMediaType);
        Assert.False(Directory.Exists(KbDir) && Directory.EnumerateFileSystemEntries(KbDir).Any());
    }

    [Fact]
    public async Task Missing_body_and_bad_query_values_are_problems()
    {
        await HttpAssert.Problem(await _admin.PostAsync("/api/say", new StringContent("", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        await HttpAssert.Problem(await _admin.PostAsync("/api/say", new StringContent("{\"text\":\"  \"}", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        await HttpAssert.Problem(await _admin.GetAsync("/api/turns?page=0"), HttpStatusCode.BadRequest);
        await HttpAssert.Problem(await _admin.GetAsync("/api/turns?pageSize=abc"), HttpStatusCode.BadRequest);
        await HttpAssert.Problem(await _admin.PostAsync("/api/leds/test", new StringContent("{\"pattern\":\"strobe\",\"durationMs\":500}", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        Assert.Empty(_factory.Pipeline.Said);
        Assert.Empty(_factory.Devices.LedPatterns);
    }

    [Fact]
    public async Task Auth_failures_and_unknown_routes_are_problems_too()
    {
        await HttpAssert.Problem(await _factory.CreateClient().GetAsync("/api/status"), HttpStatusCode.Unauthorized);
        await HttpAssert.Problem(await _factory.ClientFor(Roles.Viewer).PostAsync("/api/pipeline/restart", null), HttpStatusCode.Forbidden);
        await HttpAssert.Problem(await _admin.GetAsync("/api/nothing-here"), HttpStatusCode.NotFound);
    }
}
