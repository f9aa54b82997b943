using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;

namespace TokenPolicy.Credentials;

/// <summary>
/// Validates <see cref="CredentialClientOptions"/> at start-up by parsing them into the settings the client uses
/// (data annotations for ranges, cross-field rules here). Every error names the offending key, both as environment
/// variable and as configuration key, and never repeats a secret or a URL (which may hold user-info).
/// </summary>
public sealed class CredentialClientOptionsValidator : IValidateOptions<CredentialClientOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, CredentialClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = CredentialSettings.For(options);
        return settings.Errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(settings.ErrorTexts);
    }
}

/// <summary>The parsed settings of one options instance, parsed once (cached per instance).</summary>
internal static class SettingsCache
{
    private static readonly ConditionalWeakTable<CredentialClientOptions, CredentialSettings> s_parsed = new();

    public static CredentialSettings Get(CredentialClientOptions options) =>
        s_parsed.GetValue(options, static o => CredentialSettings.Parse(o));
}
