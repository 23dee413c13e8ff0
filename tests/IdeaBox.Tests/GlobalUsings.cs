global using System.Net;
global using IdeaBox.Data;
global using IdeaBox.Domain;
global using IdeaBox.Tests.Infrastructure;
global using Microsoft.EntityFrameworkCore;
global using Xunit;
