using Appliance.Service.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Appliance.Service.Api.Audio;

/// <summary>Audio devices, live levels and a test tone.</summary>
public static class AudioEndpoints
{
    public sealed record TestToneRequest(double FrequencyHz, int DurationMs);

    public static RouteGroupBuilder MapAudio(this RouteGroupBuilder group, string toneRole)
    {
        group.MapGet("/devices", ListDevices).WithName("ListAudioDevices");
        group.MapGet("/levels", GetLevels).WithName("GetAudioLevels");
        group.MapPost("/test-tone", PlayTestTone).WithName("PlayTestTone").RequireAuthorization(toneRole);
        return group;
    }

    public static Ok<IReadOnlyList<AudioDeviceInfo>> ListDevices(IAudioControl audio) => TypedResults.Ok(audio.Devices());

    public static Ok<AudioLevels> GetLevels(IAudioControl audio) => TypedResults.Ok(audio.Levels());

    public static async Task<Results<Accepted, ValidationProblem, ProblemHttpResult>> PlayTestTone(
        TestToneRequest request, IAudioControl audio, CancellationToken cancellationToken)
    {
        if (request.FrequencyHz is < 50 or > 8000)
        {
            return ApiProblems.Invalid("frequencyHz", "must be 50..8000");
        }
        if (request.DurationMs is < 50 or > 5000)
        {
            return ApiProblems.Invalid("durationMs", "must be 50..5000");
        }
        try
        {
            await audio.PlayTestToneAsync(request.FrequencyHz, request.DurationMs, cancellationToken);
        }
        catch (AudioBusyException e)
        {
            return ApiProblems.Conflict(e.Message);
        }
        catch (InvalidOperationException e)
        {
            return ApiProblems.Unavailable(e.Message);
        }
        return TypedResults.Accepted((string?)null);
    }
}
