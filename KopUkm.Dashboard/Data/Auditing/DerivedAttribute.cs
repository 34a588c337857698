namespace KopUkm.Dashboard.Data.Auditing;

/// <summary>
/// Marks a column the app recomputes from other data: a snapshot, cache or projection such as a ticket's SLA state,
/// a page's freshness or what the live check last saw. Nobody decides its value, so the audit trail leaves it out: an
/// update that changes only such columns writes no audit row, and inserts and deletes do not list them. A state change
/// that a rule or job makes on its own authority (a breach recorded, a page moved to Perlu Pembaruan) belongs in a
/// column without this mark. docs/audit.md lists what is marked and why.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true, AllowMultiple = false)]
public sealed class DerivedAttribute : Attribute;
