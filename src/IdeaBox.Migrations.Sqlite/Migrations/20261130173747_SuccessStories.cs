using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IdeaBox.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SuccessStories : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SuccessStories",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EntryId = table.Column<int>(type: "INTEGER", nullable: false),
                    WhatChanged = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ContactUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    FeaturedById = table.Column<int>(type: "INTEGER", nullable: false),
                    FeaturedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SuccessStories", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SuccessStories_AspNetUsers_FeaturedById",
                        column: x => x.FeaturedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SuccessStories_Entries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "Entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SuccessStories_Units_ContactUnitId",
                        column: x => x.ContactUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SuccessStories_ContactUnitId",
                table: "SuccessStories",
                column: "ContactUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_SuccessStories_EntryId",
                table: "SuccessStories",
                column: "EntryId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SuccessStories_FeaturedAt",
                table: "SuccessStories",
                column: "FeaturedAt");

            migrationBuilder.CreateIndex(
                name: "IX_SuccessStories_FeaturedById",
                table: "SuccessStories",
                column: "FeaturedById");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SuccessStories");
        }
    }
}
