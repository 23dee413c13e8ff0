namespace IdeaBox.Domain;

/// <summary>The three kinds of entry of the participation process.</summary>
public enum EntryKind
{
    Idea = 1,
    Difficulty = 2,
    Initiative = 3,
}
