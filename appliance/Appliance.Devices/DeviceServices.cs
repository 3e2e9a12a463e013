using Appliance.Devices.Audio;
using Appliance.Devices.Gpio;
using Appliance.Devices.Leds;
using Appliance.Devices.Updates;
using Appliance.Drivers.Gpio.Kernel;
using Appliance.Drivers.Leds.Spi;
using Appliance.Service.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Appliance.Devices;

/// <summary>
/// `services.AddDevices(...)`: the LED ring (also the admin API's ILedControl), the GPIO lines, the
/// provisioning progress monitor and the microphone gate / speaker monitor the pipeline routes its audio
/// through. The composition root registers an <see cref="IConversationControl"/>. Buses and chips
/// registered before this call (tests: fake SPI bus, fake chip) win.
/// </summary>
public static class DeviceServices
{
    public static IServiceCollection AddDevices(this IServiceCollection services, DeviceSettings settings, string provisioningStatusPath)
    {
        services.AddSingleton(settings);
        services.TryAddSingleton<SpiOpener>((path, hz) => new SpidevDevice(path, hz));
        services.TryAddSingleton<GpioChipOpener>(path => new LinuxGpioChip(path));
        services.AddSingleton<MicrophoneGate>();
        services.AddSingleton<SpeakerMonitor>();
        services.AddSingleton(sp => new UpdateMonitor(provisioningStatusPath, sp.GetRequiredService<ILogger<UpdateMonitor>>()));
        services.AddHostedService(sp => sp.GetRequiredService<UpdateMonitor>());
        services.AddSingleton<LedRing>();
        services.AddSingleton<ILedControl>(sp => sp.GetRequiredService<LedRing>());
        services.AddHostedService(sp => sp.GetRequiredService<LedRing>());
        services.AddSingleton<GpioControls>();
        services.AddHostedService(sp => sp.GetRequiredService<GpioControls>());
        services.AddSingleton<IServiceActivity, DeviceActivity>();
        return services;
    }
}
