using System.Runtime.CompilerServices;
using System.Text.Json;
using Amazon.Runtime;
using TranscribePS.Core.Aws.Model;
using TranscribePS.Core.Jobs;

namespace TranscribePS.Core.Aws;

/// <summary>
/// Amazon Transcribe batch operations over AWSSDK.Core's pipeline (SigV4, retries with jittered backoff, clock-skew
/// correction, endpoint overrides). Every failure surfaces as a <see cref="TranscribeException"/>.
/// </summary>
public sealed class TranscribeClient : IDisposable
{
    /// <summary>The largest page the service returns; its default of 5 would multiply List calls twentyfold.</summary>
    public const int MaxPageSize = 100;

    private readonly TranscribeServiceClient _client;
    private readonly AWSCredentials? _credentials;

    /// <param name="config">Region or endpoint settings; see <see cref="TranscribeClientConfig"/>.</param>
    /// <param name="credentials">Null uses the SDK's default credential chain.</param>
    public TranscribeClient(TranscribeClientConfig config, AWSCredentials? credentials)
    {
        ArgumentNullException.ThrowIfNull(config);
        Region = config.AuthenticationRegion ?? config.RegionEndpoint?.SystemName
            ?? throw new ArgumentException(Messages.RegionMissingForClient, nameof(config));
        Endpoint = config.ServiceURL;
        _client = new TranscribeServiceClient(credentials, config);
        _credentials = credentials;
    }

    /// <summary>The region calls are signed for and jobs live in.</summary>
    public string Region { get; }

    /// <summary>The custom endpoint, when one is set; null for the regional AWS host.</summary>
    public string? Endpoint { get; }

    /// <summary>
    /// List pages per second that every client of this process with <see cref="SharesListPace"/> keeps together, per
    /// endpoint and List operation: under the service's 5 TPS, which counts the account's calls, not one caller's.
    /// </summary>
    internal const double SharedListCallsPerSecond = 3.5;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Waiting.CallPacer> SharedListPacers = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether this client's List calls share one pace with the process's other such clients. The cmdlets set it: in
    /// <c>Start-… | Wait-TranscribeJob</c> the batch's listings and the wait's each keep their own pace, and together
    /// they would go past the quota (the service then throttles, and the calls are retried late).
    /// </summary>
    internal bool SharesListPace { get; init; }

    public Task<StartMedicalTranscriptionJobResponse> StartMedicalTranscriptionJobAsync(StartMedicalTranscriptionJobRequest request, CancellationToken cancellationToken) =>
        CallAsync<StartMedicalTranscriptionJobRequest, StartMedicalTranscriptionJobResponse>("StartMedicalTranscriptionJob", request, cancellationToken);

    public Task<GetMedicalTranscriptionJobResponse> GetMedicalTranscriptionJobAsync(GetMedicalTranscriptionJobRequest request, CancellationToken cancellationToken) =>
        CallAsync<GetMedicalTranscriptionJobRequest, GetMedicalTranscriptionJobResponse>("GetMedicalTranscriptionJob", request, cancellationToken);

    public Task<ListMedicalTranscriptionJobsResponse> ListMedicalTranscriptionJobsAsync(ListMedicalTranscriptionJobsRequest request, CancellationToken cancellationToken) =>
        CallAsync<ListMedicalTranscriptionJobsRequest, ListMedicalTranscriptionJobsResponse>("ListMedicalTranscriptionJobs", request, cancellationToken);

    public Task DeleteMedicalTranscriptionJobAsync(DeleteMedicalTranscriptionJobRequest request, CancellationToken cancellationToken) =>
        CallAsync<DeleteMedicalTranscriptionJobRequest, EmptyResponse>("DeleteMedicalTranscriptionJob", request, cancellationToken);

    public Task<StartCallAnalyticsJobResponse> StartCallAnalyticsJobAsync(StartCallAnalyticsJobRequest request, CancellationToken cancellationToken) =>
        CallAsync<StartCallAnalyticsJobRequest, StartCallAnalyticsJobResponse>("StartCallAnalyticsJob", request, cancellationToken);

    public Task<GetCallAnalyticsJobResponse> GetCallAnalyticsJobAsync(GetCallAnalyticsJobRequest request, CancellationToken cancellationToken) =>
        CallAsync<GetCallAnalyticsJobRequest, GetCallAnalyticsJobResponse>("GetCallAnalyticsJob", request, cancellationToken);

    public Task<ListCallAnalyticsJobsResponse> ListCallAnalyticsJobsAsync(ListCallAnalyticsJobsRequest request, CancellationToken cancellationToken) =>
        CallAsync<ListCallAnalyticsJobsRequest, ListCallAnalyticsJobsResponse>("ListCallAnalyticsJobs", request, cancellationToken);

    public Task<DeleteCallAnalyticsJobResponse> DeleteCallAnalyticsJobAsync(DeleteCallAnalyticsJobRequest request, CancellationToken cancellationToken) =>
        CallAsync<DeleteCallAnalyticsJobRequest, DeleteCallAnalyticsJobResponse>("DeleteCallAnalyticsJob", request, cancellationToken);

    public Task<StartTranscriptionJobResponse> StartTranscriptionJobAsync(StartTranscriptionJobRequest request, CancellationToken cancellationToken) =>
        CallAsync<StartTranscriptionJobRequest, StartTranscriptionJobResponse>("StartTranscriptionJob", request, cancellationToken);

    public Task<GetTranscriptionJobResponse> GetTranscriptionJobAsync(GetTranscriptionJobRequest request, CancellationToken cancellationToken) =>
        CallAsync<GetTranscriptionJobRequest, GetTranscriptionJobResponse>("GetTranscriptionJob", request, cancellationToken);

    public Task<ListTranscriptionJobsResponse> ListTranscriptionJobsAsync(ListTranscriptionJobsRequest request, CancellationToken cancellationToken) =>
        CallAsync<ListTranscriptionJobsRequest, ListTranscriptionJobsResponse>("ListTranscriptionJobs", request, cancellationToken);

    public Task DeleteTranscriptionJobAsync(DeleteTranscriptionJobRequest request, CancellationToken cancellationToken) =>
        CallAsync<DeleteTranscriptionJobRequest, EmptyResponse>("DeleteTranscriptionJob", request, cancellationToken);

    public Task<StartMedicalScribeJobResponse> StartMedicalScribeJobAsync(StartMedicalScribeJobRequest request, CancellationToken cancellationToken) =>
        CallAsync<StartMedicalScribeJobRequest, StartMedicalScribeJobResponse>("StartMedicalScribeJob", request, cancellationToken);

    public Task<GetMedicalScribeJobResponse> GetMedicalScribeJobAsync(GetMedicalScribeJobRequest request, CancellationToken cancellationToken) =>
        CallAsync<GetMedicalScribeJobRequest, GetMedicalScribeJobResponse>("GetMedicalScribeJob", request, cancellationToken);

    public Task<ListMedicalScribeJobsResponse> ListMedicalScribeJobsAsync(ListMedicalScribeJobsRequest request, CancellationToken cancellationToken) =>
        CallAsync<ListMedicalScribeJobsRequest, ListMedicalScribeJobsResponse>("ListMedicalScribeJobs", request, cancellationToken);

    public Task DeleteMedicalScribeJobAsync(DeleteMedicalScribeJobRequest request, CancellationToken cancellationToken) =>
        CallAsync<DeleteMedicalScribeJobRequest, EmptyResponse>("DeleteMedicalScribeJob", request, cancellationToken);

    public Task<CreateCallAnalyticsCategoryResponse> CreateCallAnalyticsCategoryAsync(CreateCallAnalyticsCategoryRequest request, CancellationToken cancellationToken) =>
        CallAsync<CreateCallAnalyticsCategoryRequest, CreateCallAnalyticsCategoryResponse>("CreateCallAnalyticsCategory", request, cancellationToken);

    public Task<GetCallAnalyticsCategoryResponse> GetCallAnalyticsCategoryAsync(GetCallAnalyticsCategoryRequest request, CancellationToken cancellationToken) =>
        CallAsync<GetCallAnalyticsCategoryRequest, GetCallAnalyticsCategoryResponse>("GetCallAnalyticsCategory", request, cancellationToken);

    public Task<ListCallAnalyticsCategoriesResponse> ListCallAnalyticsCategoriesAsync(ListCallAnalyticsCategoriesRequest request, CancellationToken cancellationToken) =>
        CallAsync<ListCallAnalyticsCategoriesRequest, ListCallAnalyticsCategoriesResponse>("ListCallAnalyticsCategories", request, cancellationToken);

    public Task<UpdateCallAnalyticsCategoryResponse> UpdateCallAnalyticsCategoryAsync(UpdateCallAnalyticsCategoryRequest request, CancellationToken cancellationToken) =>
        CallAsync<UpdateCallAnalyticsCategoryRequest, UpdateCallAnalyticsCategoryResponse>("UpdateCallAnalyticsCategory", request, cancellationToken);

    public Task<DeleteCallAnalyticsCategoryResponse> DeleteCallAnalyticsCategoryAsync(DeleteCallAnalyticsCategoryRequest request, CancellationToken cancellationToken) =>
        CallAsync<DeleteCallAnalyticsCategoryRequest, DeleteCallAnalyticsCategoryResponse>("DeleteCallAnalyticsCategory", request, cancellationToken);

    /// <summary>Every medical job summary, fetched page by page (100 at a time) as the caller consumes them.</summary>
    public IAsyncEnumerable<MedicalTranscriptionJobSummary> ListAllMedicalTranscriptionJobsAsync(JobStatus? status, string? jobNameContains, CancellationToken cancellationToken) =>
        PagesAsync(
            async token => await ListMedicalTranscriptionJobsAsync(new() { Status = status, JobNameContains = jobNameContains, NextToken = token, MaxResults = MaxPageSize }, cancellationToken).ConfigureAwait(false),
            page => (page.MedicalTranscriptionJobSummaries, page.NextToken),
            cancellationToken);

    public IAsyncEnumerable<CallAnalyticsJobSummary> ListAllCallAnalyticsJobsAsync(JobStatus? status, string? jobNameContains, CancellationToken cancellationToken) =>
        PagesAsync(
            async token => await ListCallAnalyticsJobsAsync(new() { Status = status, JobNameContains = jobNameContains, NextToken = token, MaxResults = MaxPageSize }, cancellationToken).ConfigureAwait(false),
            page => (page.CallAnalyticsJobSummaries, page.NextToken),
            cancellationToken);

    public IAsyncEnumerable<TranscriptionJobSummary> ListAllTranscriptionJobsAsync(JobStatus? status, string? jobNameContains, CancellationToken cancellationToken) =>
        PagesAsync(
            async token => await ListTranscriptionJobsAsync(new() { Status = status, JobNameContains = jobNameContains, NextToken = token, MaxResults = MaxPageSize }, cancellationToken).ConfigureAwait(false),
            page => (page.TranscriptionJobSummaries, page.NextToken),
            cancellationToken);

    public IAsyncEnumerable<MedicalScribeJobSummary> ListAllMedicalScribeJobsAsync(JobStatus? status, string? jobNameContains, CancellationToken cancellationToken) =>
        PagesAsync(
            async token => await ListMedicalScribeJobsAsync(new() { Status = status, JobNameContains = jobNameContains, NextToken = token, MaxResults = MaxPageSize }, cancellationToken).ConfigureAwait(false),
            page => (page.MedicalScribeJobSummaries, page.NextToken),
            cancellationToken);

    public IAsyncEnumerable<CategoryProperties> ListAllCallAnalyticsCategoriesAsync(CancellationToken cancellationToken) =>
        PagesAsync(
            async token => await ListCallAnalyticsCategoriesAsync(new() { NextToken = token, MaxResults = MaxPageSize }, cancellationToken).ConfigureAwait(false),
            page => (page.Categories, page.NextToken),
            cancellationToken);

    public void Dispose() => _client.Dispose();

    private static async IAsyncEnumerable<TItem> PagesAsync<TPage, TItem>(
        Func<string?, Task<TPage>> fetch,
        Func<TPage, (IReadOnlyList<TItem>? Items, string? NextToken)> read,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? token = null;
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (items, next) = read(await fetch(token).ConfigureAwait(false));
            foreach (var item in items ?? [])
            {
                yield return item;
            }

            token = string.IsNullOrEmpty(next) ? null : next;
        }
        while (token is not null);
    }

    private async Task<TResponse> CallAsync<TRequest, TResponse>(string operation, TRequest request, CancellationToken cancellationToken)
        where TRequest : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (SharesListPace && operation.StartsWith("List", StringComparison.Ordinal))
        {
            var pacer = SharedListPacers.GetOrAdd((Endpoint ?? Region) + "|" + operation, _ => new Waiting.CallPacer(SharedListCallsPerSecond, TimeProvider.System));
            await pacer.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(request, WireJson.Options);
        byte[] responseBody;
        try
        {
            responseBody = await SendRenewingAsync(operation, body, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (AwsErrors.Translate(AwsService.Transcribe, ex, operation, Endpoint ?? Region, cancellationToken) is { } translated)
        {
            throw translated;
        }

        if (responseBody.Length == 0)
        {
            responseBody = "{}"u8.ToArray();
        }

        try
        {
            return JsonSerializer.Deserialize<TResponse>(responseBody, WireJson.Options)
                ?? throw new JsonException("The response body was null.");
        }
        catch (JsonException ex)
        {
            throw new TranscribeException(AwsErrorKind.ServiceFault, Messages.UnreadableResponse(operation, ex.Message), innerException: ex);
        }
    }

    /// <summary>
    /// One call; if its session token expired, the credentials are read again (a long wait outlives a session that a
    /// refreshed credentials file or SSO login has already replaced) and the call is made once more with the new ones.
    /// </summary>
    private async Task<byte[]> SendRenewingAsync(string operation, byte[] body, CancellationToken cancellationToken)
    {
        var mark = RenewableCredentials.Mark(_credentials);
        try
        {
            return await _client.SendAsync(operation, body, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonServiceException ex) when (AwsErrors.IsExpiredCredentials(ex) && RenewableCredentials.Renewed(_credentials, mark))
        {
            // Renewed: fall through to the second try, whose failure is the one reported.
        }

        return await _client.SendAsync(operation, body, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The body of operations that return nothing.</summary>
    private sealed record EmptyResponse;
}
