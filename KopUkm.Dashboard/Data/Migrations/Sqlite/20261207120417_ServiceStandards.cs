using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KopUkm.Dashboard.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ServiceStandards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ServiceStandard",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContentItemId = table.Column<long>(type: "INTEGER", nullable: false),
                    Requirements = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Procedure = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Duration = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Fees = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Product = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Complaints = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    LegalBasis = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    ApprovedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ApprovedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PublishedRequirements = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    PublishedProcedure = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    PublishedDuration = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    PublishedFees = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    PublishedProduct = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    PublishedComplaints = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    PublishedLegalBasis = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    PublishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishedApprovedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceStandard", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceStandard_ContentItem_ContentItemId",
                        column: x => x.ContentItemId,
                        principalTable: "ContentItem",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceStandard_ContentItemId",
                table: "ServiceStandard",
                column: "ContentItemId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ServiceStandard");
        }
    }
}
