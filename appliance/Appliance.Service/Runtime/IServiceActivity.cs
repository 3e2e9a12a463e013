namespace Appliance.Service.Runtime;

/// <summary>
/// Something besides the pipeline a technician should see in `systemctl status` (the devices register
/// one): a prefix such as "updating · copying models 42 %" while a provisioning stick is applied, and a
/// suffix naming a device problem ("leds unavailable (...)"). Both null when there is nothing to say.
/// </summary>
public interface IServiceActivity
{
    string? Prefix { get; }

    string? Suffix { get; }
}
