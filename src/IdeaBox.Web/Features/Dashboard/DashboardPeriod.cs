namespace IdeaBox.Web.Features.Dashboard;

/// <summary>The periods a leader can choose on the dashboard.</summary>
public enum DashboardPeriod
{
    Days30 = 0,
    Days90 = 1,
    Months12 = 2,
    All = 3,
}
