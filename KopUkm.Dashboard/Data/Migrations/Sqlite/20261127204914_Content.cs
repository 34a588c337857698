using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KopUkm.Dashboard.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Content : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ContentItem",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    OwnerDivisionId = table.Column<int>(type: "INTEGER", nullable: false),
                    EditorUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    EditorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Category = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReviewIntervalDaysOverride = table.Column<int>(type: "INTEGER", nullable: true),
                    ServiceTypeId = table.Column<int>(type: "INTEGER", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StateChangedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastReviewedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastReviewedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LastReviewNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    LastLiveChangeAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReviewDueAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Freshness = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StaleReason = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LiveStatus = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LastCheckedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ConsecutiveFailures = table.Column<int>(type: "INTEGER", nullable: false),
                    ETag = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LastModifiedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    BrokenLinkCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentItem", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContentItem_Division_OwnerDivisionId",
                        column: x => x.OwnerDivisionId,
                        principalTable: "Division",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ContentItem_ServiceTypes_ServiceTypeId",
                        column: x => x.ServiceTypeId,
                        principalTable: "ServiceTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ContentUrlRule",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Prefix = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    DivisionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentUrlRule", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContentUrlRule_Division_DivisionId",
                        column: x => x.DivisionId,
                        principalTable: "Division",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SocialCadenceTarget",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DivisionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TargetDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SocialCadenceTarget", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SocialCadenceTarget_Division_DivisionId",
                        column: x => x.DivisionId,
                        principalTable: "Division",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ContentCheck",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContentItemId = table.Column<long>(type: "INTEGER", nullable: false),
                    CheckedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    HttpStatus = table.Column<int>(type: "INTEGER", nullable: true),
                    DurationMs = table.Column<int>(type: "INTEGER", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Redirects = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    BrokenLinks = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentCheck", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContentCheck_ContentItem_ContentItemId",
                        column: x => x.ContentItemId,
                        principalTable: "ContentItem",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContentEvent",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContentItemId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FromState = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ToState = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ByUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentEvent", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContentEvent_ContentItem_ContentItemId",
                        column: x => x.ContentItemId,
                        principalTable: "ContentItem",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContentCheck_ContentItemId_CheckedAtUtc",
                table: "ContentCheck",
                columns: new[] { "ContentItemId", "CheckedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentEvent_ContentItemId_AtUtc",
                table: "ContentEvent",
                columns: new[] { "ContentItemId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentItem_EditorUserId",
                table: "ContentItem",
                column: "EditorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ContentItem_OwnerDivisionId_LiveStatus",
                table: "ContentItem",
                columns: new[] { "OwnerDivisionId", "LiveStatus" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentItem_OwnerDivisionId_State_Freshness",
                table: "ContentItem",
                columns: new[] { "OwnerDivisionId", "State", "Freshness" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentItem_ServiceTypeId",
                table: "ContentItem",
                column: "ServiceTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_ContentItem_State_ReviewDueAtUtc",
                table: "ContentItem",
                columns: new[] { "State", "ReviewDueAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentItem_Url",
                table: "ContentItem",
                column: "Url",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContentUrlRule_DivisionId",
                table: "ContentUrlRule",
                column: "DivisionId");

            migrationBuilder.CreateIndex(
                name: "IX_ContentUrlRule_Prefix",
                table: "ContentUrlRule",
                column: "Prefix",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SocialCadenceTarget_DivisionId_Channel",
                table: "SocialCadenceTarget",
                columns: new[] { "DivisionId", "Channel" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContentCheck");

            migrationBuilder.DropTable(
                name: "ContentEvent");

            migrationBuilder.DropTable(
                name: "ContentUrlRule");

            migrationBuilder.DropTable(
                name: "SocialCadenceTarget");

            migrationBuilder.DropTable(
                name: "ContentItem");
        }
    }
}
