using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using TokenPolicy.Analyzers;

namespace TokenPolicy.CodeFixes
{
    /// <summary>
    /// Decides, from a diagnostic and the original syntax, whether a fix exists and what it replaces. Returns null for
    /// every shape without a safe fix (bytes, lines, streams kept for other uses, unawaited tasks, constant contexts, ...).
    /// </summary>
    internal static class FixPlanner
    {
        public static FixPlan? Plan(SemanticModel model, SyntaxNode root, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (diagnostic.Location.SourceTree != model.SyntaxTree || !root.FullSpan.Contains(diagnostic.Location.SourceSpan))
            {
                return null;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (node is ArgumentSyntax argument)
            {
                node = argument.Expression;
            }

            if (node is not ExpressionSyntax expression || node.ContainsDiagnostics)
            {
                return null;
            }

            var plan = diagnostic.Id switch
            {
                RuleIdentifiers.ServiceAccountTokenRead => PlanTokenRead(model, expression, diagnostic, cancellationToken),
                RuleIdentifiers.HardcodedBearerToken => PlanHardcodedToken(model, expression, diagnostic, cancellationToken),
                RuleIdentifiers.UnsanctionedCredentialRequest => CredentialRequestFix.Plan(root, diagnostic),
                _ => null,
            };

            return plan is not null && IsReplaceableValue(plan.Target) ? plan : null;
        }

        private static FixPlan? PlanTokenRead(SemanticModel model, ExpressionSyntax read, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            switch (DiagnosticProperties.GetFixKind(diagnostic))
            {
                // File.ReadAllText(Async), and a call into the project's own helper that returns the file's text (ViaCall).
                case FixKind.FileText:
                    return PlanReturnedValue(model, read, ReadShape.Text, cancellationToken);
                case FixKind.FileBytes:
                    return PlanReturnedValue(model, read, ReadShape.Bytes, cancellationToken);
                case FixKind.FileLines:
                    return PlanReturnedValue(model, read, ReadShape.Lines, cancellationToken);
                case FixKind.FileReader:
                    return PlanReader(model, read, cancellationToken);
                case FixKind.FileStream:
                    return PlanStream(model, read, cancellationToken);
                default:
                    return null;
            }
        }

        private enum ReadShape
        {
            Text,
            Bytes,
            Lines,
        }

        /// <summary>
        /// A call that returns the file's text, bytes or lines, synchronously or as a task. The result type decides the
        /// conversion (<c>string</c>, <c>byte[]</c>, <c>string[]</c>, <c>IEnumerable&lt;string&gt;</c>); anything else has no fix.
        /// </summary>
        private static FixPlan? PlanReturnedValue(SemanticModel model, ExpressionSyntax read, ReadShape shape, CancellationToken cancellationToken)
        {
            if (read is not InvocationExpressionSyntax invocation
                || model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol { ReturnType: { } returnType })
            {
                return null;
            }

            var wrapper = WrapperOf(returnType, out var resultType);
            var conversion = ConversionFor(resultType, shape);
            return conversion is { } known ? PlanConsumedRead(model, invocation, wrapper, known, allowUnconsumed: true, cancellationToken) : null;
        }

        /// <summary><c>Task&lt;T&gt;</c> / <c>ValueTask&lt;T&gt;</c> of System.Threading.Tasks: the wrapper and <c>T</c>; otherwise none and the type itself.</summary>
        private static TaskWrapper WrapperOf(ITypeSymbol type, out ITypeSymbol result)
        {
            if (type is INamedTypeSymbol { Name: "Task" or "ValueTask", TypeArguments.Length: 1 } task
                && task.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks")
            {
                result = task.TypeArguments[0];
                return task.Name == "Task" ? TaskWrapper.Task : TaskWrapper.ValueTask;
            }

            result = type;
            return TaskWrapper.None;
        }

        private static ValueConversion? ConversionFor(ITypeSymbol type, ReadShape shape)
        {
            switch (shape)
            {
                case ReadShape.Text when type.SpecialType == SpecialType.System_String:
                    return ValueConversion.None;
                case ReadShape.Bytes when type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Byte }:
                    return ValueConversion.Utf8Bytes;
                case ReadShape.Lines when type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_String }:
                    return ValueConversion.LineArray;
                case ReadShape.Lines when type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Collections_Generic_IEnumerable_T } sequence
                    && sequence.TypeArguments[0].SpecialType == SpecialType.System_String:
                    return ValueConversion.LineSequence;
                default:
                    return null;
            }
        }

        /// <summary>
        /// A stream over the token file (<c>File.OpenRead</c>, <c>FileInfo.OpenRead</c>, and <c>File.Open</c>,
        /// <c>FileInfo.Open</c>, <c>new FileStream</c> opened with <c>FileAccess.Read</c>, also in <c>FileStreamOptions</c>). Read to its end through a
        /// <c>StreamReader</c> right there, the whole read becomes the token; otherwise, when the code only uses it as a
        /// <c>Stream</c>, it becomes a read-only <c>MemoryStream</c> over the token's bytes. Streams that may be written, and
        /// streams used as a <c>FileStream</c> (its name, handle, locks), have no fix.
        /// </summary>
        private static FixPlan? PlanStream(SemanticModel model, ExpressionSyntax stream, CancellationToken cancellationToken)
        {
            var fileStream = model.Compilation.GetTypeByMetadataName("System.IO.FileStream");
            var streamReader = model.Compilation.GetTypeByMetadataName("System.IO.StreamReader");
            if (fileStream is null || streamReader is null || !IsReadOnlyOpen(model, stream, cancellationToken))
            {
                return null;
            }

            // new StreamReader(File.OpenRead(path)).ReadToEnd(), also through a reader local used for nothing else.
            var outer = WalkUpParentheses(stream);
            if (outer.Parent is ArgumentSyntax { NameColon: null, RefKindKeyword.RawKind: (int)SyntaxKind.None } argument
                && argument.Parent is ArgumentListSyntax { Parent: BaseObjectCreationExpressionSyntax readerCreation } list
                && list.Arguments[0] == argument
                && model.GetSymbolInfo(readerCreation, cancellationToken).Symbol is IMethodSymbol { ContainingType: var readerType }
                && SymbolEqualityComparer.Default.Equals(readerType, streamReader)
                && PlanReader(model, readerCreation, cancellationToken) is { } whole)
            {
                return whole;
            }

            return UsedOnlyAsStream(model, outer, fileStream, cancellationToken)
                ? new FixPlan(stream, ReplacementKind.TokenValue) { Conversion = ValueConversion.ReadOnlyStream }
                : null;
        }

        /// <summary><c>OpenRead</c>, or an <c>access</c> argument that is the constant <c>FileAccess.Read</c>.</summary>
        private static bool IsReadOnlyOpen(SemanticModel model, ExpressionSyntax stream, CancellationToken cancellationToken)
        {
            var (method, arguments) = model.GetOperation(stream, cancellationToken) switch
            {
                IInvocationOperation invocation => (invocation.TargetMethod, invocation.Arguments),
                IObjectCreationOperation { Constructor: { } constructor } creation => (constructor, creation.Arguments),
                _ => (null, default(ImmutableArray<IArgumentOperation>)),
            };

            if (method is null)
            {
                return false;
            }

            if (method.Name == "OpenRead")
            {
                return true;
            }

            foreach (var argument in arguments)
            {
                if (argument.ArgumentKind != ArgumentKind.Explicit)
                {
                    continue;
                }

                switch (argument.Parameter?.Name)
                {
                    case "access":
                        return IsReadAccess(argument.Value);
                    case "options":
                        // new FileStream(path, new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Read }).
                        var options = argument.Value;
                        while (options is IConversionOperation { Conversion.IsUserDefined: false } conversion)
                        {
                            options = conversion.Operand;
                        }

                        if (options is not IObjectCreationOperation { Arguments.IsEmpty: true } creation)
                        {
                            // Options built elsewhere: their access is not known here.
                            return false;
                        }

                        foreach (var initialization in creation.Initializer?.Initializers ?? ImmutableArray<IOperation>.Empty)
                        {
                            if (initialization is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Access" } } assignment)
                            {
                                return IsReadAccess(assignment.Value);
                            }
                        }

                        // FileStreamOptions.Access defaults to FileAccess.Read.
                        return true;
                }
            }

            return false;
        }

        // FileAccess.Read = 1.
        private static bool IsReadAccess(IOperation access)
            => access.ConstantValue is { HasValue: true, Value: int value } && value == 1;

        /// <summary>
        /// The stream is used as a <c>Stream</c> only: converted right there to a type other than <c>FileStream</c>, or held
        /// in a <c>var</c> local whose every use is a <c>Stream</c> member or a conversion to another type.
        /// </summary>
        private static bool UsedOnlyAsStream(SemanticModel model, ExpressionSyntax outer, INamedTypeSymbol fileStream, CancellationToken cancellationToken)
        {
            if (!IsFileStream(model.GetTypeInfo(outer, cancellationToken).ConvertedType, fileStream))
            {
                return true;
            }

            if (outer.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
                || declarator.Parent is not VariableDeclarationSyntax { Variables.Count: 1, Type.IsVar: true } declaration
                || model.GetDeclaredSymbol(declarator, cancellationToken) is not ILocalSymbol local)
            {
                return false;
            }

            SyntaxNode? scope = declaration.Parent switch
            {
                LocalDeclarationStatementSyntax statement => statement.Parent is GlobalStatementSyntax global ? global.Parent : statement.Parent,
                UsingStatementSyntax usingStatement => usingStatement.Statement,
                _ => null,
            };

            if (scope is null)
            {
                return false;
            }

            foreach (var node in scope.DescendantNodes())
            {
                if (node is not IdentifierNameSyntax name
                    || name.Identifier.ValueText != local.Name
                    || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol, local))
                {
                    continue;
                }

                var use = WalkUpParentheses(name);
                if (use.Parent is MemberAccessExpressionSyntax access && access.Expression == use)
                {
                    if (model.GetSymbolInfo(access, cancellationToken).Symbol is not { } member || DeclaredBy(member, fileStream))
                    {
                        return false;
                    }

                    continue;
                }

                if (use.Parent is ConditionalAccessExpressionSyntax || IsFileStream(model.GetTypeInfo(use, cancellationToken).ConvertedType, fileStream))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsFileStream(ITypeSymbol? type, INamedTypeSymbol fileStream)
            => type is null || type.TypeKind == TypeKind.Error || SymbolEqualityComparer.Default.Equals(type, fileStream);

        /// <summary>The member is declared by <c>FileStream</c> itself (not inherited from <c>Stream</c>), or extends it.</summary>
        private static bool DeclaredBy(ISymbol member, INamedTypeSymbol fileStream)
        {
            switch (member)
            {
                case IMethodSymbol { ReducedFrom: not null } extension:
                    return IsFileStream(extension.ReceiverType, fileStream);
                case IMethodSymbol method:
                    while (method.OverriddenMethod is { } overridden)
                    {
                        method = overridden;
                    }

                    return SymbolEqualityComparer.Default.Equals(method.ContainingType, fileStream);
                case IPropertySymbol property:
                    while (property.OverriddenProperty is { } overridden)
                    {
                        property = overridden;
                    }

                    return SymbolEqualityComparer.Default.Equals(property.ContainingType, fileStream);
                default:
                    return SymbolEqualityComparer.Default.Equals(member.ContainingType, fileStream);
            }
        }

        /// <summary>A StreamReader read to the end, directly or through a local used for nothing else.</summary>
        private static FixPlan? PlanReader(SemanticModel model, ExpressionSyntax creation, CancellationToken cancellationToken)
        {
            var outer = WalkUpParentheses(creation);

            // new StreamReader(path).ReadToEnd()
            if (outer.Parent is MemberAccessExpressionSyntax)
            {
                return PlanReadToEnd(model, outer, cancellationToken);
            }

            // [using] var reader = new StreamReader(path);  ...  reader.ReadToEnd()
            // using (var reader = new StreamReader(path)) { ... reader.ReadToEnd() ... }
            if (outer.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
                || declarator.Parent is not VariableDeclarationSyntax { Variables.Count: 1 } declaration
                || model.GetDeclaredSymbol(declarator, cancellationToken) is not ILocalSymbol local)
            {
                return null;
            }

            SyntaxNode? searchScope;
            switch (declaration.Parent)
            {
                case LocalDeclarationStatementSyntax statement when !statement.Modifiers.Any(SyntaxKind.ConstKeyword) && !statement.AwaitKeyword.IsKind(SyntaxKind.AwaitKeyword):
                    searchScope = statement.Parent is GlobalStatementSyntax global ? global.Parent : statement.Parent;
                    break;
                case UsingStatementSyntax usingStatement when !usingStatement.AwaitKeyword.IsKind(SyntaxKind.AwaitKeyword):
                    searchScope = usingStatement.Statement;
                    break;
                default:
                    return null;
            }

            if (searchScope is null)
            {
                return null;
            }

            IdentifierNameSyntax? onlyUse = null;
            foreach (var identifier in searchScope.DescendantNodes())
            {
                if (identifier is IdentifierNameSyntax name
                    && name.Identifier.ValueText == local.Name
                    && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol, local))
                {
                    if (onlyUse is not null)
                    {
                        // The reader is used for something else too: no fix.
                        return null;
                    }

                    onlyUse = name;
                }
            }

            if (onlyUse is null)
            {
                return null;
            }

            var plan = PlanReadToEnd(model, onlyUse, cancellationToken);
            if (plan is null)
            {
                return null;
            }

            if (declaration.Parent is UsingStatementSyntax usingToUnwrap)
            {
                plan.UnwrappedUsing = usingToUnwrap;
            }
            else
            {
                var statement = declaration.Parent!;
                plan.RemovedStatement = statement.Parent is GlobalStatementSyntax global ? global : statement;
            }

            return plan;
        }

        /// <summary><c>reader.ReadToEnd()</c> or <c>await reader.ReadToEndAsync([ct])</c>, with the reader given by <paramref name="receiver"/>.</summary>
        private static FixPlan? PlanReadToEnd(SemanticModel model, ExpressionSyntax receiver, CancellationToken cancellationToken)
        {
            var outer = WalkUpParentheses(receiver);
            if (outer.Parent is not MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } access
                || access.Expression != outer
                || access.Parent is not InvocationExpressionSyntax invocation
                || invocation.Expression != access)
            {
                return null;
            }

            if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method
                || method.ReturnType is null)
            {
                return null;
            }

            var wrapper = WrapperOf(method.ReturnType, out var resultType);
            if (resultType.SpecialType != SpecialType.System_String)
            {
                return null;
            }

            switch (access.Name.Identifier.ValueText)
            {
                case "ReadToEnd" or "ReadLine" when invocation.ArgumentList.Arguments.Count == 0 && wrapper == TaskWrapper.None:
                    return PlanConsumedRead(model, invocation, wrapper, ValueConversion.None, allowUnconsumed: false, cancellationToken);
                case "ReadToEndAsync" when invocation.ArgumentList.Arguments.Count <= 1 && wrapper != TaskWrapper.None:
                    return PlanConsumedRead(model, invocation, wrapper, ValueConversion.None, allowUnconsumed: true, cancellationToken);
                case "ReadLineAsync" when invocation.ArgumentList.Arguments.Count <= 1 && wrapper != TaskWrapper.None:
                    // The task is of string? (a line may be missing): only the awaited line is replaced.
                    return PlanConsumedRead(model, invocation, wrapper, ValueConversion.None, allowUnconsumed: false, cancellationToken);
                default:
                    return null;
            }
        }

        /// <summary>
        /// The expression that holds the read's value: the call itself, or for an asynchronous read its <c>await</c>
        /// (optionally through <c>ConfigureAwait</c>), <c>.Result</c> or <c>.GetAwaiter().GetResult()</c>; then what only
        /// re-derives the token from it (<c>Trim()</c>, <c>Encoding.UTF8.GetString(bytes)</c>, <c>lines[0]</c>,
        /// <c>lines.First()</c>). A task that is not consumed right there (stored, returned, passed on) becomes a completed
        /// task of the same type when <paramref name="allowUnconsumed"/>; otherwise no fix.
        /// </summary>
        private static FixPlan? PlanConsumedRead(SemanticModel model, InvocationExpressionSyntax read, TaskWrapper wrapper, ValueConversion conversion, bool allowUnconsumed, CancellationToken cancellationToken)
        {
            ExpressionSyntax current = read;
            ExpressionSyntax? token = null;
            ExpressionSyntax? configureAwait = null;

            if (wrapper != TaskWrapper.None)
            {
                token = CancellationTokenArgument(model, read, cancellationToken);
                var outer = WalkUpParentheses(current);
                if (outer.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" } configure
                    && configure.Expression == outer
                    && configure.Parent is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 1 } configureCall
                    && configureCall.Expression == configure)
                {
                    configureAwait = configureCall.ArgumentList.Arguments[0].Expression;
                    current = configureCall;
                    outer = WalkUpParentheses(current);
                }

                if (outer.Parent is AwaitExpressionSyntax awaitExpression)
                {
                    current = awaitExpression;
                }
                else if (configureAwait is null
                    && outer.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Result" } result
                    && result.Expression == outer
                    && result.Parent is not InvocationExpressionSyntax)
                {
                    current = result;
                }
                else if (configureAwait is null
                    && outer.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetAwaiter" } getAwaiter
                    && getAwaiter.Expression == outer
                    && getAwaiter.Parent is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0 } getAwaiterCall
                    && getAwaiterCall.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetResult" } getResult
                    && getResult.Parent is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0 } getResultCall)
                {
                    current = getResultCall;
                }
                else if (allowUnconsumed)
                {
                    // Task<T> t = File.ReadAllBytesAsync(path): Task.FromResult(value), a completed task of the same type.
                    return new FixPlan(read, ReplacementKind.TokenValue)
                    {
                        Conversion = conversion,
                        Wrapper = wrapper,
                        OriginalCancellationToken = token,
                    };
                }
                else
                {
                    return null;
                }
            }

            current = AbsorbDerivations(model, current, ref conversion, cancellationToken);
            return new FixPlan(current, ReplacementKind.TokenValue)
            {
                Conversion = conversion,
                OriginalCancellationToken = token,
                ConfigureAwaitArgument = configureAwait,
            };
        }

        /// <summary>
        /// What turns the bytes or lines back into the text (then any <c>Trim()</c>): the replacement is the text itself.
        /// A parenthesised <c>await</c> is replaced with its parentheses (the replacement is a primary expression).
        /// </summary>
        private static ExpressionSyntax AbsorbDerivations(SemanticModel model, ExpressionSyntax value, ref ValueConversion conversion, CancellationToken cancellationToken)
        {
            var current = value;
            var outer = WalkUpParentheses(current);
            switch (conversion)
            {
                case ValueConversion.Utf8Bytes when DecodedText(model, outer, cancellationToken) is { } decoded:
                    current = decoded;
                    conversion = ValueConversion.None;
                    break;
                case ValueConversion.LineArray or ValueConversion.LineSequence when FirstLine(model, outer, conversion, cancellationToken) is { } line:
                    current = line;
                    conversion = ValueConversion.None;
                    break;
            }

            if (conversion == ValueConversion.None)
            {
                return AbsorbTrim(model, current, cancellationToken);
            }

            return current is AwaitExpressionSyntax ? outer : current;
        }

        /// <summary><c>Encoding.UTF8.GetString(bytes)</c> (also <c>ASCII</c>, <c>Default</c>, <c>Latin1</c>, <c>new UTF8Encoding(...)</c>).</summary>
        private static ExpressionSyntax? DecodedText(SemanticModel model, ExpressionSyntax bytes, CancellationToken cancellationToken)
        {
            if (bytes.Parent is not ArgumentSyntax { NameColon: null, RefKindKeyword.RawKind: (int)SyntaxKind.None } argument
                || argument.Parent is not ArgumentListSyntax { Arguments.Count: 1, Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetString" } access } invocation }
                || model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol { IsStatic: false } method
                || !DerivesFrom(method.ContainingType, "System.Text.Encoding"))
            {
                return null;
            }

            var encoding = model.GetSymbolInfo(access.Expression, cancellationToken).Symbol;
            var known = encoding switch
            {
                IPropertySymbol { IsStatic: true, Name: "UTF8" or "ASCII" or "Default" or "Latin1" } property => DerivesFrom(property.ContainingType, "System.Text.Encoding"),
                IMethodSymbol { MethodKind: MethodKind.Constructor } constructor => constructor.ContainingType.ToDisplayString() is "System.Text.UTF8Encoding" or "System.Text.ASCIIEncoding",
                _ => false,
            };
            return known ? invocation : null;
        }

        /// <summary><c>lines[0]</c>, <c>lines.First()</c>, <c>FirstOrDefault()</c>, <c>Single()</c>, <c>SingleOrDefault()</c> (System.Linq).</summary>
        private static ExpressionSyntax? FirstLine(SemanticModel model, ExpressionSyntax lines, ValueConversion conversion, CancellationToken cancellationToken)
        {
            if (conversion == ValueConversion.LineArray
                && lines.Parent is ElementAccessExpressionSyntax { ArgumentList.Arguments.Count: 1 } element
                && element.Expression == lines
                && model.GetConstantValue(element.ArgumentList.Arguments[0].Expression, cancellationToken) is { HasValue: true, Value: 0 })
            {
                return element;
            }

            if (lines.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "First" or "FirstOrDefault" or "Single" or "SingleOrDefault" } access
                && access.Expression == lines
                && access.Parent is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0 } invocation
                && model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol { ReducedFrom: { } extension }
                && extension.ContainingType.ToDisplayString() == "System.Linq.Enumerable")
            {
                return invocation;
            }

            return null;
        }

        private static bool DerivesFrom(ITypeSymbol? type, string name)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (current.ToDisplayString() == name)
                {
                    return true;
                }
            }

            return false;
        }

        private static ExpressionSyntax? CancellationTokenArgument(SemanticModel model, InvocationExpressionSyntax invocation, CancellationToken cancellationToken)
        {
            if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method)
            {
                return null;
            }

            var arguments = invocation.ArgumentList.Arguments;
            for (var i = 0; i < arguments.Count; i++)
            {
                var argument = arguments[i];
                IParameterSymbol? parameter = null;
                if (argument.NameColon is { } nameColon)
                {
                    foreach (var candidate in method.Parameters)
                    {
                        if (candidate.Name == nameColon.Name.Identifier.ValueText)
                        {
                            parameter = candidate;
                        }
                    }
                }
                else if (i < method.Parameters.Length)
                {
                    parameter = method.Parameters[i];
                }

                if (parameter is not null && parameter.Type.Name == "CancellationToken" && parameter.Type.ContainingNamespace?.ToDisplayString() == "System.Threading")
                {
                    return argument.Expression;
                }
            }

            return null;
        }

        /// <summary><c>x.Trim()</c>, <c>x.TrimEnd()</c>, <c>x.TrimStart()</c>, <c>x?.Trim()</c> on the text: the resolver's value is already trimmed.</summary>
        private static ExpressionSyntax AbsorbTrim(SemanticModel model, ExpressionSyntax text, CancellationToken cancellationToken)
        {
            var current = text;
            while (true)
            {
                var outer = WalkUpParentheses(current);
                if (outer.Parent is MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } access
                    && access.Expression == outer
                    && IsTrim(access.Name.Identifier.ValueText)
                    && access.Parent is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0 } invocation
                    && IsStringMethod(model, invocation, cancellationToken))
                {
                    current = invocation;
                    continue;
                }

                if (outer.Parent is ConditionalAccessExpressionSyntax conditional
                    && conditional.Expression == outer
                    && conditional.WhenNotNull is InvocationExpressionSyntax { Expression: MemberBindingExpressionSyntax binding, ArgumentList.Arguments.Count: 0 } bound
                    && IsTrim(binding.Name.Identifier.ValueText)
                    && IsStringMethod(model, bound, cancellationToken))
                {
                    current = conditional;
                    continue;
                }

                // A parenthesised await is replaced with its parentheses: the replacement is a primary expression.
                return current is AwaitExpressionSyntax ? outer : current;
            }
        }

        private static bool IsTrim(string name) => name is "Trim" or "TrimEnd" or "TrimStart";

        private static bool IsStringMethod(SemanticModel model, InvocationExpressionSyntax invocation, CancellationToken cancellationToken)
            => model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol { ContainingType.SpecialType: SpecialType.System_String };

        private static FixPlan? PlanHardcodedToken(SemanticModel model, ExpressionSyntax value, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var kind = DiagnosticProperties.GetFixKind(diagnostic);
            if (diagnostic.Properties.TryGetValue(DiagnosticProperties.ViaCall, out var viaCall) && viaCall == "true")
            {
                // The argument of a call into a helper: replaced by the token (or header string) only when the helper's
                // parameter goes nowhere but on towards the sink.
                return kind is FixKind.RawToken or FixKind.HeaderString && ParameterUsedOnlyOnce(model, value, cancellationToken)
                    ? new FixPlan(value, kind == FixKind.RawToken ? ReplacementKind.TokenValue : ReplacementKind.HeaderString)
                    : null;
            }

            switch (kind)
            {
                case FixKind.HeaderValueParameter:
                {
                    // new AuthenticationHeaderValue(scheme, parameter) / new(scheme, parameter): the whole creation.
                    var creation = (WalkUpParentheses(value).Parent as ArgumentSyntax)?.Parent?.Parent as BaseObjectCreationExpressionSyntax;
                    return creation is null || creation.Initializer is not null ? null : new FixPlan(creation, ReplacementKind.Header);
                }

                case FixKind.HeaderValueParse:
                {
                    // AuthenticationHeaderValue.Parse(value): the whole call.
                    var invocation = (WalkUpParentheses(value).Parent as ArgumentSyntax)?.Parent?.Parent as InvocationExpressionSyntax;
                    var name = invocation?.Expression switch
                    {
                        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                        _ => null,
                    };
                    return invocation is null || name != "Parse" ? null : new FixPlan(invocation, ReplacementKind.Header);
                }

                case FixKind.HeaderString:
                    return new FixPlan(value, ReplacementKind.HeaderString);

                case FixKind.RawToken:
                    return new FixPlan(value, ReplacementKind.TokenValue);

                default:
                    // None: attributes (need a constant).
                    return null;
            }
        }

        /// <summary>
        /// The parameter that <paramref name="argumentValue"/> is passed for is named exactly once in its method (or, for
        /// a primary constructor, in its class): passed on or stored, not also logged, compared or sent elsewhere. Records'
        /// positional parameters (public properties) and parameters without source do not qualify.
        /// </summary>
        private static bool ParameterUsedOnlyOnce(SemanticModel model, ExpressionSyntax argumentValue, CancellationToken cancellationToken)
        {
            if (WalkUpParentheses(argumentValue).Parent is not ArgumentSyntax argument
                || model.GetOperation(argument, cancellationToken) is not IArgumentOperation { Parameter: { } bound }
                || bound.OriginalDefinition is not { } parameter
                || parameter.DeclaringSyntaxReferences.Length != 1
                || parameter.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not ParameterSyntax declaration
                || declaration.Parent?.Parent is not { } owner)
            {
                return false;
            }

            if (owner is RecordDeclarationSyntax || (owner is TypeDeclarationSyntax type && type.Modifiers.Any(SyntaxKind.PartialKeyword)))
            {
                return false;
            }

            if (owner is not (BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or TypeDeclarationSyntax))
            {
                return false;
            }

            var ownerModel = owner.SyntaxTree == model.SyntaxTree ? model : model.Compilation.GetSemanticModel(owner.SyntaxTree);
            var uses = 0;
            foreach (var node in owner.DescendantNodes())
            {
                if (node is IdentifierNameSyntax name
                    && name.Identifier.ValueText == parameter.Name
                    && SymbolEqualityComparer.Default.Equals(ownerModel.GetSymbolInfo(name, cancellationToken).Symbol?.OriginalDefinition, parameter))
                {
                    uses++;
                }
            }

            return uses == 1;
        }

        private static ExpressionSyntax WalkUpParentheses(ExpressionSyntax expression)
        {
            var current = expression;
            while (current.Parent is ParenthesizedExpressionSyntax parenthesized)
            {
                current = parenthesized;
            }

            return current;
        }

        /// <summary>
        /// The target can become a non-constant expression: it is not a statement on its own, not written to, and not in
        /// a context that needs a constant (attribute, parameter default, const, case label, pattern).
        /// </summary>
        private static bool IsReplaceableValue(ExpressionSyntax target)
        {
            var outer = WalkUpParentheses(target);
            switch (outer.Parent)
            {
                case ExpressionStatementSyntax:
                case null:
                    return false;
                case AssignmentExpressionSyntax assignment when assignment.Left == outer:
                    return false;
                case ArgumentSyntax argument when !argument.RefKindKeyword.IsKind(SyntaxKind.None):
                    return false;
            }

            for (SyntaxNode? node = outer.Parent; node is not null; node = node.Parent)
            {
                switch (node)
                {
                    case AttributeArgumentSyntax:
                    case AttributeSyntax:
                    case ParameterSyntax:
                    case CaseSwitchLabelSyntax:
                    case PatternSyntax:
                    case EnumMemberDeclarationSyntax:
                        return false;
                    case LocalDeclarationStatementSyntax local:
                        return !local.Modifiers.Any(SyntaxKind.ConstKeyword);
                    case BaseFieldDeclarationSyntax field:
                        return !field.Modifiers.Any(SyntaxKind.ConstKeyword);
                    case StatementSyntax:
                    case MemberDeclarationSyntax:
                        return true;
                }
            }

            return true;
        }
    }
}
