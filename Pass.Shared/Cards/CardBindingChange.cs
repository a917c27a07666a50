namespace Pass.Shared.Cards;

public enum CardBindingChange
{
    Done,
    NotActive,
    WrongPerson,
    SameCard,
}
