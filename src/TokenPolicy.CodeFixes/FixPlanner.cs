using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
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
                RuleIdentifiers.HardcodedBearerToken => PlanHardcodedToken(expression, diagnostic),
                RuleIdentifiers.UnsanctionedCredentialRequest => CredentialRequestFix.Plan(root, diagnostic),
                _ => null,
            };

            return plan is not null && IsReplaceableValue(plan.Target) ? plan : null;
        }

        private static FixPlan? PlanTokenRead(SemanticModel model, ExpressionSyntax read, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var kind = DiagnosticProperties.GetFixKind(diagnostic);
            if (kind == FixKind.FileText)
            {
                // File.ReadAllText(path[, encoding]) / File.ReadAllTextAsync(path[, encoding][, cancellationToken]).
                if (read is not InvocationExpressionSyntax invocation)
                {
                    return null;
                }

                // Also a call into the project's own helper that returns the file's text (ViaCall diagnostics).
                // Synchronous or not is decided by what the call returns: string, or Task<string>/ValueTask<string>.
                if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol { ReturnType: var returnType })
                {
                    return null;
                }

                if (returnType.SpecialType == SpecialType.System_String)
                {
                    return PlanConsumedRead(model, invocation, isAsync: false, cancellationToken);
                }

                if (returnType is INamedTypeSymbol { Name: "Task" or "ValueTask", TypeArguments.Length: 1 } task
                    && task.TypeArguments[0].SpecialType == SpecialType.System_String
                    && task.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks")
                {
                    return PlanConsumedRead(model, invocation, isAsync: true, cancellationToken);
                }

                return null;
            }

            return kind == FixKind.FileReader ? PlanReader(model, read, cancellationToken) : null;
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

            switch (access.Name.Identifier.ValueText)
            {
                case "ReadToEnd" when invocation.ArgumentList.Arguments.Count == 0 && method.ReturnType.SpecialType == SpecialType.System_String:
                    return PlanConsumedRead(model, invocation, isAsync: false, cancellationToken);
                case "ReadToEndAsync" when invocation.ArgumentList.Arguments.Count <= 1:
                    return PlanConsumedRead(model, invocation, isAsync: true, cancellationToken);
                default:
                    return null;
            }
        }

        /// <summary>
        /// The expression that holds the read's text: the call itself, or for an asynchronous read its <c>await</c>
        /// (optionally through <c>ConfigureAwait</c>), <c>.Result</c> or <c>.GetAwaiter().GetResult()</c>; then any
        /// <c>Trim()</c>. Null when the task is not consumed right there (stored, returned, passed on): no fix.
        /// </summary>
        private static FixPlan? PlanConsumedRead(SemanticModel model, InvocationExpressionSyntax read, bool isAsync, CancellationToken cancellationToken)
        {
            ExpressionSyntax current = read;
            ExpressionSyntax? token = null;
            ExpressionSyntax? configureAwait = null;

            if (isAsync)
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
                else
                {
                    return null;
                }
            }

            current = AbsorbTrim(model, current, cancellationToken);
            return new FixPlan(current, ReplacementKind.TokenValue)
            {
                OriginalCancellationToken = token,
                ConfigureAwaitArgument = configureAwait,
            };
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

        private static FixPlan? PlanHardcodedToken(ExpressionSyntax value, Diagnostic diagnostic)
        {
            switch (DiagnosticProperties.GetFixKind(diagnostic))
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
                    // None: TryParse (the out parameter has no resolver equivalent), attributes (need a constant), call sites.
                    return null;
            }
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
