using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IdeaBox.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ClustersAndCalls : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CallId",
                table: "Notifications",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CallId",
                table: "Entries",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ClusterId",
                table: "Entries",
                type: "int",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Calls",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Question = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    KindMask = table.Column<int>(type: "int", nullable: false),
                    OpensOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ClosesOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedById = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    AnnouncedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Calls", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Calls_AspNetUsers_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Clusters",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false),
                    Summary = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    CreatedById = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Clusters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Clusters_AspNetUsers_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CallThemes",
                columns: table => new
                {
                    ContributionCallId = table.Column<int>(type: "int", nullable: false),
                    ThemesId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallThemes", x => new { x.ContributionCallId, x.ThemesId });
                    table.ForeignKey(
                        name: "FK_CallThemes_Calls_ContributionCallId",
                        column: x => x.ContributionCallId,
                        principalTable: "Calls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CallThemes_Themes_ThemesId",
                        column: x => x.ThemesId,
                        principalTable: "Themes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CallUnits",
                columns: table => new
                {
                    ContributionCallId = table.Column<int>(type: "int", nullable: false),
                    InvitedUnitsId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallUnits", x => new { x.ContributionCallId, x.InvitedUnitsId });
                    table.ForeignKey(
                        name: "FK_CallUnits_Calls_ContributionCallId",
                        column: x => x.ContributionCallId,
                        principalTable: "Calls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CallUnits_Units_InvitedUnitsId",
                        column: x => x.InvitedUnitsId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Entries_CallId",
                table: "Entries",
                column: "CallId",
                filter: "CallId IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Entries_ClusterId",
                table: "Entries",
                column: "ClusterId",
                filter: "ClusterId IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Calls_ClosesOn_OpensOn",
                table: "Calls",
                columns: new[] { "ClosesOn", "OpensOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Calls_CreatedById",
                table: "Calls",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_CallThemes_ThemesId",
                table: "CallThemes",
                column: "ThemesId");

            migrationBuilder.CreateIndex(
                name: "IX_CallUnits_InvitedUnitsId",
                table: "CallUnits",
                column: "InvitedUnitsId");

            migrationBuilder.CreateIndex(
                name: "IX_Clusters_CreatedById",
                table: "Clusters",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_Clusters_Name",
                table: "Clusters",
                column: "Name");

            migrationBuilder.AddForeignKey(
                name: "FK_Entries_Calls_CallId",
                table: "Entries",
                column: "CallId",
                principalTable: "Calls",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Entries_Clusters_ClusterId",
                table: "Entries",
                column: "ClusterId",
                principalTable: "Clusters",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Entries_Calls_CallId",
                table: "Entries");

            migrationBuilder.DropForeignKey(
                name: "FK_Entries_Clusters_ClusterId",
                table: "Entries");

            migrationBuilder.DropTable(
                name: "CallThemes");

            migrationBuilder.DropTable(
                name: "CallUnits");

            migrationBuilder.DropTable(
                name: "Clusters");

            migrationBuilder.DropTable(
                name: "Calls");

            migrationBuilder.DropIndex(
                name: "IX_Entries_CallId",
                table: "Entries");

            migrationBuilder.DropIndex(
                name: "IX_Entries_ClusterId",
                table: "Entries");

            migrationBuilder.DropColumn(
                name: "CallId",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "CallId",
                table: "Entries");

            migrationBuilder.DropColumn(
                name: "ClusterId",
                table: "Entries");
        }
    }
}
