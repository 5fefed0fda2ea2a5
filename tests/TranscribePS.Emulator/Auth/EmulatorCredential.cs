namespace TranscribePS.Emulator.Auth;

/// <summary>A key pair the emulator accepts. Any session token is accepted as long as it is signed.</summary>
public sealed record EmulatorCredential(string AccessKeyId, string SecretAccessKey);
