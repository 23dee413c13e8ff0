namespace IdeaBox.Domain;

/// <summary>An idea or an initiative that answers a difficulty (the "mirror" of the slides).</summary>
public sealed class EntryAnswer
{
    public int AnswerId { get; set; }
    public int DifficultyId { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>Only ideas and initiatives answer, and only difficulties are answered: the refusal names the field.</summary>
    public static void EnsureFits(EntryKind answer, EntryKind? difficulty)
    {
        if (answer == EntryKind.Difficulty)
            throw new ValidationFailedException(new FieldError("DifficultyId", "Link.AnswerMustNotBeDifficulty"));
        if (difficulty != EntryKind.Difficulty)
            throw new ValidationFailedException(new FieldError("DifficultyId", "Link.NotADifficulty"));
    }
}
