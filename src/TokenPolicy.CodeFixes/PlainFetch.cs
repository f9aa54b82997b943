using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using TokenPolicy.Analyzers;
using TokenPolicy.Analyzers.Requests;

namespace TokenPolicy.CodeFixes
{
    /// <summary>
    /// A TP0004 finding in a "plain fetch": an <c>async</c> method or local function returning <c>Task&lt;string&gt;</c> or
    /// <c>ValueTask&lt;string&gt;</c> whose body makes the reported credential request once and returns the answer's
    /// <c>token</c> field, nothing else. The fix replaces the body with <c>CredentialClient.GetByIdAsync(id, ct)</c>.
    /// </summary>
    internal sealed class PlainFetchPlan
    {
        public PlainFetchPlan(SyntaxNode function, InvocationExpressionSyntax request, ExpressionSyntax id)
        {
            Function = function;
            Request = request;
            Id = id;
        }

        /// <summary>The method or local function whose body is replaced.</summary>
        public SyntaxNode Function { get; }

        /// <summary>The reported request call (where the client is looked up).</summary>
        public InvocationExpressionSyntax Request { get; }

        /// <summary>The URL's <c>{id}</c> hole.</summary>
        public ExpressionSyntax Id { get; }

        /// <summary>The cancellation token the request passed, if any.</summary>
        public ExpressionSyntax? CancellationToken { get; set; }

        /// <summary>The argument of the request's <c>ConfigureAwait(...)</c>, if any.</summary>
        public ExpressionSyntax? ConfigureAwait { get; set; }

        /// <summary>The right side of the original <c>?? x</c> on the returned token, if any.</summary>
        public ExpressionSyntax? Coalesce { get; set; }

        /// <summary>The method returns a non-nullable string: <c>?? string.Empty</c> when the original had no <c>??</c>.</summary>
        public bool NonNullable { get; set; }

        /// <summary>Where the client comes from; set by the rewriter.</summary>
        public ResolverScope Scope { get; set; } = null!;
    }

    /// <summary>Recognises the plain fetch; anything else (null) keeps only the header fix.</summary>
    internal static class PlainFetch
    {
        private const char Hole = '\uE000';

        private static readonly Regex s_endpoint = new(
            "^(?:.*?/)?api/ambient/v1/(?:projects/(?:\uE000|[^/?#\uE000]+)/)?credentials/(\uE000|[A-Za-z0-9_-]{1,64})/token$",
            RegexOptions.CultureInvariant | RegexOptions.Singleline);

        public static PlainFetchPlan? Plan(SemanticModel model, SyntaxNode root, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (diagnostic.Properties.ContainsKey(DiagnosticProperties.ViaCall)
                || !diagnostic.Properties.TryGetValue(DiagnosticProperties.Endpoint, out var endpoint)
                || !EndpointPatterns.Defaults.Contains(endpoint ?? string.Empty))
            {
                return null;
            }

            var span = diagnostic.Location.SourceSpan;
            if (span.End > root.FullSpan.End
                || root.FindNode(span, getInnermostNodeForTie: true) is not InvocationExpressionSyntax invocation
                || invocation.Span != span
                || invocation.ContainsDiagnostics)
            {
                return null;
            }

            return new Recognizer(model, invocation, cancellationToken).Run();
        }

        private enum Value
        {
            None,
            Request,
            Response,
            Text,
            Document,
            Element,
            Dto,
        }

        private sealed class Recognizer
        {
            private readonly SemanticModel _model;
            private readonly InvocationExpressionSyntax _call;
            private readonly CancellationToken _cancellationToken;

            // Locals the recognised statements define, with what they hold, and the references the recognizer consumed.
            private readonly Dictionary<ILocalSymbol, Value> _tracked = new(SymbolEqualityComparer.Default);
            private readonly Dictionary<ILocalSymbol, ITypeSymbol> _dtoTypes = new(SymbolEqualityComparer.Default);
            private readonly HashSet<SyntaxNode> _consumed = new();

            // Locals whose values only feed the dropped request (a token, a URL), and the syntax that is dropped with it.
            private readonly Dictionary<ILocalSymbol, ExpressionSyntax> _dropped = new(SymbolEqualityComparer.Default);
            private readonly List<SyntaxNode> _droppedRegions = new();

            private ILocalSymbol? _requestLocal;
            private ExpressionSyntax? _url;
            private ExpressionSyntax? _cancellation;
            private ExpressionSyntax? _configureAwait;
            private bool _callSeen;
            private IMethodSymbol? _callMethod;
            private string _kind = string.Empty;
            private ITypeSymbol? _jsonType;

            public Recognizer(SemanticModel model, InvocationExpressionSyntax call, CancellationToken cancellationToken)
            {
                _model = model;
                _call = call;
                _cancellationToken = cancellationToken;
            }

            public PlainFetchPlan? Run()
            {
                var function = EnclosingFunction(_call);
                if (function is null || !ReturnsTaskOfString(function, out var nonNullable))
                {
                    return null;
                }

                if (!ClassifyCall())
                {
                    return null;
                }

                var body = Body(function);
                if (body is null || body.DescendantNodes().Any(n => n is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
                {
                    return null;
                }

                var statements = body is BlockSyntax block ? block.Statements.ToList() : new List<StatementSyntax>();
                ExpressionSyntax? returned = body as ExpressionSyntax;
                for (var i = 0; i < statements.Count; i++)
                {
                    var statement = statements[i];
                    if (statement is ReturnStatementSyntax { Expression: { } expression })
                    {
                        if (i != statements.Count - 1)
                        {
                            return null;
                        }

                        returned = expression;
                        break;
                    }

                    if (!Statement(statement))
                    {
                        return null;
                    }
                }

                if (returned is null)
                {
                    return null;
                }

                ExpressionSyntax? coalesce = null;
                var token = Strip(returned);
                if (token is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression } binary)
                {
                    coalesce = binary.Right;
                    token = Strip(binary.Left);
                }

                if (!TokenField(token) || !_callSeen || _url is null)
                {
                    return null;
                }

                var id = IdHole(_url);
                if (id is null || !ReferencesOnlyOutside(id, body) || (_cancellation is not null && !ReferencesOnlyOutside(_cancellation, body))
                    || (coalesce is not null && !ReferencesOnlyOutside(coalesce, body)) || !ReferencesAccountedFor(body) || !OneRequest(body))
                {
                    return null;
                }

                return new PlainFetchPlan(function, _call, id)
                {
                    CancellationToken = _cancellation,
                    ConfigureAwait = _configureAwait,
                    Coalesce = coalesce,
                    NonNullable = nonNullable,
                };
            }

            /// <summary>The method or local function around the call; null inside a lambda.</summary>
            private static SyntaxNode? EnclosingFunction(SyntaxNode node)
            {
                for (var current = node.Parent; current is not null; current = current.Parent)
                {
                    switch (current)
                    {
                        case AnonymousFunctionExpressionSyntax:
                        case QueryExpressionSyntax:
                            return null;
                        case LocalFunctionStatementSyntax local:
                            return local.Modifiers.Any(SyntaxKind.AsyncKeyword) ? local : null;
                        case MethodDeclarationSyntax method:
                            return method.Modifiers.Any(SyntaxKind.AsyncKeyword) ? method : null;
                        case MemberDeclarationSyntax:
                            return null;
                    }
                }

                return null;
            }

            private static SyntaxNode? Body(SyntaxNode function) => function switch
            {
                MethodDeclarationSyntax method => (SyntaxNode?)method.Body ?? method.ExpressionBody?.Expression,
                LocalFunctionStatementSyntax local => (SyntaxNode?)local.Body ?? local.ExpressionBody?.Expression,
                _ => null,
            };

            private bool ReturnsTaskOfString(SyntaxNode function, out bool nonNullable)
            {
                nonNullable = false;
                if (_model.GetDeclaredSymbol(function, _cancellationToken) is not IMethodSymbol { IsAsync: true, ReturnType: INamedTypeSymbol { IsGenericType: true } task } method
                    || method.IsGenericMethod
                    || task.TypeArguments.Length != 1
                    || task.TypeArguments[0].SpecialType != SpecialType.System_String
                    || !(IsType(task.OriginalDefinition, "System.Threading.Tasks", "Task`1") || IsType(task.OriginalDefinition, "System.Threading.Tasks", "ValueTask`1")))
                {
                    return false;
                }

                nonNullable = task.TypeArgumentNullableAnnotations[0] == NullableAnnotation.NotAnnotated;
                return true;
            }

            /// <summary>The reported call: <c>SendAsync</c>, <c>GetAsync</c>, <c>GetStringAsync</c> or <c>GetFromJsonAsync&lt;T&gt;</c>, awaited.</summary>
            private bool ClassifyCall()
            {
                if (_model.GetOperation(_call, _cancellationToken) is not IInvocationOperation operation)
                {
                    return false;
                }

                var method = operation.TargetMethod;
                var type = method.ContainingType;
                if (IsType(type, "System.Net.Http", "HttpClient") && method.Name is "SendAsync" or "GetAsync" or "GetStringAsync")
                {
                    _kind = method.Name;
                }
                else if (IsType(type, "System.Net.Http.Json", "HttpClientJsonExtensions") && method.Name == "GetFromJsonAsync" && method.TypeArguments.Length == 1)
                {
                    _kind = method.Name;
                    _jsonType = method.TypeArguments[0];
                }
                else
                {
                    return false;
                }

                _callMethod = method;
                if (_call.Expression is MemberAccessExpressionSyntax { Expression: { } receiver })
                {
                    // The client the request went through goes with it.
                    _droppedRegions.Add(receiver);
                }

                foreach (var argument in operation.Arguments)
                {
                    if (argument.ArgumentKind == ArgumentKind.DefaultValue || argument.Parameter is null)
                    {
                        continue;
                    }

                    var parameterType = argument.Parameter.Type;
                    var syntax = (argument.Syntax as ArgumentSyntax)?.Expression ?? argument.Syntax as ExpressionSyntax;
                    if (parameterType.SpecialType == SpecialType.System_String || IsType(parameterType, "System", "Uri"))
                    {
                        _url = syntax;
                    }
                    else if (IsType(parameterType, "System.Threading", "CancellationToken"))
                    {
                        _cancellation = syntax;
                    }
                    else if (IsType(parameterType, "System.Net.Http", "HttpCompletionOption") || IsType(parameterType, "System.Net.Http", "HttpClient"))
                    {
                        // The completion option does not change the answer; the client is the receiver of an extension.
                    }
                    else if (IsType(parameterType, "System.Net.Http", "HttpRequestMessage") && _kind == "SendAsync")
                    {
                        if (syntax is null || !RequestMessage(syntax))
                        {
                            return false;
                        }
                    }
                    else
                    {
                        // Serializer options or type info, a version policy: the answer may not be read as the client reads it.
                        return false;
                    }
                }

                if (_kind == "SendAsync" && _url is null && _requestLocal is null)
                {
                    return false;
                }

                // The call is awaited right there (optionally with ConfigureAwait).
                SyntaxNode awaited = _call;
                if (_call.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" } member
                    && member.Parent is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 1 } configure)
                {
                    _configureAwait = configure.ArgumentList.Arguments[0].Expression;
                    awaited = configure;
                }

                return awaited.Parent is AwaitExpressionSyntax;
            }

            /// <summary>The request message: a local or a creation <c>new HttpRequestMessage(HttpMethod.Get, url)</c>.</summary>
            private bool RequestMessage(ExpressionSyntax syntax)
            {
                syntax = Strip(syntax);
                if (syntax is IdentifierNameSyntax && _model.GetSymbolInfo(syntax, _cancellationToken).Symbol is ILocalSymbol local)
                {
                    // Declared later in the body; checked once the statements are read.
                    _requestLocal = local;
                    _consumed.Add(syntax);
                    return true;
                }

                return GetRequestCreation(syntax) is { } url && SetUrl(url);
            }

            private bool SetUrl(ExpressionSyntax url)
            {
                if (_url is not null)
                {
                    return false;
                }

                _url = url;
                return true;
            }

            private ExpressionSyntax? GetRequestCreation(ExpressionSyntax syntax)
            {
                if (syntax is not BaseObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: 2, Initializer: null } creation
                    || !IsType(_model.GetTypeInfo(creation, _cancellationToken).Type, "System.Net.Http", "HttpRequestMessage"))
                {
                    return null;
                }

                var method = Strip(creation.ArgumentList!.Arguments[0].Expression);
                return _model.GetSymbolInfo(method, _cancellationToken).Symbol is IPropertySymbol { Name: "Get", IsStatic: true } get
                    && IsType(get.ContainingType, "System.Net.Http", "HttpMethod")
                    ? creation.ArgumentList.Arguments[1].Expression
                    : null;
            }

            private bool Statement(StatementSyntax statement)
            {
                switch (statement)
                {
                    case LocalDeclarationStatementSyntax { Declaration.Variables.Count: 1 } declaration
                        when declaration.Declaration.Variables[0].Initializer is { } initializer
                             && _model.GetDeclaredSymbol(declaration.Declaration.Variables[0], _cancellationToken) is ILocalSymbol local:
                    {
                        var value = initializer.Value;
                        if (SymbolEqualityComparer.Default.Equals(local, _requestLocal))
                        {
                            return GetRequestCreation(Strip(value)) is { } url && SetUrl(url) && Track(local, Value.Request);
                        }

                        var kind = Classify(value, out var dtoType);
                        if (kind != Value.None)
                        {
                            if (kind == Value.Dto && dtoType is not null)
                            {
                                _dtoTypes[local] = dtoType;
                            }

                            return Track(local, kind);
                        }

                        // Anything else may only feed what is dropped (the token of the header, the URL): not `using`.
                        if (declaration.UsingKeyword.IsKind(SyntaxKind.UsingKeyword) || declaration.IsConst || value.Span.Contains(_call.Span))
                        {
                            return false;
                        }

                        _dropped[local] = value;
                        _droppedRegions.Add(value);
                        return true;
                    }

                    case ExpressionStatementSyntax { Expression: { } expression }:
                        return HeaderStatement(expression) || EnsureSuccess(expression);

                    default:
                        return false;
                }
            }

            private bool Track(ILocalSymbol local, Value value)
            {
                if (_tracked.ContainsKey(local))
                {
                    return false;
                }

                _tracked[local] = value;
                return true;
            }

            /// <summary><c>request.Headers.Authorization = x</c>, <c>request.Headers.Add/TryAddWithoutValidation("Authorization" or "Accept", x)</c>, <c>request.Headers.Accept.Add(x)</c>.</summary>
            private bool HeaderStatement(ExpressionSyntax expression)
            {
                if (expression is AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression, Left: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Authorization" } target } assignment
                    && IsRequestHeaders(target.Expression))
                {
                    _droppedRegions.Add(assignment.Right);
                    return true;
                }

                if (expression is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax call } invocation)
                {
                    return false;
                }

                var arguments = invocation.ArgumentList.Arguments;
                if (call.Name.Identifier.ValueText is "Add" or "TryAddWithoutValidation"
                    && IsRequestHeaders(call.Expression)
                    && arguments.Count == 2
                    && _model.GetConstantValue(arguments[0].Expression, _cancellationToken) is { HasValue: true, Value: string name }
                    && (string.Equals(name, "Authorization", System.StringComparison.OrdinalIgnoreCase) || string.Equals(name, "Accept", System.StringComparison.OrdinalIgnoreCase)))
                {
                    _droppedRegions.Add(arguments[1].Expression);
                    return true;
                }

                if (call.Name.Identifier.ValueText is "Add" or "ParseAdd" or "TryParseAdd"
                    && call.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Accept" } accept
                    && IsRequestHeaders(accept.Expression)
                    && arguments.Count == 1)
                {
                    _droppedRegions.Add(arguments[0].Expression);
                    return true;
                }

                return false;
            }

            /// <summary><c>request.Headers</c> of the request local.</summary>
            private bool IsRequestHeaders(ExpressionSyntax expression)
            {
                if (expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Headers", Expression: IdentifierNameSyntax name }
                    && _requestLocal is not null
                    && _tracked.ContainsKey(_requestLocal)
                    && SymbolEqualityComparer.Default.Equals(_model.GetSymbolInfo(name, _cancellationToken).Symbol, _requestLocal))
                {
                    _consumed.Add(name);
                    return true;
                }

                return false;
            }

            /// <summary><c>response.EnsureSuccessStatusCode();</c> (the client fails on a failure status too).</summary>
            private bool EnsureSuccess(ExpressionSyntax expression)
                => expression is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0, Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "EnsureSuccessStatusCode" } member }
                   && Classify(member.Expression, out _) == Value.Response;

            /// <summary>What an expression holds, consuming the locals it reads; <see cref="Value.None"/> when it is none of the fetch's values.</summary>
            private Value Classify(ExpressionSyntax expression, out ITypeSymbol? dtoType)
            {
                dtoType = null;
                expression = Strip(expression);
                switch (expression)
                {
                    case IdentifierNameSyntax name when _model.GetSymbolInfo(name, _cancellationToken).Symbol is ILocalSymbol local && _tracked.TryGetValue(local, out var held):
                        _consumed.Add(name);
                        dtoType = _dtoTypes.TryGetValue(local, out var type) ? type : null;
                        return held;

                    case AwaitExpressionSyntax awaited:
                        return Awaited(awaited, out dtoType);

                    case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "RootElement" } root:
                        return Classify(root.Expression, out _) == Value.Document ? Value.Element : Value.None;

                    case InvocationExpressionSyntax { ArgumentList.Arguments.Count: 1 } parse
                        when _model.GetSymbolInfo(parse, _cancellationToken).Symbol is IMethodSymbol { Name: "Parse", IsStatic: true } method
                             && IsType(method.ContainingType, "System.Text.Json", "JsonDocument")
                             && method.Parameters.Length == 2 /* (string json, JsonDocumentOptions options = default) */
                             && method.Parameters[0].Type.SpecialType == SpecialType.System_String:
                        return Classify(parse.ArgumentList.Arguments[0].Expression, out _) == Value.Text ? Value.Document : Value.None;

                    default:
                        return Value.None;
                }
            }

            private Value Awaited(AwaitExpressionSyntax awaited, out ITypeSymbol? dtoType)
            {
                dtoType = null;
                var inner = Strip(awaited.Expression);
                if (inner is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" } configure })
                {
                    inner = Strip(configure.Expression);
                }

                if (inner == _call)
                {
                    if (_callSeen)
                    {
                        return Value.None;
                    }

                    _callSeen = true;
                    switch (_kind)
                    {
                        case "SendAsync":
                        case "GetAsync":
                            return Value.Response;
                        case "GetStringAsync":
                            return Value.Text;
                        default:
                            return JsonValue(_jsonType, out dtoType);
                    }
                }

                // response.Content.ReadAsStringAsync([ct]) / ReadFromJsonAsync<T>([ct]).
                if (inner is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Content" } content } } read
                    || _model.GetSymbolInfo(read, _cancellationToken).Symbol is not IMethodSymbol method
                    || !AllCancellation(read.ArgumentList)
                    || Classify(content.Expression, out _) != Value.Response)
                {
                    return Value.None;
                }

                if (method.Name == "ReadAsStringAsync" && IsType(method.ContainingType, "System.Net.Http", "HttpContent"))
                {
                    return Value.Text;
                }

                return method.Name == "ReadFromJsonAsync" && IsType(method.ContainingType, "System.Net.Http.Json", "HttpContentJsonExtensions") && method.TypeArguments.Length == 1
                    ? JsonValue(method.TypeArguments[0], out dtoType)
                    : Value.None;
            }

            private bool AllCancellation(ArgumentListSyntax list)
                => list.Arguments.All(a => IsType(_model.GetTypeInfo(a.Expression, _cancellationToken).ConvertedType, "System.Threading", "CancellationToken"));

            private static Value JsonValue(ITypeSymbol? type, out ITypeSymbol? dtoType)
            {
                dtoType = null;
                if (type is null)
                {
                    return Value.None;
                }

                if (IsType(type, "System.Text.Json", "JsonElement"))
                {
                    return Value.Element;
                }

                if (type.TypeKind is TypeKind.Class or TypeKind.Struct && type.SpecialType == SpecialType.None && type is INamedTypeSymbol { IsGenericType: false }
                    && !type.GetAttributes().Any(a => a.AttributeClass is { Name: "JsonConverterAttribute" }))
                {
                    dtoType = type;
                    return Value.Dto;
                }

                return Value.None;
            }

            /// <summary>
            /// The returned value is the answer's <c>token</c>: <c>element.GetProperty("token").GetString()</c>, or a DTO's
            /// string property that maps to <c>token</c> (<c>dto.Token</c>, <c>dto!.Token</c>, <c>dto?.Token</c>).
            /// </summary>
            private bool TokenField(ExpressionSyntax expression)
            {
                expression = Strip(expression);
                if (expression is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0, Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetString" } getString }
                    && Strip(getString.Expression) is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 1, Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetProperty" } getProperty } property
                    && _model.GetConstantValue(property.ArgumentList.Arguments[0].Expression, _cancellationToken) is { HasValue: true, Value: "token" }
                    && _model.GetSymbolInfo(property, _cancellationToken).Symbol is IMethodSymbol { ContainingType: { } element } && IsType(element, "System.Text.Json", "JsonElement"))
                {
                    return Classify(getProperty.Expression, out _) == Value.Element;
                }

                ExpressionSyntax? receiver = null;
                SimpleNameSyntax? name = null;
                switch (expression)
                {
                    case MemberAccessExpressionSyntax member:
                        receiver = member.Expression;
                        name = member.Name;
                        break;
                    case ConditionalAccessExpressionSyntax { WhenNotNull: MemberBindingExpressionSyntax binding } conditional:
                        receiver = conditional.Expression;
                        name = binding.Name;
                        break;
                }

                if (receiver is null || name is null
                    || Classify(receiver, out var dtoType) != Value.Dto
                    || _model.GetSymbolInfo(name, _cancellationToken).Symbol is not IPropertySymbol { Type.SpecialType: SpecialType.System_String } tokenProperty
                    || !SymbolEqualityComparer.Default.Equals(tokenProperty.ContainingType, dtoType))
                {
                    return false;
                }

                // GetFromJsonAsync and ReadFromJsonAsync read with the web defaults: names match case-insensitively.
                foreach (var attribute in tokenProperty.GetAttributes())
                {
                    if (attribute.AttributeClass is { Name: "JsonPropertyNameAttribute" })
                    {
                        return attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string jsonName
                            && string.Equals(jsonName, "token", System.StringComparison.OrdinalIgnoreCase);
                    }

                    if (attribute.AttributeClass is { Name: "JsonIgnoreAttribute" or "JsonConverterAttribute" })
                    {
                        return false;
                    }
                }

                return string.Equals(tokenProperty.Name, "token", System.StringComparison.OrdinalIgnoreCase);
            }

            /// <summary>The URL's <c>{id}</c> hole: an interpolation hole or concatenation piece of type string after <c>/credentials/</c>.</summary>
            private ExpressionSyntax? IdHole(ExpressionSyntax url)
            {
                url = Strip(url);
                if (url is BaseObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: 1, Initializer: null } uri
                    && IsType(_model.GetTypeInfo(uri, _cancellationToken).Type, "System", "Uri"))
                {
                    url = Strip(uri.ArgumentList!.Arguments[0].Expression);
                }

                // One level of a local holding the URL (dropped with the request).
                if (url is IdentifierNameSyntax && _model.GetSymbolInfo(url, _cancellationToken).Symbol is ILocalSymbol local && _dropped.TryGetValue(local, out var initializer))
                {
                    url = Strip(initializer);
                }

                var text = new StringBuilder();
                var holes = new List<(ExpressionSyntax Expression, bool Plain)>();
                if (!Flatten(url, text, holes))
                {
                    return null;
                }

                var match = s_endpoint.Match(text.ToString());
                if (!match.Success)
                {
                    return null;
                }

                if (match.Groups[1].Value[0] != Hole)
                {
                    // A constant id: the literal segment.
                    return SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(match.Groups[1].Value));
                }

                var index = text.ToString(0, match.Groups[1].Index).Count(c => c == Hole);
                var (id, plain) = holes[index];
                return plain && _model.GetTypeInfo(id, _cancellationToken).Type?.SpecialType == SpecialType.System_String ? id : null;
            }

            private bool Flatten(ExpressionSyntax expression, StringBuilder text, List<(ExpressionSyntax, bool)> holes)
            {
                expression = Strip(expression);
                if (_model.GetConstantValue(expression, _cancellationToken) is { HasValue: true, Value: string constant })
                {
                    text.Append(constant.Replace(Hole, '?'));
                    return true;
                }

                switch (expression)
                {
                    case InterpolatedStringExpressionSyntax interpolated:
                        foreach (var content in interpolated.Contents)
                        {
                            if (content is InterpolatedStringTextSyntax literal)
                            {
                                text.Append(literal.TextToken.ValueText.Replace(Hole, '?'));
                            }
                            else if (content is InterpolationSyntax hole)
                            {
                                text.Append(Hole);
                                holes.Add((hole.Expression, hole.AlignmentClause is null && hole.FormatClause is null));
                            }
                        }

                        return true;

                    case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } concatenation
                        when _model.GetTypeInfo(concatenation, _cancellationToken).Type?.SpecialType == SpecialType.System_String:
                        return Flatten(concatenation.Left, text, holes) && Flatten(concatenation.Right, text, holes);

                    default:
                        text.Append(Hole);
                        holes.Add((expression, true));
                        return true;
                }
            }

            /// <summary>An expression kept in the rewritten body reads nothing declared in the body it replaces.</summary>
            private bool ReferencesOnlyOutside(ExpressionSyntax expression, SyntaxNode body)
            {
                foreach (var name in expression.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
                {
                    if (_model.GetSymbolInfo(name, _cancellationToken).Symbol is ILocalSymbol local
                        && local.DeclaringSyntaxReferences.Any(r => body.Span.Contains(r.Span)))
                    {
                        return false;
                    }
                }

                return true;
            }

            /// <summary>
            /// Every read of a local of the body is one the recognizer consumed, or a read of a dropped local inside what is
            /// dropped with the request; and no local of the body is assigned after its declaration.
            /// </summary>
            private bool ReferencesAccountedFor(SyntaxNode body)
            {
                if (_requestLocal is not null && !_tracked.ContainsKey(_requestLocal))
                {
                    return false;
                }

                var feeding = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
                foreach (var node in body.DescendantNodes())
                {
                    if (node is AssignmentExpressionSyntax { Left: IdentifierNameSyntax assigned } && _model.GetSymbolInfo(assigned, _cancellationToken).Symbol is ILocalSymbol)
                    {
                        return false;
                    }

                    if (node is not IdentifierNameSyntax name || _consumed.Contains(name)
                        || _model.GetSymbolInfo(name, _cancellationToken).Symbol is not ILocalSymbol local
                        || !local.DeclaringSyntaxReferences.Any(r => body.Span.Contains(r.Span)))
                    {
                        continue;
                    }

                    if (!_dropped.ContainsKey(local)
                        || !(_droppedRegions.Any(r => r.Span.Contains(name.Span)) || (_url is not null && _url.Span.Contains(name.Span))))
                    {
                        return false;
                    }

                    feeding.Add(local);
                }

                // A local that feeds nothing of the request (an audit call, say) is not the request's to drop.
                return feeding.Count == _dropped.Count;
            }

            /// <summary>The reported call is the only request the body makes.</summary>
            private bool OneRequest(SyntaxNode body)
            {
                foreach (var invocation in body.DescendantNodes().OfType<InvocationExpressionSyntax>())
                {
                    if (invocation == _call)
                    {
                        continue;
                    }

                    if (_model.GetSymbolInfo(invocation, _cancellationToken).Symbol is IMethodSymbol method
                        && (IsType(method.ContainingType, "System.Net.Http", "HttpClient")
                            || IsType(method.ContainingType, "System.Net.Http", "HttpMessageInvoker")
                            || IsType(method.ContainingType, "System.Net.Http.Json", "HttpClientJsonExtensions")
                            || SymbolEqualityComparer.Default.Equals(method.OriginalDefinition, _callMethod?.OriginalDefinition)))
                    {
                        return false;
                    }
                }

                return true;
            }

            private static ExpressionSyntax Strip(ExpressionSyntax expression)
            {
                while (true)
                {
                    switch (expression)
                    {
                        case ParenthesizedExpressionSyntax parenthesized:
                            expression = parenthesized.Expression;
                            continue;
                        case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } suppressed:
                            expression = suppressed.Operand;
                            continue;
                        default:
                            return expression;
                    }
                }
            }

            private static bool IsType(ITypeSymbol? type, string ns, string metadataName)
                => type is not null && type.MetadataName == metadataName && type.ContainingNamespace?.ToDisplayString() == ns;
        }
    }
}
