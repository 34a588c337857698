using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KopUkm.Dashboard.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ItTasks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ItTask",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Priority = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EstimateHours = table.Column<decimal>(type: "TEXT", precision: 5, scale: 1, nullable: false),
                    AssigneeId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AssigneeName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RequestingDivisionId = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SourceId = table.Column<long>(type: "INTEGER", nullable: true),
                    WaitingReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CompletedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ItTask", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ItTask_Division_RequestingDivisionId",
                        column: x => x.RequestingDivisionId,
                        principalTable: "Division",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ItTaskEvent",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TaskId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FromValue = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ToValue = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ByUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ItTaskEvent", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ItTaskEvent_ItTask_TaskId",
                        column: x => x.TaskId,
                        principalTable: "ItTask",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ItTask_AssigneeId",
                table: "ItTask",
                column: "AssigneeId");

            migrationBuilder.CreateIndex(
                name: "IX_ItTask_Code",
                table: "ItTask",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ItTask_DueDate",
                table: "ItTask",
                column: "DueDate");

            migrationBuilder.CreateIndex(
                name: "IX_ItTask_RequestingDivisionId",
                table: "ItTask",
                column: "RequestingDivisionId");

            migrationBuilder.CreateIndex(
                name: "IX_ItTask_SourceKind_SourceId",
                table: "ItTask",
                columns: new[] { "SourceKind", "SourceId" });

            migrationBuilder.CreateIndex(
                name: "IX_ItTask_Status",
                table: "ItTask",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_ItTaskEvent_TaskId_AtUtc",
                table: "ItTaskEvent",
                columns: new[] { "TaskId", "AtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ItTaskEvent");

            migrationBuilder.DropTable(
                name: "ItTask");
        }
    }
}
