global using IdeaBox.Domain;
global using Microsoft.EntityFrameworkCore;
