using Xunit.Abstractions;
using Xunit.Sdk;

namespace Rari.Dashboard.Tests.Browser;

/// <summary>Orders a scenario's tests by their <see cref="StepAttribute"/>: later steps build on what earlier ones left.</summary>
public sealed class StepOrderer : ITestCaseOrderer
{
    public const string Name = "Rari.Dashboard.Tests.Browser.StepOrderer";

    public const string Assembly = "Rari.Dashboard.Tests";

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases)
        where TTestCase : ITestCase =>
        testCases.OrderBy(c => c.TestMethod.Method.GetCustomAttributes(typeof(StepAttribute).AssemblyQualifiedName!).Single().GetNamedArgument<int>(nameof(StepAttribute.Number)));
}

/// <summary>The place of a test in its scenario.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class StepAttribute : Attribute
{
    public int Number { get; set; }
}
