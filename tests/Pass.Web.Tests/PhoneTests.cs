using System.Net;
using System.Net.Http.Json;
using Pass.Shared.Oauth;
using Pass.Shared.Users;
using Pass.Web.Tests.Infrastructure;

namespace Pass.Web.Tests;

/// <summary>Phones are stored in E.164 (default region CN) and belong to one person.</summary>
public class PhoneTests : AdminTestBase
{
    [Fact]
    public async Task An_administrator_sets_a_phone_as_typed_and_it_is_stored_in_e164()
    {
        var id = await App.CreatePersonAsync("ping@test.local");

        var set = await Admin.Http.PutAsJsonAsync($"{PassRoutes.Users}/{id}/phone", new SetPhoneRequest("138 0013-8000"));

        Assert.Equal("+8613800138000", (await Admin.ReadAsync<UserSummary>(set)).PhoneNumber);
        var found = await Admin.ReadAsync<Pass.Shared.PagedResult<UserSummary>>(await Admin.Http.GetAsync($"{PassRoutes.Users}?q=13800138000"));
        Assert.Equal(id, Assert.Single(found.Items).Id);
    }

    [Fact]
    public async Task A_phone_belongs_to_one_person_and_must_be_a_real_number()
    {
        var first = await App.CreatePersonAsync("one@test.local");
        var second = await App.CreatePersonAsync("two@test.local");
        await Admin.Http.PutAsJsonAsync($"{PassRoutes.Users}/{first}/phone", new SetPhoneRequest("+86 138 0013 8000"));

        Assert.Equal(HttpStatusCode.BadRequest, (await Admin.Http.PutAsJsonAsync($"{PassRoutes.Users}/{second}/phone", new SetPhoneRequest("13800138000"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Admin.Http.PutAsJsonAsync($"{PassRoutes.Users}/{second}/phone", new SetPhoneRequest("12345"))).StatusCode);
        var created = await Admin.PostAsync(PassRoutes.Users, new CreateUserRequest("three@test.local", "Three", null, null, "13800138000"));
        Assert.Equal(HttpStatusCode.BadRequest, created.StatusCode);
        Assert.Contains("phoneNumber", await created.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Removing_a_phone_frees_it()
    {
        var first = await App.CreatePersonAsync("free1@test.local");
        var second = await App.CreatePersonAsync("free2@test.local");
        await Admin.Http.PutAsJsonAsync($"{PassRoutes.Users}/{first}/phone", new SetPhoneRequest("13800138000"));
        await Admin.Http.PutAsJsonAsync($"{PassRoutes.Users}/{first}/phone", new SetPhoneRequest(""));

        Assert.Equal("+8613800138000", (await Admin.ReadAsync<UserSummary>(
            await Admin.Http.PutAsJsonAsync($"{PassRoutes.Users}/{second}/phone", new SetPhoneRequest("13800138000")))).PhoneNumber);
    }
}
