using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KopUkm.Dashboard.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PerfIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Ticket_ResolvedAtUtc",
                table: "Ticket");

            migrationBuilder.DropIndex(
                name: "IX_Ticket_ServiceTypeId",
                table: "Ticket");

            migrationBuilder.DropIndex(
                name: "IX_ItTask_RequestingDivisionId",
                table: "ItTask");

            migrationBuilder.CreateIndex(
                name: "IX_Ticket_DivisionId_CreatedAtUtc",
                table: "Ticket",
                columns: new[] { "DivisionId", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Ticket_DivisionId_ResolvedAtUtc_CreatedAtUtc_EverBreached_ServiceTypeId",
                table: "Ticket",
                columns: new[] { "DivisionId", "ResolvedAtUtc", "CreatedAtUtc", "EverBreached", "ServiceTypeId" });

            migrationBuilder.CreateIndex(
                name: "IX_Ticket_FirstResponseSla_CreatedAtUtc",
                table: "Ticket",
                columns: new[] { "FirstResponseSla", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Ticket_ResolutionSla_CreatedAtUtc",
                table: "Ticket",
                columns: new[] { "ResolutionSla", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Ticket_ResolvedAtUtc_CreatedAtUtc_DivisionId_EverBreached_ServiceTypeId",
                table: "Ticket",
                columns: new[] { "ResolvedAtUtc", "CreatedAtUtc", "DivisionId", "EverBreached", "ServiceTypeId" });

            migrationBuilder.CreateIndex(
                name: "IX_Ticket_ServiceTypeId_Channel_RegionId_CreatedAtUtc",
                table: "Ticket",
                columns: new[] { "ServiceTypeId", "Channel", "RegionId", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ItTask_RequestingDivisionId_Status_DueDate",
                table: "ItTask",
                columns: new[] { "RequestingDivisionId", "Status", "DueDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Ticket_DivisionId_CreatedAtUtc",
                table: "Ticket");

            migrationBuilder.DropIndex(
                name: "IX_Ticket_DivisionId_ResolvedAtUtc_CreatedAtUtc_EverBreached_ServiceTypeId",
                table: "Ticket");

            migrationBuilder.DropIndex(
                name: "IX_Ticket_FirstResponseSla_CreatedAtUtc",
                table: "Ticket");

            migrationBuilder.DropIndex(
                name: "IX_Ticket_ResolutionSla_CreatedAtUtc",
                table: "Ticket");

            migrationBuilder.DropIndex(
                name: "IX_Ticket_ResolvedAtUtc_CreatedAtUtc_DivisionId_EverBreached_ServiceTypeId",
                table: "Ticket");

            migrationBuilder.DropIndex(
                name: "IX_Ticket_ServiceTypeId_Channel_RegionId_CreatedAtUtc",
                table: "Ticket");

            migrationBuilder.DropIndex(
                name: "IX_ItTask_RequestingDivisionId_Status_DueDate",
                table: "ItTask");

            migrationBuilder.CreateIndex(
                name: "IX_Ticket_ResolvedAtUtc",
                table: "Ticket",
                column: "ResolvedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Ticket_ServiceTypeId",
                table: "Ticket",
                column: "ServiceTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_ItTask_RequestingDivisionId",
                table: "ItTask",
                column: "RequestingDivisionId");
        }
    }
}
