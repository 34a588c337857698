namespace KopUkm.Dashboard.Features.Content.LiveCheck;

/// <summary>
/// How far the running live-site check is, for the page that shows it: a check over thousands of pages at one
/// request per second takes hours. In memory, one per app: the job and the pages share the process.
/// </summary>
public sealed class LiveCheckProgress
{
    private readonly Lock gate = new();
    private LiveCheckSnapshot snapshot = new(false, 0, 0, null, null);

    public LiveCheckSnapshot Current
    {
        get
        {
            lock (gate)
            {
                return snapshot;
            }
        }
    }

    public void Start(int total, DateTimeOffset at)
    {
        lock (gate)
        {
            snapshot = new LiveCheckSnapshot(true, total, 0, at, null);
        }
    }

    public void Advance(int checkedPages)
    {
        lock (gate)
        {
            snapshot = snapshot with { Checked = Math.Min(snapshot.Total, snapshot.Checked + checkedPages) };
        }
    }

    public void Finish(DateTimeOffset at)
    {
        lock (gate)
        {
            snapshot = snapshot with { Running = false, FinishedAt = at };
        }
    }
}

public sealed record LiveCheckSnapshot(bool Running, int Total, int Checked, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt);
