using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using TokenPolicy.Analyzers.Evaluation;

namespace TokenPolicy.Analyzers.Configuration
{
    /// <summary>
    /// Decides whether a symbolic path value is a service-account (workload identity) token file.
    /// </summary>
    internal sealed class TokenPathMatcher
    {
        /// <summary>Token files reported by default (globs over normalised paths: '/' separators, no drive letter).</summary>
        public static readonly ImmutableArray<string> DefaultTokenPaths = ImmutableArray.Create(
            "/var/run/secrets/kubernetes.io/serviceaccount/token",
            "/run/secrets/kubernetes.io/serviceaccount/token",
            "/var/run/secrets/tokens/**",
            "/run/secrets/tokens/**",
            "/var/run/secrets/eks.amazonaws.com/serviceaccount/token",
            "/run/secrets/eks.amazonaws.com/serviceaccount/token",
            "/var/run/secrets/azure/tokens/azure-identity-token",
            "/run/secrets/azure/tokens/azure-identity-token");

        /// <summary>Environment variables whose value is the path of a workload-identity token file.</summary>
        public static readonly ImmutableArray<string> DefaultTokenEnvVars = ImmutableArray.Create(
            "AZURE_FEDERATED_TOKEN_FILE",
            "AWS_WEB_IDENTITY_TOKEN_FILE",
            "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE");

        /// <summary>Sanctioned token sources that look like token files.</summary>
        public static readonly ImmutableArray<string> DefaultSanctionedPaths = ImmutableArray.Create(
            "/var/run/secrets/ambient/bot-token",
            "/run/secrets/ambient/bot-token");

        /// <summary>
        /// Endings that name the service-account token whatever directory precedes them, used when only the end
        /// of a path is known (<c>Path.Combine(root, "kubernetes.io/serviceaccount/token")</c>).
        /// </summary>
        private static readonly ImmutableArray<string> DistinctiveSuffixes = ImmutableArray.Create(
            "/kubernetes.io/serviceaccount/token",
            "/eks.amazonaws.com/serviceaccount/token",
            "/azure/tokens/azure-identity-token");

        public static readonly TokenPathMatcher Default = new(ImmutableArray<string>.Empty, ImmutableArray<string>.Empty, ImmutableArray<string>.Empty);

        private readonly ImmutableArray<string> _tokenPaths;
        private readonly ImmutableArray<string> _envVars;
        private readonly ImmutableArray<string> _sanctioned;

        public TokenPathMatcher(ImmutableArray<string> extraTokenPaths, ImmutableArray<string> extraEnvVars, ImmutableArray<string> extraSanctioned)
        {
            _tokenPaths = DefaultTokenPaths.AddRange(Normalize(extraTokenPaths));
            _envVars = DefaultTokenEnvVars.AddRange(extraEnvVars);
            _sanctioned = DefaultSanctionedPaths.AddRange(Normalize(extraSanctioned));
        }

        /// <summary>
        /// The first value of <paramref name="values"/> that is a token file, as a display string
        /// (the path, or <c>$NAME</c> for a file named by an environment variable); null when none is.
        /// </summary>
        public string? FindTokenPath(ValueSet values)
        {
            foreach (var value in values.Values)
            {
                var match = Match(value);
                if (match is not null)
                {
                    return match;
                }
            }

            return null;
        }

        public string? Match(StringValue value)
        {
            var envName = value.EnvironmentVariableName;
            if (envName is not null)
            {
                foreach (var name in _envVars)
                {
                    if (string.Equals(name, envName, StringComparison.Ordinal))
                    {
                        return "$" + envName;
                    }
                }

                return null;
            }

            var constant = value.ConstantText;
            if (constant is not null)
            {
                var path = NormalizePath(constant);
                if (path.Length == 0 || MatchesAny(_sanctioned, path))
                {
                    return null;
                }

                return MatchesAny(_tokenPaths, path) ? constant : null;
            }

            // Only the end is known: report distinctive service-account token names only.
            var last = value.Segments[value.Segments.Length - 1];
            if (last.Kind == SegmentKind.Literal)
            {
                var tail = "/" + NormalizePath(last.Text).TrimStart('/');
                foreach (var suffix in DistinctiveSuffixes)
                {
                    if (tail.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                    {
                        return value.Display();
                    }
                }
            }

            return null;
        }

        /// <summary>'/' separators, no drive letter, no repeated or trailing separators, "." segments dropped.</summary>
        public static string NormalizePath(string path)
        {
            var text = path.Trim();
            if (text.Length >= 2 && text[1] == ':' && char.IsLetter(text[0]))
            {
                text = text.Substring(2);
            }

            var parts = new List<string>();
            foreach (var part in text.Replace('\\', '/').Split('/'))
            {
                if (part.Length == 0 || part == ".")
                {
                    continue;
                }

                // "dir/.." cancels out; a leading ".." of a relative path stays.
                if (part == ".." && parts.Count > 0 && parts[parts.Count - 1] != "..")
                {
                    parts.RemoveAt(parts.Count - 1);
                    continue;
                }

                parts.Add(part);
            }

            if (parts.Count == 0)
            {
                return string.Empty;
            }

            var builder = new StringBuilder(text.Length);
            foreach (var part in parts)
            {
                builder.Append('/').Append(part);
            }

            // Keep relative paths relative.
            var normalized = builder.ToString();
            return PathValues.IsSeparator(text[0]) ? normalized : normalized.Substring(1);
        }

        private static ImmutableArray<string> Normalize(ImmutableArray<string> globs)
        {
            var builder = ImmutableArray.CreateBuilder<string>(globs.Length);
            foreach (var glob in globs)
            {
                builder.Add(NormalizePath(glob));
            }

            return builder.ToImmutable();
        }

        private static bool MatchesAny(ImmutableArray<string> globs, string path)
        {
            foreach (var glob in globs)
            {
                if (Glob.IsMatch(glob, path))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
