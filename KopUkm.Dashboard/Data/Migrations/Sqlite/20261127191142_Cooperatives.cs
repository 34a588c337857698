using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KopUkm.Dashboard.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Cooperatives : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Cooperative",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Pattern = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ChairName = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    ContactPerson = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    FoundedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    MemberCount = table.Column<int>(type: "INTEGER", nullable: false),
                    DeedNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DeedDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AhuDecreeNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AhuDecreeDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Nib = table.Column<string>(type: "TEXT", maxLength: 13, nullable: true),
                    Nik = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    ActivityStatus = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LastRatYear = table.Column<int>(type: "INTEGER", nullable: true),
                    NikCertificateDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NeedsSupervision = table.Column<bool>(type: "INTEGER", nullable: false),
                    SupervisionReasons = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cooperative", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Cooperative_Region_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Region",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StageTarget",
                columns: table => new
                {
                    Stage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TargetWorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StageTarget", x => x.Stage);
                });

            migrationBuilder.CreateTable(
                name: "RegistrationCase",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CooperativeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AssignedUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AssignedUserName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StageEnteredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StageDueAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegistrationCase", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RegistrationCase_Cooperative_CooperativeId",
                        column: x => x.CooperativeId,
                        principalTable: "Cooperative",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CaseDocument",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    IsRequired = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsVerified = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    VerifiedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    VerifiedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseDocument", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseDocument_RegistrationCase_CaseId",
                        column: x => x.CaseId,
                        principalTable: "RegistrationCase",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseEvent",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    FromStage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ToStage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Document = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    ByUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseEvent", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseEvent_RegistrationCase_CaseId",
                        column: x => x.CaseId,
                        principalTable: "RegistrationCase",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseDocument_CaseId_Kind",
                table: "CaseDocument",
                columns: new[] { "CaseId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseEvent_CaseId_AtUtc",
                table: "CaseEvent",
                columns: new[] { "CaseId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Cooperative_ActivityStatus_Type",
                table: "Cooperative",
                columns: new[] { "ActivityStatus", "Type" });

            migrationBuilder.CreateIndex(
                name: "IX_Cooperative_NeedsSupervision",
                table: "Cooperative",
                column: "NeedsSupervision");

            migrationBuilder.CreateIndex(
                name: "IX_Cooperative_Nib",
                table: "Cooperative",
                column: "Nib",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cooperative_Nik",
                table: "Cooperative",
                column: "Nik",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cooperative_NormalizedName",
                table: "Cooperative",
                column: "NormalizedName");

            migrationBuilder.CreateIndex(
                name: "IX_Cooperative_RegionId_NormalizedName",
                table: "Cooperative",
                columns: new[] { "RegionId", "NormalizedName" });

            migrationBuilder.CreateIndex(
                name: "IX_RegistrationCase_AssignedUserId",
                table: "RegistrationCase",
                column: "AssignedUserId");

            migrationBuilder.CreateIndex(
                name: "IX_RegistrationCase_CooperativeId_Stage",
                table: "RegistrationCase",
                columns: new[] { "CooperativeId", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_RegistrationCase_Stage_StageDueAtUtc",
                table: "RegistrationCase",
                columns: new[] { "Stage", "StageDueAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseDocument");

            migrationBuilder.DropTable(
                name: "CaseEvent");

            migrationBuilder.DropTable(
                name: "StageTarget");

            migrationBuilder.DropTable(
                name: "RegistrationCase");

            migrationBuilder.DropTable(
                name: "Cooperative");
        }
    }
}
