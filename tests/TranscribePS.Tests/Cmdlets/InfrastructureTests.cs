using System.Collections;
using System.Management.Automation;
using TranscribePS.Core.Aws;
using TranscribePS.Infrastructure;

namespace TranscribePS.Tests.Cmdlets;

public sealed class InfrastructureTests
{
    [Theory]
    [InlineData(AwsErrorKind.NotFound, ErrorCategory.ObjectNotFound)]
    [InlineData(AwsErrorKind.AccessDenied, ErrorCategory.PermissionDenied)]
    [InlineData(AwsErrorKind.Throttled, ErrorCategory.LimitsExceeded)]
    [InlineData(AwsErrorKind.TooManyConcurrentJobs, ErrorCategory.LimitsExceeded)]
    [InlineData(AwsErrorKind.BadRequest, ErrorCategory.InvalidArgument)]
    [InlineData(AwsErrorKind.NameConflict, ErrorCategory.ResourceExists)]
    [InlineData(AwsErrorKind.CredentialsMissing, ErrorCategory.AuthenticationError)]
    [InlineData(AwsErrorKind.CredentialsExpired, ErrorCategory.AuthenticationError)]
    [InlineData(AwsErrorKind.ServiceFault, ErrorCategory.ResourceUnavailable)]
    public void Service_failures_map_to_error_categories_with_stable_ids(AwsErrorKind kind, ErrorCategory category)
    {
        var exception = new TranscribeException(kind, "message");
        var error = ErrorMapping.ToError(exception, "target");

        Assert.Equal(category, error.Category);
        Assert.Equal("Transcribe" + kind, error.ErrorId);
        Assert.Equal("target", error.Target);
        Assert.Same(exception, error.Exception);
    }

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
