// Shape: Refit interface with [Headers("Authorization: Bearer ...")] on one method
using System.Threading.Tasks;
using Refit;

namespace Weather.Client;

public interface IForecastApi
{
    [Get("/forecast/{city}")]
    [Headers("Accept: application/json", {|TP0002:"Authorization: Bearer $$JWT$$"|})]
    Task<string> GetForecastAsync(string city);
}
