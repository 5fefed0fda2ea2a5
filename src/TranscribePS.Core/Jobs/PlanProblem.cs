namespace TranscribePS.Core.Jobs;

/// <summary>What kind of problem refused a plan; cmdlets map it to a PowerShell ErrorCategory of the same name.</summary>
public enum PlanProblemCategory
{
    InvalidArgument,
    ObjectNotFound,
    InvalidData,
    LimitsExceeded,
    ResourceExists,
    ReadError,
}

/// <summary>One reason a recording cannot be submitted as asked, found before any upload or API call.</summary>
/// <param name="ErrorId">Stable identifier (for ErrorRecord and scripts), such as <c>NotStereo</c>.</param>
/// <param name="Message">What is wrong and what to do about it.</param>
/// <param name="Category">The kind of problem.</param>
/// <param name="Target">The path, URI or value the problem is about.</param>
public sealed record PlanProblem(string ErrorId, string Message, PlanProblemCategory Category, string Target);

/// <summary>Thrown when a plan (or a submission) is refused; carries every problem found.</summary>
public sealed class PlanProblemException : Exception
{
    public PlanProblemException(IReadOnlyList<PlanProblem> problems)
        : base(JoinMessages(problems))
    {
        Problems = problems;
    }

    public PlanProblemException(PlanProblem problem)
        : this([problem])
    {
    }

    public IReadOnlyList<PlanProblem> Problems { get; }

    private static string JoinMessages(IReadOnlyList<PlanProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return string.Join(Environment.NewLine, problems.Select(p => p.Message));
    }
}
