using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace IdeaBox.Tests.Infrastructure;

/// <summary>The app configured with a certificate for its Data Protection keys, as README's production section says.</summary>
public sealed class EncryptedKeysFixture : AppFixture
{
    public const string CertificatePassword = "test-only";

    public string CertificatePath { get; } = Path.Combine(Path.GetTempPath(), $"ideabox-keys-{Guid.NewGuid():N}.pfx");

    public EncryptedKeysFixture()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=IdeaBox Data Protection (tests)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(CertificatePath, certificate.Export(X509ContentType.Pfx, CertificatePassword));
    }

    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("DataProtection:CertificatePath", CertificatePath);
        builder.UseSetting("DataProtection:CertificatePassword", CertificatePassword);
    }
}

[CollectionDefinition(Name)]
public sealed class EncryptedKeys : ICollectionFixture<EncryptedKeysFixture>
{
    public const string Name = "EncryptedKeys";
}

[Collection(EncryptedKeys.Name)]
public sealed class EncryptedKeysTests(EncryptedKeysFixture app) : AppTest(app)
{
    [Fact]
    public async Task With_a_certificate_the_keys_are_stored_encrypted_and_still_protect_the_sessions()
    {
        var stored = await WithDb(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync());
        Assert.NotEmpty(stored);
        Assert.All(stored, xml =>
        {
            Assert.Contains("EncryptedXmlDecryptor", xml);
            Assert.DoesNotContain("<masterKey", xml);
        });
        // Read back from the database and decrypted with the certificate.
        Assert.All(App.Services.GetRequiredService<IKeyManager>().GetAllKeys(), key => Assert.NotNull(key.Descriptor));

        var client = await SignInAsync(await Given.AnAgent());
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/Settings")).StatusCode);
    }
}
