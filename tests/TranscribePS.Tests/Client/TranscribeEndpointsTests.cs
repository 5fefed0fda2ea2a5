using Amazon;
using Amazon.Runtime.Endpoints;
using TranscribePS.Core.Aws;

namespace TranscribePS.Tests.Client;

public class TranscribeEndpointsTests
{
    [Theory]
    [InlineData("us-east-1", false, false, "https://transcribe.us-east-1.amazonaws.com")]
    [InlineData("eu-west-2", false, true, "https://transcribe.eu-west-2.api.aws")]
    [InlineData("us-west-2", true, false, "https://fips.transcribe.us-west-2.amazonaws.com")]
    [InlineData("ca-central-1", true, true, "https://transcribe-fips.ca-central-1.api.aws")]
    [InlineData("us-gov-west-1", true, false, "https://fips.transcribe.us-gov-west-1.amazonaws.com")]
    [InlineData("cn-north-1", false, false, "https://cn.transcribe.cn-north-1.amazonaws.com.cn")]
    [InlineData("cn-northwest-1", false, false, "https://cn.transcribe.cn-northwest-1.amazonaws.com.cn")]
    public void Regional_url_follows_the_service_endpoint_rules(string region, bool fips, bool dualStack, string expected) =>
        Assert.Equal(expected, TranscribeEndpoints.RegionalUrl(region, fips, dualStack));

    [Theory]
    [InlineData("eu-west-1")]
    [InlineData("cn-north-1")]
    public void Fips_outside_us_and_canada_is_refused_with_where_it_exists(string region)
    {
        var ex = Assert.Throws<ArgumentException>(() => TranscribeEndpoints.RegionalUrl(region, useFips: true, useDualStack: false));

        Assert.Contains("US, Canada and GovCloud", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Config_resolves_the_regional_host_or_the_custom_endpoint()
    {
        var regional = new TranscribeClientConfig { RegionEndpoint = RegionEndpoint.APSoutheast2 };
        var custom = new TranscribeClientConfig { ServiceURL = "http://127.0.0.1:4566", AuthenticationRegion = "eu-west-1" };
        var parameters = new ServiceOperationEndpointParameters(new ListTranscriptionJobsRequestCarrier());

        Assert.Equal("https://transcribe.ap-southeast-2.amazonaws.com", regional.DetermineServiceOperationEndpoint(parameters).URL);
        Assert.StartsWith("http://127.0.0.1:4566", custom.DetermineServiceOperationEndpoint(parameters).URL, StringComparison.Ordinal);
        Assert.Equal("transcribe", regional.AuthenticationServiceName);
        Assert.Equal("Transcribe", regional.ServiceId);
    }

    private sealed class ListTranscriptionJobsRequestCarrier : Amazon.Runtime.AmazonWebServiceRequest;
}
