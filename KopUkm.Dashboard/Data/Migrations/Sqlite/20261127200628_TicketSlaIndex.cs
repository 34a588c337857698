using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KopUkm.Dashboard.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TicketSlaIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Ticket_ResolutionMinutesLeft",
                table: "Ticket",
                column: "ResolutionMinutesLeft");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Ticket_ResolutionMinutesLeft",
                table: "Ticket");
        }
    }
}
