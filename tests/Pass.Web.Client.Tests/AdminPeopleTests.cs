using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Pass.Shared;
using Pass.Shared.Oauth;
using Pass.Shared.Users;
using Pass.Web.Client.Components;
using Pass.Web.Client.Pages.Admin;
using Pass.Web.Client.Services;

namespace Pass.Web.Client.Tests;

/// <summary>The people page over the real browser service and PortalHttp, with the API answered by a scripted handler.</summary>
public class AdminPeopleTests : PortalTestContext
{
    private readonly ScriptedApi _api = new();

    public AdminPeopleTests()
    {
        Services.AddSingleton(new PortalHttp(new HttpClient(_api) { BaseAddress = new Uri("http://pass.test/") }));
        Services.AddScoped<IPeopleAdmin, ClientPeopleAdmin>();
        AddAuthorization().SetAuthorized("admin@test.local").SetRoles(PassRoles.Admin);
        _popover = Render<MudPopoverProvider>();
        _dialogs = Render<MudDialogProvider>();
        _snackbar = Render<MudSnackbarProvider>();
    }

    private readonly IRenderedComponent<MudPopoverProvider> _popover;
    private readonly IRenderedComponent<MudDialogProvider> _dialogs;
    private readonly IRenderedComponent<MudSnackbarProvider> _snackbar;

    private static UserSummary Person(string email, string name) =>
        new(Guid.NewGuid().ToString(), email, name, null, null, [PassRoles.User], false, DateTimeOffset.UnixEpoch);

    // A field that follows every keystroke (Immediate: the name's counter) listens to input, the others to change.
    private static void Fill(IRenderedComponent<AdminPeople> cut, string testId, string value)
    {
        var field = cut.Find($"input[data-testid={testId}]");
        if (field.HasAttribute("blazor:oninput") && !field.HasAttribute("blazor:onchange"))
        {
            field.Input(value);
        }
        else
        {
            field.Change(value);
        }
    }

    [Fact]
    public void A_refusal_sent_as_codes_is_shown_in_chinese_not_in_the_english_text_of_the_body()
    {
        UseCulture("zh-CN");
        _api.CreateAnswer = () => Json(HttpStatusCode.BadRequest, """
            {"title":"One or more validation errors occurred.","status":400,
             "errors":{"email":["A valid email address is required."],"displayName":["A display name has at most 100 characters."]},
             "codes":{"email":[{"code":"EmailInvalid"}],"displayName":[{"code":"DisplayNameTooLong","args":["100"]}]}}
            """);
        var cut = Render<AdminPeople>();

        Fill(cut, "people-new-email", "x");
        cut.Find("[data-testid=people-create]").Click();

        cut.WaitForAssertion(() => Assert.Contains("请输入有效的电子邮件地址。", cut.Markup));
        Assert.Contains("显示名称最多 100 个字符。", cut.Markup);
        Assert.DoesNotContain("A valid email address is required.", cut.Markup);
    }

    [Fact]
    public void The_last_administrator_conflict_is_shown_in_chinese_from_its_code()
    {
        UseCulture("zh-CN");
        var other = Person("other@test.local", "Other Admin");
        _api.People = [other];
        _api.LockAnswer = () => Json(HttpStatusCode.Conflict, """{"title":"Pass must keep at least one administrator.","status":409,"code":"LastAdministrator"}""");
        var cut = Render<AdminPeople>();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=people-lock]")));

        cut.Find("[data-testid=people-lock]").Click();
        var dialogs = _dialogs;
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll(".mud-dialog button")));
        dialogs.FindAll(".mud-dialog button").Last().Click();

        var snackbar = _snackbar;
        snackbar.WaitForAssertion(() => Assert.Contains("Pass 必须至少保留一名可用的管理员。", snackbar.Markup));

        // The focus goes back to that row's Lock button, not to the page's body.
        cut.WaitForAssertion(() => Assert.Contains(JSInterop.Invocations, i => i.Identifier == "passPortal.focus"
            && (string)i.Arguments[0]! == $"[data-testid=people-lock][data-person='{other.Id}']"));
        Assert.NotNull(cut.Find($"[data-testid=people-lock][data-person='{other.Id}']"));
    }

    [Fact]
    public void An_empty_search_says_no_one_matches_the_query()
    {
        _api.People = [Person("kim@test.local", "Kim Lee")];
        var cut = Render<AdminPeople>();
        cut.WaitForAssertion(() => Assert.Contains("Kim Lee", cut.Markup));

        _api.People = [];
        cut.Find("input[data-testid=people-search]").Input("zhao");
        Time.Advance(TimeSpan.FromSeconds(1)); // the search field's debounce runs on the page's clock

        cut.WaitForAssertion(() => Assert.Equal("No one matches “zhao”.", cut.Find("[data-testid=people-none]").TextContent.Trim()));
        Assert.Equal("zhao", _api.LastQuery);
    }

    [Fact]
    public void The_person_picker_says_no_one_matches_when_the_search_finds_nobody()
    {
        UseCulture("zh-CN");
        var popover = _popover;
        var picker = Render<PersonPicker>(p => p.Add(x => x.Search, (_, _) => Task.FromResult<IReadOnlyList<UserSummary>>([])));

        picker.Find("input").Input("nobody");
        Time.Advance(TimeSpan.FromSeconds(1));

        popover.WaitForAssertion(() => Assert.Contains("没有与“nobody”匹配的人员。", popover.Markup));
    }

    [Fact]
    public void The_administrators_own_row_offers_no_lock_and_says_why()
    {
        _api.People = [Person("admin@test.local", "Administrator"), Person("kim@test.local", "Kim Lee")];
        var cut = Render<AdminPeople>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=people-lock]").Count));
        var locks = cut.FindAll("[data-testid=people-lock]");
        Assert.True(locks[0].HasAttribute("disabled"));
        Assert.False(locks[1].HasAttribute("disabled"));
        Assert.Contains("You cannot lock your own account", cut.Markup);
    }

    [Fact]
    public void A_double_click_on_create_sends_one_request()
    {
        var answer = new TaskCompletionSource<HttpResponseMessage>();
        _api.CreateAnswerAsync = () => answer.Task;
        var cut = Render<AdminPeople>();
        Fill(cut, "people-new-email", "once@test.local");
        Fill(cut, "people-new-name", "Once");

        cut.Find("[data-testid=people-create]").Click();
        cut.Find("[data-testid=people-create]").Click();
        answer.SetResult(Json(HttpStatusCode.Created, JsonSerializer.Serialize(
            new CreateUserResponse(Person("once@test.local", "Once"), "Generated-1"), new JsonSerializerOptions(JsonSerializerDefaults.Web))));

        cut.WaitForAssertion(() => Assert.Contains("Generated-1", cut.Markup));
        Assert.Equal(1, _api.Creates);
    }

    [Fact]
    public void Delete_asks_first_then_deletes_that_person_once_and_the_own_row_offers_no_delete()
    {
        var kim = Person("kim@test.local", "Kim Lee");
        _api.People = [Person("admin@test.local", "Administrator"), kim];
        var cut = Render<AdminPeople>();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=people-delete]")));

        cut.Find("[data-testid=people-delete]").Click();
        _dialogs.WaitForAssertion(() => Assert.Contains("Delete Kim Lee?", _dialogs.Markup));
        Assert.Empty(_api.Deleted);
        var confirm = _dialogs.Find("[data-testid=confirm-yes]");
        confirm.Click(new Microsoft.AspNetCore.Components.Web.MouseEventArgs { Detail = 1 });

        cut.WaitForAssertion(() => Assert.Equal([kim.Id], _api.Deleted));
        cut.WaitForAssertion(() => Assert.DoesNotContain("kim@test.local", cut.Markup));
        _snackbar.WaitForAssertion(() => Assert.Contains("Kim Lee was deleted.", _snackbar.Markup));
    }

    [Fact]
    public void Edit_corrects_a_persons_name_and_a_taken_email_is_said_on_its_field_in_chinese()
    {
        UseCulture("zh-CN");
        _api.People = [Person("admin@test.local", "Administrator"), Person("kim@test.local", "Kim Lee")];
        var cut = Render<AdminPeople>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=people-edit]").Count));

        cut.FindAll("[data-testid=people-edit]")[1].Click();
        _dialogs.WaitForElement("[data-testid=person-edit-save]");
        _dialogs.Find("input[data-testid=person-edit-email]").Change("taken@test.local");
        _dialogs.Find("[data-testid=person-edit-save]").Click();
        _dialogs.WaitForAssertion(() => Assert.Contains("电子邮件 taken@test.local 已被使用。", _dialogs.Markup));

        _dialogs.Find("input[data-testid=person-edit-email]").Change("kim.lee@test.local");
        _dialogs.Find("input[data-testid=person-edit-name]").Input("Kim Li");
        _dialogs.Find("[data-testid=person-edit-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Kim Li", cut.Markup));
        Assert.Equal(new UpdateUserRequest("kim.lee@test.local", "Kim Li", null), _api.Updates[^1]);
        _dialogs.WaitForAssertion(() => Assert.Empty(_dialogs.FindAll("[data-testid=person-edit]")));
    }

    [Fact]
    public void A_reset_password_is_shown_in_a_dialog_so_it_is_in_view_from_any_row()
    {
        _api.People = [Person("admin@test.local", "Administrator"), Person("kim@test.local", "Kim Lee")];
        var cut = Render<AdminPeople>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=people-reset]").Count));

        cut.FindAll("[data-testid=people-reset]")[1].Click();
        _dialogs.WaitForElement("[data-testid=confirm-yes]").Click(new Microsoft.AspNetCore.Components.Web.MouseEventArgs { Detail = 1 });

        _dialogs.WaitForAssertion(() => Assert.Equal("Pw-Reset-1", _dialogs.Find("[data-testid=secret-dialog] [data-testid=secret-value]").TextContent));
        Assert.Contains("kim@test.local", _dialogs.Find("[data-testid=secret-dialog]").TextContent);
        _dialogs.Find("[data-testid=secret-dialog-close]").Click();
        _dialogs.WaitForAssertion(() => Assert.Empty(_dialogs.FindAll("[data-testid=secret-dialog]")));
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, status == HttpStatusCode.OK || status == HttpStatusCode.Created ? "application/json" : "application/problem+json") };

    private sealed class ScriptedApi : HttpMessageHandler
    {
        private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

        public List<UserSummary> People { get; set; } = [];

        public Func<HttpResponseMessage>? CreateAnswer { get; set; }

        public Func<Task<HttpResponseMessage>>? CreateAnswerAsync { get; set; }

        public Func<HttpResponseMessage>? LockAnswer { get; set; }

        public int Creates { get; private set; }

        public List<string> Deleted { get; } = [];

        public List<UpdateUserRequest> Updates { get; } = [];

        public string? LastQuery { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            if (path == PassRoutes.Antiforgery)
            {
                return Json(HttpStatusCode.OK, JsonSerializer.Serialize(new AntiforgeryToken("X-Test", "t"), Web));
            }

            if (request.Method == HttpMethod.Get && path == PassRoutes.Users)
            {
                LastQuery = System.Web.HttpUtility.ParseQueryString(request.RequestUri.Query)["q"];
                return Json(HttpStatusCode.OK, JsonSerializer.Serialize(new PagedResult<UserSummary>(People, People.Count, 0, 25), Web));
            }

            if (request.Method == HttpMethod.Post && path == PassRoutes.Users)
            {
                Creates++;
                return CreateAnswerAsync is { } later ? await later() : CreateAnswer!();
            }

            if (request.Method == HttpMethod.Put && path.StartsWith(PassRoutes.Users + "/", StringComparison.Ordinal) && path.Count(c => c == '/') == 3)
            {
                var update = (await request.Content!.ReadFromJsonAsync<UpdateUserRequest>(Web, cancellationToken))!;
                Updates.Add(update);
                if (update.Email == "taken@test.local")
                {
                    return Json(HttpStatusCode.BadRequest, """
                        {"title":"One or more validation errors occurred.","status":400,"errors":{"email":["Email 'taken@test.local' is already taken."]},
                         "codes":{"email":[{"code":"EmailTaken","args":["taken@test.local"]}]}}
                        """);
                }

                var id = Uri.UnescapeDataString(path[(PassRoutes.Users.Length + 1)..]);
                var index = People.FindIndex(p => p.Id == id);
                People[index] = People[index] with { Email = update.Email!, DisplayName = update.DisplayName!, StaffNumber = update.StaffNumber };
                return Json(HttpStatusCode.OK, JsonSerializer.Serialize(People[index], Web));
            }

            if (request.Method == HttpMethod.Delete && path.StartsWith(PassRoutes.Users + "/", StringComparison.Ordinal))
            {
                var id = Uri.UnescapeDataString(path[(PassRoutes.Users.Length + 1)..]);
                Deleted.Add(id);
                People.RemoveAll(p => p.Id == id);
                return new HttpResponseMessage(HttpStatusCode.NoContent);
            }

            if (path.EndsWith("/reset-password", StringComparison.Ordinal))
            {
                return Json(HttpStatusCode.OK, JsonSerializer.Serialize(new PasswordResetResponse("Pw-Reset-1"), Web));
            }

            if (path.EndsWith("/lock", StringComparison.Ordinal))
            {
                return LockAnswer!();
            }

            return new HttpResponseMessage(HttpStatusCode.NotFound);
        }
    }
}
