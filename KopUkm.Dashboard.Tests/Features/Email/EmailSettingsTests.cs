using KopUkm.Dashboard.Common;
using KopUkm.Dashboard.Features.Email;
using KopUkm.Dashboard.Host;
using KopUkm.Dashboard.Tests.TestInfrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace KopUkm.Dashboard.Tests.Features.Email;

public sealed class EmailSettingsTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void The_shipped_defaults_are_valid_and_leave_delivery_off()
    {
        var email = new EmailOptions();

        Assert.Empty(email.Check());
        Assert.Empty(new AppOptions().Check());
        Assert.False(email.DeliveryEnabled);
        Assert.Equal((587, SmtpSecurity.StartTls), (email.Smtp.Port, email.Smtp.Security));
    }

    [Fact]
    public void A_complete_relay_is_valid()
    {
        var email = new EmailOptions
        {
            From = "layanan@dinaskopukm.jambiprov.go.id",
            Smtp = new SmtpOptions { Host = "smtp.jambiprov.go.id", Port = 465, UseTls = "sslonconnect", User = "layanan", Password = "x" },
        };

        Assert.Empty(email.Check());
        Assert.Equal(SmtpSecurity.SslOnConnect, email.Smtp.Security);
    }

    public static TheoryData<EmailOptions, string, string> BadValues() => new()
    {
        { new EmailOptions { Smtp = new SmtpOptions { Host = "smtp.jambiprov.go.id" } }, "From", "RequiredForEmail" },
        { new EmailOptions { From = "layanan di dinas" }, "From", "NotEmailAddress" },
        { new EmailOptions { From = "x@y.id", Smtp = new SmtpOptions { Host = "smtp://smtp.jambiprov.go.id" } }, "Smtp:Host", "NotHostName" },
        { new EmailOptions { Smtp = new SmtpOptions { Port = 0 } }, "Smtp:Port", "OutOfRange" },
        { new EmailOptions { Smtp = new SmtpOptions { UseTls = "true" } }, "Smtp:UseTls", "OneOf" },
        { new EmailOptions { Smtp = new SmtpOptions { User = "layanan" } }, "Smtp:Password", "SmtpUserAndPassword" },
        { new EmailOptions { Smtp = new SmtpOptions { Timeout = TimeSpan.Zero } }, "Smtp:Timeout", "NotPositive" },
        { new EmailOptions { MaxAttempts = 0 }, "MaxAttempts", "OutOfRange" },
        { new EmailOptions { BatchSize = 1000 }, "BatchSize", "OutOfRange" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void A_bad_value_is_reported_under_its_own_key(EmailOptions settings, string key, string reason)
    {
        var problem = Assert.Single(settings.Check());

        Assert.Equal((key, reason), (problem.Key, problem.ReasonKey));
    }

    [Theory]
    [InlineData("layanan.dinaskopukm.jambiprov.go.id")]
    [InlineData("https://layanan.example.go.id/?a=1")]
    public void A_public_base_url_must_be_a_whole_http_address(string url) =>
        Assert.Equal("NotHttpAddress", Assert.Single(new AppOptions { PublicBaseUrl = url }.Check()).ReasonKey);

    [Fact]
    public void Links_are_built_on_the_public_base_url() =>
        Assert.Equal("https://layanan.example.go.id/layanan/12", new AppOptions { PublicBaseUrl = "https://layanan.example.go.id/" }.Link("/layanan/12"));

    [Theory]
    [InlineData("Email:Smtp:UseTls", "Ya", "Pengaturan Email:Smtp:UseTls tidak valid: \"Ya\" bukan salah satu dari: StartTls, SslOnConnect, None.")]
    [InlineData("Email:From", "layanan", "Pengaturan Email:From tidak valid: \"layanan\" bukan alamat e-mail")]
    [InlineData("Email:Smtp:User", "layanan", "Pengaturan Email:Smtp:Password tidak valid: Email:Smtp:User dan Email:Smtp:Password diisi berdua atau dikosongkan berdua.")]
    [InlineData("Email:Smtp:Host", "smtp.jambiprov.go.id", "Pengaturan Email:From tidak valid: wajib diisi bila pengiriman e-mail aktif")]
    public async Task A_bad_email_setting_stops_the_start_with_an_indonesian_sentence_naming_the_key(string key, string value, string sentence)
    {
        var error = await StartAsync(new() { [key] = value });

        Assert.Contains(sentence, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delivery_without_a_public_base_url_stops_the_start_because_links_in_e_mail_need_it()
    {
        var error = await StartAsync(new() { ["Email:Smtp:Host"] = "smtp.jambiprov.go.id", ["Email:From"] = "layanan@dinaskopukm.jambiprov.go.id", ["App:PublicBaseUrl"] = "" });

        Assert.Contains("Pengaturan App:PublicBaseUrl tidak valid: wajib diisi bila pengiriman e-mail aktif (Email:Smtp:Host diatur).", error, StringComparison.Ordinal);
    }

    private async Task<string> StartAsync(Dictionary<string, string?> settings)
    {
        await using var app = AppHost.Build([], builder =>
        {
            builder.Configuration["Data:Folder"] = folder.Path;
            builder.Configuration["Jobs:Storage"] = "InMemory";
            builder.Configuration.AddInMemoryCollection(settings);
        });
        var error = new StringWriter();

        var exit = await AppInstance.RunAsync(app, error);

        Assert.Equal(AppInstance.BadSettings, exit);
        return error.ToString();
    }
}
