/*
 * libFuzzer harness: the date parser. The bytes go to or_date_parse with
 * every date order, and (NUL-terminated) to or_date_parse_iso and
 * or_period_parse. A date that parses is a real calendar day that formats
 * and reads back the same; what was consumed lies inside the input.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "util/date.h"

/* A parsed date is a day of the years 1000-9999 that survives formatting. */
static void require_real_day(or_date date)
{
	char text[11];
	or_date again = 0;
	int year, month, day;

	or_date_to_ymd(date, &year, &month, &day);
	require(year >= 1000 && year <= 9999);
	or_date_format(date, text);
	require(or_date_parse_iso(&again, text) == 0 && again == date);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const or_date_order orders[] = { OR_DATE_ORDER_NONE, OR_DATE_ORDER_DMY,
						OR_DATE_ORDER_MDY };
	const char *text = (const char *)data;
	char *cstr = malloc(size + 1);
	or_period period;
	or_date date = 0;
	size_t i, consumed;

	require(cstr != NULL);
	for (i = 0; i < sizeof(orders) / sizeof(orders[0]); i++) {
		or_date_status status;

		consumed = 0;
		status = or_date_parse(&date, text, size, orders[i], &consumed);
		require(status == OR_DATE_OK || status == OR_DATE_NOT_FOUND ||
			status == OR_DATE_INVALID);
		if (status == OR_DATE_OK) {
			require(consumed > 0 && consumed <= size);
			require_real_day(date);
		}
	}
	memcpy(cstr, data, size);
	cstr[size] = '\0';
	if (or_date_parse_iso(&date, cstr) == 0)
		require_real_day(date);
	if (or_period_parse(&period, cstr) == 0) {
		require(period.days >= 0 && period.months >= 0);
		require(or_date_from_ymd(&date, 2025, 8, 30) == 0);
		require(or_date_add_period(date, period) >= date);
	}
	free(cstr);
	return 0;
}
