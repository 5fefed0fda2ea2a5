namespace TranscribePS.Core.Analytics.Categories;

/// <summary>A category rule or category the service would refuse; raised before any call is made.</summary>
public sealed class CategoryRuleException : Exception
{
    public CategoryRuleException(string errorId, string message, string? path = null)
        : base(message)
    {
        ErrorId = errorId;
        Path = path;
    }

    /// <summary>A stable id for the cmdlet's ErrorRecord, such as <c>CategoryRuleSentimentCount</c>.</summary>
    public string ErrorId { get; }

    /// <summary>Where in the input the problem is, e.g. <c>Rules[2].SentimentFilter.Sentiments</c>; null for parameters.</summary>
    public string? Path { get; }
}

/// <summary>The stable error ids of <see cref="CategoryRuleException"/>.</summary>
public static class CategoryRuleErrorIds
{
    public const string NoFilter = "CategoryRuleNoFilter";
    public const string SeveralFilters = "CategoryRuleSeveralFilters";
    public const string UnknownFilter = "CategoryRuleUnknownFilter";
    public const string UnknownMember = "CategoryRuleUnknownMember";
    public const string WrongValueType = "CategoryRuleWrongValueType";
    public const string MissingValue = "CategoryRuleMissingValue";
    public const string TargetsEmpty = "CategoryRuleTargetsEmpty";
    public const string TargetInvalid = "CategoryRuleTargetInvalid";
    public const string SentimentCount = "CategoryRuleSentimentCount";
    public const string InvalidValue = "CategoryRuleInvalidValue";
    public const string ParticipantNotAllowed = "CategoryRuleParticipantNotAllowed";
    public const string ThresholdOutOfRange = "CategoryRuleThresholdOutOfRange";
    public const string TimeOutOfRange = "CategoryRuleTimeOutOfRange";
    public const string PercentOutOfRange = "CategoryRulePercentOutOfRange";
    public const string RangeConflict = "CategoryRuleRangeConflict";
    public const string RangeMixed = "CategoryRuleRangeMixed";
    public const string RangeIncomplete = "CategoryRuleRangeIncomplete";
    public const string RangeEmpty = "CategoryRuleRangeEmpty";
    public const string RangeOrder = "CategoryRuleRangeOrder";
    public const string RuleCount = "CategoryRuleCount";
    public const string CategoryNameInvalid = "CategoryNameInvalid";
    public const string TagInvalid = "CategoryTagInvalid";
}
