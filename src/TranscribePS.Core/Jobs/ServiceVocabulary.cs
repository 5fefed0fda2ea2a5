namespace TranscribePS.Core.Jobs;

/// <summary>Closed value sets from the Transcribe service model (botocore transcribe/2017-10-26).</summary>
public static class ServiceVocabulary
{
    /// <summary>Every LanguageCode the service model knows; call analytics accepts a subset the service checks itself.</summary>
    public static IReadOnlyList<string> LanguageCodes { get; } =
    [
        "af-ZA", "ar-AE", "ar-SA", "am-ET", "cy-GB", "da-DK", "de-CH", "de-DE", "en-AB", "en-AU", "en-GB", "en-IE",
        "en-IN", "en-US", "en-WL", "es-ES", "es-MX", "es-US", "fa-AF", "fa-IR", "fr-CA", "fr-FR", "ga-IE", "gd-GB",
        "he-IL", "hi-IN", "ht-HT", "id-ID", "it-IT", "ja-JP", "jv-ID", "km-KH", "ko-KR", "my-MM", "ms-MY", "nl-NL",
        "pt-BR", "pt-PT", "ru-RU", "ta-IN", "te-IN", "tr-TR", "zh-CN", "zh-TW", "th-TH", "en-ZA", "en-NZ", "vi-VN",
        "sv-SE", "ab-GE", "ast-ES", "az-AZ", "ba-RU", "be-BY", "bg-BG", "bn-IN", "bs-BA", "ca-ES", "ckb-IQ", "ckb-IR",
        "cs-CZ", "cy-WL", "el-GR", "et-EE", "et-ET", "eu-ES", "fi-FI", "gl-ES", "gu-IN", "ha-NG", "hr-HR", "hu-HU",
        "hy-AM", "is-IS", "ka-GE", "kab-DZ", "kk-KZ", "kn-IN", "ky-KG", "lg-IN", "lt-LT", "lv-LV", "mhr-RU", "mi-NZ",
        "mk-MK", "ml-IN", "mn-MN", "mr-IN", "mt-MT", "no-NO", "ne-NP", "or-IN", "pa-IN", "pl-PL", "ps-AF", "ro-RO",
        "rw-RW", "si-LK", "sk-SK", "sl-SI", "so-SO", "sq-AL", "sr-RS", "su-ID", "sw-BI", "sw-KE", "sw-RW", "sw-TZ",
        "sw-UG", "tl-PH", "tt-RU", "ug-CN", "uk-UA", "uz-UZ", "wo-SN", "zh-HK", "zu-ZA",
    ];

    /// <summary>ContentRedaction.PiiEntityTypes values.</summary>
    public static IReadOnlyList<string> PiiEntityTypes { get; } =
    [
        "BANK_ACCOUNT_NUMBER", "BANK_ROUTING", "CREDIT_DEBIT_NUMBER", "CREDIT_DEBIT_CVV", "CREDIT_DEBIT_EXPIRY", "PIN",
        "EMAIL", "ADDRESS", "NAME", "PHONE", "SSN", "ALL",
    ];

    /// <summary>HealthScribe's ClinicalNoteGenerationSettings.NoteTemplate values; the first is the service's default.</summary>
    public static IReadOnlyList<string> NoteTemplates { get; } =
        ["HISTORY_AND_PHYSICAL", "GIRPP", "BIRP", "SIRP", "DAP", "BEHAVIORAL_SOAP", "PHYSICAL_SOAP"];

    /// <summary>
    /// The languages standard batch jobs redact PII in: US English and US Spanish, and since May 2026 French, Canadian
    /// French, German, Swiss German, Italian, Portuguese and Brazilian Portuguese (Developer Guide, "Redacting PII in
    /// your batch job" and its document history).
    /// </summary>
    public static IReadOnlyList<string> RedactionLanguages { get; } =
        ["en-US", "es-US", "fr-FR", "fr-CA", "de-DE", "de-CH", "it-IT", "pt-PT", "pt-BR"];
}
