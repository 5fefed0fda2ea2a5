using System.Management.Automation;
using TranscribePS.Core.Analytics.Categories;

namespace TranscribePS.Infrastructure;

internal static class CategoryErrors
{
    /// <summary>A rule or category refused before any call: its own ErrorId, the offending path or name as target.</summary>
    public static CommandError From(CategoryRuleException exception, object? target)
        => new(exception, exception.ErrorId, ErrorCategory.InvalidArgument, target);
}
