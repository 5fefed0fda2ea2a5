using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using TranscribePS.Emulator.Transcribe.Categories;

namespace TranscribePS.Emulator.Transcribe;

public sealed partial class TranscribeApi
{
    private const int DefaultMaxResults = 5;

    private JsonObject StartJob(TranscribeJobFamily family, JsonObject request)
    {
        var names = JobRequests.Names[family];
        string name = JobRequests.Str(request, names.JobName)!;
        var now = _clock.GetUtcNow();
        JobRequests.Validate(family, request);
        var media = S3Location.Parse(JobRequests.Str(request, "Media", "MediaFileUri")!)
            ?? throw ServiceErrors.BadRequest("The URI that you provided doesn't point to an S3 object. Make sure that the object exists and try your request again.");
        Settle(read: false);
        if (_jobs.ContainsKey((family, name)))
        {
            throw ServiceErrors.Conflict(ServiceErrors.JobNameTaken);
        }

        bool slotFree = _jobs.Values.Count(j => j.Family == family && j.Admitted) < _options.ConcurrentLimit(family);
        if (!slotFree && !JobRequests.Queueable(family, request))
        {
            throw ServiceErrors.LimitExceeded(ServiceErrors.ConcurrentJobs);
        }

        var job = new JobRecord
        {
            Family = family,
            Name = name,
            Request = request,
            Sequence = ++_sequence,
            CreationTime = now,
            LanguageCode = JobRequests.LanguageCode(family, request),
            Media = media,
            Categories = family == TranscribeJobFamily.CallAnalytics
                ? _categories.Values.Where(c => c.InputType == "POST_CALL").OrderBy(c => c.CreateTime).ToList()
                : [],
            WaitingForSlot = !slotFree,
            Assessment = MediaAssessment.Assess(
                _store,
                media,
                family,
                JobRequests.Str(request, "MediaFormat"),
                (int?)JobRequests.Long(request, "MediaSampleRateHertz"),
                JobRequests.ChannelIdentification(request)),
        };
        _jobs[(family, name)] = job;
        if (slotFree)
        {
            Admit(job, now);
        }

        return new JsonObject { [names.Wrapper] = JobViews.Full(job, PresentOutputUri) };
    }

    private JsonObject GetJob(TranscribeJobFamily family, JsonObject request)
    {
        var names = JobRequests.Names[family];
        Settle(read: true);
        var job = Find(family, JobRequests.Str(request, names.JobName)!);
        return new JsonObject { [names.Wrapper] = JobViews.Full(job, PresentOutputUri) };
    }

    private JsonObject ListJobs(TranscribeJobFamily family, JsonObject request)
    {
        var names = JobRequests.Names[family];
        Settle(read: true);
        string? status = JobRequests.Str(request, "Status");
        string? contains = JobRequests.Str(request, "JobNameContains");
        int max = (int)(JobRequests.Long(request, "MaxResults") ?? DefaultMaxResults);
        long? after = JobRequests.Str(request, "NextToken") is { } token ? ReadToken(token) : null;

        var matching = _jobs.Values
            .Where(j => j.Family == family)
            .Where(j => status is null || j.Status == status)
            .Where(j => contains is null || j.Name.Contains(contains, StringComparison.OrdinalIgnoreCase))
            .Where(j => after is null || j.Sequence < after)
            .OrderByDescending(j => j.Sequence)
            .Take(max + 1)
            .ToList();

        var response = new JsonObject();
        if (status is not null)
        {
            response["Status"] = status;
        }

        if (matching.Count > max)
        {
            response["NextToken"] = WriteToken(matching[max - 1].Sequence);
        }

        response[names.Summaries] = new JsonArray(matching.Take(max).Select(j => (JsonNode)JobViews.Summary(j)).ToArray());
        return response;
    }

    private JsonObject DeleteJob(TranscribeJobFamily family, JsonObject request)
    {
        Settle(read: false);
        string name = JobRequests.Str(request, JobRequests.Names[family].JobName)!;
        if (!_jobs.TryGetValue((family, name), out var job))
        {
            throw ServiceErrors.BadRequest(ServiceErrors.JobNotFound);
        }

        if (!JobStatusWords.IsFinished(job.Status))
        {
            throw ServiceErrors.BadRequest(ServiceErrors.JobNotFinished);
        }

        _jobs.Remove((family, name));
        return new JsonObject();
    }

    /// <summary>The service answers unknown job names with BadRequestException (not the modelled NotFoundException).</summary>
    private JobRecord Find(TranscribeJobFamily family, string name) =>
        _jobs.TryGetValue((family, name), out var job) ? job : throw ServiceErrors.BadRequest(ServiceErrors.JobNotFound);

    /// <summary>
    /// Applies every transition due by now, in time order (a finishing job frees its slot for a waiting one at the
    /// moment it finishes). In Instant mode a read also finishes every running job, and starts waiting ones.
    /// </summary>
    private void Settle(bool read)
    {
        var now = _clock.GetUtcNow();
        while (true)
        {
            JobRecord? due = null;
            var dueAt = DateTimeOffset.MaxValue;
            foreach (var job in _jobs.Values)
            {
                var at = job.Status switch
                {
                    JobStatusWords.Queued when !job.WaitingForSlot => job.StartAt,
                    JobStatusWords.InProgress => job.CompleteAt,
                    _ => null,
                };
                if (at is { } time && time <= now && (time < dueAt || time == dueAt && due!.Sequence > job.Sequence))
                {
                    due = job;
                    dueAt = time;
                }
            }

            if (due is null)
            {
                break;
            }

            if (due.Status == JobStatusWords.Queued)
            {
                Begin(due, dueAt);
            }
            else
            {
                Finish(due, dueAt);
                PromoteWaiting(due.Family, dueAt);
            }
        }

        if (read && _options.TimingMode == TranscribeTimingMode.Instant)
        {
            foreach (var job in _jobs.Values.Where(j => j.Status == JobStatusWords.Queued && !j.WaitingForSlot).OrderBy(j => j.Sequence).ToList())
            {
                Begin(job, now);
            }

            foreach (var job in _jobs.Values.Where(j => j.Status == JobStatusWords.InProgress).OrderBy(j => j.Sequence).ToList())
            {
                Finish(job, now);
            }

            foreach (var family in Enum.GetValues<TranscribeJobFamily>())
            {
                PromoteWaiting(family, now);
            }
        }
    }

    private void Admit(JobRecord job, DateTimeOffset at)
    {
        job.WaitingForSlot = false;
        if (_options.TimingMode == TranscribeTimingMode.Realistic && _options.QueueDelay > TimeSpan.Zero)
        {
            job.Status = JobStatusWords.Queued;
            job.StartAt = at + _options.QueueDelay;
        }
        else
        {
            Begin(job, at);
        }
    }

    private void Begin(JobRecord job, DateTimeOffset at)
    {
        job.Status = JobStatusWords.InProgress;
        job.StartTime = at;
        job.CompleteAt = _options.TimingMode == TranscribeTimingMode.Realistic ? at + ProcessingTime(job) : null;
    }

    private TimeSpan ProcessingTime(JobRecord job)
    {
        double audioSeconds = job.Assessment?.FailureReason is null ? (job.Assessment?.DurationMs ?? 0) / 1000.0 : 0;
        return _options.BaseProcessingTime + TimeSpan.FromSeconds(audioSeconds * _options.ProcessingFactor);
    }

    /// <summary>Starts jobs waiting for a slot, oldest first, while the family's quota has room.</summary>
    private void PromoteWaiting(TranscribeJobFamily family, DateTimeOffset at)
    {
        int admitted = _jobs.Values.Count(j => j.Family == family && j.Admitted);
        foreach (var job in _jobs.Values.Where(j => j.Family == family && j.WaitingForSlot).OrderBy(j => j.Sequence).ToList())
        {
            if (admitted >= _options.ConcurrentLimit(family))
            {
                break;
            }

            Admit(job, at);
            admitted++;
        }
    }

    private static string WriteToken(long sequence) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes("emulator-page:" + sequence.ToString(CultureInfo.InvariantCulture)));

    private static long ReadToken(string token)
    {
        try
        {
            string text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            if (text.StartsWith("emulator-page:", StringComparison.Ordinal) && long.TryParse(text["emulator-page:".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out long sequence))
            {
                return sequence;
            }
        }
        catch (FormatException)
        {
            // Falls through to the service's answer for a token it did not issue.
        }

        throw ServiceErrors.BadRequest(ServiceErrors.InvalidNextToken);
    }

    private static string CategoryToken(string name) => Convert.ToBase64String(Encoding.UTF8.GetBytes("emulator-category:" + name));

    private static string ReadCategoryToken(string token)
    {
        try
        {
            string text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            if (text.StartsWith("emulator-category:", StringComparison.Ordinal))
            {
                return text["emulator-category:".Length..];
            }
        }
        catch (FormatException)
        {
            // Falls through to the service's answer for a token it did not issue.
        }

        throw ServiceErrors.BadRequest(ServiceErrors.InvalidNextToken);
    }

    private JsonObject CreateCategory(JsonObject request)
    {
        string name = JobRequests.Str(request, "CategoryName")!;
        var rules = request["Rules"]!.AsArray();
        CategoryRules.Validate(rules);
        if (_categories.ContainsKey(name))
        {
            throw ServiceErrors.Conflict(ServiceErrors.CategoryNameTaken);
        }

        var now = _clock.GetUtcNow();
        var category = new CategoryRecord(name, (JsonArray)rules.DeepClone(), JobRequests.Str(request, "InputType") ?? "POST_CALL", request["Tags"]?.DeepClone() as JsonArray, now, now);
        _categories[name] = category;
        return new JsonObject { ["CategoryProperties"] = CategoryView(category) };
    }

    private JsonObject GetCategory(JsonObject request) =>
        new() { ["CategoryProperties"] = CategoryView(FindCategory(JobRequests.Str(request, "CategoryName")!)) };

    private JsonObject ListCategories(JsonObject request)
    {
        int max = (int)(JobRequests.Long(request, "MaxResults") ?? DefaultMaxResults);
        string? after = JobRequests.Str(request, "NextToken") is { } token ? ReadCategoryToken(token) : null;
        var page = _categories.Values
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .Where(c => after is null || string.CompareOrdinal(c.Name, after) > 0)
            .Take(max + 1)
            .ToList();
        var response = new JsonObject();
        if (page.Count > max)
        {
            response["NextToken"] = CategoryToken(page[max - 1].Name);
        }

        response["Categories"] = new JsonArray(page.Take(max).Select(c => (JsonNode)CategoryView(c)).ToArray());
        return response;
    }

    private JsonObject UpdateCategory(JsonObject request)
    {
        var existing = FindCategory(JobRequests.Str(request, "CategoryName")!);
        var rules = request["Rules"]!.AsArray();
        CategoryRules.Validate(rules);
        string inputType = JobRequests.Str(request, "InputType") ?? existing.InputType;
        if (inputType != existing.InputType)
        {
            throw ServiceErrors.BadRequest($"The InputType of a category can't change. This category was created as {existing.InputType}; create a new category for {inputType}.");
        }

        var updated = existing with { Rules = (JsonArray)rules.DeepClone(), LastUpdateTime = _clock.GetUtcNow() };
        _categories[existing.Name] = updated;
        return new JsonObject { ["CategoryProperties"] = CategoryView(updated) };
    }

    private JsonObject DeleteCategory(JsonObject request)
    {
        var category = FindCategory(JobRequests.Str(request, "CategoryName")!);
        _categories.Remove(category.Name);
        return new JsonObject();
    }

    private CategoryRecord FindCategory(string name) =>
        _categories.TryGetValue(name, out var category) ? category : throw ServiceErrors.NotFound(ServiceErrors.CategoryNotFound);

    private static JsonObject CategoryView(CategoryRecord category)
    {
        var view = new JsonObject
        {
            ["CategoryName"] = category.Name,
            ["Rules"] = category.Rules.DeepClone(),
            ["CreateTime"] = JobViews.Epoch(category.CreateTime),
            ["LastUpdateTime"] = JobViews.Epoch(category.LastUpdateTime),
        };
        if (category.Tags is not null)
        {
            view["Tags"] = category.Tags.DeepClone();
        }

        view["InputType"] = category.InputType;
        return view;
    }
}
