using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace IdeaBox.Web.Infrastructure;

/// <summary>
/// The keys that protect cookies and links live in the database, shared by every node. With
/// <c>DataProtection:CertificatePath</c> (a PFX file, with <c>DataProtection:CertificatePassword</c>)
/// each key is encrypted with that certificate before it is stored, so a copy of the database
/// (a backup) does not hold usable keys. <c>DataProtection:PreviousCertificatePaths</c> lists the
/// certificates replaced since, which still decrypt the older keys.
/// </summary>
public static class DataProtectionSetup
{
    public const string Section = "DataProtection";

    public static IServiceCollection AddIdeaBoxDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var builder = services.AddDataProtection().SetApplicationName("IdeaBox").PersistKeysToDbContext<IdeaBoxDb>();
        var section = configuration.GetSection(Section);
        if (section["CertificatePath"] is { Length: > 0 } path)
        {
            var password = section["CertificatePassword"];
            var current = Load(path, password);
            builder.ProtectKeysWithCertificate(current);
            // Decryption looks the certificate up in a store, which Linux servers do not have: named here.
            var previous = section.GetSection("PreviousCertificatePaths").Get<string[]>() ?? [];
            builder.UnprotectKeysWithAnyCertificate([current, .. previous.Select(p => Load(p, password))]);
        }
        return services;
    }

    private static X509Certificate2 Load(string path, string? password)
    {
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        if (!certificate.HasPrivateKey) throw new InvalidOperationException($"The certificate {path} has no private key: Data Protection cannot decrypt its keys with it.");
        return certificate;
    }
}
