using KopUkm.Dashboard;
using KopUkm.Dashboard.Host;

var isCommand = OperatorCommands.IsCommand(args);
// Operator commands take their own arguments; the host reads its settings from appsettings and the environment.
var app = AppHost.Build(isCommand ? [] : args);

if (isCommand)
{
    return await OperatorCommands.RunAsync(app, args, Console.Out, Console.Error);
}

return await AppInstance.RunAsync(app, Console.Error);
