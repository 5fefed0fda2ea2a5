using System.Collections;
using System.Management.Automation;
using TranscribePS.Core.Aws;
using TranscribePS.Infrastructure;

namespace TranscribePS.Tests.Cmdlets;

public sealed class InfrastructureTests
{
    [Theory]
    [InlineData(TranscribeErrorKind.NotFound, ErrorCategory.ObjectNotFound)]
    [InlineData(TranscribeErrorKind.AccessDenied, ErrorCategory.PermissionDenied)]
    [InlineData(TranscribeErrorKind.Throttled, ErrorCategory.LimitsExceeded)]
    [InlineData(TranscribeErrorKind.TooManyConcurrentJobs, ErrorCategory.LimitsExceeded)]
    [InlineData(TranscribeErrorKind.BadRequest, ErrorCategory.InvalidArgument)]
    [InlineData(TranscribeErrorKind.NameConflict, ErrorCategory.ResourceExists)]
    [InlineData(TranscribeErrorKind.CredentialsMissing, ErrorCategory.AuthenticationError)]
    [InlineData(TranscribeErrorKind.ServiceFault, ErrorCategory.ResourceUnavailable)]
    public void Service_failures_map_to_error_categories_with_stable_ids(TranscribeErrorKind kind, ErrorCategory category)
    {
        var exception = new TranscribeException(kind, "message");
        var error = ErrorMapping.ToError(exception, "target");

        Assert.Equal(category, error.Category);
        Assert.Equal("Transcribe" + kind, error.ErrorId);
        Assert.Equal("target", error.Target);
        Assert.Same(exception, error.Exception);
    }

    [Theory]
    [InlineData("visit-*", "visit-0412-abc", true)]
    [InlineData("visit-*", "VISIT-0412", true)]
    [InlineData("visit-*", "call-0412", false)]
    [InlineData("*-04?2-*", "visit-0412-x", true)]
    [InlineData("*-04?2-*", "visit-042-x", false)]
    [InlineData("call-[0-9]*", "call-7", true)]
    [InlineData("call-[0-9]*", "call-x", false)]
    [InlineData("rec.wav", "recXwav", false)]
    [InlineData("a`*b", "a*b", true)]
    [InlineData("a`*b", "axb", false)]
    public void Name_patterns_follow_PowerShell_wildcards_case_insensitively(string pattern, string name, bool matches)
        => Assert.Equal(matches, NamePattern.Parse(pattern).IsMatch(name));

    [Theory]
    [InlineData("visit-2026-11-*", "visit-2026-11-")]
    [InlineData("*-0412-*", "-0412-")]
    [InlineData("ab*cdef?g", "cdef")]
    [InlineData("*", "")]
    [InlineData("a`*bc*", "a*bc")]
    public void The_longest_literal_run_feeds_the_server_side_name_filter(string pattern, string literal)
        => Assert.Equal(literal, NamePattern.Parse(pattern).LongestLiteral);

    [Theory]
    [InlineData("visit-1", false)]
    [InlineData("visit-*", true)]
    [InlineData("visit-?", true)]
    [InlineData("visit-[12]", true)]
    public void Wildcard_detection(string value, bool expected) => Assert.Equal(expected, NamePattern.HasWildcards(value));

    [Fact]
    public void Numbers_given_to_TimeSpan_parameters_are_read_in_the_documented_unit()
    {
        var ms = new TimeSpanArgumentAttribute(TimeSpanArgumentAttribute.Milliseconds);
        var seconds = new TimeSpanArgumentAttribute(TimeSpanArgumentAttribute.Seconds);

        Assert.Equal(TimeSpan.FromSeconds(5), ms.Convert(5000));
        Assert.Equal(TimeSpan.FromMilliseconds(1500), ms.Convert("1500"));
        Assert.Equal(TimeSpan.FromMinutes(2), seconds.Convert(120));
        Assert.Equal(TimeSpan.FromSeconds(2.5), seconds.Convert(2.5));
        Assert.Equal(TimeSpan.FromHours(1), seconds.Convert(TimeSpan.FromHours(1)));
        Assert.Equal("00:05:00", seconds.Convert("00:05:00"));
    }

    [Fact]
    public void Hashtables_become_string_maps_with_the_requested_key_comparison()
    {
        var table = new Hashtable { ["spk_0"] = "Clinician", ["Batch"] = 7 };

        var speakers = Hashtables.ToStringMap(table, StringComparer.OrdinalIgnoreCase);
        var tags = Hashtables.ToStringMap(table, StringComparer.Ordinal);

        Assert.Equal("Clinician", speakers["SPK_0"]);
        Assert.Equal("7", tags["Batch"]);
        Assert.False(tags.ContainsKey("batch"));
        Assert.Empty(Hashtables.ToStringMap(null, StringComparer.Ordinal));
    }
}
