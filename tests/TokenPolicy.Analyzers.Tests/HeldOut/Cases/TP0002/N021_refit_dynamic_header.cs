// Shape: Refit [Headers("Authorization: Bearer")] with the token supplied at run time
using System.Threading.Tasks;
using Refit;

namespace Partner.Api;

[Headers("Authorization: Bearer")]
public interface IAccountsApi
{
    [Get("/accounts/{id}")]
    Task<string> GetAsync(string id);

    [Get("/accounts")]
    Task<string> ListAsync([Authorize("Bearer")] string token);
}
