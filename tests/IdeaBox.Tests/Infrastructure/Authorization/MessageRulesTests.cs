using System.Runtime.CompilerServices;
using IdeaBox.Web.Infrastructure;
using IdeaBox.Web.Infrastructure.Authorization;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace IdeaBox.Tests.Infrastructure.Authorization;

/// <summary>Every message says who may send it, and the pipeline refuses everyone else before a handler runs.</summary>
[Collection(Slices.Name)]
public sealed class MessageRulesTests(AppFixture app) : AppTest(app)
{
    private static readonly Type[] Messages = typeof(Program).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IMessage).IsAssignableFrom(t))
        .OrderBy(t => t.FullName)
        .ToArray();

    public static TheoryData<string> MessageNames() => new(Messages.Select(m => m.FullName!));

    private static Type Message(string name) => Messages.Single(m => m.FullName == name);

    [Fact]
    public void The_application_has_its_messages() => Assert.True(Messages.Length > 50, $"Only {Messages.Length} messages found.");

    [Theory]
    [MemberData(nameof(MessageNames))]
    public void Every_message_declares_who_may_send_it(string name)
    {
        var rule = MessageRule.Of(Message(name));
        Assert.True(rule.Permission is null || Permissions.Roles.ContainsKey(rule.Permission));
    }

    [Theory]
    [MemberData(nameof(MessageNames))]
    public async Task The_pipeline_refuses_anyone_who_is_not_signed_in_or_lacks_the_permission(string name)
    {
        var type = Message(name);
        var rule = MessageRule.Of(type);
        // The handler never runs for a refused sender: an empty message is enough.
        var message = RuntimeHelpers.GetUninitializedObject(type);
        await Assert.ThrowsAsync<ForbiddenException>(() => SendAs(message, new Anonymous()));
        if (rule.Permission is not { } permission) return;
        foreach (var role in Roles.ByPrecedence.Where(r => !Permissions.Roles[permission].Contains(r)))
            await Assert.ThrowsAsync<ForbiddenException>(() => SendAs(message, new TestUser(1, "x@test", "X", [Roles.Agent, role])));
    }

    [Fact]
    public void Handlers_never_send_messages_nor_build_other_handlers()
    {
        static bool IsHandler(Type t) => t.GetInterfaces().Any(i => i.IsGenericType
            && (i.GetGenericTypeDefinition() == typeof(ICommandHandler<,>) || i.GetGenericTypeDefinition() == typeof(IQueryHandler<,>)));
        var handlers = typeof(Program).Assembly.GetTypes().Where(t => !t.IsAbstract && IsHandler(t)).ToList();
        Assert.True(handlers.Count >= Messages.Length, $"{handlers.Count} handlers for {Messages.Length} messages.");
        var offenders = handlers
            .SelectMany(h => h.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => (Handler: h.Name, Type: p.ParameterType)))
            .Where(x => x.Type == typeof(IMediator) || x.Type == typeof(ISender) || x.Type == typeof(IPublisher) || IsHandler(x.Type))
            .Select(x => $"{x.Handler} takes {x.Type.Name}")
            .ToList();
        Assert.True(offenders.Count == 0, string.Join(", ", offenders));

        var built = Directory.EnumerateFiles(Repository.File("src", "IdeaBox.Web"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/") && System.Text.RegularExpressions.Regex.IsMatch(File.ReadAllText(f), @"new [A-Z]\w*Handler\("))
            .ToList();
        Assert.True(built.Count == 0, "Handlers built by hand in: " + string.Join(", ", built));
    }

    private async Task SendAs(object message, ICurrentUser user)
    {
        await using var scope = App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActingUser>().User = user;
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(message);
    }

    private sealed class Anonymous : ICurrentUser
    {
        public bool IsSignedIn => false;
        public int Id => throw new InvalidOperationException("Nobody is signed in.");
        public bool IsInRole(string role) => false;
    }
}
