using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KopUkm.Dashboard.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TicketWorkingDurations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AcceptanceWorkingMinutes",
                table: "TicketHandoff",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FirstResponseWorkingMinutes",
                table: "Ticket",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ResolutionWorkingMinutes",
                table: "Ticket",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "StageWorkingMinutes",
                table: "CaseEvent",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_TicketHandoff_AcceptedAtUtc",
                table: "TicketHandoff",
                column: "AcceptedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_TicketHandoff_HandedOffAtUtc",
                table: "TicketHandoff",
                column: "HandedOffAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_TicketEvent_Kind_AtUtc",
                table: "TicketEvent",
                columns: new[] { "Kind", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Ticket_FirstRespondedAtUtc",
                table: "Ticket",
                column: "FirstRespondedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Ticket_ResolvedAtUtc",
                table: "Ticket",
                column: "ResolvedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_CaseEvent_Kind_AtUtc",
                table: "CaseEvent",
                columns: new[] { "Kind", "AtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TicketHandoff_AcceptedAtUtc",
                table: "TicketHandoff");

            migrationBuilder.DropIndex(
                name: "IX_TicketHandoff_HandedOffAtUtc",
                table: "TicketHandoff");

            migrationBuilder.DropIndex(
                name: "IX_TicketEvent_Kind_AtUtc",
                table: "TicketEvent");

            migrationBuilder.DropIndex(
                name: "IX_Ticket_FirstRespondedAtUtc",
                table: "Ticket");

            migrationBuilder.DropIndex(
                name: "IX_Ticket_ResolvedAtUtc",
                table: "Ticket");

            migrationBuilder.DropIndex(
                name: "IX_CaseEvent_Kind_AtUtc",
                table: "CaseEvent");

            migrationBuilder.DropColumn(
                name: "AcceptanceWorkingMinutes",
                table: "TicketHandoff");

            migrationBuilder.DropColumn(
                name: "FirstResponseWorkingMinutes",
                table: "Ticket");

            migrationBuilder.DropColumn(
                name: "ResolutionWorkingMinutes",
                table: "Ticket");

            migrationBuilder.DropColumn(
                name: "StageWorkingMinutes",
                table: "CaseEvent");
        }
    }
}
