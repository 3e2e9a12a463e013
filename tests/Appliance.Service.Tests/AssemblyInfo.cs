// The appliance, its sockets, systemd and file modes are Linux-only; so are these tests.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
