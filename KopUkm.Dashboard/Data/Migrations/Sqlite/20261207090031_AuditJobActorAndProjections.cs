using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KopUkm.Dashboard.Data.Migrations.Sqlite
{
    /// <summary>
    /// The audit trail names the job that acted (<c>ActorJob</c>) and no longer records columns the app recomputes
    /// (<c>[Derived]</c>). Rows written before are kept, append-only; those whose every change is to such a column are
    /// flagged <c>IsProjection</c> so the log can hide them. The list below is the derived columns as of this version.
    /// </summary>
    public partial class AuditJobActorAndProjections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ActorJob",
                table: "AuditEntries",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsProjection",
                table: "AuditEntries",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ActorJob_OccurredAtUtc",
                table: "AuditEntries",
                columns: new[] { "ActorJob", "OccurredAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ActorUserId_OccurredAtUtc",
                table: "AuditEntries",
                columns: new[] { "ActorUserId", "OccurredAtUtc" });

            migrationBuilder.Sql(MarkProjectionsSql);
        }

        /// <summary>Flags updates whose changes are all to derived columns of their entity.</summary>
        internal const string MarkProjectionsSql = """
            UPDATE "AuditEntries" SET "IsProjection" = 1
            WHERE "Action" = 'Update'
              AND "EntityType" IN ('Ticket', 'TicketHandoff', 'RegistrationCase', 'CaseEvent', 'Cooperative', 'ContentItem')
              AND json_valid("ChangesJson") AND json_array_length("ChangesJson") > 0
              AND NOT EXISTS (
                  SELECT 1 FROM json_each("AuditEntries"."ChangesJson") AS "change"
                  WHERE "AuditEntries"."EntityType" || '.' || json_extract("change"."value", '$.Field') NOT IN (
                    'Ticket.FirstResponseSla', 'Ticket.ResolutionSla', 'Ticket.FirstResponseDueAtUtc', 'Ticket.ResolutionDueAtUtc', 'Ticket.ResolutionMinutesLeft', 'Ticket.FirstResponseWorkingMinutes', 'Ticket.ResolutionWorkingMinutes', 'Ticket.SlaRefreshedAtUtc',
                    'TicketHandoff.AcceptanceWorkingMinutes',
                    'RegistrationCase.StageDueAtUtc',
                    'CaseEvent.StageWorkingMinutes',
                    'Cooperative.NormalizedName',
                    'ContentItem.LastLiveChangeAtUtc', 'ContentItem.ReviewDueAtUtc', 'ContentItem.Freshness', 'ContentItem.LiveStatus', 'ContentItem.LastCheckedAtUtc', 'ContentItem.ConsecutiveFailures', 'ContentItem.ETag', 'ContentItem.LastModifiedUtc', 'ContentItem.ContentHash', 'ContentItem.BrokenLinkCount'));
            """;

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_ActorJob_OccurredAtUtc",
                table: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_ActorUserId_OccurredAtUtc",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "ActorJob",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "IsProjection",
                table: "AuditEntries");
        }
    }
}
