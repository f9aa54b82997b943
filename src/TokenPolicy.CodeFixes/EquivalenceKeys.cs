namespace TokenPolicy.CodeFixes
{
    /// <summary>
    /// Equivalence keys of the code actions. They never depend on the diagnostic, so FixAll (and
    /// <c>dotnet format analyzers</c>, which applies the first registered action's key across a solution) groups
    /// every occurrence under one action.
    /// </summary>
    public static class EquivalenceKeys
    {
        /// <summary>The safe default, always registered first: use the resolver in scope, else <c>CredentialTokenResolver.Default</c>.</summary>
        public const string UseResolver = "TokenPolicy.UseResolver";

        /// <summary>Second action, classes only: add an <c>ICredentialTokenResolver</c> constructor parameter (and a field) and use it.</summary>
        public const string InjectResolver = "TokenPolicy.InjectResolver";

        /// <summary>
        /// TP0004, plain fetches only: the method's body becomes <c>CredentialClient.GetByIdAsync(id, ct)</c> (a client in
        /// scope, else one injected through the constructor). Registered after the header fix.
        /// </summary>
        public const string UseCredentialClient = "TokenPolicy.UseCredentialClient";
    }
}
