using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KopUkm.Dashboard.Data.Migrations.Sqlite
{
    /// <summary>
    /// A trigram full-text index over each ticket's applicant and business name, so that "contains" searches use an
    /// index instead of reading every ticket (docs/performance.md). An external-content FTS5 table kept in step by
    /// triggers. A later migration that rebuilds the Ticket table (SQLite does so to change a column) drops these
    /// triggers with the old table: it must create them again (TicketNameSearchTests fails if it does not).
    /// </summary>
    public partial class TicketNameSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "TicketNameSearch" USING fts5(
                    "ApplicantName", "BusinessName", content='Ticket', content_rowid='Id', tokenize='trigram');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Ticket_NameSearch_Insert" AFTER INSERT ON "Ticket" BEGIN
                    INSERT INTO "TicketNameSearch"(rowid, "ApplicantName", "BusinessName") VALUES (new."Id", new."ApplicantName", new."BusinessName");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Ticket_NameSearch_Delete" AFTER DELETE ON "Ticket" BEGIN
                    INSERT INTO "TicketNameSearch"("TicketNameSearch", rowid, "ApplicantName", "BusinessName") VALUES ('delete', old."Id", old."ApplicantName", old."BusinessName");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Ticket_NameSearch_Update" AFTER UPDATE OF "ApplicantName", "BusinessName" ON "Ticket" BEGIN
                    INSERT INTO "TicketNameSearch"("TicketNameSearch", rowid, "ApplicantName", "BusinessName") VALUES ('delete', old."Id", old."ApplicantName", old."BusinessName");
                    INSERT INTO "TicketNameSearch"(rowid, "ApplicantName", "BusinessName") VALUES (new."Id", new."ApplicantName", new."BusinessName");
                END;
                """);
            migrationBuilder.Sql("""INSERT INTO "TicketNameSearch"("TicketNameSearch") VALUES ('rebuild');""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Ticket_NameSearch_Update";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Ticket_NameSearch_Delete";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Ticket_NameSearch_Insert";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "TicketNameSearch";""");
        }
    }
}
