using System.Net;
using System.Net.Sockets;

namespace KopUkm.Dashboard.Common;

/// <summary>The client as the abuse limits count it (login, public posts, wrong PINs, Open311 without a key).</summary>
public static class ClientAddress
{
    /// <summary>
    /// The connection's address, which is the client's once the forwarded headers of a trusted proxy have been applied
    /// (<c>Proxy:KnownProxies</c> / <c>Proxy:KnownNetworks</c>, Host/WebSecurity); behind an untrusted balancer it is
    /// the balancer's, and every client shares one allowance. An IPv4 address counts as itself (also in its
    /// IPv4-mapped IPv6 form); an IPv6 address counts by its /64 network, the block one subscriber is given, so an
    /// attacker cannot get a fresh allowance from each of the 2^64 addresses of one line.
    /// </summary>
    public static string Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Of(context.Connection.RemoteIpAddress);
    }

    public static string Of(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6 || IPAddress.IsLoopback(address))
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
