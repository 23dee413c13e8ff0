global using IdeaBox.Data;
global using IdeaBox.Domain;
global using IdeaBox.Web.Infrastructure;
global using IdeaBox.Web.Infrastructure.Authorization;
global using IdeaBox.Web.Infrastructure.Email;
global using IdeaBox.Web.Infrastructure.Identity;
global using Mediator;
global using Microsoft.EntityFrameworkCore;
