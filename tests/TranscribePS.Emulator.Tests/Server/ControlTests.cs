using System.Text;
using TranscribePS.Emulator.Control;
using TranscribePS.Emulator.S3;
using TranscribePS.Tests.Infrastructure;

namespace TranscribePS.Emulator.Tests.Server;

public sealed class ControlTests
{
    [Theory]
    [InlineData("StartCallAnalyticsJob", 10)]
    [InlineData("StartMedicalTranscriptionJob", 25)]
    [InlineData("GetCallAnalyticsJob", 20)]
    [InlineData("GetMedicalTranscriptionJob", 30)]
    [InlineData("ListMedicalTranscriptionJobs", 5)]
    [InlineData("DeleteCallAnalyticsJob", 5)]
    [InlineData("GetCallAnalyticsCategory", 20)]
    [InlineData("ListCallAnalyticsCategories", 20)]
    [InlineData("CreateCallAnalyticsCategory", 20)]
    public void Default_request_rates_are_the_aws_quotas(string operation, int perSecond) =>
        Assert.Equal(perSecond, RequestQuotas.AwsDefault(operation));

    [Fact]
    public void Quota_window_admits_the_limit_per_second_and_frees_up_a_second_later()
    {
        var clock = new FixedClock(DateTimeOffset.UnixEpoch);
        var quotas = new RequestQuotas(clock: clock);

        var first = Enumerable.Range(0, 7).Select(_ => quotas.TryAcquire("ListCallAnalyticsJobs")).ToList();
        clock.Advance(TimeSpan.FromMilliseconds(999));
        var stillFull = quotas.TryAcquire("ListCallAnalyticsJobs");
        clock.Advance(TimeSpan.FromMilliseconds(2));
        var freed = quotas.TryAcquire("ListCallAnalyticsJobs");

        Assert.Equal([true, true, true, true, true, false, false], first);
        Assert.False(stillFull);
        Assert.True(freed);
    }

    [Fact]
    public void Quota_overrides_apply_per_operation_and_reset_restores_the_configured_limits()
    {
        var clock = new FixedClock(DateTimeOffset.UnixEpoch);
        var quotas = new RequestQuotas(new Dictionary<string, int?> { ["GetCallAnalyticsJob"] = 1 }, clock);

        quotas.Set("ListCallAnalyticsJobs", null);
        var unlimited = Enumerable.Range(0, 50).All(_ => quotas.TryAcquire("ListCallAnalyticsJobs"));
        var configured = (quotas.TryAcquire("GetCallAnalyticsJob"), quotas.TryAcquire("GetCallAnalyticsJob"));
        quotas.SetUnlimited();
        var allOpen = quotas.LimitOf("StartCallAnalyticsJob");
        quotas.Reset();

        Assert.True(unlimited);
        Assert.Equal((true, false), configured);
        Assert.Null(allOpen);
        Assert.Equal(5, quotas.LimitOf("ListCallAnalyticsJobs"));
        Assert.Equal(1, quotas.LimitOf("GetCallAnalyticsJob"));
    }

    [Fact]
    public void Fault_rule_hits_only_its_calls_of_its_operation()
    {
        var faults = new FaultInjector();
        faults.Add(FaultRule.Error("StartCallAnalyticsJob", 500, "InternalFailureException").OnCalls(2, 3));

        var hits = Enumerable.Range(0, 5).Select(_ => faults.Evaluate("StartCallAnalyticsJob").Terminal is not null).ToList();
        var other = faults.Evaluate("GetCallAnalyticsJob").Terminal;

        Assert.Equal([false, true, true, false, false], hits);
        Assert.Null(other);
    }

    [Fact]
    public void Latency_rules_add_up_and_do_not_stop_the_call()
    {
        var faults = new FaultInjector();
        faults.Add(FaultRule.Latency("*", TimeSpan.FromMilliseconds(100)));
        faults.Add(FaultRule.Latency("HeadObject", TimeSpan.FromMilliseconds(50)));

        var decision = faults.Evaluate("HeadObject");

        Assert.Equal(TimeSpan.FromMilliseconds(150), decision.Delay);
        Assert.Null(decision.Terminal);
    }

    [Fact]
    public void Probability_zero_never_fires_and_one_always_does()
    {
        var faults = new FaultInjector(seed: 42);
        faults.Add(FaultRule.Drop("GetObject").WithProbability(0));
        faults.Add(FaultRule.Throttle("PutObject").WithProbability(1));

        Assert.All(Enumerable.Range(0, 20), _ => Assert.Null(faults.Evaluate("GetObject").Terminal));
        Assert.All(Enumerable.Range(0, 20), _ => Assert.Equal(FaultAction.Throttle, faults.Evaluate("PutObject").Terminal?.Action));
    }

    [Fact]
    public void Inconsistent_fault_rules_are_refused_with_the_reason()
    {
        var faults = new FaultInjector();

        var range = Assert.Throws<ArgumentException>(() => faults.Add(FaultRule.Drop("GetObject").OnCalls(3, 2)));
        var status = Assert.Throws<ArgumentException>(() => faults.Add(FaultRule.Error("GetObject", 200, "Fine")));

        Assert.Contains("LastCall", range.Message, StringComparison.Ordinal);
        Assert.Contains("StatusCode", status.Message, StringComparison.Ordinal);
        Assert.Empty(faults.Rules);
    }

    [Theory]
    [InlineData("CRC32", "y/Q5Jg==")]
    [InlineData("CRC32C", "4waSgw==")]
    [InlineData("CRC64NVME", "rosUhgp5mIg=")]
    [InlineData("SHA1", "98O8HYCOBHMq32eZZczDTKeuNEE=")]
    public void Checksums_match_the_check_values_for_123456789(string algorithm, string expected) =>
        Assert.Equal(expected, Checksums.Compute(algorithm, Encoding.ASCII.GetBytes("123456789")));

    [Theory]
    [InlineData("recordings", true)]
    [InlineData("my.bucket-2026", true)]
    [InlineData("ab", false)]
    [InlineData("has..dots", false)]
    [InlineData("10.0.0.1", false)]
    [InlineData("xn--punycode", false)]
    [InlineData("ends-dash-", false)]
    [InlineData("Upper", false)]
    public void Bucket_names_follow_the_s3_rules(string name, bool valid) => Assert.Equal(valid, BucketNames.IsValid(name));

    [Theory]
    [InlineData("bytes=0-0", 0, 0, true)]
    [InlineData("bytes=5-", 5, 9, true)]
    [InlineData("bytes=-4", 6, 9, true)]
    [InlineData("bytes=8-100", 8, 9, true)]
    [InlineData("bytes=10-12", 10, 9, false)]
    public void Single_byte_ranges_are_parsed_against_the_object_size(string header, long first, long last, bool satisfiable)
    {
        Assert.True(S3Service.TryParseRange(header, 10, out var f, out var l, out var ok));
        Assert.Equal((first, last, satisfiable), (f, l, ok));
    }

    [Theory]
    [InlineData("bytes=1-2,4-5")]
    [InlineData("items=1-2")]
    [InlineData("bytes=5-2")]
    public void Headers_that_are_not_one_byte_range_are_ignored(string header) =>
        Assert.False(S3Service.TryParseRange(header, 10, out _, out _, out _));
}
