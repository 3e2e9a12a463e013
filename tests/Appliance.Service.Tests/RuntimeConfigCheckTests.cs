using System.Net;
using System.Net.Http.Json;
using Appliance.Service.Configuration;
using Appliance.Service.Security;
using Appliance.Service.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Service.Tests;

/// <summary>
/// IRuntimeConfigCheck: what only the running engines can judge (here: the TTS voice) refuses a PUT with a
/// 400 ValidationProblem before anything is saved or applied.
/// </summary>
public sealed class RuntimeConfigCheckTests : IDisposable
{
    private readonly ServiceFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_persona_with_a_voice_the_engine_lacks_is_refused_and_nothing_changes()
    {
        var op = _factory.ClientFor(Roles.Operator);
        var persona = await op.GetFromJsonAsync<PersonaConfig>("/api/persona", ConfigJson.Options);
        persona!.Name = "Quill";
        persona.Voice = FakePipeline.MissingVoice;

        var problem = await HttpAssert.Problem(await op.PutAsJsonAsync("/api/persona", persona, ConfigJson.Options), HttpStatusCode.BadRequest);

        Assert.Contains(FakePipeline.MissingVoice, problem.GetProperty("errors").GetProperty("voice")[0].GetString());
        Assert.Equal("Ava", (await op.GetFromJsonAsync<PersonaConfig>("/api/persona", ConfigJson.Options))!.Name);
        Assert.False(File.Exists(_factory.Services.GetRequiredService<ConfigStore>().OverridePath));
        Assert.Empty(_factory.Pipeline.Applied);

        persona.Voice = "en-gb";
        Assert.Equal(HttpStatusCode.OK, (await op.PutAsJsonAsync("/api/persona", persona, ConfigJson.Options)).StatusCode);
        Assert.Equal("en-gb", Assert.Single(_factory.Pipeline.Applied).Persona.Voice);
    }

    [Fact]
    public async Task A_config_with_a_voice_the_engine_lacks_is_refused_under_its_json_path()
    {
        var admin = _factory.ClientFor(Roles.Admin);
        var config = await admin.GetFromJsonAsync<ApplianceConfig>("/api/config", ConfigJson.Options);
        config!.Persona.Voice = FakePipeline.MissingVoice;
        config.Dialog.WakeWordRequired = true;

        var problem = await HttpAssert.Problem(await admin.PutAsJsonAsync("/api/config", config, ConfigJson.Options), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("persona.voice", out _), problem.ToString());
        Assert.False((await admin.GetFromJsonAsync<ApplianceConfig>("/api/config", ConfigJson.Options))!.Dialog.WakeWordRequired);
        Assert.Empty(_factory.Pipeline.Applied);
    }
}
