using TranscribePS.Core;
using TranscribePS.Core.Jobs;

namespace TranscribePS.Tests.Jobs;

/// <summary>
/// -Name values against PowerShell's wildcard rules (the expected answers are what pwsh 7.6's -like gives; the
/// Pester suite checks the same against the real operator) and the service's name rule.
/// </summary>
public sealed class NamePatternTests
{
    [Theory]
    [InlineData("visit-*", "visit-0412-abc", true)]
    [InlineData("visit-*", "VISIT-0412", true)]
    [InlineData("visit-*", "call-0412", false)]
    [InlineData("*-04?2-*", "visit-0412-x", true)]
    [InlineData("*-04?2-*", "visit-042-x", false)]
    [InlineData("call-[0-9]*", "call-7", true)]
    [InlineData("call-[0-9]*", "call-x", false)]
    [InlineData("call-[a-c]", "call-B", true)]
    [InlineData("rec.wav*", "recXwav", false)]
    [InlineData("[-a]x*", "-x1", true)]
    [InlineData("[a-]x*", "-x1", true)]
    [InlineData("[!a]*", "a1", true)]
    [InlineData("[!a]*", "b1", false)]
    [InlineData("[]a]*", "a", true)]
    [InlineData("v`.sit*", "v.sit1", true)]
    [InlineData("v`.sit*", "vxsit", false)]
    public void Patterns_match_as_PowerShell_wildcards_do_ignoring_case(string pattern, string name, bool matches)
        => Assert.Equal(matches, NamePattern.Parse(pattern, NameKind.Category).IsMatch(name));

    [Theory]
    [InlineData("visit-2026-11-*", "visit-2026-11-")]
    [InlineData("*-0412-*", "-0412-")]
    [InlineData("ab*cdef?g", "cdef")]
    [InlineData("*", "")]
    [InlineData("call-[0-9]*-x", "call-")]
    public void The_longest_literal_run_feeds_the_service_s_name_filter(string pattern, string literal)
        => Assert.Equal(literal, NamePattern.Parse(pattern, NameKind.Job).LongestLiteral);

    [Theory]
    [InlineData("visit-1", "visit-1")]
    [InlineData("v`.1", "v.1")]
    public void A_value_without_wildcards_is_one_name(string text, string literal)
    {
        var pattern = NamePattern.Parse(text, NameKind.Job);

        Assert.True(pattern.IsLiteral);
        Assert.Equal(literal, pattern.Literal);
    }

    [Theory]
    [InlineData("bad name!", "InvalidJobName")]
    [InlineData("..", "InvalidJobName")]
    [InlineData("", "InvalidJobName")]
    [InlineData("bad name*", "InvalidJobName")]
    [InlineData("visit[1", "InvalidWildcardPattern")]
    [InlineData("visit[]", "InvalidWildcardPattern")]
    [InlineData("visit[z-a]", "InvalidWildcardPattern")]
    public void A_job_name_no_job_can_have_is_refused_before_any_call(string text, string errorId)
    {
        var ex = Assert.Throws<PlanProblemException>(() => NamePattern.Parse(text, NameKind.Job));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal(errorId, problem.ErrorId);
        Assert.Equal(PlanProblemCategory.InvalidArgument, problem.Category);
        Assert.Equal(text, problem.Target);
        Assert.Contains($"'{text}'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_name_rule_message_states_the_rule_and_the_way_to_search()
    {
        var problem = Assert.Throws<PlanProblemException>(() => NamePattern.Parse("bad name!", NameKind.Job)).Problems[0];

        Assert.Contains("1 to 200 letters, digits, '.', '_' or '-'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("wildcards", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_category_name_follows_the_same_alphabet_under_its_own_ErrorId()
    {
        var problem = Assert.Throws<PlanProblemException>(() => NamePattern.Parse("needs review", NameKind.Category)).Problems[0];

        Assert.Equal("CategoryNameInvalid", problem.ErrorId);
        Assert.True(NamePattern.Parse("..", NameKind.Category).IsLiteral);
    }
}
