using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using TokenPolicy.Analyzers.Evaluation;

namespace TokenPolicy.Analyzers.Sinks
{
    /// <summary>One row of the auth-sink table: a member whose <see cref="ValueParameter"/> ends up in an Authorization header.</summary>
    internal sealed class AuthSink : SinkRow
    {
        private readonly string _displayName;

        public AuthSink(string typeName, string memberName, string valueParameter, ValueReading reading, FixKind fixKind, string? nameParameter = null, string? schemeParameter = null, string? displayName = null, bool isPassword = false, string? kindParameter = null, string? kindMember = null)
            : base(reading, fixKind)
        {
            IsPassword = isPassword;
            KindParameter = kindParameter;
            KindMember = kindMember;
            TypeName = typeName;
            MemberName = memberName;
            ValueParameter = valueParameter;
            NameParameter = nameParameter;
            SchemeParameter = schemeParameter;
            _displayName = displayName ?? DefaultDisplayName(typeName, memberName);
        }

        /// <summary>Metadata name of the declaring type.</summary>
        public string TypeName { get; }

        /// <summary>Method name, or <c>.ctor</c>.</summary>
        public string MemberName { get; }

        /// <summary>The parameter that receives the token or header value (a string, or a sequence of strings).</summary>
        public string ValueParameter { get; }

        /// <summary>The header-name parameter that must be <c>Authorization</c> (any case); null when the sink is always the Authorization header.</summary>
        public string? NameParameter { get; }

        /// <summary>The scheme parameter that must be <c>Bearer</c> or <c>Token</c> (any case); null when there is none.</summary>
        public string? SchemeParameter { get; }

        /// <summary>
        /// The value is the password of Basic credentials (<c>HttpBasicAuthenticator</c>, <c>SetBasicAuthentication</c>):
        /// reported only when it is a token (<see cref="TokenClassifier.ClassifyPassword"/>), never a human password.
        /// </summary>
        public bool IsPassword { get; }

        /// <summary>An enum parameter that must be <see cref="KindMember"/> (RestSharp's <c>ParameterType.HttpHeader</c>); null when there is none.</summary>
        public string? KindParameter { get; }

        /// <summary>The enum member <see cref="KindParameter"/> must be.</summary>
        public string? KindMember { get; }

        public override string DisplayName(in SinkMatch match) => _displayName;

        public override string MemberId(in SinkMatch match) => TypeName + "." + MemberName;

        private static string DefaultDisplayName(string typeName, string memberName)
        {
            var simple = typeName.Substring(typeName.LastIndexOfAny(new[] { '.', '+' }) + 1);
            var tick = simple.IndexOf('`');
            if (tick >= 0)
            {
                simple = simple.Substring(0, tick);
            }

            return memberName == WellKnownMemberNames.InstanceConstructorName ? "new " + simple : simple + "." + memberName;
        }
    }

    /// <summary>The "Authorization" entry of any string-keyed collection (<c>Add</c>, indexer, initializer).</summary>
    internal sealed class CollectionEntrySink : SinkRow
    {
        public static readonly CollectionEntrySink Instance = new();

        private CollectionEntrySink()
            : base(ValueReading.HeaderValue, FixKind.HeaderString)
        {
        }

        public override string DisplayName(in SinkMatch match)
            => "the \"Authorization\" entry of " + match.Container!.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);

        public override string MemberId(in SinkMatch match)
            => match.Container!.OriginalDefinition.ToDisplayString() + "." + (match.Operation is IInvocationOperation invocation ? invocation.TargetMethod.Name : "this[]");
    }

    /// <summary>An attribute whose constant argument is an <c>Authorization: scheme token</c> header line (Refit's <c>[Headers]</c>).</summary>
    internal sealed class AttributeSink : SinkRow
    {
        public static readonly AttributeSink Instance = new();

        private AttributeSink()
            : base(ValueReading.HeaderLine, FixKind.None)
        {
        }

        public override string DisplayName(in SinkMatch match)
        {
            var name = match.Container?.Name ?? "attribute";
            if (name.EndsWith("Attribute", StringComparison.Ordinal) && name.Length > "Attribute".Length)
            {
                name = name.Substring(0, name.Length - "Attribute".Length);
            }

            return "the [" + name + "] attribute";
        }

        public override string MemberId(in SinkMatch match) => (match.Container?.ToDisplayString() ?? "attribute") + ".ctor";
    }

    /// <summary>
    /// The authentication sinks of TP0002 as data, resolved to symbols once per compilation, plus the generic
    /// string-keyed collections (<c>IDictionary&lt;string, T&gt;</c> implementations and <c>NameValueCollection</c>s
    /// such as <c>WebHeaderCollection</c>) whose <c>"Authorization"</c> entry is a header value.
    /// </summary>
    internal sealed class AuthSinks : ISinkMatcher
    {
        private const string Ctor = WellKnownMemberNames.InstanceConstructorName;
        private const string HeaderValue = "System.Net.Http.Headers.AuthenticationHeaderValue";
        private const string HttpHeaders = "System.Net.Http.Headers.HttpHeaders";
        private const string GrpcMetadata = "Grpc.Core.Metadata";
        private const string WebHeaders = "System.Net.WebHeaderCollection";
        private const string RestAuthenticators = "RestSharp.Authenticators.";
        private const string IdentityModelHeaders = "IdentityModel.Client.AuthorizationHeaderExtensions";
        private const string DuendeHeaders = "Duende.IdentityModel.Client.AuthorizationHeaderExtensions";
        private const string FlurlHeaders = "Flurl.Http.HeaderExtensions";
        private const string FlurlGenerated = "Flurl.Http.GeneratedExtensions";
        private const string ClientModelKey = "System.ClientModel.ApiKeyCredential";

        /// <summary>The table. Matching is by parameter name, never by position.</summary>
        public static readonly ImmutableArray<AuthSink> Table = ImmutableArray.Create(
            new AuthSink(HeaderValue, Ctor, "parameter", ValueReading.RawToken, FixKind.HeaderValueParameter, schemeParameter: "scheme", displayName: "AuthenticationHeaderValue"),
            new AuthSink(HeaderValue, "Parse", "input", ValueReading.HeaderValue, FixKind.HeaderValueParse),
            new AuthSink(HeaderValue, "TryParse", "input", ValueReading.HeaderValue, FixKind.HeaderString),
            new AuthSink(HttpHeaders, "Add", "value", ValueReading.HeaderValue, FixKind.HeaderString, nameParameter: "name"),
            new AuthSink(HttpHeaders, "Add", "values", ValueReading.HeaderValue, FixKind.HeaderString, nameParameter: "name"),
            new AuthSink(HttpHeaders, "TryAddWithoutValidation", "value", ValueReading.HeaderValue, FixKind.HeaderString, nameParameter: "name"),
            new AuthSink(HttpHeaders, "TryAddWithoutValidation", "values", ValueReading.HeaderValue, FixKind.HeaderString, nameParameter: "name"),
            new AuthSink(GrpcMetadata, "Add", "value", ValueReading.HeaderValue, FixKind.HeaderString, nameParameter: "key", displayName: "gRPC Metadata.Add"),
            new AuthSink(GrpcMetadata + "+Entry", Ctor, "value", ValueReading.HeaderValue, FixKind.HeaderString, nameParameter: "key", displayName: "new gRPC Metadata.Entry"),
            new AuthSink("System.Collections.Generic.KeyValuePair`2", Ctor, "value", ValueReading.HeaderValue, FixKind.HeaderString, nameParameter: "key"),
            new AuthSink("Octokit.Credentials", Ctor, "token", ValueReading.RawToken, FixKind.RawToken, displayName: "Octokit Credentials"),

            // System.Net: WebClient.Headers and HttpWebRequest.Headers are WebHeaderCollections. Its string-keyed
            // Add(name, value), Set(name, value) and indexer are the generic collection entries below; these rows are the
            // header-line overload Add("Authorization: Bearer x") and the HttpRequestHeader-keyed members.
            new AuthSink(WebHeaders, "Add", "header", ValueReading.HeaderLine, FixKind.None, displayName: "WebHeaderCollection.Add"),
            new AuthSink(WebHeaders, "Add", "value", ValueReading.HeaderValue, FixKind.HeaderString, nameParameter: "header"),
            new AuthSink(WebHeaders, "Set", "value", ValueReading.HeaderValue, FixKind.HeaderString, nameParameter: "header"),
            new AuthSink(WebHeaders, "set_Item", "value", ValueReading.HeaderValue, FixKind.HeaderString, nameParameter: "header", displayName: "WebHeaderCollection[HttpRequestHeader]"),
            new AuthSink("System.Net.WebSockets.ClientWebSocketOptions", "SetRequestHeader", "headerValue", ValueReading.HeaderValue, FixKind.HeaderString, nameParameter: "headerName"),

            // RestSharp (parameter names of 106 to 114): authenticators, request headers, default headers.
            new AuthSink(RestAuthenticators + "JwtAuthenticator", Ctor, "accessToken", ValueReading.RawToken, FixKind.RawToken, displayName: "RestSharp JwtAuthenticator"),
            new AuthSink(RestAuthenticators + "OAuth2.OAuth2AuthorizationRequestHeaderAuthenticator", Ctor, "accessToken", ValueReading.RawToken, FixKind.RawToken, displayName: "RestSharp OAuth2AuthorizationRequestHeaderAuthenticator"),
            new AuthSink(RestAuthenticators + "OAuth2.OAuth2UriQueryParameterAuthenticator", Ctor, "accessToken", ValueReading.RawToken, FixKind.RawToken, displayName: "RestSharp OAuth2UriQueryParameterAuthenticator"),
            new AuthSink(RestAuthenticators + "HttpBasicAuthenticator", Ctor, "password", ValueReading.RawToken, FixKind.None, displayName: "RestSharp HttpBasicAuthenticator", isPassword: true),
            new AuthSink("RestSharp.RestRequestExtensions", "AddHeader", "value", ValueReading.HeaderValue, FixKind.HeaderString, nameParameter: "name", displayName: "RestRequest.AddHeader"),
            new AuthSink("RestSharp.RestRequestExtensions", "AddHeader", "values", ValueReading.HeaderValue, FixKind.HeaderString, nameParameter: "name", displayName: "RestRequest.AddHeader"),
            new AuthSink("RestSharp.RestRequestExtensions", "AddOrUpdateHeader", "value", ValueReading.HeaderValue, FixKind.HeaderString, nameParameter: "name", displayName: "RestRequest.AddOrUpdateHeader"),
            new AuthSink("RestSharp.RestRequest", "AddHeader", "value", ValueReading.HeaderValue, FixKind.HeaderString, nameParameter: "name"),
            new AuthSink("RestSharp.RestRequest", "AddOrUpdateHeader", "value", ValueReading.HeaderValue, FixKind.HeaderString, nameParameter: "name"),
            new AuthSink("RestSharp.RestClientExtensions", "AddDefaultHeader", "value", ValueReading.HeaderValue, FixKind.HeaderString, nameParameter: "name", displayName: "RestClient.AddDefaultHeader"),
            new AuthSink("RestSharp.RestClient", "AddDefaultHeader", "value", ValueReading.HeaderValue, FixKind.HeaderString, nameParameter: "name"),
            new AuthSink("RestSharp.IRestRequest", "AddHeader", "value", ValueReading.HeaderValue, FixKind.HeaderString, nameParameter: "name", displayName: "RestRequest.AddHeader"),
            new AuthSink("RestSharp.RestRequestExtensions", "AddParameter", "value", ValueReading.HeaderValue, FixKind.HeaderString, nameParameter: "name", displayName: "RestRequest.AddParameter", kindParameter: "type", kindMember: "HttpHeader"),
            new AuthSink("RestSharp.RestRequest", "AddParameter", "value", ValueReading.HeaderValue, FixKind.HeaderString, nameParameter: "name", kindParameter: "type", kindMember: "HttpHeader"),
            new AuthSink("RestSharp.IRestRequest", "AddParameter", "value", ValueReading.HeaderValue, FixKind.HeaderString, nameParameter: "name", displayName: "RestRequest.AddParameter", kindParameter: "type", kindMember: "HttpHeader"),

            // IdentityModel (and Duende.IdentityModel): HttpClient / HttpRequestMessage extensions.
            new AuthSink(IdentityModelHeaders, "SetBearerToken", "token", ValueReading.RawToken, FixKind.RawToken, displayName: "SetBearerToken"),
            new AuthSink(IdentityModelHeaders, "SetToken", "token", ValueReading.RawToken, FixKind.RawToken, schemeParameter: "scheme", displayName: "SetToken"),
            new AuthSink(IdentityModelHeaders, "SetBasicAuthentication", "password", ValueReading.RawToken, FixKind.None, displayName: "SetBasicAuthentication", isPassword: true),
            new AuthSink(IdentityModelHeaders, "SetBasicAuthenticationOAuth", "password", ValueReading.RawToken, FixKind.None, displayName: "SetBasicAuthenticationOAuth", isPassword: true),
            new AuthSink(DuendeHeaders, "SetBearerToken", "token", ValueReading.RawToken, FixKind.RawToken, displayName: "SetBearerToken"),
            new AuthSink(DuendeHeaders, "SetToken", "token", ValueReading.RawToken, FixKind.RawToken, schemeParameter: "scheme", displayName: "SetToken"),
            new AuthSink(DuendeHeaders, "SetBasicAuthentication", "password", ValueReading.RawToken, FixKind.None, displayName: "SetBasicAuthentication", isPassword: true),

            // Flurl.Http: the fluent header extensions on requests, URLs and strings.
            new AuthSink(FlurlHeaders, "WithOAuthBearerToken", "token", ValueReading.RawToken, FixKind.RawToken, displayName: "Flurl WithOAuthBearerToken"),
            new AuthSink(FlurlGenerated, "WithOAuthBearerToken", "token", ValueReading.RawToken, FixKind.RawToken, displayName: "Flurl WithOAuthBearerToken"),
            new AuthSink(FlurlHeaders, "WithHeader", "value", ValueReading.HeaderValue, FixKind.HeaderString, nameParameter: "name", displayName: "Flurl WithHeader"),
            new AuthSink(FlurlGenerated, "WithHeader", "value", ValueReading.HeaderValue, FixKind.HeaderString, nameParameter: "name", displayName: "Flurl WithHeader"),
            new AuthSink(FlurlHeaders, "WithBasicAuth", "password", ValueReading.RawToken, FixKind.None, displayName: "Flurl WithBasicAuth", isPassword: true),
            new AuthSink(FlurlGenerated, "WithBasicAuth", "password", ValueReading.RawToken, FixKind.None, displayName: "Flurl WithBasicAuth", isPassword: true),

            // API-key credentials of the Azure SDK, System.ClientModel and the OpenAI library. No fix: the resolver's
            // token is no vendor API key.
            new AuthSink("Azure.AzureKeyCredential", Ctor, "key", ValueReading.RawToken, FixKind.None),
            new AuthSink("Azure.AzureKeyCredential", "Update", "key", ValueReading.RawToken, FixKind.None),
            new AuthSink("Azure.AzureNamedKeyCredential", Ctor, "key", ValueReading.RawToken, FixKind.None),
            new AuthSink("Azure.Core.AccessToken", Ctor, "accessToken", ValueReading.RawToken, FixKind.None, displayName: "new Azure.Core.AccessToken"),
            new AuthSink(ClientModelKey, Ctor, "key", ValueReading.RawToken, FixKind.None),
            new AuthSink(ClientModelKey, "Update", "key", ValueReading.RawToken, FixKind.None),
            new AuthSink("OpenAI.OpenAIClient", Ctor, "apiKey", ValueReading.RawToken, FixKind.None),
            new AuthSink("OpenAI.Chat.ChatClient", Ctor, "apiKey", ValueReading.RawToken, FixKind.None, displayName: "new OpenAI ChatClient"),
            new AuthSink("OpenAI.Embeddings.EmbeddingClient", Ctor, "apiKey", ValueReading.RawToken, FixKind.None, displayName: "new OpenAI EmbeddingClient"),
            new AuthSink("OpenAI.Images.ImageClient", Ctor, "apiKey", ValueReading.RawToken, FixKind.None, displayName: "new OpenAI ImageClient"),
            new AuthSink("OpenAI.Audio.AudioClient", Ctor, "apiKey", ValueReading.RawToken, FixKind.None, displayName: "new OpenAI AudioClient"),
            new AuthSink("OpenAI.Assistants.AssistantClient", Ctor, "apiKey", ValueReading.RawToken, FixKind.None, displayName: "new OpenAI AssistantClient"),
            new AuthSink("OpenAI.Responses.ResponsesClient", Ctor, "apiKey", ValueReading.RawToken, FixKind.None, displayName: "new OpenAI ResponsesClient"),
            new AuthSink("OpenAI.Responses.OpenAIResponseClient", Ctor, "apiKey", ValueReading.RawToken, FixKind.None, displayName: "new OpenAI OpenAIResponseClient"),

            // Vendor clients hand-written code creates with a literal key (also as a property: StripeConfiguration.ApiKey = ...).
            new AuthSink("SendGrid.SendGridClient", Ctor, "apiKey", ValueReading.RawToken, FixKind.None),
            new AuthSink("SendGrid.SendGridClientOptions", "set_ApiKey", "value", ValueReading.RawToken, FixKind.None, displayName: "SendGridClientOptions.ApiKey"),
            new AuthSink("Stripe.StripeClient", Ctor, "apiKey", ValueReading.RawToken, FixKind.None),
            new AuthSink("Stripe.StripeConfiguration", "set_ApiKey", "value", ValueReading.RawToken, FixKind.None, displayName: "StripeConfiguration.ApiKey"),
            new AuthSink("Telegram.Bot.TelegramBotClient", Ctor, "token", ValueReading.RawToken, FixKind.None),
            new AuthSink("Telegram.Bot.TelegramBotClientOptions", Ctor, "token", ValueReading.RawToken, FixKind.None));

        /// <summary>
        /// Where the sinks' names are found in source text (<see cref="Evaluation.SinkReach"/>): the header name (also
        /// <c>HttpRequestHeader.Authorization</c>), the header type, Octokit's credentials, and the library members that
        /// take a token without a header name (authenticators, <c>SetBearerToken</c>, <c>WithOAuthBearerToken</c>, ...)
        /// or a header name that may come from elsewhere (<c>AddHeader</c>, <c>SetRequestHeader</c>, ...).
        /// </summary>
        /// <remarks>
        /// Each needle is one ordinal search of every file's text, so they are few and shared: <c>Header(</c> stands for the
        /// header-name calls (<c>AddHeader(</c>, <c>AddOrUpdateHeader(</c>, <c>AddDefaultHeader(</c>, <c>SetRequestHeader(</c>,
        /// <c>WithHeader(</c>), <c>Credential</c> for every credential type; of the OpenAI clients only <c>OpenAIClient</c>
        /// and <c>ChatClient</c> are searched (a needle such as <c>Client(</c> would stop at every <c>new HttpClient(</c>).
        /// </remarks>
        public static readonly ImmutableArray<string> Needles = ImmutableArray.Create(
            "uthoriz", "UTHORIZ", "AuthenticationHeaderValue", "Credential", "Authenticator", "BearerToken", "SetToken", "BasicAuth",
            "Header(", "AccessToken(", "AIClient", "ChatClient", "AddParameter");

        /// <summary>The member names of the library sinks, as <see cref="IsSinkName"/> recognises them.</summary>
        private static readonly HashSet<string> LibrarySinkNames = new(StringComparer.Ordinal)
        {
            "JwtAuthenticator", "OAuth2AuthorizationRequestHeaderAuthenticator", "OAuth2UriQueryParameterAuthenticator", "HttpBasicAuthenticator",
            "AddHeader", "AddOrUpdateHeader", "AddDefaultHeader", "SetRequestHeader", "WithHeader", "AddParameter",
            "SetBearerToken", "SetToken", "SetBasicAuthentication", "SetBasicAuthenticationOAuth", "WithOAuthBearerToken", "WithBasicAuth",
            "AzureKeyCredential", "AzureNamedKeyCredential", "ApiKeyCredential",
        };

        /// <summary>
        /// Library sinks whose names are common words of other code (<c>x.AccessToken</c>, <c>IChatClient</c>): they name
        /// the sink only where they are created (<c>new ChatClient(model, apiKey)</c>).
        /// </summary>
        private static readonly HashSet<string> CreatedSinkNames = new(StringComparer.Ordinal)
        {
            "AccessToken", "OpenAIClient", "ChatClient", "EmbeddingClient", "ImageClient", "AudioClient", "AssistantClient", "ResponsesClient", "OpenAIResponseClient",
        };

        private readonly SinkMethods<AuthSink> _byMethod;
        private readonly INamedTypeSymbol? _dictionaryInterface;
        private readonly INamedTypeSymbol? _nameValueCollection;
        private readonly INamedTypeSymbol? _requestHeader;
        private readonly object? _authorizationHeader;
        private readonly ConcurrentDictionary<ITypeSymbol, bool> _stringKeyed = new(SymbolEqualityComparer.Default);

        private AuthSinks(SinkMethods<AuthSink> byMethod, INamedTypeSymbol? dictionaryInterface, INamedTypeSymbol? nameValueCollection, INamedTypeSymbol? requestHeader)
        {
            _byMethod = byMethod;
            _dictionaryInterface = dictionaryInterface;
            _nameValueCollection = nameValueCollection;
            _requestHeader = requestHeader;
            foreach (var member in requestHeader?.GetMembers("Authorization") ?? ImmutableArray<ISymbol>.Empty)
            {
                if (member is IFieldSymbol { HasConstantValue: true } field)
                {
                    _authorizationHeader = field.ConstantValue;
                }
            }
        }

        public static AuthSinks Resolve(Compilation compilation)
            => new(
                AddExtensionMembers(compilation, SinkResolver.Resolve(compilation, Table, static s => s.TypeName, static s => s.MemberName, static (s, m) => Resolves(s, m))),
                TokenPolicy.Analyzers.Sinks.TypeLookup.Get(compilation, "System.Collections.Generic.IDictionary`2"),
                TokenPolicy.Analyzers.Sinks.TypeLookup.Get(compilation, "System.Collections.Specialized.NameValueCollection"),
                TokenPolicy.Analyzers.Sinks.TypeLookup.Get(compilation, "System.Net.HttpRequestHeader"));

        /// <summary>
        /// Libraries built with C# 14 extension members (RestSharp 114: <c>extension(RestRequest request) { AddHeader(name,
        /// value) }</c>) also declare each member in an unspeakable nested extension type, and a C# 14 compiler binds a call
        /// to that member rather than to the static implementation method the table names: both are sinks.
        /// </summary>
        private static SinkMethods<AuthSink> AddExtensionMembers(Compilation compilation, SinkMethods<AuthSink> byMethod)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var row in Table)
            {
                if (row.MemberName == Ctor || !seen.Add(row.TypeName + "." + row.MemberName) || TypeLookup.Find(compilation, row.TypeName) is not { IsStatic: true } type)
                {
                    continue;
                }

                foreach (var nested in type.GetTypeMembers())
                {
                    if (nested.CanBeReferencedByName)
                    {
                        continue;
                    }

                    foreach (var member in nested.GetMembers(row.MemberName))
                    {
                        if (member is IMethodSymbol method && !byMethod.ContainsKey(method))
                        {
                            foreach (var candidate in Table)
                            {
                                if (candidate.TypeName == row.TypeName && candidate.MemberName == row.MemberName && Resolves(candidate, method))
                                {
                                    byMethod.Add(method, candidate);
                                    break;
                                }
                            }
                        }
                    }
                }
            }

            return byMethod;
        }

        public bool TryGet(IMethodSymbol method, out AuthSink sink)
            => _byMethod.TryGetValue(method.OriginalDefinition, out sink!);

        /// <summary>
        /// Whether a token found at a needle names a sink: a sink name (<see cref="IsSinkName"/>) used as a value or member,
        /// or one of the common-word sink types where it is created.
        /// </summary>
        public static bool IsSinkWord(SyntaxToken token)
        {
            var word = token.ValueText;
            if (CreatedSinkNames.Contains(word))
            {
                SyntaxNode? name = token.Parent;
                while (name?.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.QualifiedNameSyntax qualified && qualified.Right == name)
                {
                    name = qualified;
                }

                return name?.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.ObjectCreationExpressionSyntax creation && creation.Type == name;
            }

            return IsSinkName(word) && SinkReach.IsUsedAsValue(token);
        }

        /// <summary>A word that names an authentication sink: the Authorization header (any case, also as a header line), the header type, credentials, a library sink.</summary>
        public static bool IsSinkName(string word)
            => TokenClassifier.IsAuthorizationHeaderName(word)
                || word.StartsWith("Authorization:", StringComparison.OrdinalIgnoreCase)
                || word is "AuthenticationHeaderValue" or "Credentials"
                || LibrarySinkNames.Contains(word);

        /// <summary>The one match of TP0002's sinks, used at the sink itself and inside method summaries.</summary>
        public bool TryMatch(IOperation operation, out SinkMatch match)
        {
            switch (operation)
            {
                case IInvocationOperation invocation when TryGet(invocation.TargetMethod, out var sink):
                    return TableMatch(operation, sink, invocation.Arguments, out match);

                case IInvocationOperation invocation when IsCollectionAdd(invocation.TargetMethod, out var keyParameter)
                    && !IsOtherConstantName(SinkResolver.Argument(invocation.Arguments, keyParameter.Name))
                    && SinkResolver.Argument(invocation.Arguments, "value") is { } value:
                    match = new SinkMatch(operation, value, CollectionEntrySink.Instance, invocation.Arguments, invocation.TargetMethod.ContainingType);
                    return true;

                case IObjectCreationOperation { Constructor: { } constructor } creation when TryGet(constructor, out var sink):
                    return TableMatch(operation, sink, creation.Arguments, out match);

                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Arguments.Length: 1, Property.SetMethod: { } setter } indexer } assignment
                    when TryGet(setter, out var sink):
                    // webClient.Headers[HttpRequestHeader.Authorization] = ...: the indexer's key and the assigned value.
                    match = new SinkMatch(operation, assignment.Value, sink, indexer.Arguments);
                    return true;

                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Arguments.Length: 0, Property.SetMethod: { } setter } } assignment
                    when TryGet(setter, out var sink):
                    // A key property (StripeConfiguration.ApiKey = ..., also in an object initializer): the assigned value.
                    match = new SinkMatch(operation, assignment.Value, sink);
                    return true;

                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Arguments.Length: 1 } indexer } assignment
                    when IsCollectionIndexer(indexer.Property) && !IsOtherConstantName(indexer.Arguments[0].Value):
                    // headers["Authorization"] = ..., and the dictionary initializer { ["Authorization"] = ... }.
                    match = new SinkMatch(operation, assignment.Value, CollectionEntrySink.Instance, indexer.Arguments, indexer.Property.ContainingType);
                    return true;

                case IAttributeOperation attribute:
                    match = new SinkMatch(operation, attribute.Operation, AttributeSink.Instance, container: attribute.Operation.Type);
                    return true;

                default:
                    match = default;
                    return false;
            }
        }

        /// <summary>The header name is <c>Authorization</c> and the scheme a token scheme, where the sink has them.</summary>
        /// <summary>
        /// A helper's header name, key or scheme that is its own parameter: <c>{name}: {value}</c> judged as a header line,
        /// <c>{scheme} {token}</c> as a header value, at each call. No fix is offered for these (the rows have none).
        /// </summary>
        public bool TryDefer(in SinkMatch match, ValueEvaluator evaluator, CancellationToken cancellationToken, out ValueSet template, out SinkRow row)
        {
            template = ValueSet.Unknown;
            row = null!;
            if (match.Value is null)
            {
                return false;
            }

            IOperation? condition = null;
            var separator = ": ";
            switch (match.Row)
            {
                case CollectionEntrySink:
                    condition = match.Operation is IInvocationOperation invocation && IsCollectionAdd(invocation.TargetMethod, out var keyParameter)
                        ? SinkResolver.Argument(match.Arguments, keyParameter.Name)
                        : match.Arguments.Length == 1 ? match.Arguments[0].Value : null;
                    row = DeferredRow.HeaderLine;
                    break;
                case AuthSink { NameParameter: { } name, SchemeParameter: null, KindParameter: null, Reading: ValueReading.HeaderValue }:
                    condition = SinkResolver.Argument(match.Arguments, name);
                    row = DeferredRow.HeaderLine;
                    break;
                case AuthSink { SchemeParameter: { } scheme, NameParameter: null, KindParameter: null, Reading: ValueReading.RawToken, IsPassword: false }:
                    condition = SinkResolver.Argument(match.Arguments, scheme);
                    separator = " ";
                    row = DeferredRow.HeaderValue;
                    break;
            }

            if (condition is null)
            {
                return false;
            }

            var open = evaluator.EvaluateOpen(condition, cancellationToken);
            if (!open.ContainsParameter)
            {
                return false;
            }

            template = ValueSet.Concat(ValueSet.Concat(open, ValueSet.Literal(separator)), evaluator.EvaluateOpen(match.Value, cancellationToken));
            return true;
        }

        /// <summary>The rows of deferred conditions: judged as a header line or value, never fixed.</summary>
        private sealed class DeferredRow : SinkRow
        {
            public static readonly DeferredRow HeaderLine = new(ValueReading.HeaderLine);
            public static readonly DeferredRow HeaderValue = new(ValueReading.HeaderValue);

            private DeferredRow(ValueReading reading)
                : base(reading, FixKind.None)
            {
            }

            public override string DisplayName(in SinkMatch match) => "the Authorization header";

            public override string MemberId(in SinkMatch match) => "Authorization";
        }

        public bool Accepts(in SinkMatch match, ValueEvaluator evaluator, CancellationToken cancellationToken)
        {
            switch (match.Row)
            {
                case CollectionEntrySink:
                    // The key: the indexer's only argument, or the Add/TryAdd/Set key parameter.
                    var key = match.Operation is IInvocationOperation invocation && IsCollectionAdd(invocation.TargetMethod, out var keyParameter)
                        ? SinkResolver.Argument(match.Arguments, keyParameter.Name)
                        : match.Arguments.Length == 1 ? match.Arguments[0].Value : null;
                    return IsAuthorizationName(key, evaluator, cancellationToken);

                case AuthSink sink:
                    return (sink.NameParameter is null || IsAuthorizationHeader(SinkResolver.Argument(match.Arguments, sink.NameParameter), evaluator, cancellationToken))
                        && (sink.SchemeParameter is null || AcceptsScheme(match, sink, evaluator, cancellationToken))
                        && (sink.KindParameter is null || IsEnumMember(SinkResolver.Argument(match.Arguments, sink.KindParameter), sink.KindMember!));

                default:
                    return true;
            }
        }

        /// <summary>
        /// A key or header name that is a constant string other than <c>Authorization</c> (<c>d["per_page"] = x</c>): not this
        /// rule's sink, decided from the constant alone, so the value is never looked at. (A name that is not constant is
        /// decided later, by the evaluator or at each call of a summarised helper.)
        /// </summary>
        private static bool IsOtherConstantName(IOperation? name)
            => name is { ConstantValue: { HasValue: true, Value: string text } } && !TokenClassifier.IsAuthorizationHeaderName(text);

        private static bool TableMatch(IOperation operation, AuthSink sink, ImmutableArray<IArgumentOperation> arguments, out SinkMatch match)
        {
            if (sink.NameParameter is { } nameParameter && IsOtherConstantName(SinkResolver.Argument(arguments, nameParameter)))
            {
                match = default;
                return false;
            }

            if (SinkResolver.Argument(arguments, sink.ValueParameter) is { } value)
            {
                match = new SinkMatch(operation, value, sink, arguments);
                return true;
            }

            match = default;
            return false;
        }

        /// <summary>
        /// <c>Add</c>, <c>TryAdd</c> or <c>Set</c> of a string-keyed collection: an instance method with a string key
        /// (<c>key</c> or <c>name</c>) and a <c>value</c>. Cheap name checks run before the type check, which is cached.
        /// </summary>
        public bool IsCollectionAdd(IMethodSymbol method, out IParameterSymbol keyParameter)
        {
            keyParameter = null!;
            if (method.Name is not ("Add" or "TryAdd" or "Set") || method.IsStatic || method.Parameters.Length != 2)
            {
                return false;
            }

            var key = method.Parameters[0];
            if (key.Name is not ("key" or "name") || key.Type.SpecialType != SpecialType.System_String || method.Parameters[1].Name != "value")
            {
                return false;
            }

            keyParameter = key;
            return IsStringKeyedCollection(method.ContainingType);
        }

        /// <summary>An indexer of a string-keyed collection (<c>headers["Authorization"]</c>).</summary>
        public bool IsCollectionIndexer(IPropertySymbol property)
            => property.IsIndexer
                && property.Parameters.Length == 1
                && property.Parameters[0].Type.SpecialType == SpecialType.System_String
                && IsStringKeyedCollection(property.ContainingType);

        /// <summary>A type that is or implements <c>IDictionary&lt;string, T&gt;</c>, or derives from <c>NameValueCollection</c>.</summary>
        public bool IsStringKeyedCollection(ITypeSymbol? type)
        {
            if (type is not INamedTypeSymbol named)
            {
                return false;
            }

            return _stringKeyed.GetOrAdd(named, t => ComputeStringKeyed((INamedTypeSymbol)t));
        }

        /// <summary>
        /// The header is <c>Authorization</c>: <c>HttpRequestHeader.Authorization</c> for an enum-keyed member (also
        /// through a constant), else a name that <see cref="IsAuthorizationName"/> accepts.
        /// </summary>
        private bool IsAuthorizationHeader(IOperation? name, ValueEvaluator evaluator, CancellationToken cancellationToken)
        {
            var unwrapped = name;
            while (unwrapped is IConversionOperation conversion)
            {
                unwrapped = conversion.Operand;
            }

            if (unwrapped?.Type is { TypeKind: TypeKind.Enum } type)
            {
                // Proxy-Authorization carries the proxy's credentials, not the API's: out of scope as the string name is.
                return _requestHeader is not null
                    && SymbolEqualityComparer.Default.Equals(type, _requestHeader)
                    && unwrapped.ConstantValue.HasValue
                    && Equals(unwrapped.ConstantValue.Value, _authorizationHeader);
            }

            return IsAuthorizationName(name, evaluator, cancellationToken);
        }

        /// <summary>The constant enum value is the member called <paramref name="member"/> of its enum (also through a constant).</summary>
        private static bool IsEnumMember(IOperation? value, string member)
        {
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            if (value?.Type is not { TypeKind: TypeKind.Enum } type || !value.ConstantValue.HasValue)
            {
                return false;
            }

            foreach (var field in type.GetMembers(member))
            {
                if (field is IFieldSymbol { HasConstantValue: true } constant && Equals(constant.ConstantValue, value.ConstantValue.Value))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The header name is <c>Authorization</c> (any case), also through constants and fields.</summary>
        public static bool IsAuthorizationName(IOperation? name, ValueEvaluator evaluator, CancellationToken cancellationToken)
        {
            if (name is null)
            {
                return false;
            }

            if (name.ConstantValue is { HasValue: true } constant)
            {
                return constant.Value is string text && TokenClassifier.IsAuthorizationHeaderName(text);
            }

            foreach (var candidate in evaluator.Evaluate(name, cancellationToken).Values)
            {
                if (TokenClassifier.IsAuthorizationHeaderName(candidate.ConstantText))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The scheme carries a token (<see cref="TokenClassifier.IsTokenScheme"/>: <c>Bearer</c>, <c>Token</c>, <c>Bot</c>,
        /// ...), or it is <c>Basic</c> and the value is base64 <c>user:password</c> credentials (then judged by the password);
        /// any case, also through constants and fields.
        /// </summary>
        private static bool AcceptsScheme(in SinkMatch match, AuthSink sink, ValueEvaluator evaluator, CancellationToken cancellationToken)
        {
            var scheme = SinkResolver.Argument(match.Arguments, sink.SchemeParameter!);
            if (IsScheme(scheme, TokenClassifier.IsTokenScheme, evaluator, cancellationToken))
            {
                return true;
            }

            if (match.Value is null || !IsScheme(scheme, static s => s is not null && string.Equals(s.Trim(), "Basic", StringComparison.OrdinalIgnoreCase), evaluator, cancellationToken))
            {
                return false;
            }

            foreach (var candidate in evaluator.Evaluate(match.Value, cancellationToken).Values)
            {
                if (candidate.ConstantText is { } text && TokenClassifier.TryDecodeBasicCredentials(text.Trim(), out _))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The scheme is <c>Bearer</c>, <c>Token</c> or another token scheme (any case), also through constants and fields.</summary>
        public static bool IsTokenScheme(IOperation? scheme, ValueEvaluator evaluator, CancellationToken cancellationToken)
            => IsScheme(scheme, TokenClassifier.IsTokenScheme, evaluator, cancellationToken);

        private static bool IsScheme(IOperation? scheme, Func<string?, bool> accepts, ValueEvaluator evaluator, CancellationToken cancellationToken)
        {
            if (scheme is null)
            {
                return false;
            }

            if (scheme.ConstantValue is { HasValue: true } constant)
            {
                return constant.Value is string text && accepts(text);
            }

            foreach (var candidate in evaluator.Evaluate(scheme, cancellationToken).Values)
            {
                if (accepts(candidate.ConstantText))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The expressions that carry the value: the argument itself for a string, or the elements of an array
        /// (or collection expression) passed for a sequence of strings.
        /// </summary>
        public static IEnumerable<IOperation> ValueExpressions(IOperation value)
        {
            if (value.Type?.SpecialType is SpecialType.System_String or SpecialType.System_Object || value.Type is null)
            {
                yield return value;
                yield break;
            }

            var unwrapped = value;
            while (unwrapped is IConversionOperation { Conversion.IsUserDefined: false } conversion)
            {
                unwrapped = conversion.Operand;
            }

            if (unwrapped.Type?.SpecialType == SpecialType.System_String)
            {
                yield return unwrapped;
                yield break;
            }

            if (unwrapped is IArrayCreationOperation { Initializer: { } initializer })
            {
                foreach (var element in initializer.ElementValues)
                {
                    yield return element;
                }

                yield break;
            }

            // Collection expressions (OperationKind.CollectionExpression in newer compilers) expose their elements as children.
            if (unwrapped.Kind == (OperationKind)0x7F)
            {
                foreach (var element in unwrapped.ChildOperations)
                {
                    yield return element;
                }

                yield break;
            }

            // A string converted to another header-value type (ASP.NET's StringValues): the string is the value.
            if (value is IConversionOperation { Conversion.IsUserDefined: true, Operand: { Type.SpecialType: SpecialType.System_String } operand })
            {
                yield return operand;
            }
        }

        private bool ComputeStringKeyed(INamedTypeSymbol type)
        {
            if (IsStringKeyedDictionary(type))
            {
                return true;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (IsStringKeyedDictionary(implemented))
                {
                    return true;
                }
            }

            if (_nameValueCollection is not null)
            {
                for (var current = type; current is not null; current = current.BaseType)
                {
                    if (SymbolEqualityComparer.Default.Equals(current, _nameValueCollection))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private bool IsStringKeyedDictionary(INamedTypeSymbol type)
            => _dictionaryInterface is not null
                && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, _dictionaryInterface)
                && type.TypeArguments.Length == 2
                && type.TypeArguments[0].SpecialType == SpecialType.System_String;

        private static bool Resolves(AuthSink sink, IMethodSymbol method)
        {
            // The value never is an enum: WebHeaderCollection.Add(string header) is the header line, not Add(HttpRequestHeader header, value).
            return HasParameter(method, sink.ValueParameter)
                && !IsEnumParameter(method, sink.ValueParameter)
                && (sink.KindParameter is null || IsEnumParameter(method, sink.KindParameter))
                && (sink.NameParameter is null || HasParameter(method, sink.NameParameter))
                && (sink.SchemeParameter is null || HasParameter(method, sink.SchemeParameter));
        }

        private static bool IsEnumParameter(IMethodSymbol method, string name)
        {
            foreach (var parameter in method.Parameters)
            {
                if (parameter.Name == name)
                {
                    return parameter.Type.TypeKind == TypeKind.Enum;
                }
            }

            return false;
        }

        private static bool HasParameter(IMethodSymbol method, string name)
        {
            foreach (var parameter in method.Parameters)
            {
                if (parameter.Name == name)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
