using Xunit.Abstractions;
using Xunit.Sdk;

namespace KopUkm.Dashboard.Tests.TestInfrastructure;

/// <summary>
/// The place of a test in a class whose tests share one expensive fixture and must run in a given order (the
/// scale-out proof: the soak counts from the start, the failover test stops an instance for good). Use with
/// <c>[TestCaseOrderer(StepOrderer.Name, StepOrderer.Assembly)]</c> on the class.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class StepAttribute(int number) : Attribute
{
    public int Number { get; } = number;
}

/// <summary>Runs a class's tests by their <see cref="StepAttribute"/> number (tests without one last, by name).</summary>
public sealed class StepOrderer : ITestCaseOrderer
{
    public const string Name = "KopUkm.Dashboard.Tests.TestInfrastructure.StepOrderer";
    public const string Assembly = "KopUkm.Dashboard.Tests";

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases)
        where TTestCase : ITestCase =>
        testCases.OrderBy(t => Step(t)).ThenBy(t => t.TestMethod.Method.Name, StringComparer.Ordinal);

    private static int Step(ITestCase testCase) =>
        testCase.TestMethod.Method.GetCustomAttributes(typeof(StepAttribute).AssemblyQualifiedName)
            .Select(a => (int)a.GetConstructorArguments().First())
            .DefaultIfEmpty(int.MaxValue)
            .First();
}
