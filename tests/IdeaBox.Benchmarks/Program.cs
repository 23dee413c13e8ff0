using IdeaBox.Benchmarks;

// dotnet run -c Release --project tests/IdeaBox.Benchmarks -- generate [--db PATH]
// dotnet run -c Release --project tests/IdeaBox.Benchmarks -- run [--db PATH] [--clients 16] [--seconds 120] [--only PAGE]
// dotnet run -c Release --project tests/IdeaBox.Benchmarks -- exports [--db PATH]
var command = args.FirstOrDefault() ?? "help";
string Option(string name, string fallback)
{
    var i = Array.IndexOf(args, "--" + name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}
int Number(string name, int fallback) => int.Parse(Option(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
var database = Path.GetFullPath(Option("db", Path.Combine(Path.GetTempPath(), "ideabox-bench.db")));

switch (command)
{
    case "generate":
        await Generator.RunAsync(database, new Generator.Sizes(
            Number("users", 5_000), Number("entries", 100_000), Number("votes", 1_000_000), Number("comments", 300_000)));
        return 0;
    case "run":
        return await LoadTest.RunAsync(new LoadTest.Options(database, Number("clients", 16), Number("seconds", 120), Number("port", 5199), Option("only", "")));
    case "exports":
        return await ExportTest.RunAsync(database, Number("port", 5199));
    default:
        Console.WriteLine("usage: generate [--db PATH] [--users N --entries N --votes N --comments N] | run [--db PATH] [--clients N] [--seconds N] [--port N] [--only NAME] | exports [--db PATH] [--port N]");
        return command == "help" ? 0 : 2;
}
