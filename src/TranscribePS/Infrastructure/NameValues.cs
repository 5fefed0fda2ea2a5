using TranscribePS.Core;
using TranscribePS.Core.Jobs;

namespace TranscribePS.Infrastructure;

/// <summary>-Name values read by Core's <see cref="NamePattern"/>; each one that breaks the name rule is one error, before any call.</summary>
internal static class NameValues
{
    public static List<NamePattern> Parse(IEnumerable<string>? values, NameKind kind, InvocationPump shell)
    {
        var patterns = new List<NamePattern>();
        foreach (var value in values ?? [])
        {
            try
            {
                patterns.Add(NamePattern.Parse(value, kind));
            }
            catch (PlanProblemException ex)
            {
                shell.WriteError(ErrorMapping.ToError(ex.Problems[0]));
            }
        }

        return patterns;
    }
}
