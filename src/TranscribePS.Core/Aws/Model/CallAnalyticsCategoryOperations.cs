namespace TranscribePS.Core.Aws.Model;

public sealed record CreateCallAnalyticsCategoryRequest
{
    public required string CategoryName { get; init; }
    public required IReadOnlyList<Rule> Rules { get; init; }
    public IReadOnlyList<Tag>? Tags { get; init; }
    public InputType? InputType { get; init; }
}

public sealed record CreateCallAnalyticsCategoryResponse
{
    public CategoryProperties? CategoryProperties { get; init; }
}

public sealed record GetCallAnalyticsCategoryRequest
{
    public required string CategoryName { get; init; }
}

public sealed record GetCallAnalyticsCategoryResponse
{
    public CategoryProperties? CategoryProperties { get; init; }
}

public sealed record ListCallAnalyticsCategoriesRequest
{
    public string? NextToken { get; init; }
    public int? MaxResults { get; init; }
}

public sealed record ListCallAnalyticsCategoriesResponse
{
    public string? NextToken { get; init; }
    public IReadOnlyList<CategoryProperties>? Categories { get; init; }
}

/// <summary>Replaces every rule of an existing category (the service has no partial update).</summary>
public sealed record UpdateCallAnalyticsCategoryRequest
{
    public required string CategoryName { get; init; }
    public required IReadOnlyList<Rule> Rules { get; init; }
    public InputType? InputType { get; init; }
}

public sealed record UpdateCallAnalyticsCategoryResponse
{
    public CategoryProperties? CategoryProperties { get; init; }
}

public sealed record DeleteCallAnalyticsCategoryRequest
{
    public required string CategoryName { get; init; }
}

public sealed record DeleteCallAnalyticsCategoryResponse;
