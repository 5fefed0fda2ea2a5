namespace TranscribePS.Tests.Module;

/// <summary>The cmdlet contract, read from the compiled cmdlet assembly's metadata.</summary>
public sealed class CmdletContractTests
{
    /// <summary>PowerShell 7.4's approved verbs (Get-Verb).</summary>
    private static readonly HashSet<string> ApprovedVerbs = new(StringComparer.Ordinal)
    {
        "Add", "Clear", "Close", "Copy", "Enter", "Exit", "Find", "Format", "Get", "Hide", "Join", "Lock", "Move", "New",
        "Open", "Optimize", "Pop", "Push", "Redo", "Remove", "Rename", "Reset", "Resize", "Search", "Select", "Set",
        "Show", "Skip", "Split", "Step", "Switch", "Undo", "Unlock", "Watch",
        "Connect", "Disconnect", "Read", "Receive", "Send", "Write",
        "Backup", "Checkpoint", "Compare", "Compress", "Convert", "ConvertFrom", "ConvertTo", "Dismount", "Edit",
        "Expand", "Export", "Group", "Import", "Initialize", "Limit", "Merge", "Mount", "Out", "Publish", "Restore",
        "Save", "Sync", "Unpublish", "Update",
        "Debug", "Measure", "Ping", "Repair", "Resolve", "Test", "Trace",
        "Approve", "Assert", "Build", "Complete", "Confirm", "Deny", "Deploy", "Disable", "Enable", "Install", "Invoke",
        "Register", "Request", "Restart", "Resume", "Start", "Stop", "Submit", "Suspend", "Uninstall", "Unregister",
        "Wait",
        "Block", "Grant", "Protect", "Revoke", "Unblock", "Unprotect",
        "Use",
    };

    private static readonly HashSet<string> StateChangingVerbs = new(StringComparer.Ordinal) { "Start", "New", "Set", "Remove", "Save" };

    private static readonly string[] AwsJobNameAliases = ["MedicalTranscriptionJobName", "CallAnalyticsJobName", "TranscriptionJobName"];

    private static readonly string[] AwsParameters = ["Region", "ProfileName", "ProfileLocation", "AccessKey", "SecretKey", "SessionToken", "EndpointUrl", "AllowInsecureEndpoint"];

    public static TheoryData<string> CmdletNames()
    {
        var data = new TheoryData<string>();
        foreach (var cmdlet in CmdletMetadata.Cmdlets)
        {
            data.Add(cmdlet.Name);
        }

        return data;
    }

    [Fact]
    public void The_assembly_holds_cmdlets_with_approved_verbs_and_singular_nouns()
    {
        Assert.NotEmpty(CmdletMetadata.Cmdlets);
        Assert.All(CmdletMetadata.Cmdlets, c => Assert.Contains(c.Verb, ApprovedVerbs));
        Assert.All(CmdletMetadata.Cmdlets, c => Assert.False(c.Noun.EndsWith('s'), $"{c.Name}: use a singular noun and a plural alias"));
        Assert.All(CmdletMetadata.Cmdlets, c => Assert.Equal(c.Verb + c.Noun + "Command", c.Type.Name));
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Every_cmdlet_declares_its_output_type(string name)
        => Assert.NotEmpty(CmdletMetadata.Get(name).OutputTypes);

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void State_changing_cmdlets_support_ShouldProcess_and_Remove_asks_at_high_impact(string name)
    {
        var cmdlet = CmdletMetadata.Get(name);
        // New-CallAnalyticsRule only builds an object in memory; nothing to confirm.
        if (StateChangingVerbs.Contains(cmdlet.Verb) && cmdlet.Name != "New-CallAnalyticsRule")
        {
            Assert.True(cmdlet.SupportsShouldProcess, $"{name} changes state but does not support -WhatIf/-Confirm");
        }

        if (cmdlet.Verb == "Remove")
        {
            Assert.Equal(CmdletMetadata.ConfirmImpactHigh, cmdlet.ConfirmImpact);
        }
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Cmdlets_that_call_AWS_take_the_AWS_Tools_parameter_names(string name)
    {
        var cmdlet = CmdletMetadata.Get(name);
        if (cmdlet.Name == "New-CallAnalyticsRule")
        {
            return;
        }

        foreach (var parameter in AwsParameters)
        {
            Assert.Contains(cmdlet.Parameters, p => p.Name == parameter);
        }

        Assert.Contains("AWSProfileName", cmdlet.Parameter("ProfileName").Aliases);
    }

    [Theory]
    [InlineData("Get-TranscribeJob")]
    [InlineData("Wait-TranscribeJob")]
    [InlineData("Remove-TranscribeJob")]
    public void Job_name_parameters_bind_by_property_name_under_the_AWS_names(string name)
    {
        var parameter = CmdletMetadata.Get(name).Parameter("Name");
        Assert.True(parameter.ByPropertyName);
        Assert.Contains("JobName", parameter.Aliases);
        Assert.All(AwsJobNameAliases, alias => Assert.Contains(alias, parameter.Aliases));
    }

    /// <summary>
    /// As on Get-Content and Import-Csv: a piped file binds -LiteralPath through PSPath and nothing else (a second
    /// binding through FullName made every FileInfo AmbiguousParameterSet where Path is not the default set); piped
    /// strings bind -Path by value. -Path still takes an existing file as itself (PathResolver).
    /// </summary>
    [Theory]
    [InlineData("Start-MedicalConversationJob", "Path")]
    [InlineData("Start-CallAnalyticsJob", "Path")]
    [InlineData("Get-TranscriptItem", "Job")]
    [InlineData("Get-TranscriptTurn", "Item")]
    [InlineData("Get-CallAnalyticsInsight", "Job")]
    public void Path_cmdlets_take_Get_ChildItem_output_and_give_PSPath_to_LiteralPath(string name, string defaultSet)
    {
        var cmdlet = CmdletMetadata.Get(name);
        var path = cmdlet.Parameter("Path");
        Assert.True(path.FromPipeline);
        Assert.False(path.ByPropertyName);
        Assert.Empty(path.Aliases);
        Assert.Equal(0, path.Sets.Single().Position);
        Assert.Equal(defaultSet, cmdlet.DefaultParameterSetName);
        var literal = cmdlet.Parameter("LiteralPath");
        Assert.True(literal.ByPropertyName);
        Assert.Equal(["LP", "PSPath"], literal.Aliases.Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// PowerShell binds a positional argument without type coercion first, so a job lands on the TranscriptionJob
    /// parameter and text on the string one, as long as both hold that position (in different sets).
    /// </summary>
    [Theory]
    [InlineData("Get-TranscribeJob", "Name", 0)]
    [InlineData("Wait-TranscribeJob", "Name", 0)]
    [InlineData("Remove-TranscribeJob", "Name", 0)]
    [InlineData("Save-TranscribeOutput", "Destination", 1)]
    public void A_job_given_by_position_binds_InputObject_and_text_binds_its_own_parameter(string name, string textParameter, int textPosition)
    {
        var cmdlet = CmdletMetadata.Get(name);
        var input = cmdlet.Parameter("InputObject");
        var text = cmdlet.Parameter(textParameter);
        Assert.Equal(0, input.Sets.Single().Position);
        Assert.Equal(textPosition, text.Sets.Single().Position);
        Assert.True(textPosition != 0 || input.Sets.Single().SetName != text.Sets.Single().SetName, "two parameters hold position 0 in one set");
        var sets = cmdlet.Parameters.SelectMany(p => p.Sets).Select(s => s.SetName).Where(s => s != "__AllParameterSets").Distinct().ToArray();
        Assert.All(sets, set =>
        {
            var positions = cmdlet.Parameters.SelectMany(p => p.Sets)
                .Where(s => (s.SetName == set || s.SetName == "__AllParameterSets") && s.Position is not null)
                .Select(s => s.Position!.Value)
                .ToArray();
            Assert.Equal(positions.Length, positions.Distinct().Count());
        });
    }

    [Fact]
    public void Get_TranscribeJob_takes_piped_names_as_text()
    {
        var name = CmdletMetadata.Get("Get-TranscribeJob").Parameter("Name");
        Assert.True(name.FromPipeline);
        Assert.Equal(typeof(string[]).FullName, name.Type.FullName);
    }

    /// <summary>Producer → consumer pairs that users pipe; each must bind by value or by a property name.</summary>
    public static TheoryData<string, string> Pipelines() => new()
    {
        { "Start-MedicalConversationJob", "Wait-TranscribeJob" },
        { "Start-CallAnalyticsJob", "Wait-TranscribeJob" },
        { "Get-TranscribeJob", "Wait-TranscribeJob" },
        { "Get-TranscribeJob", "Get-TranscribeJob" },
        { "Get-TranscribeJob", "Remove-TranscribeJob" },
        { "Wait-TranscribeJob", "Save-TranscribeOutput" },
        { "Wait-TranscribeJob", "Get-TranscriptItem" },
        { "Wait-TranscribeJob", "Get-TranscriptTurn" },
        { "Wait-TranscribeJob", "Get-CallAnalyticsInsight" },
        { "Get-TranscriptItem", "Get-TranscriptTurn" },
        { "Get-CallAnalyticsCategory", "Set-CallAnalyticsCategory" },
        { "Get-CallAnalyticsCategory", "Remove-CallAnalyticsCategory" },
    };

    [Theory]
    [MemberData(nameof(Pipelines))]
    public void Pipeline_bindings_line_up(string producer, string consumer)
    {
        // A renamed or removed cmdlet fails here (rename the pair too) instead of passing with nothing checked.
        Assert.True(Exists(producer), $"{producer} is not a cmdlet of the module.");
        Assert.True(Exists(consumer), $"{consumer} is not a cmdlet of the module.");

        var output = Assert.Single(CmdletMetadata.Get(producer).OutputTypes);
        var properties = output.GetProperties().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var parameters = CmdletMetadata.Get(consumer).Parameters;
        var byValue = parameters.Where(p => p.FromPipeline && ElementType(p.Type).IsAssignableFrom(output));
        var byName = parameters.Where(p => p.ByPropertyName && p.Names.Any(properties.Contains));
        Assert.True(byValue.Any() || byName.Any(), $"{producer} | {consumer}: nothing binds {output.Name}");
    }

    private static bool Exists(string name) => CmdletMetadata.Cmdlets.Any(c => c.Name == name);

    private static Type ElementType(Type type) => type.IsArray ? type.GetElementType()! : type;
}
