using Appliance.Service.Configuration;

namespace Appliance.Service.Runtime;

/// <summary>
/// What only the running engines can judge about a configuration (e.g. whether the TTS engine has the
/// persona's voice). PUT /api/config and PUT /api/persona ask every registered check after the static
/// validation, before anything is saved: a refusal is a 400 ValidationProblem and nothing changes.
/// </summary>
public interface IRuntimeConfigCheck
{
    /// <param name="add">Error key (the JSON path, e.g. "persona.voice") and message.</param>
    void Check(ApplianceConfig config, Action<string, string> add);
}
