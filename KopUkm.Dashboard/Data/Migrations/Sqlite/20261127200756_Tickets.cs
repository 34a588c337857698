using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KopUkm.Dashboard.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Tickets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Ticket",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ApplicantName = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    BusinessName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Nib = table.Column<string>(type: "TEXT", maxLength: 13, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: true),
                    Size = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ServiceTypeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LaporTrackingNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Priority = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DivisionId = table.Column<int>(type: "INTEGER", nullable: false),
                    AssignedUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AssignedUserName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FirstRespondedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResolvedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResolutionNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    PauseReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ReopenCount = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstResponseSla = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ResolutionSla = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    FirstResponseDueAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResolutionDueAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResolutionMinutesLeft = table.Column<int>(type: "INTEGER", nullable: true),
                    EverBreached = table.Column<bool>(type: "INTEGER", nullable: false),
                    SlaRefreshedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ticket", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Ticket_Division_DivisionId",
                        column: x => x.DivisionId,
                        principalTable: "Division",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Ticket_Region_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Region",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Ticket_ServiceTypes_ServiceTypeId",
                        column: x => x.ServiceTypeId,
                        principalTable: "ServiceTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TicketEvent",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TicketId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FromStatus = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ToStatus = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    FromDivisionId = table.Column<int>(type: "INTEGER", nullable: true),
                    ToDivisionId = table.Column<int>(type: "INTEGER", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ByUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TicketEvent", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TicketEvent_Ticket_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Ticket",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TicketHandoff",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TicketId = table.Column<int>(type: "INTEGER", nullable: false),
                    FromDivisionId = table.Column<int>(type: "INTEGER", nullable: false),
                    ToDivisionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    HandedOffAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AcceptanceDueAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AcceptedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TicketHandoff", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TicketHandoff_Ticket_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Ticket",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Ticket_AssignedUserId_Status",
                table: "Ticket",
                columns: new[] { "AssignedUserId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Ticket_Code",
                table: "Ticket",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Ticket_CreatedAtUtc",
                table: "Ticket",
                column: "CreatedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Ticket_DivisionId_Status_CreatedAtUtc",
                table: "Ticket",
                columns: new[] { "DivisionId", "Status", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Ticket_LaporTrackingNumber",
                table: "Ticket",
                column: "LaporTrackingNumber");

            migrationBuilder.CreateIndex(
                name: "IX_Ticket_Nib",
                table: "Ticket",
                column: "Nib");

            migrationBuilder.CreateIndex(
                name: "IX_Ticket_RegionId",
                table: "Ticket",
                column: "RegionId");

            migrationBuilder.CreateIndex(
                name: "IX_Ticket_ResolutionMinutesLeft",
                table: "Ticket",
                column: "ResolutionMinutesLeft");

            migrationBuilder.CreateIndex(
                name: "IX_Ticket_ServiceTypeId",
                table: "Ticket",
                column: "ServiceTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_Ticket_Status_ResolutionSla",
                table: "Ticket",
                columns: new[] { "Status", "ResolutionSla" });

            migrationBuilder.CreateIndex(
                name: "IX_TicketEvent_TicketId_AtUtc",
                table: "TicketEvent",
                columns: new[] { "TicketId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_TicketHandoff_TicketId_HandedOffAtUtc",
                table: "TicketHandoff",
                columns: new[] { "TicketId", "HandedOffAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_TicketHandoff_ToDivisionId_AcceptedAtUtc",
                table: "TicketHandoff",
                columns: new[] { "ToDivisionId", "AcceptedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TicketEvent");

            migrationBuilder.DropTable(
                name: "TicketHandoff");

            migrationBuilder.DropTable(
                name: "Ticket");
        }
    }
}
