/*
 * Calendar dates as whole days, and the one date parser of the project.
 *
 * or_date counts days since 1970-01-01 (negative before it). Ages are
 * differences of two or_date values; nothing here knows about time zones:
 * "today" is the UTC calendar day.
 */
#ifndef OR_UTIL_DATE_H
#define OR_UTIL_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef int32_t or_date;

/* How purely numeric dates like 03/04/2025 are read (config `date_order`). */
typedef enum or_date_order {
	OR_DATE_ORDER_NONE = 0, /* numeric day/month forms are refused */
	OR_DATE_ORDER_DMY,
	OR_DATE_ORDER_MDY
} or_date_order;

typedef enum or_date_status {
	OR_DATE_OK = 0,
	OR_DATE_NOT_FOUND = -1, /* the text does not start with anything date-like */
	OR_DATE_INVALID = -2,   /* it looks like a date but is impossible (Feb 30),
				   out of range, or an ambiguous numeric form */
} or_date_status;

/* 0 and the date in *out for a real calendar day (years 1000-9999), else -1. */
int or_date_from_ymd(or_date *out, int year, int month, int day);
void or_date_to_ymd(or_date date, int *year, int *month, int *day);
/* "YYYY-MM-DD" into out (at least 11 bytes). */
void or_date_format(or_date date, char out[11]);

/*
 * Parse a date at the start of `text` (leading spaces skipped). Accepted:
 * 2025-08-30, 2025/08/30, 2025-08-30T10:00:00Z (time ignored), "August 30, 2025",
 * "Aug 30, 2025", "Aug. 30 2025", "Sept 30, 2025", "30 August 2025", "30 Aug 2025",
 * "Jun 1 2018", weekday prefixes ("Mon, 30 Aug 2025"), and 30/08/2025 or
 * 08/30/2025 only as `order` allows. Anything may follow the date
 * ("2025-02-15 (Monthly)"). On OR_DATE_OK, *consumed (if not NULL) is the
 * number of bytes that made up the date.
 */
or_date_status or_date_parse(or_date *out, const char *text, size_t len,
			     or_date_order order, size_t *consumed);

/* Strict YYYY-MM-DD and nothing else (config files): 0 or -1. */
int or_date_parse_iso(or_date *out, const char *text);

/* The UTC calendar day of a Unix time. */
or_date or_date_from_unix(int64_t seconds);
/* Today (UTC), from the clock. */
or_date or_date_today(void);

/* A review period: "6 months", "90 days", "2 weeks", "1 year", "monthly",
 * "quarterly", "annually"/"yearly", "semi-annually"/"biannually", "weekly". */
typedef struct or_period {
	int days;   /* added first */
	int months; /* then months, clamping the day to the month's end */
} or_period;

/* 0 and *out, or -1 when `text` is not a period. Leading/trailing text such as
 * "(Monthly)" or "review every 6 months" is tolerated: the first period found wins. */
int or_period_parse(or_period *out, const char *text);
or_date or_date_add_period(or_date date, or_period period);

#endif
