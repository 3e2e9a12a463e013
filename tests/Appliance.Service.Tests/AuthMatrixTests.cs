using System.Net;
using System.Text;
using Appliance.Service.Security;
using Appliance.Service.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Service.Tests;

/// <summary>
/// Every endpoint × {no token, invalid token, viewer, operator, admin} → the right status: 401 without
/// or with a bad token, 403 below the endpoint's role, anything but 401/403 at or above it. A second
/// test makes sure this table lists every endpoint the service maps.
/// </summary>
public sealed class AuthMatrixTests(AuthMatrixTests.Fixture fixture) : IClassFixture<AuthMatrixTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public ServiceFactory Factory { get; } = new();

        public Dictionary<string, string> Tokens { get; } = new();

        public Fixture()
        {
            foreach (var role in Roles.All)
            {
                Tokens[role] = Factory.TokenFor(role);
            }
        }

        public void Dispose() => Factory.Dispose();
    }

    private const string ConfigJson = """{"persona":{"name":"Ava","greeting":"Hi","systemPrompt":"Be brief.","language":"en","voice":"default"},"privacy":{"storeConversationText":false,"retentionHours":24},"api":{"bindAddress":"127.0.0.1","allowLan":false,"adminPort":8443,"kioskPort":8080,"rateLimitPerMinute":600},"audio":{"inputDevice":"default","outputDevice":"default","sampleRate":16000,"channels":1,"volume":80},"dialog":{"responder":"llm","maxReplyTokens":96,"wakeWordRequired":false}}""";

    /// <summary>(method, route pattern as mapped, concrete path, JSON or text body, minimum role or null = anonymous).</summary>
    public static readonly (string Method, string Pattern, string Path, string? Body, string? Role)[] Endpoints =
    [
        ("GET", "/api/health/live", "/api/health/live", null, null),
        ("GET", "/api/health/ready", "/api/health/ready", null, null),
        ("GET", "/api/status/", "/api/status", null, Roles.Viewer),
        ("GET", "/api/capabilities/", "/api/capabilities", null, Roles.Viewer),
        ("GET", "/api/config/", "/api/config", null, Roles.Viewer),
        ("PUT", "/api/config/", "/api/config", ConfigJson, Roles.Admin),
        ("GET", "/api/persona/", "/api/persona", null, Roles.Viewer),
        ("PUT", "/api/persona/", "/api/persona", """{"name":"Ava","greeting":"Hi","systemPrompt":"Be brief.","language":"en","voice":"default"}""", Roles.Operator),
        ("GET", "/api/kb/", "/api/kb", null, Roles.Viewer),
        ("PUT", "/api/kb/{name}", "/api/kb/faq.md", "text:# FAQ\nOpening hours: 9-17.", Roles.Operator),
        ("DELETE", "/api/kb/{name}", "/api/kb/missing.md", null, Roles.Operator),
        ("POST", "/api/kb/reindex", "/api/kb/reindex", null, Roles.Operator),
        ("GET", "/api/models/", "/api/models", null, Roles.Viewer),
        ("POST", "/api/models/{id}/verify", "/api/models/none/verify", null, Roles.Operator),
        ("POST", "/api/models/{id}/activate", "/api/models/none/activate", null, Roles.Admin),
        ("GET", "/api/audio/devices", "/api/audio/devices", null, Roles.Viewer),
        ("GET", "/api/audio/levels", "/api/audio/levels", null, Roles.Viewer),
        ("POST", "/api/audio/test-tone", "/api/audio/test-tone", """{"frequencyHz":440,"durationMs":200}""", Roles.Operator),
        ("GET", "/api/leds/patterns", "/api/leds/patterns", null, Roles.Viewer),
        ("POST", "/api/leds/test", "/api/leds/test", """{"pattern":"rainbow","durationMs":500}""", Roles.Operator),
        ("POST", "/api/say/", "/api/say", """{"text":"Hello visitors"}""", Roles.Operator),
        ("GET", "/api/turns/", "/api/turns", null, Roles.Viewer),
        ("GET", "/api/logs/", "/api/logs", null, Roles.Operator),
        ("POST", "/api/pipeline/restart", "/api/pipeline/restart", null, Roles.Operator),
        ("GET", "/api/tokens/", "/api/tokens", null, Roles.Admin),
        ("POST", "/api/tokens/", "/api/tokens", """{"role":"viewer","label":"matrix"}""", Roles.Admin),
        ("DELETE", "/api/tokens/{id}", "/api/tokens/000000000000", null, Roles.Admin),
        ("GET", "/api/audit/", "/api/audit", null, Roles.Admin),
        ("GET", "/metrics/", "/metrics", null, Roles.Viewer),
        ("GET", "/openapi/{documentName}.json", "/openapi/v1.json", null, null),
        ("GET", "/", "/", null, null),
        ("GET", "/dashboard/", "/dashboard/", null, null),
        ("GET", "/dashboard/{file}", "/dashboard/app.js", null, null),
    ];

    public static IEnumerable<object[]> Rows() => Endpoints.Select((_, i) => new object[] { i });

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Endpoint_answers_each_role_and_bad_token_correctly(int row)
    {
        var (method, _, path, body, role) = Endpoints[row];
        var client = fixture.Factory.CreateClient(new() { AllowAutoRedirect = false });
        var rank = role is null ? -1 : Roles.All.ToList().IndexOf(role);

        var none = await Send(client, method, path, body, null);
        var invalid = await Send(client, method, path, body, "apl_0123456789ab_00000000000000000000000000000000");
        var garbage = await Send(client, method, path, body, "not-a-token");
        if (role is null)
        {
            Assert.True(none < 400, $"{method} {path} anonymous → {none}");
        }
        else
        {
            Assert.Equal(401, none);
            Assert.Equal(401, invalid);
            Assert.Equal(401, garbage);
        }
        for (var i = 0; i < Roles.All.Count; i++)
        {
            var status = await Send(client, method, path, body, fixture.Tokens[Roles.All[i]]);
            if (i >= rank)
            {
                Assert.True(status is not (401 or 403) and < 500, $"{method} {path} as {Roles.All[i]} → {status}");
            }
            else
            {
                Assert.True(status == 403, $"{method} {path} as {Roles.All[i]} → {status}, expected 403");
            }
        }
    }

    [Fact]
    public void The_matrix_lists_every_mapped_endpoint()
    {
        var sources = fixture.Factory.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        var mapped = sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => $"{m} {Normalise(e.RoutePattern.RawText)}"))
            .ToHashSet();
        var listed = Endpoints.Select(e => $"{e.Method} {Normalise(e.Pattern)}").ToHashSet();
        Assert.Empty(mapped.Except(listed));
        Assert.Empty(listed.Except(mapped));
    }

    private static string Normalise(string? pattern) => "/" + (pattern ?? "").Trim('/');

    private static async Task<int> Send(HttpClient client, string method, string path, string? body, string? token)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }
        if (body is not null)
        {
            request.Content = body.StartsWith("text:", StringComparison.Ordinal)
                ? new StringContent(body[5..], Encoding.UTF8, "text/markdown")
                : new StringContent(body, Encoding.UTF8, "application/json");
        }
        using var response = await client.SendAsync(request);
        return (int)response.StatusCode;
    }
}
