using ZiggyCreatures.Caching.Fusion;

namespace IdeaBox.Web.Features.Admin;

/// <summary>An administrator names the organisation, picks its primary colour (refused when white text on it fails AA) and its footer links.</summary>
[Requires(Permissions.Administer)]
public sealed record SaveBranding(string? OrganisationName, string? PrimaryColour, string? FooterLinks) : ICommand, IValidate
{
    public IEnumerable<FieldError> Validate() => Branding.Validate(OrganisationName, PrimaryColour, TextInput.Lines(FooterLinks));
}

/// <summary>An administrator uploads the organisation's logo: PNG or SVG, size-checked; an SVG is stripped of anything but drawing.</summary>
[Requires(Permissions.Administer)]
public sealed record UploadLogo(byte[] Content) : ICommand;

/// <summary>An administrator takes the logo away.</summary>
[Requires(Permissions.Administer)]
public sealed record RemoveLogo : ICommand;

/// <summary>The branding as its administration page shows it.</summary>
[Requires(Permissions.Administer)]
public sealed record GetBrandingForEdit : IQuery<BrandingView>;

public sealed class SaveBrandingHandler(IdeaBoxDb db, BrandingStore store, TimeProvider clock) : ICommandHandler<SaveBranding>
{
    public async ValueTask<Unit> Handle(SaveBranding command, CancellationToken ct)
    {
        var branding = await store.RowAsync(db, ct);
        branding.OrganisationName = TextInput.Optional(command.OrganisationName);
        branding.PrimaryColour = TextInput.Optional(command.PrimaryColour)?.ToLowerInvariant();
        branding.FooterLinks = TextInput.Optional(command.FooterLinks);
        branding.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await store.ForgetAsync(ct);
        return Unit.Value;
    }
}

public sealed class UploadLogoHandler(IdeaBoxDb db, BrandingStore store, TimeProvider clock) : ICommandHandler<UploadLogo>
{
    public async ValueTask<Unit> Handle(UploadLogo command, CancellationToken ct)
    {
        var (content, type) = LogoFile.Check(command.Content);
        var branding = await store.RowAsync(db, ct);
        branding.Logo = content;
        branding.LogoContentType = type;
        branding.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await store.ForgetAsync(ct);
        return Unit.Value;
    }
}

public sealed class RemoveLogoHandler(IdeaBoxDb db, BrandingStore store, TimeProvider clock) : ICommandHandler<RemoveLogo>
{
    public async ValueTask<Unit> Handle(RemoveLogo command, CancellationToken ct)
    {
        var branding = await store.RowAsync(db, ct);
        branding.Logo = null;
        branding.LogoContentType = null;
        branding.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        await store.ForgetAsync(ct);
        return Unit.Value;
    }
}

public sealed class GetBrandingForEditHandler(IdeaBoxDb db, BrandingStore store) : IQueryHandler<GetBrandingForEdit, BrandingView>
{
    public async ValueTask<BrandingView> Handle(GetBrandingForEdit query, CancellationToken ct) => await store.ReadAsync(db, ct);
}

/// <summary>What every page shows of the branding; <see cref="Version"/> changes with each save (cache-busting for the logo and the colours).</summary>
public sealed record BrandingView(string? OrganisationName, string? PrimaryColour, string? FooterLinksText, bool HasLogo, string Version)
{
    private IReadOnlyList<(string Label, string Url)>? _footerLinks;

    /// <summary>The footer's links, read from <see cref="FooterLinksText"/> (the cache keeps only the text).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<(string Label, string Url)> FooterLinks => _footerLinks ??= Branding.ParseFooterLinks(FooterLinksText) ?? [];
}

/// <summary>The branding, read once and kept until an administrator changes it (on every node).</summary>
public sealed class BrandingStore(IServiceScopeFactory scopes, IFusionCache cache)
{
    private const string Key = "branding";

    public async Task<BrandingView> CurrentAsync(CancellationToken ct)
    {
        return await cache.GetOrSetAsync<BrandingView>(Key, async (_, token) =>
        {
            await using var scope = scopes.CreateAsyncScope();
            return await ReadAsync(scope.ServiceProvider.GetRequiredService<IdeaBoxDb>(), token);
        }, TimeSpan.FromMinutes(5), ct);
    }

    /// <summary>The logo's bytes and type, or null.</summary>
    public async Task<(byte[] Content, string Type)?> LogoAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var logo = await scope.ServiceProvider.GetRequiredService<IdeaBoxDb>().Branding.AsNoTracking()
            .Where(b => b.Id == Branding.SingletonId && b.Logo != null).Select(b => new { b.Logo, b.LogoContentType }).SingleOrDefaultAsync(ct);
        return logo is null ? null : (logo.Logo!, logo.LogoContentType!);
    }

    internal async Task<BrandingView> ReadAsync(IdeaBoxDb db, CancellationToken ct)
    {
        var row = await db.Branding.AsNoTracking().Where(b => b.Id == Branding.SingletonId)
            .Select(b => new { b.OrganisationName, b.PrimaryColour, b.FooterLinks, HasLogo = b.Logo != null, b.UpdatedAt })
            .SingleOrDefaultAsync(ct);
        return row is null
            ? new BrandingView(null, null, null, false, "0")
            : new BrandingView(row.OrganisationName, row.PrimaryColour, row.FooterLinks, row.HasLogo,
                row.UpdatedAt.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    internal async Task<Branding> RowAsync(IdeaBoxDb db, CancellationToken ct)
    {
        var row = await db.Branding.SingleOrDefaultAsync(b => b.Id == Branding.SingletonId, ct);
        if (row is null)
        {
            row = new Branding();
            db.Branding.Add(row);
        }
        return row;
    }

    public Task ForgetAsync(CancellationToken ct) => cache.RemoveAsync(Key, token: ct).AsTask();
}
