using System.Net;
using System.Net.Sockets;

namespace KopUkm.Dashboard.Features.Content.Fetch;

/// <summary>
/// Which IP addresses are public, i.e. may be connected to when the product fetches from the web. Everything that
/// reaches this machine, the office network or the hosting provider's internals is not: loopback, private networks,
/// link-local (with the cloud metadata address 169.254.169.254), carrier-grade NAT, unspecified, multicast and the
/// reserved and documentation ranges, in IPv4 and IPv6, including IPv6 forms that carry an IPv4 address.
/// </summary>
public static class AddressRules
{
    private static readonly IPNetwork[] NotPublicRanges =
    [
        IPNetwork.Parse("0.0.0.0/8"), // "this network", with the unspecified 0.0.0.0
        IPNetwork.Parse("10.0.0.0/8"), // private
        IPNetwork.Parse("100.64.0.0/10"), // carrier-grade NAT
        IPNetwork.Parse("127.0.0.0/8"), // loopback
        IPNetwork.Parse("169.254.0.0/16"), // link-local, with the cloud metadata address 169.254.169.254
        IPNetwork.Parse("172.16.0.0/12"), // private
        IPNetwork.Parse("192.0.0.0/24"), // IETF protocol assignments
        IPNetwork.Parse("192.0.2.0/24"), // documentation
        IPNetwork.Parse("192.88.99.0/24"), // former 6to4 relays
        IPNetwork.Parse("192.168.0.0/16"), // private
        IPNetwork.Parse("198.18.0.0/15"), // benchmarking
        IPNetwork.Parse("198.51.100.0/24"), // documentation
        IPNetwork.Parse("203.0.113.0/24"), // documentation
        IPNetwork.Parse("224.0.0.0/4"), // multicast
        IPNetwork.Parse("240.0.0.0/4"), // reserved, with the broadcast address 255.255.255.255
        IPNetwork.Parse("::/96"), // unspecified, loopback and the deprecated IPv4-compatible form
        IPNetwork.Parse("::ffff:0:0:0/96"), // IPv4-translated (SIIT)
        IPNetwork.Parse("64:ff9b:1::/48"), // local-use IPv4/IPv6 translation
        IPNetwork.Parse("100::/64"), // discard
        IPNetwork.Parse("2001::/32"), // Teredo: the IPv4 address behind it is hidden
        IPNetwork.Parse("2001:db8::/32"), // documentation
        IPNetwork.Parse("fc00::/7"), // unique local (private)
        IPNetwork.Parse("fe80::/10"), // link-local
        IPNetwork.Parse("fec0::/10"), // site-local (deprecated)
        IPNetwork.Parse("ff00::/8"), // multicast
    ];

    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");

    /// <summary>Whether <paramref name="address"/> is a public unicast address.</summary>
    public static bool IsPublic(IPAddress address) => NotPublicRange(address) is null;

    /// <summary>The non-public range <paramref name="address"/> lies in (for the server log), or null when it is public.</summary>
    public static IPNetwork? NotPublicRange(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var plain = Plain(address);
        foreach (var range in NotPublicRanges)
        {
            if (range.Contains(plain))
            {
                return range;
            }
        }

        // IPv6 forms that reach an IPv4 address through a gateway are as public as that address.
        return Embedded(plain) is { } inner ? NotPublicRange(inner) : null;
    }

    /// <summary>Whether <paramref name="address"/> is a loopback address (127.0.0.0/8, ::1, or 127.x written as IPv6).</summary>
    public static bool IsLoopback(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return IPAddress.IsLoopback(Plain(address));
    }

    /// <summary>The address as the network sees it: IPv4-mapped IPv6 (::ffff:a.b.c.d) is the IPv4 address; no scope.</summary>
    private static IPAddress Plain(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        return address.AddressFamily == AddressFamily.InterNetworkV6 && address.ScopeId != 0
            ? new IPAddress(address.GetAddressBytes())
            : address;
    }

    /// <summary>The IPv4 address inside a NAT64 (64:ff9b::/96) or 6to4 (2002::/16) address.</summary>
    private static IPAddress? Embedded(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return null;
        }

        var bytes = address.GetAddressBytes();
        if (Nat64.Contains(address))
        {
            return new IPAddress(bytes.AsSpan(12, 4));
        }

        return SixToFour.Contains(address) ? new IPAddress(bytes.AsSpan(2, 4)) : null;
    }
}
