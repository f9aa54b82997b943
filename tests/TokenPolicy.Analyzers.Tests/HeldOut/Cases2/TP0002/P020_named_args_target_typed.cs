// Shape: target-typed new(...) with named arguments in reverse order, assigned to request.Headers.Authorization
using System.Net.Http;

namespace Crm.Export;

public static class ExportAuth
{
    private const string ExportToken = "$$JWT$$";

    public static void Apply(HttpRequestMessage request)
        => request.Headers.Authorization = new(parameter: {|TP0002:ExportToken|}, scheme: "Bearer");
}
