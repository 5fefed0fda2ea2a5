namespace TranscribePS.Infrastructure;

/// <summary>Progress activity ids; PowerShell keeps them apart per cmdlet instance, these keep them apart within one.</summary>
internal static class ActivityIds
{
    public const int Upload = 1;
    public const int Wait = 2;
}
