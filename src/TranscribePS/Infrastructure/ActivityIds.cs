namespace TranscribePS.Infrastructure;

/// <summary>Progress activity ids; PowerShell keeps them apart per cmdlet instance, these keep them apart within one.</summary>
internal static class ActivityIds
{
    public const int Upload = 1;
    public const int Wait = 2;
    public const int Slot = 3;

    /// <summary>The line of the <paramref name="index"/>th job under the wait bar (few jobs only).</summary>
    public static int WaitJob(int index) => 100 + index;
}
