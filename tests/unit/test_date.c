#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suites.h"
#include "util/date.h"

/* Parse `text` and return its status; *out_ymd gets "YYYY-MM-DD" on success. */
static or_date_status parse_fmt(const char *text, or_date_order order, char out_ymd[11],
				size_t *consumed)
{
	or_date d = 0;
	or_date_status st = or_date_parse(&d, text, strlen(text), order, consumed);

	if (st == OR_DATE_OK)
		or_date_format(d, out_ymd);
	else
		strcpy(out_ymd, "----------");
	return st;
}

static or_date ymd(int y, int m, int d)
{
	or_date out = 0;

	ck_assert_int_eq(or_date_from_ymd(&out, y, m, d), 0);
	return out;
}

START_TEST(test_epoch_and_known_days)
{
	or_date d;
	int y, m, day;

	ck_assert_int_eq(ymd(1970, 1, 1), 0);
	ck_assert_int_eq(ymd(1970, 1, 2), 1);
	ck_assert_int_eq(ymd(1969, 12, 31), -1);
	ck_assert_int_eq(ymd(2000, 3, 1), 11017);
	ck_assert_int_eq(ymd(2025, 8, 30), 20330);
	ck_assert_int_eq(ymd(1000, 1, 1), -354285);
	or_date_to_ymd(ymd(9999, 12, 31), &y, &m, &day);
	ck_assert_int_eq(y, 9999);
	ck_assert_int_eq(m, 12);
	ck_assert_int_eq(day, 31);
	/* out of range and impossible days are refused, never wrapped */
	ck_assert_int_eq(or_date_from_ymd(&d, 999, 12, 31), -1);
	ck_assert_int_eq(or_date_from_ymd(&d, 10000, 1, 1), -1);
	ck_assert_int_eq(or_date_from_ymd(&d, 2025, 0, 1), -1);
	ck_assert_int_eq(or_date_from_ymd(&d, 2025, 13, 1), -1);
	ck_assert_int_eq(or_date_from_ymd(&d, 2025, 4, 31), -1);
	ck_assert_int_eq(or_date_from_ymd(&d, 2025, 1, 0), -1);
	ck_assert_int_eq(or_date_from_ymd(&d, 2025, 1, 32), -1);
}
END_TEST

START_TEST(test_leap_years)
{
	or_date d;

	ck_assert_int_eq(or_date_from_ymd(&d, 2024, 2, 29), 0);
	ck_assert_int_eq(or_date_from_ymd(&d, 2025, 2, 29), -1);
	ck_assert_int_eq(or_date_from_ymd(&d, 2000, 2, 29), 0);
	ck_assert_int_eq(or_date_from_ymd(&d, 1900, 2, 29), -1);
	ck_assert_int_eq(or_date_from_ymd(&d, 2100, 2, 29), -1);
	ck_assert_int_eq(or_date_from_ymd(&d, 2400, 2, 29), 0);
	ck_assert_int_eq(ymd(2024, 3, 1) - ymd(2024, 2, 28), 2);
	ck_assert_int_eq(ymd(2025, 3, 1) - ymd(2025, 2, 28), 1);
	ck_assert_int_eq(ymd(2025, 1, 1) - ymd(2024, 1, 1), 366);
	ck_assert_int_eq(ymd(2026, 1, 1) - ymd(2025, 1, 1), 365);
}
END_TEST

START_TEST(test_round_trip)
{
	or_date d, first = ymd(1899, 1, 1), last = ymd(2101, 12, 31);
	char text[11];
	long bad = 0;
	int prev_day = 31;

	/* plain comparisons in the loop (check's asserts are slow); one assert after */
	for (d = first; d <= last; d++) {
		int y, m, day;
		or_date back = 0, parsed = 0;

		or_date_to_ymd(d, &y, &m, &day);
		if (or_date_from_ymd(&back, y, m, day) != 0 || back != d)
			bad++;
		or_date_format(d, text);
		if (or_date_parse_iso(&parsed, text) != 0 || parsed != d)
			bad++;
		/* consecutive days: the day advances by one or restarts at 1 */
		if (day != prev_day + 1 && !(day == 1 && prev_day >= 28))
			bad++;
		prev_day = day;
	}
	ck_assert_int_eq(bad, 0);
	ck_assert_int_eq(last - first + 1, 203 * 365 + 49);
}
END_TEST

START_TEST(test_format)
{
	char text[11];

	or_date_format(ymd(2025, 8, 30), text);
	ck_assert_str_eq(text, "2025-08-30");
	or_date_format(ymd(1000, 1, 1), text);
	ck_assert_str_eq(text, "1000-01-01");
	or_date_format(0, text);
	ck_assert_str_eq(text, "1970-01-01");
}
END_TEST

START_TEST(test_unix_and_today)
{
	or_date today = or_date_today();

	ck_assert_int_eq(or_date_from_unix(0), 0);
	ck_assert_int_eq(or_date_from_unix(86399), 0);
	ck_assert_int_eq(or_date_from_unix(86400), 1);
	ck_assert_int_eq(or_date_from_unix(-1), -1);
	ck_assert_int_eq(or_date_from_unix(-86400), -1);
	ck_assert_int_eq(or_date_from_unix(-86401), -2);
	ck_assert_int_eq(or_date_from_unix(1756512000), ymd(2025, 8, 30));
	ck_assert_int_eq(or_date_from_unix(1756598399), ymd(2025, 8, 30));
	ck_assert_int_ge(today, ymd(2024, 1, 1));
	ck_assert_int_le(today, ymd(2200, 1, 1));
}
END_TEST

START_TEST(test_parse_iso_strict)
{
	or_date d;

	ck_assert_int_eq(or_date_parse_iso(&d, "2026-11-27"), 0);
	ck_assert_int_eq(d, ymd(2026, 11, 27));
	ck_assert_int_eq(or_date_parse_iso(&d, "2024-02-29"), 0);
	ck_assert_int_eq(or_date_parse_iso(&d, "2025-02-29"), -1);
	ck_assert_int_eq(or_date_parse_iso(&d, "2025-13-01"), -1);
	ck_assert_int_eq(or_date_parse_iso(&d, "2025-8-30"), -1);
	ck_assert_int_eq(or_date_parse_iso(&d, "2025/08/30"), -1);
	ck_assert_int_eq(or_date_parse_iso(&d, "2025-08-30 "), -1);
	ck_assert_int_eq(or_date_parse_iso(&d, "August 30, 2025"), -1);
	ck_assert_int_eq(or_date_parse_iso(&d, ""), -1);
	ck_assert_int_eq(or_date_parse_iso(&d, NULL), -1);
}
END_TEST

typedef struct parse_case {
	const char *text;
	const char *expect;
	size_t consumed;
} parse_case;

START_TEST(test_parse_accepted_forms)
{
	static const parse_case cases[] = {
		{ "2025-08-30", "2025-08-30", 10 },
		{ "  2025-08-30", "2025-08-30", 12 },
		{ "2025-08-30T10:00:00Z", "2025-08-30", 20 },
		{ "2025-08-30T10:00:00+02:00 later", "2025-08-30", 25 },
		{ "2025-08-30 10:00", "2025-08-30", 16 },
		{ "2025-8-3", "2025-08-03", 8 },
		{ "2025/08/30", "2025-08-30", 10 },
		{ "2025.08.30", "2025-08-30", 10 },
		{ "2013-Feb-03", "2013-02-03", 11 },
		{ "August 30, 2025", "2025-08-30", 15 },
		{ "august 30, 2025", "2025-08-30", 15 },
		{ "AUGUST 30 2025", "2025-08-30", 14 },
		{ "Aug 30, 2025", "2025-08-30", 12 },
		{ "Aug. 30, 2025", "2025-08-30", 13 },
		{ "Aug. 30 2025", "2025-08-30", 12 },
		{ "Sept. 7, 1970", "1970-09-07", 13 },
		{ "Sept 30, 2025", "2025-09-30", 13 },
		{ "September 17th, 2012", "2012-09-17", 20 },
		{ "May 1st 2012", "2012-05-01", 12 },
		{ "June 2nd, 2012", "2012-06-02", 14 },
		{ "May 23rd 2012", "2012-05-23", 13 },
		{ "Jun 1 2018", "2018-06-01", 10 },
		{ "Oct 7, '70", "1970-10-07", 10 },
		{ "Jan 5, '25", "2025-01-05", 10 },
		{ "30 August 2025", "2025-08-30", 14 },
		{ "30 Aug 2025", "2025-08-30", 11 },
		{ "3 February 2013", "2013-02-03", 15 },
		{ "15-Jan-2017", "2017-01-15", 11 },
		{ "Mon, 30 Aug 2025", "2025-08-30", 16 },
		{ "Monday, 30 August 2025", "2025-08-30", 22 },
		{ "Sat 30 Aug 2025", "2025-08-30", 15 },
		{ "Saturday, August 30, 2025", "2025-08-30", 25 },
		{ "Thu May 8 17:57:51 2009", "2009-05-08", 23 },
		{ "Mon Jan  2 15:04:05 MST 2006", "2006-01-02", 28 },
		{ "Feb 8, 2009 5:57:51 AM", "2009-02-08", 22 },
		{ "2024-02-29", "2024-02-29", 10 },
		{ "1000-01-01", "1000-01-01", 10 },
		{ "9999-12-31", "9999-12-31", 10 },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char got[11];
		size_t consumed = 999;
		or_date_status st = parse_fmt(cases[i].text, OR_DATE_ORDER_NONE, got, &consumed);

		ck_assert_msg(st == OR_DATE_OK, "'%s': status %d", cases[i].text, (int)st);
		ck_assert_msg(strcmp(got, cases[i].expect) == 0, "'%s': got %s, want %s",
			      cases[i].text, got, cases[i].expect);
		ck_assert_msg(consumed == cases[i].consumed, "'%s': consumed %zu, want %zu",
			      cases[i].text, consumed, cases[i].consumed);
	}
}
END_TEST

START_TEST(test_parse_trailing_text)
{
	char got[11];
	size_t consumed = 0;

	ck_assert_int_eq(parse_fmt("2025-02-15 (Monthly)", OR_DATE_ORDER_NONE, got, &consumed),
			 OR_DATE_OK);
	ck_assert_str_eq(got, "2025-02-15");
	ck_assert_uint_eq(consumed, 10);
	ck_assert_int_eq(parse_fmt("2019-11-18 by Bob", OR_DATE_ORDER_NONE, got, &consumed),
			 OR_DATE_OK);
	ck_assert_str_eq(got, "2019-11-18");
	ck_assert_uint_eq(consumed, 10);
	ck_assert_int_eq(parse_fmt("August 30, 2025; next in a month", OR_DATE_ORDER_NONE, got,
				   &consumed), OR_DATE_OK);
	ck_assert_str_eq(got, "2025-08-30");
	ck_assert_uint_eq(consumed, 15);
	/* a NULL consumed is allowed */
	ck_assert_int_eq(parse_fmt("2025-08-30.", OR_DATE_ORDER_NONE, got, NULL), OR_DATE_OK);
	ck_assert_str_eq(got, "2025-08-30");
}
END_TEST

START_TEST(test_parse_seed_values)
{
	/* as they appear in the seed runbook, trailing Markdown line break included */
	char got[11];
	size_t consumed;

	ck_assert_int_eq(parse_fmt("August 30, 2025  ", OR_DATE_ORDER_NONE, got, &consumed),
			 OR_DATE_OK);
	ck_assert_str_eq(got, "2025-08-30");
	ck_assert_int_eq(parse_fmt(" September 30, 2025  ", OR_DATE_ORDER_NONE, got, &consumed),
			 OR_DATE_OK);
	ck_assert_str_eq(got, "2025-09-30");
	ck_assert_uint_eq(consumed, 19);
	/* corpus metadata values */
	ck_assert_int_eq(parse_fmt(" 2019-11-18", OR_DATE_ORDER_NONE, got, &consumed), OR_DATE_OK);
	ck_assert_str_eq(got, "2019-11-18");
	ck_assert_int_eq(parse_fmt("Operations Team", OR_DATE_ORDER_NONE, got, &consumed),
			 OR_DATE_NOT_FOUND);
	ck_assert_int_eq(parse_fmt("1.0.0", OR_DATE_ORDER_NONE, got, &consumed),
			 OR_DATE_NOT_FOUND);
}
END_TEST

START_TEST(test_parse_invalid)
{
	static const char *const invalid[] = {
		"2025-02-30", "2025-02-29", "2025-13-01", "2025-00-10", "2025-04-31",
		"2025-08-32", "2025-08", "2025-08-301", "February 30, 2025",
		"Feb 29, 2025", "30 February 2025", "31 Apr 2025", "April 31, 2025",
		"Aug 32, 2025", "March 2025", "30 August", "August 30",
		"0999-12-31", "Sept 7, 70", "30/08/2025", "08/30/2025", "08/08/71",
		"Aug 30, 20255",
	};
	size_t i;

	for (i = 0; i < sizeof(invalid) / sizeof(invalid[0]); i++) {
		char got[11];
		or_date_status st = parse_fmt(invalid[i], OR_DATE_ORDER_NONE, got, NULL);

		ck_assert_msg(st == OR_DATE_INVALID, "'%s': status %d, want INVALID (%s)",
			      invalid[i], (int)st, got);
	}
}
END_TEST

START_TEST(test_parse_not_found)
{
	static const char *const none[] = {
		"", "   ", "TBD", "soon", "Operations Team", "Q3 2025", "May be later",
		"March on", "5 minutes", "2025 plan", "20250830x", "N/A", "Monday",
		"v1.2", "1/2 of the team", "Marching 5, 2025", "12345-01-01",
	};
	size_t i;

	for (i = 0; i < sizeof(none) / sizeof(none[0]); i++) {
		char got[11];
		or_date_status st = parse_fmt(none[i], OR_DATE_ORDER_DMY, got, NULL);

		ck_assert_msg(st == OR_DATE_NOT_FOUND, "'%s': status %d, want NOT_FOUND",
			      none[i], (int)st);
	}
}
END_TEST

START_TEST(test_parse_numeric_orders)
{
	char got[11];

	ck_assert_int_eq(parse_fmt("30/08/2025", OR_DATE_ORDER_DMY, got, NULL), OR_DATE_OK);
	ck_assert_str_eq(got, "2025-08-30");
	ck_assert_int_eq(parse_fmt("08/30/2025", OR_DATE_ORDER_MDY, got, NULL), OR_DATE_OK);
	ck_assert_str_eq(got, "2025-08-30");
	ck_assert_int_eq(parse_fmt("03/04/2025", OR_DATE_ORDER_DMY, got, NULL), OR_DATE_OK);
	ck_assert_str_eq(got, "2025-04-03");
	ck_assert_int_eq(parse_fmt("03/04/2025", OR_DATE_ORDER_MDY, got, NULL), OR_DATE_OK);
	ck_assert_str_eq(got, "2025-03-04");
	ck_assert_int_eq(parse_fmt("30.08.2025", OR_DATE_ORDER_DMY, got, NULL), OR_DATE_OK);
	ck_assert_str_eq(got, "2025-08-30");
	/* the wrong order makes an impossible date */
	ck_assert_int_eq(parse_fmt("30/08/2025", OR_DATE_ORDER_MDY, got, NULL), OR_DATE_INVALID);
	ck_assert_int_eq(parse_fmt("08/30/2025", OR_DATE_ORDER_DMY, got, NULL), OR_DATE_INVALID);
	/* without an order, numeric forms are unreadable, not absent */
	ck_assert_int_eq(parse_fmt("03/04/2025", OR_DATE_ORDER_NONE, got, NULL), OR_DATE_INVALID);
	/* ISO is never affected by the order */
	ck_assert_int_eq(parse_fmt("2025-03-04", OR_DATE_ORDER_DMY, got, NULL), OR_DATE_OK);
	ck_assert_str_eq(got, "2025-03-04");
}
END_TEST

START_TEST(test_parse_bounded_length)
{
	or_date d;
	size_t consumed;
	const char *text = "2025-08-30";

	ck_assert_int_eq(or_date_parse(&d, text, 0, OR_DATE_ORDER_NONE, &consumed),
			 OR_DATE_NOT_FOUND);
	ck_assert_int_eq(or_date_parse(&d, text, 7, OR_DATE_ORDER_NONE, &consumed),
			 OR_DATE_INVALID);
	ck_assert_int_eq(or_date_parse(&d, text, 10, OR_DATE_ORDER_NONE, &consumed), OR_DATE_OK);
	ck_assert_int_eq(d, ymd(2025, 8, 30));
	/* "2025-08-3" of "2025-08-30": the parser must not read past len */
	ck_assert_int_eq(or_date_parse(&d, text, 9, OR_DATE_ORDER_NONE, &consumed), OR_DATE_OK);
	ck_assert_int_eq(d, ymd(2025, 8, 3));
	ck_assert_uint_eq(consumed, 9);
	ck_assert_int_eq(or_date_parse(&d, NULL, 0, OR_DATE_ORDER_NONE, NULL), OR_DATE_NOT_FOUND);
}
END_TEST

/*
 * The araddon/dateparse test table (tests/data/dateparse, MIT). Our parser
 * reads calendar days only, in a subset of the formats that library knows, so
 * each row is first filtered, explicitly:
 *   - rows with err=true or a loc (time zone) are skipped;
 *   - rows whose time carries a UTC offset ("-0700", "+02:00", "UTC-05",
 *     "GMT+0100") are skipped: we ignore times, so an offset that moves the
 *     instant into another day cannot be honoured;
 *   - the remaining row is checked only when its input matches one of the
 *     supported forms below; everything else (two-digit years, "2014.05",
 *     "20140601", Unix stamps, "2014年04月08日", ...) is skipped.
 * Numeric d/m/y rows are read as month-first, as that library does.
 * Every row, checked or not, is also fed to the parser for robustness.
 */
#define MONTH_RE "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
#define WEEKDAY_RE "(mon|tue|wed|thu|fri|sat|sun)[a-z]*"

static const char *const supported_forms[] = {
	"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([ T].*)?$",
	"^[0-9]{4}/[0-9]{1,2}/[0-9]{1,2}( .*)?$",
	"^[0-9]{4}-" MONTH_RE "-[0-9]{1,2}$",
	"^(" WEEKDAY_RE ",? +)?" MONTH_RE "\\.? +[0-9]{1,2}(st|nd|rd|th)?,? +"
	"('[0-9]{2}|[0-9]{4})([ ,].*)?$",
	"^" WEEKDAY_RE " +" MONTH_RE " +[0-9]{1,2} +[0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2} +"
	"([a-z]{1,5} +)?[0-9]{4}$",
	"^(" WEEKDAY_RE ",? +)?[0-9]{1,2} +" MONTH_RE "\\.? +[0-9]{4}([ ,].*)?$",
	"^[0-9]{1,2}-" MONTH_RE "-[0-9]{4}( .*)?$",
	"^[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}( .*)?$",
};

static const char *const offset_forms[] = {
	"[0-9]:[0-9]{1,2}(:[0-9]{1,2})?([.,:][0-9]+)? ?(am|pm)? ?([a-z]{3,4})?[+-][0-9]{2}",
	"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}[+-]",
};

static bool matches_any(const regex_t *res, size_t count, const char *text)
{
	size_t i;

	for (i = 0; i < count; i++) {
		if (regexec(&res[i], text, 0, NULL, 0) == 0)
			return true;
	}
	return false;
}

START_TEST(test_dateparse_corpus)
{
	enum { NSUP = sizeof(supported_forms) / sizeof(supported_forms[0]),
	       NOFF = sizeof(offset_forms) / sizeof(offset_forms[0]) };
	regex_t supported[NSUP], offsets[NOFF];
	FILE *f = fopen(OR_TEST_DATA "/dateparse/testInputs.tsv", "r");
	char *line = NULL;
	size_t cap = 0, i, rows = 0, checked = 0;
	ssize_t n;

	ck_assert_msg(f != NULL, "cannot open " OR_TEST_DATA "/dateparse/testInputs.tsv");
	for (i = 0; i < NSUP; i++)
		ck_assert_int_eq(regcomp(&supported[i], supported_forms[i],
					 REG_EXTENDED | REG_ICASE | REG_NOSUB), 0);
	for (i = 0; i < NOFF; i++)
		ck_assert_int_eq(regcomp(&offsets[i], offset_forms[i],
					 REG_EXTENDED | REG_ICASE | REG_NOSUB), 0);
	while ((n = getline(&line, &cap, f)) > 0) {
		char *input, *expected, *loc, *err, *tab;
		char got[11];
		or_date_status st;

		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		input = line;
		tab = strchr(input, '\t');
		ck_assert_ptr_nonnull(tab);
		*tab = '\0';
		expected = tab + 1;
		tab = strchr(expected, '\t');
		ck_assert_ptr_nonnull(tab);
		*tab = '\0';
		loc = tab + 1;
		tab = strchr(loc, '\t');
		ck_assert_ptr_nonnull(tab);
		*tab = '\0';
		err = tab + 1;
		rows++;

		st = parse_fmt(input, OR_DATE_ORDER_MDY, got, NULL);
		if (strcmp(err, "true") == 0 || loc[0] != '\0')
			continue;
		if (matches_any(offsets, NOFF, input))
			continue;
		if (!matches_any(supported, NSUP, input))
			continue;
		ck_assert_msg(st == OR_DATE_OK, "'%s': status %d", input, (int)st);
		ck_assert_msg(strncmp(got, expected, 10) == 0, "'%s': got %s, want %.10s",
			      input, got, expected);
		checked++;
	}
	free(line);
	fclose(f);
	for (i = 0; i < NSUP; i++)
		regfree(&supported[i]);
	for (i = 0; i < NOFF; i++)
		regfree(&offsets[i]);
	ck_assert_uint_ge(rows, 300);
	ck_assert_msg(checked >= 100, "only %zu rows checked", checked);
}
END_TEST

START_TEST(test_period_parse)
{
	static const struct {
		const char *text;
		int days, months;
	} cases[] = {
		{ "6 months", 0, 6 },        { "1 month", 0, 1 },
		{ "90 days", 90, 0 },         { "1 day", 1, 0 },
		{ "2 weeks", 14, 0 },         { "1 year", 0, 12 },
		{ "2 years", 0, 24 },         { "12mo", 0, 12 },
		{ "6-month", 0, 6 },          { "monthly", 0, 1 },
		{ "Monthly", 0, 1 },          { "(Monthly)", 0, 1 },
		{ "quarterly", 0, 3 },        { "QUARTERLY", 0, 3 },
		{ "semi-annually", 0, 6 },    { "semiannually", 0, 6 },
		{ "biannually", 0, 6 },       { "half-yearly", 0, 6 },
		{ "annually", 0, 12 },        { "yearly", 0, 12 },
		{ "annual", 0, 12 },          { "weekly", 7, 0 },
		{ "every 30 days", 30, 0 },   { "every six months", 0, 6 },
		{ "every month", 0, 1 },      { "review every 6 months", 0, 6 },
		{ "Review cycle: quarterly", 0, 3 },
		{ "2025-02-15 (Monthly)", 0, 1 },
		{ "quarterly (every 3 months)", 0, 3 },
		{ "within 2 weeks, then yearly", 14, 0 },
	};
	static const char *const not_periods[] = {
		"", "soon", "TBD", "2025-08-30", "6", "months", "every so often",
		"0 days", "monthlyish", "semester", "30 minutes", "5 monthsx",
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		or_period p = { -1, -1 };

		ck_assert_msg(or_period_parse(&p, cases[i].text) == 0, "'%s' not a period",
			      cases[i].text);
		ck_assert_msg(p.days == cases[i].days && p.months == cases[i].months,
			      "'%s': %d days %d months", cases[i].text, p.days, p.months);
	}
	for (i = 0; i < sizeof(not_periods) / sizeof(not_periods[0]); i++) {
		or_period p;

		ck_assert_msg(or_period_parse(&p, not_periods[i]) == -1, "'%s' taken as a period",
			      not_periods[i]);
	}
	ck_assert_int_eq(or_period_parse(NULL, NULL), -1);
}
END_TEST

START_TEST(test_add_period)
{
	or_period one_month = { 0, 1 }, six_months = { 0, 6 }, year = { 0, 12 };
	or_period ninety = { 90, 0 }, none = { 0, 0 }, mixed = { 1, 1 };

	ck_assert_int_eq(or_date_add_period(ymd(2025, 1, 31), one_month), ymd(2025, 2, 28));
	ck_assert_int_eq(or_date_add_period(ymd(2024, 1, 31), one_month), ymd(2024, 2, 29));
	ck_assert_int_eq(or_date_add_period(ymd(2025, 8, 30), one_month), ymd(2025, 9, 30));
	ck_assert_int_eq(or_date_add_period(ymd(2025, 12, 15), one_month), ymd(2026, 1, 15));
	ck_assert_int_eq(or_date_add_period(ymd(2025, 3, 31), six_months), ymd(2025, 9, 30));
	ck_assert_int_eq(or_date_add_period(ymd(2025, 8, 31), six_months), ymd(2026, 2, 28));
	ck_assert_int_eq(or_date_add_period(ymd(2024, 2, 29), year), ymd(2025, 2, 28));
	ck_assert_int_eq(or_date_add_period(ymd(2025, 8, 30), ninety), ymd(2025, 11, 28));
	ck_assert_int_eq(or_date_add_period(ymd(2025, 8, 30), none), ymd(2025, 8, 30));
	/* days first, then months: Jan 30 + 1 day = Jan 31, + 1 month = Feb 28 */
	ck_assert_int_eq(or_date_add_period(ymd(2025, 1, 30), mixed), ymd(2025, 2, 28));
}
END_TEST

Suite *date_suite(void)
{
	Suite *s = suite_create("date");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_epoch_and_known_days);
	tcase_add_test(tc, test_leap_years);
	tcase_add_test(tc, test_round_trip);
	tcase_add_test(tc, test_format);
	tcase_add_test(tc, test_unix_and_today);
	tcase_add_test(tc, test_parse_iso_strict);
	tcase_add_test(tc, test_parse_accepted_forms);
	tcase_add_test(tc, test_parse_trailing_text);
	tcase_add_test(tc, test_parse_seed_values);
	tcase_add_test(tc, test_parse_invalid);
	tcase_add_test(tc, test_parse_not_found);
	tcase_add_test(tc, test_parse_numeric_orders);
	tcase_add_test(tc, test_parse_bounded_length);
	tcase_add_test(tc, test_dateparse_corpus);
	tcase_add_test(tc, test_period_parse);
	tcase_add_test(tc, test_add_period);
	suite_add_tcase(s, tc);
	return s;
}
