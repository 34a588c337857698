using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KopUkm.Dashboard.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EmailDelivery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ClaimToken",
                table: "OutboxEmail",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LeaseUntilUtc",
                table: "OutboxEmail",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Resends",
                table: "OutboxEmail",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "OutboxEmailResend",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OutboxEmailId = table.Column<long>(type: "INTEGER", nullable: false),
                    PreviousStatus = table.Column<int>(type: "INTEGER", nullable: false),
                    ByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxEmailResend", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutboxEmailResend_OutboxEmail_OutboxEmailId",
                        column: x => x.OutboxEmailId,
                        principalTable: "OutboxEmail",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StaffEmailPreference",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Mode = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffEmailPreference", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_StaffEmailPreference_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxEmail_CreatedAtUtc",
                table: "OutboxEmail",
                column: "CreatedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxEmailResend_OutboxEmailId",
                table: "OutboxEmailResend",
                column: "OutboxEmailId");

            migrationBuilder.CreateIndex(
                name: "IX_StaffEmailPreference_Mode",
                table: "StaffEmailPreference",
                column: "Mode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OutboxEmailResend");

            migrationBuilder.DropTable(
                name: "StaffEmailPreference");

            migrationBuilder.DropIndex(
                name: "IX_OutboxEmail_CreatedAtUtc",
                table: "OutboxEmail");

            migrationBuilder.DropColumn(
                name: "ClaimToken",
                table: "OutboxEmail");

            migrationBuilder.DropColumn(
                name: "LeaseUntilUtc",
                table: "OutboxEmail");

            migrationBuilder.DropColumn(
                name: "Resends",
                table: "OutboxEmail");
        }
    }
}
