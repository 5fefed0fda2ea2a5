using System.Collections;
using System.Management.Automation;
using TranscribePS.Commands;
using TranscribePS.Core.Analytics.Categories;
using TranscribePS.Core.Aws.Model;
using TranscribePS.Tests.Infrastructure;

namespace TranscribePS.Tests.Cmdlets;

public sealed class CategoryCmdletTests(EmulatorFixture fixture) : EmulatorTest(fixture)
{
    [Fact]
    public void New_rule_builds_the_service_shape_from_parameters()
    {
        using var cmdlet = new NewCallAnalyticsRuleCommand { TranscriptContains = ["cancel my account"], Participant = "Customer", LastPercent = 30 };
        var host = CmdletRunner.Run(cmdlet, new RecordingHost("Transcript"));

        var rule = Assert.Single(host.ObjectsOf<CallAnalyticsRule>());
        Assert.Equal(["cancel my account"], rule.TranscriptFilter!.Targets);
        Assert.Equal("CUSTOMER", rule.TranscriptFilter.ParticipantRole);
        Assert.Equal(30, rule.TranscriptFilter.RelativeTimeRange!.Last);
        Assert.Null(rule.SentimentFilter);
    }

    [Fact]
    public void New_rule_refuses_mixed_ranges_with_the_builder_error_id()
    {
        using var cmdlet = new NewCallAnalyticsRuleCommand { Sentiment = ["NEGATIVE"], FirstSeconds = 10, StartPercent = 5, EndPercent = 50 };
        var host = CmdletRunner.Run(cmdlet, new RecordingHost("Sentiment"));

        Assert.Empty(host.Objects);
        var error = Assert.Single(host.Errors);
        Assert.StartsWith("CategoryRule", error.ErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.InvalidArgument, error.Category);
    }

    [Fact]
    public void New_under_WhatIf_makes_no_call()
    {
        using var cmdlet = new NewCallAnalyticsCategoryCommand { Name = "CancelRisk", Rule = [Rule("cancel")] }.UseEmulator(Server);
        var host = CmdletRunner.Run(cmdlet, new RecordingHost { Approve = false });

        Assert.Equal([("CancelRisk", "Create call analytics category with 1 rule(s)")], host.ShouldProcessCalls);
        Assert.Equal(0, Server.Requests.Total);
    }

    [Fact]
    public void Categories_round_trip_through_new_get_set_and_remove()
    {
        using (var create = new NewCallAnalyticsCategoryCommand { Name = "CancelRisk", Rule = [Rule("cancel")], Tag = new Hashtable { ["team"] = "retention" } }.UseEmulator(Server))
        {
            var created = CmdletRunner.Run(create, new RecordingHost());
            Assert.Empty(created.Errors);
            Assert.Equal("CancelRisk", Assert.Single(created.ObjectsOf<CallAnalyticsCategory>()).Name);
        }

        using (var other = new NewCallAnalyticsCategoryCommand { Name = "Billing", Rule = [Rule("invoice")] }.UseEmulator(Server))
        {
            CmdletRunner.Run(other, new RecordingHost());
        }

        using (var get = new GetCallAnalyticsCategoryCommand { Name = ["cancel*"] }.UseEmulator(Server))
        {
            var found = Assert.Single(CmdletRunner.Run(get, new RecordingHost()).ObjectsOf<CallAnalyticsCategory>());
            Assert.Equal(["cancel"], found.Rules.Single().TranscriptFilter!.Targets);
        }

        // Hashtables in the API's own shape, as a saved JSON file would give them.
        var apiShape = new Hashtable { ["TranscriptFilter"] = new Hashtable { ["TranscriptFilterType"] = "EXACT", ["Targets"] = new[] { "cancel", "terminate" } } };
        using (var set = new SetCallAnalyticsCategoryCommand { Name = "CancelRisk", Rule = [apiShape], PassThruOn = true }.UseEmulator(Server))
        {
            var updated = CmdletRunner.Run(set, new RecordingHost("Name"));
            Assert.Empty(updated.Errors);
            Assert.Equal(["cancel", "terminate"], Assert.Single(updated.ObjectsOf<CallAnalyticsCategory>()).Rules.Single().TranscriptFilter!.Targets);
        }

        using (var remove = new RemoveCallAnalyticsCategoryCommand { Name = ["CancelRisk", "Missing"] }.UseEmulator(Server))
        {
            var removed = CmdletRunner.Run(remove, new RecordingHost());
            var error = Assert.Single(removed.Errors);
            Assert.Equal("Missing", error.Target);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.Category);
        }

        using var all = new GetCallAnalyticsCategoryCommand().UseEmulator(Server);
        Assert.Equal(["Billing"], CmdletRunner.Run(all, new RecordingHost()).ObjectsOf<CallAnalyticsCategory>().Select(c => c.Name));
    }

    private static CallAnalyticsRule Rule(string phrase)
    {
        using var cmdlet = new NewCallAnalyticsRuleCommand { TranscriptContains = [phrase] };
        return Assert.Single(CmdletRunner.Run(cmdlet, new RecordingHost("Transcript")).ObjectsOf<CallAnalyticsRule>());
    }
}
