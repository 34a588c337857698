using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KopUkm.Dashboard.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SpecialHoursBreaks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<TimeOnly>(
                name: "FridayBreakEnd",
                table: "SpecialHoursPeriod",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<TimeOnly>(
                name: "FridayBreakStart",
                table: "SpecialHoursPeriod",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<TimeOnly>(
                name: "WeekdayBreakEnd",
                table: "SpecialHoursPeriod",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<TimeOnly>(
                name: "WeekdayBreakStart",
                table: "SpecialHoursPeriod",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FridayBreakEnd",
                table: "SpecialHoursPeriod");

            migrationBuilder.DropColumn(
                name: "FridayBreakStart",
                table: "SpecialHoursPeriod");

            migrationBuilder.DropColumn(
                name: "WeekdayBreakEnd",
                table: "SpecialHoursPeriod");

            migrationBuilder.DropColumn(
                name: "WeekdayBreakStart",
                table: "SpecialHoursPeriod");
        }
    }
}
