using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace IdeaBox.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CommentHidingAndStatusToken : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CommentId",
                table: "Notifications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "HiddenAt",
                table: "Comments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "HiddenById",
                table: "Comments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HiddenReason",
                table: "Comments",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CommentId",
                table: "AuditEvents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_CommentId",
                table: "Notifications",
                column: "CommentId",
                filter: "CommentId IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Comments_HiddenById",
                table: "Comments",
                column: "HiddenById");

            migrationBuilder.AddForeignKey(
                name: "FK_Comments_AspNetUsers_HiddenById",
                table: "Comments",
                column: "HiddenById",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Comments_AspNetUsers_HiddenById",
                table: "Comments");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_CommentId",
                table: "Notifications");

            migrationBuilder.DropIndex(
                name: "IX_Comments_HiddenById",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "CommentId",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "HiddenAt",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "HiddenById",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "HiddenReason",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "CommentId",
                table: "AuditEvents");
        }
    }
}
