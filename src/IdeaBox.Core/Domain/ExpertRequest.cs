namespace IdeaBox.Domain;

/// <summary>A moderator asks an expert a question about an entry; the answer is the expert opinion.</summary>
public sealed class ExpertRequest
{
    public const int QuestionMaxLength = 2000;
    public const int AnswerMaxLength = 10_000;

    public int Id { get; set; }
    public int EntryId { get; set; }
    public Entry? Entry { get; set; }
    public int ExpertId { get; set; }
    public AppUser? Expert { get; set; }
    public int RequestedById { get; set; }
    public AppUser? RequestedBy { get; set; }
    public required string Question { get; set; }
    public DateTime RequestedAt { get; set; }
    public string? Answer { get; set; }
    public string? AnswerHtml { get; set; }
    public DateTime? AnsweredAt { get; set; }

    /// <summary>The expert's opinion, once: a second answer is a conflict.</summary>
    public void Answered(string answer, string answerHtml, DateTime now)
    {
        if (AnsweredAt is not null) throw new ConflictException("Expert.AlreadyAnswered");
        Answer = answer;
        AnswerHtml = answerHtml;
        AnsweredAt = now;
    }
}
