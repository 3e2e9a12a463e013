using Appliance.Provisioning.Apply;

namespace Appliance.Provisioning.Tests;

public sealed class DeviceIdentityTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("device-id-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void First_machine_id_seen_is_kept_across_transient_machine_ids()
    {
        var machineId = Path.Combine(dir, "machine-id");
        var idFile = Path.Combine(dir, "state", "device-id");
        File.WriteAllText(machineId, "0123456789abcdef0123456789abcdef\n");
        Assert.Equal("0123456789abcdef0123456789abcdef", DeviceIdentity.Resolve(idFile, machineId));

        // Next boot of a read-only root: systemd made up another transient machine ID.
        File.WriteAllText(machineId, "fedcba9876543210fedcba9876543210\n");
        Assert.Equal("0123456789abcdef0123456789abcdef", DeviceIdentity.Resolve(idFile, machineId));
        Assert.Equal("0123456789abcdef0123456789abcdef\n", File.ReadAllText(idFile));
    }

    [Theory]
    [InlineData("uninitialized\n")]
    [InlineData("not an id")]
    [InlineData(null)]
    public void Without_a_usable_machine_id_a_random_one_is_made_and_kept(string? content)
    {
        var machineId = Path.Combine(dir, "machine-id");
        if (content is not null)
        {
            File.WriteAllText(machineId, content);
        }
        var idFile = Path.Combine(dir, "device-id");
        var id = DeviceIdentity.Resolve(idFile, machineId);
        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.Equal(id, DeviceIdentity.Resolve(idFile, machineId));
    }

    [Fact]
    public void A_corrupt_kept_id_is_replaced()
    {
        var machineId = Path.Combine(dir, "machine-id");
        File.WriteAllText(machineId, "0123456789abcdef0123456789abcdef");
        var idFile = Path.Combine(dir, "device-id");
        File.WriteAllText(idFile, "\0\0garbage");
        Assert.Equal("0123456789abcdef0123456789abcdef", DeviceIdentity.Resolve(idFile, machineId));
    }
}
