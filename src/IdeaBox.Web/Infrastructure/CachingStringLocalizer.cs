using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;

namespace IdeaBox.Web.Infrastructure;

/// <summary>
/// The framework's resource localizers, with each string kept once looked up: a resource lookup goes through
/// the culture's fallback chain on every call, and a page such as the plan asks for thousands ("12 votes",
/// "Idée"). The cache holds what the resource files hold (two cultures), never more than <see cref="MaxStrings"/>.
/// </summary>
public sealed class CachingStringLocalizerFactory(ResourceManagerStringLocalizerFactory inner) : IStringLocalizerFactory
{
    public const int MaxStrings = 20_000;

    private readonly ConcurrentDictionary<Type, IStringLocalizer> _byType = new();

    public IStringLocalizer Create(Type resourceSource) =>
        _byType.GetOrAdd(resourceSource, type => new CachingStringLocalizer(inner.Create(type)));

    public IStringLocalizer Create(string baseName, string location) => new CachingStringLocalizer(inner.Create(baseName, location));

    private sealed class CachingStringLocalizer(IStringLocalizer inner) : IStringLocalizer
    {
        private readonly ConcurrentDictionary<(string Culture, string Name), LocalizedString> _strings = new();

        public LocalizedString this[string name]
        {
            get
            {
                var key = (CultureInfo.CurrentUICulture.Name, name);
                if (_strings.TryGetValue(key, out var found)) return found;
                found = inner[name];
                if (_strings.Count < MaxStrings) _strings.TryAdd(key, found);
                return found;
            }
        }

        // Formatted as the framework does: the current culture's format, the string as found.
        public LocalizedString this[string name, params object[] arguments]
        {
            get
            {
                var format = this[name];
                return format.ResourceNotFound
                    ? inner[name, arguments]
                    : new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), false, format.SearchedLocation);
            }
        }

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);
    }
}
