using System.Net;
using KopUkm.Dashboard.Common;

namespace KopUkm.Dashboard.Tests.Common;

/// <summary>How the abuse limits name a client: IPv4 as itself, IPv6 by its /64 network.</summary>
public sealed class ClientAddressTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:aa:bb:1:2:3:4", "2001:db8:aa:bb::/64")]
    [InlineData("2001:db8:aa:bb:ffff:ffff:ffff:ffff", "2001:db8:aa:bb::/64")]
    [InlineData("2001:db8:aa:bc::1", "2001:db8:aa:bc::/64")]
    [InlineData("::1", "::1")]
    public void An_ipv4_address_counts_as_itself_and_an_ipv6_address_by_its_64_network(string address, string counted) =>
        Assert.Equal(counted, ClientAddress.Of(IPAddress.Parse(address)));

    [Fact]
    public void A_request_without_an_address_counts_as_unknown() => Assert.Equal("unknown", ClientAddress.Of((IPAddress?)null));
}
