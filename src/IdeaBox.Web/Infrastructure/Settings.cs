using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace IdeaBox.Web.Infrastructure;

/// <summary>
/// Every settings class is bound from its configuration section and checked when the host starts, not at its
/// first use: a value that does not convert ("abc" for a number of seconds) or breaks a declared rule
/// (<see cref="RangeAttribute"/>…) stops the start with one line naming the setting, instead of failing a
/// request or a background job hours later. <see cref="Problems"/> is that check, run by every start (web,
/// migrate, admin, backup) and by <c>--check-config</c>; <c>ValidateOnStart</c> stays as the framework's own guard.
/// </summary>
public static partial class Settings
{
    /// <summary>A settings class and the section it is bound from.</summary>
    public sealed record Registration(Type Type, string Path);

    public static IServiceCollection AddSettings<T>(this IServiceCollection services, IConfigurationSection section) where T : class
    {
        services.AddOptions<T>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(new Registration(typeof(T), section.Path));
        return services;
    }

    /// <summary>Each registered settings class bound and checked, nested classes included: one line per problem.</summary>
    public static IReadOnlyList<string> Problems(IServiceCollection services, IConfiguration configuration)
    {
        var problems = new List<string>();
        foreach (var registration in services.Select(d => d.IsKeyedService ? null : d.ImplementationInstance).OfType<Registration>())
        {
            object value;
            try
            {
                value = configuration.GetSection(registration.Path).Get(registration.Type) ?? Activator.CreateInstance(registration.Type)!;
            }
            catch (InvalidOperationException e)
            {
                problems.Add(NotConverted(e));
                continue;
            }
            Check(value, registration.Path, configuration, problems);
        }
        return problems;
    }

    private static void Check(object value, string path, IConfiguration configuration, List<string> problems)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(value, new ValidationContext(value), results, validateAllProperties: true);
        foreach (var result in results)
        {
            foreach (var member in result.MemberNames)
            {
                var key = $"{path}:{member}";
                problems.Add(configuration[key] is { } given
                    ? $"{key} is '{given}': {result.ErrorMessage}"
                    : $"{key}: {result.ErrorMessage}");
            }
        }
        var nested = value.GetType().GetProperties()
            .Where(p => p.PropertyType.IsClass && p.PropertyType.Namespace?.StartsWith("IdeaBox", StringComparison.Ordinal) == true && p.GetIndexParameters().Length == 0);
        foreach (var property in nested)
        {
            if (property.GetValue(value) is { } inner) Check(inner, $"{path}:{property.Name}", configuration, problems);
        }
    }

    [GeneratedRegex("^Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex ConversionFailure();

    /// <summary>The binder's message, as one line that names the setting and what it takes.</summary>
    private static string NotConverted(InvalidOperationException e)
    {
        var match = ConversionFailure().Match(e.Message);
        if (!match.Success) return e.Message;
        var expected = match.Groups["type"].Value switch
        {
            "System.Int32" or "System.Int64" => "a whole number",
            "System.Boolean" => "true or false",
            "System.Double" or "System.Decimal" => "a number",
            "System.TimeSpan" => "a duration (hh:mm:ss)",
            var type when type.StartsWith("IdeaBox.", StringComparison.Ordinal) && Type.GetType(type) is { IsEnum: true } kind =>
                "one of " + string.Join(", ", Enum.GetNames(kind)),
            var type => "a value of type " + type,
        };
        return $"{match.Groups["key"].Value} is '{match.Groups["value"].Value}', which is not {expected}: correct it, or remove it to keep the default.";
    }
}
