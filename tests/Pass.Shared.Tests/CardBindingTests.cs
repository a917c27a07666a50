using Pass.Shared.Cards;
using Pass.Shared.Users;

namespace Pass.Shared.Tests;

public class CardBindingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);
    private static readonly CardNumber Card = CardNumber.Parse("04A23B1C", CardReaderFormat.HexUid);

    [Fact]
    public void A_bound_card_is_active_for_its_person()
    {
        var binding = CardBinding.Bind(Card, "user-1", "desk", Now);

        Assert.True(binding.IsActive);
        Assert.Equal("04A23B1C", binding.CardNumber);
        Assert.Equal("••••3B1C", binding.MaskedNumber);
    }

    [Fact]
    public void Reporting_lost_ends_the_binding_once()
    {
        var binding = CardBinding.Bind(Card, "user-1", "desk", Now);

        Assert.Equal(CardBindingChange.Done, binding.ReportLost("user-1", Now.AddDays(1)));
        Assert.Equal(CardBindingStatus.Lost, binding.Status);
        Assert.Equal(Now.AddDays(1), binding.EndedAt);
        Assert.Equal(CardBindingChange.NotActive, binding.Unbind("desk", Now.AddDays(2)));
        Assert.Equal(CardBindingStatus.Lost, binding.Status);
    }

    [Fact]
    public void Replacing_points_the_old_binding_at_the_new_one()
    {
        var old = CardBinding.Bind(Card, "user-1", "desk", Now);
        var replacement = CardBinding.Bind(CardNumber.Parse("04112233445566", CardReaderFormat.HexUid), "user-1", "desk", Now);

        Assert.Equal(CardBindingChange.Done, old.ReplaceWith(replacement, "desk", Now));
        Assert.Equal(CardBindingStatus.Replaced, old.Status);
        Assert.Equal(replacement.Id, old.ReplacedBy);
        Assert.True(replacement.IsActive);
    }

    [Fact]
    public void A_card_cannot_be_replaced_by_another_persons_card_or_by_itself()
    {
        var old = CardBinding.Bind(Card, "user-1", "desk", Now);

        Assert.Equal(CardBindingChange.WrongPerson, old.ReplaceWith(CardBinding.Bind(CardNumber.Parse("04112233445566", CardReaderFormat.HexUid), "user-2", "desk", Now), "desk", Now));
        Assert.Equal(CardBindingChange.SameCard, old.ReplaceWith(CardBinding.Bind(Card, "user-1", "desk", Now), "desk", Now));
        Assert.True(old.IsActive);
    }

    [Fact]
    public void An_authorization_is_attached_once()
    {
        var binding = CardBinding.Bind(Card, "user-1", "desk", Now);
        binding.AttachAuthorization("a-1");

        Assert.Throws<InvalidOperationException>(() => binding.AttachAuthorization("a-2"));
        Assert.Equal("a-1", binding.AuthorizationId);
    }

    [Theory]
    [InlineData("Zhang Wei", "Z**** W**")]
    [InlineData("张伟", "张*")]
    [InlineData("", "***")]
    public void Names_are_masked_for_conflict_messages(string name, string masked)
    {
        Assert.Equal(masked, NameMask.Mask(name));
    }
}
