using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KopUkm.Dashboard.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IkmSurveys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IkmFollowUp",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PeriodKey = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Element = table.Column<int>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    OwnerDivisionId = table.Column<int>(type: "INTEGER", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IkmFollowUp", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IkmFollowUp_Division_OwnerDivisionId",
                        column: x => x.OwnerDivisionId,
                        principalTable: "Division",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IkmSurvey",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TicketId = table.Column<int>(type: "INTEGER", nullable: false),
                    ServiceTypeId = table.Column<int>(type: "INTEGER", nullable: false),
                    DivisionId = table.Column<int>(type: "INTEGER", nullable: false),
                    InvitedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AnsweredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Score1 = table.Column<int>(type: "INTEGER", nullable: true),
                    Score2 = table.Column<int>(type: "INTEGER", nullable: true),
                    Score3 = table.Column<int>(type: "INTEGER", nullable: true),
                    Score4 = table.Column<int>(type: "INTEGER", nullable: true),
                    Score5 = table.Column<int>(type: "INTEGER", nullable: true),
                    Score6 = table.Column<int>(type: "INTEGER", nullable: true),
                    Score7 = table.Column<int>(type: "INTEGER", nullable: true),
                    Score8 = table.Column<int>(type: "INTEGER", nullable: true),
                    Score9 = table.Column<int>(type: "INTEGER", nullable: true),
                    Suggestion = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Gender = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    AgeBand = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Education = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Occupation = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IkmSurvey", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IkmSurvey_Division_DivisionId",
                        column: x => x.DivisionId,
                        principalTable: "Division",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IkmSurvey_ServiceTypes_ServiceTypeId",
                        column: x => x.ServiceTypeId,
                        principalTable: "ServiceTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IkmSurvey_Ticket_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Ticket",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IkmFollowUp_OwnerDivisionId",
                table: "IkmFollowUp",
                column: "OwnerDivisionId");

            migrationBuilder.CreateIndex(
                name: "IX_IkmFollowUp_PeriodKey_Element",
                table: "IkmFollowUp",
                columns: new[] { "PeriodKey", "Element" });

            migrationBuilder.CreateIndex(
                name: "IX_IkmSurvey_AnsweredAtUtc",
                table: "IkmSurvey",
                column: "AnsweredAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_IkmSurvey_DivisionId",
                table: "IkmSurvey",
                column: "DivisionId");

            migrationBuilder.CreateIndex(
                name: "IX_IkmSurvey_ServiceTypeId",
                table: "IkmSurvey",
                column: "ServiceTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_IkmSurvey_TicketId",
                table: "IkmSurvey",
                column: "TicketId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IkmFollowUp");

            migrationBuilder.DropTable(
                name: "IkmSurvey");
        }
    }
}
