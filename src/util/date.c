#include "util/date.h"

#include <string.h>
#include <time.h>

/*
 * Day arithmetic follows Howard Hinnant's days_from_civil / civil_from_days:
 * exact for the proleptic Gregorian calendar, no tables, no time zones.
 */

#define OR_DATE_YEAR_MIN 1000
#define OR_DATE_YEAR_MAX 9999

static bool is_leap(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int days_in_month(int year, int month)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30,
				      31, 31, 30, 31, 30, 31 };

	if (month == 2 && is_leap(year))
		return 29;
	return days[month - 1];
}

static or_date days_from_civil(int year, int month, int day)
{
	int era, yoe, doy, doe;

	year -= month <= 2;
	era = (year >= 0 ? year : year - 399) / 400;
	yoe = year - era * 400;
	doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (or_date)(era * 146097 + doe - 719468);
}

int or_date_from_ymd(or_date *out, int year, int month, int day)
{
	if (year < OR_DATE_YEAR_MIN || year > OR_DATE_YEAR_MAX)
		return -1;
	if (month < 1 || month > 12)
		return -1;
	if (day < 1 || day > days_in_month(year, month))
		return -1;
	*out = days_from_civil(year, month, day);
	return 0;
}

void or_date_to_ymd(or_date date, int *year, int *month, int *day)
{
	long z = (long)date + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long y = yoe + era * 400;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	long d = doy - (153 * mp + 2) / 5 + 1;
	long m = mp + (mp < 10 ? 3 : -9);

	if (year)
		*year = (int)(y + (m <= 2));
	if (month)
		*month = (int)m;
	if (day)
		*day = (int)d;
}

void or_date_format(or_date date, char out[11])
{
	int y, m, d;

	or_date_to_ymd(date, &y, &m, &d);
	if (y < 0 || y > 9999) {
		memcpy(out, "0000-00-00", 11);
		return;
	}
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
}

or_date or_date_from_unix(int64_t seconds)
{
	int64_t days = seconds / 86400;

	if (seconds % 86400 < 0)
		days--;
	return (or_date)days;
}

or_date or_date_today(void)
{
	return or_date_from_unix((int64_t)time(NULL));
}

/* ---- the parser: a cursor over a bounded, not necessarily terminated text */

typedef struct cursor {
	const char *s;
	size_t len;
	size_t pos;
} cursor;

static int peek_at(const cursor *c, size_t ahead)
{
	if (c->pos + ahead >= c->len)
		return -1;
	return (unsigned char)c->s[c->pos + ahead];
}

static int peek(const cursor *c)
{
	return peek_at(c, 0);
}

static bool is_digit(int ch)
{
	return ch >= '0' && ch <= '9';
}

static bool is_alpha(int ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

static int lower(int ch)
{
	return (ch >= 'A' && ch <= 'Z') ? ch - 'A' + 'a' : ch;
}

static bool is_blank(int ch)
{
	return ch == ' ' || ch == '\t';
}

static size_t skip_blanks(cursor *c)
{
	size_t n = 0;

	while (is_blank(peek(c))) {
		c->pos++;
		n++;
	}
	return n;
}

/* A run of digits at the cursor: its length (0 when none); the value saturates. */
static size_t scan_digits(const cursor *c, size_t at, long *value)
{
	size_t n = 0;
	long v = 0;

	while (is_digit(peek_at(c, at + n))) {
		if (v < 100000000)
			v = v * 10 + (peek_at(c, at + n) - '0');
		n++;
	}
	*value = v;
	return n;
}

/* Length of the ASCII word at the cursor. */
static size_t word_len(const cursor *c, size_t at)
{
	size_t n = 0;

	while (is_alpha(peek_at(c, at + n)))
		n++;
	return n;
}

static bool word_is(const cursor *c, size_t at, size_t n, const char *word)
{
	size_t i;

	if (strlen(word) != n)
		return false;
	for (i = 0; i < n; i++) {
		if (lower(peek_at(c, at + i)) != word[i])
			return false;
	}
	return true;
}

/* Month 1-12 for the word (full, 3-letter or "sept"), else 0. */
static int month_from_word(const cursor *c, size_t at, size_t n)
{
	static const char *const full[12] = {
		"january", "february", "march", "april", "may", "june", "july",
		"august", "september", "october", "november", "december"
	};
	char abbr[4];
	int m;

	for (m = 0; m < 12; m++) {
		if (word_is(c, at, n, full[m]))
			return m + 1;
		memcpy(abbr, full[m], 3);
		abbr[3] = '\0';
		if (word_is(c, at, n, abbr))
			return m + 1;
	}
	if (word_is(c, at, n, "sept"))
		return 9;
	return 0;
}

static bool weekday_word(const cursor *c, size_t at, size_t n)
{
	static const char *const names[] = {
		"monday", "tuesday", "wednesday", "thursday", "friday",
		"saturday", "sunday", "mon", "tue", "tues", "wed", "thu",
		"thur", "thurs", "fri", "sat", "sun"
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (word_is(c, at, n, names[i]))
			return true;
	}
	return false;
}

/* A month name at the cursor followed by an optional '.': consumes it and
 * returns the month, else 0 with the cursor unchanged. */
static int take_month(cursor *c)
{
	size_t n = word_len(c, 0);
	int month = month_from_word(c, 0, n);

	if (!month)
		return 0;
	c->pos += n;
	if (peek(c) == '.')
		c->pos++;
	return month;
}

/* Two-digit years as in '70: 69-99 are 19xx, 00-68 are 20xx (POSIX). */
static int pivot_year(long yy)
{
	return (int)(yy >= 69 ? 1900 + yy : 2000 + yy);
}

/*
 * A year at the cursor: four digits not followed by another digit, or 'YY.
 * Returns 1 and the year, 0 when there is no year, -1 for a malformed one
 * (five digits, three digits...).
 */
static int take_year(cursor *c, int *year)
{
	long v;
	size_t n;

	if (peek(c) == '\'') {
		n = scan_digits(c, 1, &v);
		if (n != 2)
			return 0;
		*year = pivot_year(v);
		c->pos += 3;
		return 1;
	}
	n = scan_digits(c, 0, &v);
	if (n == 0)
		return 0;
	if (n != 4)
		return -1;
	*year = (int)v;
	c->pos += 4;
	return 1;
}

/* Ordinal suffix after a day: 1st, 2nd, 3rd, 17th (any case). */
static void skip_ordinal(cursor *c)
{
	size_t n = word_len(c, 0);

	if (n == 2 && (word_is(c, 0, 2, "st") || word_is(c, 0, 2, "nd") ||
		       word_is(c, 0, 2, "rd") || word_is(c, 0, 2, "th")))
		c->pos += 2;
}

/*
 * A time of day: H:MM[:SS[.frac]] with an optional " AM"/"PM" and zone
 * ("Z", "+02:00", "-0700"). Consumed when well formed, else nothing is.
 * Returns true when one was taken.
 */
static bool take_time(cursor *c)
{
	cursor t = *c;
	long v;
	size_t n;

	n = scan_digits(&t, 0, &v);
	if (n < 1 || n > 2 || peek_at(&t, n) != ':')
		return false;
	t.pos += n + 1;
	n = scan_digits(&t, 0, &v);
	if (n < 1 || n > 2)
		return false;
	t.pos += n;
	if (peek(&t) == ':' && is_digit(peek_at(&t, 1))) {
		t.pos++;
		n = scan_digits(&t, 0, &v);
		if (n > 2)
			return false;
		t.pos += n;
		if ((peek(&t) == '.' || peek(&t) == ',') && is_digit(peek_at(&t, 1))) {
			t.pos++;
			t.pos += scan_digits(&t, 0, &v);
		}
	}
	if (peek(&t) == 'Z' && !is_alpha(peek_at(&t, 1))) {
		t.pos++;
	} else if (peek(&t) == '+' || peek(&t) == '-') {
		n = scan_digits(&t, 1, &v);
		if (n == 2 && peek_at(&t, 3) == ':' &&
		    scan_digits(&t, 4, &v) == 2)
			t.pos += 6;
		else if (n == 2 || n == 4)
			t.pos += 1 + n;
	} else {
		cursor ampm = t;
		size_t w;

		skip_blanks(&ampm);
		w = word_len(&ampm, 0);
		if (w == 2 && (word_is(&ampm, 0, 2, "am") || word_is(&ampm, 0, 2, "pm")))
			t.pos = ampm.pos + 2;
	}
	*c = t;
	return true;
}

/* After a complete date: an optional time, separated by 'T', ' ' or ", ". */
static void take_trailing_time(cursor *c)
{
	cursor t = *c;

	if (peek(&t) == 'T' && is_digit(peek_at(&t, 1))) {
		t.pos++;
		if (take_time(&t))
			*c = t;
		return;
	}
	if (peek(&t) == ',')
		t.pos++;
	if (!skip_blanks(&t))
		return;
	if (take_time(&t))
		*c = t;
}

static or_date_status finish(or_date *out, cursor *c, int year, int month,
			     int day, size_t *consumed)
{
	if (is_digit(peek(c)) ||
	    (is_alpha(peek(c)) && !(peek(c) == 'T' && is_digit(peek_at(c, 1)))))
		return OR_DATE_INVALID; /* "2025-08-301", "2025-08-30x" */
	if (or_date_from_ymd(out, year, month, day) < 0)
		return OR_DATE_INVALID;
	take_trailing_time(c);
	if (consumed)
		*consumed = c->pos;
	return OR_DATE_OK;
}

/* 2025-08-30, 2025/08/30, 2025.08.30, 2013-Feb-03. The cursor is on the year. */
static or_date_status parse_year_first(or_date *out, cursor *c, size_t *consumed)
{
	int year, sep;
	long month, day;
	size_t n;

	if (take_year(c, &year) != 1)
		return OR_DATE_NOT_FOUND;
	sep = peek(c);
	if (sep != '-' && sep != '/' && sep != '.')
		return OR_DATE_NOT_FOUND;
	c->pos++;
	n = scan_digits(c, 0, &month);
	if (n == 0 && sep == '-') {
		month = take_month(c);
		if (!month)
			return OR_DATE_NOT_FOUND;
	} else if (n == 0) {
		return OR_DATE_NOT_FOUND;
	} else if (n > 2) {
		return OR_DATE_INVALID;
	} else {
		c->pos += n;
	}
	if (peek(c) != sep)
		return OR_DATE_INVALID; /* "2025-08": a month, not a day */
	c->pos++;
	n = scan_digits(c, 0, &day);
	if (n == 0 || n > 2)
		return OR_DATE_INVALID;
	c->pos += n;
	return finish(out, c, year, (int)month, (int)day, consumed);
}

/* "August 30, 2025", "Aug. 30 2025", "Sept 7th, '70", "Thu May 8 17:57:51 2009". */
static or_date_status parse_month_first(or_date *out, cursor *c, int month,
					size_t *consumed)
{
	long day;
	int year, got;
	size_t n;

	if (!skip_blanks(c) && c->s[c->pos - 1] != '.')
		return OR_DATE_NOT_FOUND;
	n = scan_digits(c, 0, &day);
	if (n == 0)
		return OR_DATE_NOT_FOUND; /* "May be", "March on" */
	if (n > 2)
		return OR_DATE_INVALID; /* "March 2025": no day */
	c->pos += n;
	skip_ordinal(c);
	if (peek(c) == ',')
		c->pos++;
	if (!skip_blanks(c))
		return OR_DATE_INVALID;
	if (take_time(c)) {
		/* asctime: "May 8 17:57:51 [MST] 2009" */
		size_t w;

		if (!skip_blanks(c))
			return OR_DATE_INVALID;
		w = word_len(c, 0);
		if (w >= 1 && w <= 5) {
			c->pos += w;
			if (!skip_blanks(c))
				return OR_DATE_INVALID;
		}
	}
	got = take_year(c, &year);
	if (got != 1)
		return OR_DATE_INVALID;
	if (is_digit(peek(c)) || is_alpha(peek(c)))
		return OR_DATE_INVALID;
	if (or_date_from_ymd(out, year, month, (int)day) < 0)
		return OR_DATE_INVALID;
	take_trailing_time(c);
	if (consumed)
		*consumed = c->pos;
	return OR_DATE_OK;
}

/* "30 August 2025", "07-Feb-2004", "30/08/2025" (per order). Cursor on the day. */
static or_date_status parse_day_first(or_date *out, cursor *c, or_date_order order,
				      size_t *consumed)
{
	long first, second;
	int year, month, sep, got;
	size_t n = scan_digits(c, 0, &first);

	if (n == 0 || n > 2)
		return OR_DATE_NOT_FOUND;
	c->pos += n;
	sep = peek(c);
	if (sep == '/' || sep == '-' || sep == '.') {
		size_t m = scan_digits(c, 1, &second);

		if (m == 0 && sep == '-' && is_alpha(peek_at(c, 1))) {
			c->pos++;
			month = take_month(c);
			if (!month || peek(c) != '-')
				return OR_DATE_NOT_FOUND;
			c->pos++;
			got = take_year(c, &year);
			if (got != 1)
				return got == 0 ? OR_DATE_NOT_FOUND : OR_DATE_INVALID;
			return finish(out, c, year, month, (int)first, consumed);
		}
		if (m == 0 || m > 2 || peek_at(c, 1 + m) != sep)
			return OR_DATE_NOT_FOUND;
		c->pos += 1 + m + 1;
		got = take_year(c, &year);
		if (got != 1) {
			long yy;

			/* "08/08/71": looks like a date, but which century? */
			if (scan_digits(c, 0, &yy) == 2 && sep == '/')
				return OR_DATE_INVALID;
			return OR_DATE_NOT_FOUND;
		}
		if (order == OR_DATE_ORDER_DMY)
			return finish(out, c, year, (int)second, (int)first, consumed);
		if (order == OR_DATE_ORDER_MDY)
			return finish(out, c, year, (int)first, (int)second, consumed);
		return OR_DATE_INVALID; /* ambiguous without date_order */
	}
	if (!skip_blanks(c))
		return OR_DATE_NOT_FOUND;
	month = take_month(c);
	if (!month)
		return OR_DATE_NOT_FOUND; /* "5 minutes" */
	if (peek(c) == ',')
		c->pos++;
	if (!skip_blanks(c))
		return OR_DATE_INVALID;
	got = take_year(c, &year);
	if (got != 1)
		return OR_DATE_INVALID; /* "30 August" */
	return finish(out, c, year, month, (int)first, consumed);
}

or_date_status or_date_parse(or_date *out, const char *text, size_t len,
			     or_date_order order, size_t *consumed)
{
	cursor c = { text, len, 0 };
	long v;
	size_t n;
	int month;

	if (!text)
		return OR_DATE_NOT_FOUND;
	skip_blanks(&c);
	n = word_len(&c, 0);
	if (n && weekday_word(&c, 0, n)) {
		cursor after = c;

		after.pos += n;
		if (peek(&after) == '.')
			after.pos++;
		if (peek(&after) == ',')
			after.pos++;
		if (skip_blanks(&after) &&
		    (is_digit(peek(&after)) || is_alpha(peek(&after)))) {
			c = after;
			n = word_len(&c, 0);
		}
	}
	if (is_digit(peek(&c))) {
		n = scan_digits(&c, 0, &v);
		if (n == 4)
			return parse_year_first(out, &c, consumed);
		return parse_day_first(out, &c, order, consumed);
	}
	if (n == 0)
		return OR_DATE_NOT_FOUND;
	month = month_from_word(&c, 0, n);
	if (!month)
		return OR_DATE_NOT_FOUND;
	c.pos += n;
	if (peek(&c) == '.')
		c.pos++;
	return parse_month_first(out, &c, month, consumed);
}

int or_date_parse_iso(or_date *out, const char *text)
{
	int i, year, month, day;

	if (!text || strlen(text) != 10)
		return -1;
	for (i = 0; i < 10; i++) {
		if (i == 4 || i == 7) {
			if (text[i] != '-')
				return -1;
		} else if (!is_digit((unsigned char)text[i])) {
			return -1;
		}
	}
	year = (text[0] - '0') * 1000 + (text[1] - '0') * 100 +
	       (text[2] - '0') * 10 + (text[3] - '0');
	month = (text[5] - '0') * 10 + (text[6] - '0');
	day = (text[8] - '0') * 10 + (text[9] - '0');
	return or_date_from_ymd(out, year, month, day);
}

/* ---- periods */

typedef struct period_word {
	const char *word;
	int days;
	int months;
} period_word;

static const period_word period_words[] = {
	{ "semi-annually", 0, 6 }, { "semiannually", 0, 6 },
	{ "semi-annual", 0, 6 },   { "semiannual", 0, 6 },
	{ "bi-annually", 0, 6 },   { "biannually", 0, 6 },
	{ "bi-annual", 0, 6 },     { "biannual", 0, 6 },
	{ "half-yearly", 0, 6 },   { "half yearly", 0, 6 },
	{ "annually", 0, 12 },     { "annual", 0, 12 },
	{ "yearly", 0, 12 },       { "quarterly", 0, 3 },
	{ "monthly", 0, 1 },       { "fortnightly", 14, 0 },
	{ "bi-weekly", 14, 0 },    { "biweekly", 14, 0 },
	{ "weekly", 7, 0 },        { "daily", 1, 0 },
};

/* Units after a number: days per unit or months per unit. */
static const period_word period_units[] = {
	{ "days", 1, 0 },    { "day", 1, 0 },     { "weeks", 7, 0 },
	{ "week", 7, 0 },    { "wks", 7, 0 },     { "wk", 7, 0 },
	{ "months", 0, 1 },  { "month", 0, 1 },   { "mos", 0, 1 },
	{ "mo", 0, 1 },      { "years", 0, 12 },  { "year", 0, 12 },
	{ "yrs", 0, 12 },    { "yr", 0, 12 },
};

static const char *const number_words[] = {
	"one", "two", "three", "four", "five", "six",
	"seven", "eight", "nine", "ten", "eleven", "twelve"
};

/* Does text[at..] start with `word` (case-insensitive) and end there? */
static size_t match_word_at(const char *text, size_t at, const char *word)
{
	size_t i, n = strlen(word);

	for (i = 0; i < n; i++) {
		if (lower((unsigned char)text[at + i]) != word[i])
			return 0;
	}
	if (is_alpha((unsigned char)text[at + n]))
		return 0;
	return n;
}

/* A unit word at text[at..]: fills *out scaled by count. */
static bool match_unit(const char *text, size_t at, long count, or_period *out)
{
	size_t i;

	for (i = 0; i < sizeof(period_units) / sizeof(period_units[0]); i++) {
		if (match_word_at(text, at, period_units[i].word)) {
			out->days = (int)(count * period_units[i].days);
			out->months = (int)(count * period_units[i].months);
			return true;
		}
	}
	return false;
}

static bool period_at(const char *text, size_t at, or_period *out)
{
	size_t i, n;
	long count = 0;

	for (i = 0; i < sizeof(period_words) / sizeof(period_words[0]); i++) {
		if (match_word_at(text, at, period_words[i].word)) {
			out->days = period_words[i].days;
			out->months = period_words[i].months;
			return true;
		}
	}
	n = 0;
	if (is_digit((unsigned char)text[at])) {
		while (is_digit((unsigned char)text[at + n])) {
			if (count < 100000)
				count = count * 10 + (text[at + n] - '0');
			n++;
		}
		if (count < 1 || count > 10000)
			return false;
	} else {
		for (i = 0; i < sizeof(number_words) / sizeof(number_words[0]); i++) {
			n = match_word_at(text, at, number_words[i]);
			if (n) {
				count = (long)i + 1;
				break;
			}
		}
		if (!n) {
			/* "every day", "every month" */
			n = match_word_at(text, at, "every");
			if (!n)
				return false;
			count = 1;
		}
	}
	at += n;
	if (text[at] == ' ' || text[at] == '-')
		at++;
	return match_unit(text, at, count, out);
}

int or_period_parse(or_period *out, const char *text)
{
	size_t at;

	if (!text)
		return -1;
	for (at = 0; text[at]; at++) {
		unsigned char prev = at ? (unsigned char)text[at - 1] : ' ';

		if (is_alpha(prev) || is_digit(prev))
			continue;
		if (period_at(text, at, out))
			return 0;
	}
	return -1;
}

or_date or_date_add_period(or_date date, or_period period)
{
	int y, m, d, total, dim;

	date += period.days;
	if (period.months == 0)
		return date;
	or_date_to_ymd(date, &y, &m, &d);
	total = y * 12 + (m - 1) + period.months;
	y = total / 12;
	m = total % 12 + 1;
	dim = days_in_month(y, m);
	if (d > dim)
		d = dim;
	return days_from_civil(y, m, d);
}
