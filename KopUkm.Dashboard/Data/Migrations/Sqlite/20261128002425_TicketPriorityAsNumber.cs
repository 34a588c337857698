using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KopUkm.Dashboard.Data.Migrations.Sqlite
{
    /// <summary>
    /// Ticket priority was stored as its name, so sorting by it followed the alphabet; it is now stored as its number.
    /// Existing rows are rewritten name → number before the column changes type (and back on the way down).
    /// </summary>
    public partial class TicketPriorityAsNumber : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE "Ticket" SET "Priority" = CASE "Priority"
                    WHEN 'Rendah' THEN '1' WHEN 'Normal' THEN '2' WHEN 'Tinggi' THEN '3' WHEN 'Mendesak' THEN '4' ELSE "Priority" END;
                """);
            migrationBuilder.AlterColumn<int>(
                name: "Priority",
                table: "Ticket",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 10);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Priority",
                table: "Ticket",
                type: "TEXT",
                maxLength: 10,
                nullable: false,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.Sql("""
                UPDATE "Ticket" SET "Priority" = CASE "Priority"
                    WHEN '1' THEN 'Rendah' WHEN '2' THEN 'Normal' WHEN '3' THEN 'Tinggi' WHEN '4' THEN 'Mendesak' ELSE "Priority" END;
                """);
        }
    }
}
