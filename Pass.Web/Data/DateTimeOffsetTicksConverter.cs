using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Pass.Web.Data;

/// <summary>Stores an instant as UTC ticks: ordered and comparable in SQL, unlike SQLite's text offsets.</summary>
public sealed class DateTimeOffsetTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
