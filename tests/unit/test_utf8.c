#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "suites.h"
#include "util/buf.h"
#include "util/utf8.h"

#define NONE ((size_t)-1)

static size_t invalid_at(const char *s)
{
	return or_utf8_invalid_offset(s, strlen(s));
}

START_TEST(test_validation)
{
	ck_assert_uint_eq(invalid_at(""), NONE);
	ck_assert_uint_eq(invalid_at("plain ascii"), NONE);
	ck_assert_uint_eq(invalid_at("caf\xc3\xa9 \xe2\x9c\x85 \xf0\x9f\x9a\xa8"), NONE);
	ck_assert_uint_eq(invalid_at("\xef\xbf\xbf"), NONE);          /* U+FFFF */
	ck_assert_uint_eq(invalid_at("\xf4\x8f\xbf\xbf"), NONE);      /* U+10FFFF */
	ck_assert_uint_eq(invalid_at("\xed\x9f\xbf"), NONE);          /* U+D7FF */
	ck_assert_uint_eq(invalid_at("ab\x80"), 2);                   /* lone continuation */
	ck_assert_uint_eq(invalid_at("ab\xc0\xaf"), 2);               /* overlong '/' */
	ck_assert_uint_eq(invalid_at("\xc1\xbf"), 0);                 /* overlong */
	ck_assert_uint_eq(invalid_at("x\xe0\x80\xaf"), 1);            /* overlong 3-byte */
	ck_assert_uint_eq(invalid_at("\xf0\x80\x80\xaf"), 0);         /* overlong 4-byte */
	ck_assert_uint_eq(invalid_at("ok\xed\xa0\x80"), 2);           /* surrogate D800 */
	ck_assert_uint_eq(invalid_at("\xed\xbf\xbf"), 0);             /* surrogate DFFF */
	ck_assert_uint_eq(invalid_at("\xf4\x90\x80\x80"), 0);         /* U+110000 */
	ck_assert_uint_eq(invalid_at("\xf5\x80\x80\x80"), 0);
	ck_assert_uint_eq(invalid_at("\xff"), 0);
	ck_assert_uint_eq(invalid_at("abc\xe2\x9c"), 3);              /* truncated */
	ck_assert_uint_eq(invalid_at("abc\xe2\x9c" "x"), 3);
	ck_assert_uint_eq(invalid_at("\xf0\x9f\x9a"), 0);
	/* the length is honoured: a truncated view of a valid string is invalid */
	ck_assert_uint_eq(or_utf8_invalid_offset("\xc3\xa9", 1), 0);
	ck_assert_uint_eq(or_utf8_invalid_offset("a\0b", 3), NONE);
}
END_TEST

START_TEST(test_decode_encode)
{
	unsigned int cp = 0;
	or_buf b = OR_BUF_INIT;
	static const unsigned int samples[] = {
		0x00, 0x41, 0x7F, 0x80, 0xE9, 0x7FF, 0x800, 0x2705, 0xFFFD,
		0xFFFF, 0x10000, 0x1F6A8, 0x10FFFF
	};
	size_t i;

	ck_assert_int_eq(or_utf8_decode("A", 1, &cp), 1);
	ck_assert_uint_eq(cp, 'A');
	ck_assert_int_eq(or_utf8_decode("\xc3\xa9", 2, &cp), 2);
	ck_assert_uint_eq(cp, 0xE9);
	ck_assert_int_eq(or_utf8_decode("\xe2\x9c\x85", 3, &cp), 3);
	ck_assert_uint_eq(cp, 0x2705);
	ck_assert_int_eq(or_utf8_decode("\xf0\x9f\x9a\xa8", 4, &cp), 4);
	ck_assert_uint_eq(cp, 0x1F6A8);
	ck_assert_int_eq(or_utf8_decode("\xe2\x9c\x85", 2, &cp), -1);
	ck_assert_uint_eq(cp, 0xFFFD);
	ck_assert_int_eq(or_utf8_decode("\x80", 1, &cp), -1);
	ck_assert_uint_eq(cp, 0xFFFD);
	ck_assert_int_eq(or_utf8_decode("\xed\xa0\x80", 3, &cp), -1);

	for (i = 0; i < sizeof(samples) / sizeof(samples[0]); i++) {
		or_buf_clear(&b);
		or_utf8_encode(&b, samples[i]);
		ck_assert_int_eq(or_utf8_decode(b.ptr, b.size, &cp), (int)b.size);
		ck_assert_uint_eq(cp, samples[i]);
	}
	or_buf_clear(&b);
	or_utf8_encode(&b, 0x2705);
	ck_assert_str_eq(or_buf_cstr(&b), "\xe2\x9c\x85");
	/* what cannot be encoded becomes U+FFFD */
	or_buf_clear(&b);
	or_utf8_encode(&b, 0xD800);
	or_utf8_encode(&b, 0x110000);
	ck_assert_str_eq(or_buf_cstr(&b), "\xef\xbf\xbd\xef\xbf\xbd");
	or_buf_dispose(&b);
}
END_TEST

START_TEST(test_column)
{
	const char *line = "caf\xc3\xa9 \xe2\x9c\x85 x";

	ck_assert_int_eq(or_utf8_column(line, 0), 1);
	ck_assert_int_eq(or_utf8_column(line, 3), 4);
	ck_assert_int_eq(or_utf8_column(line, 5), 5);  /* after the two bytes of é */
	ck_assert_int_eq(or_utf8_column(line, 6), 6);
	ck_assert_int_eq(or_utf8_column(line, 9), 7);  /* after ✅ */
	ck_assert_int_eq(or_utf8_column(line, 11), 9);
	ck_assert_int_eq(or_utf8_column("a\xff" "b", 2), 3); /* invalid bytes count once */
}
END_TEST

typedef struct moji_case {
	const char *garbled;
	const char *intended;
	const char *codepage;
} moji_case;

/* U+F8FF (the Apple logo, Mac Roman 0xF0) leads every garbled emoji. */
#define APPLE "\xef\xa3\xbf"

static const moji_case seed_cases[] = {
	{ "\xe2\x80\x9a\xc3\xba\xc3\x96", "\xe2\x9c\x85", "Mac Roman" },  /* ‚úÖ → ✅ */
	{ "\xe2\x80\x9a\xc3\xb6\xe2\x80\xa0\xc3\x94\xe2\x88\x8f\xc3\xa8",
	  "\xe2\x9a\xa0\xef\xb8\x8f", "Mac Roman" },                     /* ‚ö†Ô∏è → ⚠️ */
	{ APPLE "\xc3\xbc\xc3\xac\xc3\xa3", "\xf0\x9f\x93\x8b", "Mac Roman" }, /* 📋 */
	{ APPLE "\xc3\xbc\xc3\xb6\xc2\xae", "\xf0\x9f\x9a\xa8", "Mac Roman" }, /* 🚨 */
	{ APPLE "\xc3\xbc\xc3\xae\xc3\x91", "\xf0\x9f\x94\x84", "Mac Roman" }, /* 🔄 */
	{ APPLE "\xc3\xbc\xc3\xab\xe2\x80\xa2", "\xf0\x9f\x91\xa5", "Mac Roman" }, /* 👥 */
	{ APPLE "\xc3\xbc\xc3\xac\xc3\xb6", "\xf0\x9f\x93\x9a", "Mac Roman" }, /* 📚 */
	{ APPLE "\xc3\xbc\xc3\xae\xc3\xa7", "\xf0\x9f\x94\x8d", "Mac Roman" }, /* 🔍 */
	{ APPLE "\xc3\xbc\xc3\xac\xc3\xa4", "\xf0\x9f\x93\x8a", "Mac Roman" }, /* 📊 */
	{ APPLE "\xc3\xbc\xc3\xb6\xc3\x84", "\xf0\x9f\x9a\x80", "Mac Roman" }, /* 🚀 */
	{ APPLE "\xc3\xbc\xc3\xac\xc3\xbb", "\xf0\x9f\x93\x9e", "Mac Roman" }, /* 📞 */
	{ "\xc3\xa2\xe2\x82\xac\xe2\x84\xa2", "\xe2\x80\x99", "Windows-1252" }, /* â€™ → ’ */
	{ "\xc3\xa2\xe2\x82\xac\xc5\x93", "\xe2\x80\x9c", "Windows-1252" },     /* â€œ → “ */
	{ "\xc3\xa2\xe2\x82\xac\xe2\x80\x9d", "\xe2\x80\x94", "Windows-1252" }, /* â€” → — */
	{ "\xc3\x83\xc2\xa9", "\xc3\xa9", "Windows-1252" },                     /* Ã© → é */
	{ "\xc3\x82\xc2\xa0", "\xc2\xa0", "Windows-1252" },                     /* Â NBSP */
	{ "\xc3\x90\xc2\xbf\xc3\x91\xe2\x82\xac", "\xd0\xbf\xd1\x80", "Windows-1252" }, /* пр */
	{ "\xc3\xa2\xc5\x93\xe2\x80\xa6", "\xe2\x9c\x85", "Windows-1252" },     /* âœ… → ✅ */
	{ "\xe2\x88\x9a\xc2\xa9", "\xc3\xa9", "Mac Roman" },                    /* √© → é */
};

START_TEST(test_mojibake_seed_examples)
{
	size_t i;

	for (i = 0; i < sizeof(seed_cases) / sizeof(seed_cases[0]); i++) {
		const moji_case *c = &seed_cases[i];
		or_mojibake m;
		or_buf text = OR_BUF_INIT;

		or_buf_printf(&text, "Status: %s done", c->garbled);
		ck_assert_msg(or_mojibake_next(text.ptr, text.size, 0, &m), "case %zu not found", i);
		ck_assert_uint_eq(m.offset, 8);
		ck_assert_uint_eq(m.length, strlen(c->garbled));
		ck_assert_msg(strcmp(m.intended, c->intended) == 0, "case %zu: intended %s", i,
			      m.intended);
		ck_assert_str_eq(m.codepage, c->codepage);
		/* nothing further */
		ck_assert(!or_mojibake_next(text.ptr, text.size, m.offset + m.length, &m));
		or_buf_dispose(&text);
	}
}
END_TEST

START_TEST(test_correct_text_not_flagged)
{
	static const char *const clean[] = {
		"caf\xc3\xa9", "na\xc3\xafve", "\xc3\x86r\xc3\xb8sk\xc3\xb8" "bing",
		"Z\xc3\xbcrich", "se\xc3\xb1or", "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e",
		"\xe2\x9c\x85", "\xe2\x86\x92", "\xc2\xb0" "C", "\xc2\xa3" "100",
		"\xe2\x82\xac" "5", "\xc2\xbd", "\xe2\x9a\xa0\xef\xb8\x8f Warning",
		"\xf0\x9f\x9a\xa8 Emergency", "It\xe2\x80\x99s \xe2\x80\x9cquoted\xe2\x80\x9d",
		"\xc2\xab\xc3\x87" "a va\xc2\xbb",          /* «Ça va» */
		"word\xe2\x80\x94\xc3\xa9lan",              /* word—élan */
		"\xe2\x80\x9c\xc3\xa9t\xc3\xa9\xe2\x80\x9d", /* “été” */
		"Cr\xc3\xa8me br\xc3\xbbl\xc3\xa9" "e", "\xc3\x9c" "bersicht",
		"\xc3\x89vacuation", "Stra\xc3\x9f" "e", "\xc3\xa5\xc3\xa4\xc3\xb6",
		"\xce\x95\xce\xbb\xce\xbb\xce\xac\xce\xb4\xce\xb1", "\xd0\x9f\xd1\x80\xd0\xb8",
		"\xc2\xa0", "1\xc2\xa0km",
	};
	size_t i;

	for (i = 0; i < sizeof(clean) / sizeof(clean[0]); i++) {
		or_mojibake m;
		or_buf out = OR_BUF_INIT;

		ck_assert_msg(!or_mojibake_next(clean[i], strlen(clean[i]), 0, &m),
			      "'%s' flagged as %s mojibake of '%s'", clean[i],
			      m.codepage, m.intended);
		ck_assert_uint_eq(or_mojibake_repair(&out, clean[i], strlen(clean[i])), 0);
		ck_assert_str_eq(or_buf_cstr(&out), clean[i]);
		or_buf_dispose(&out);
	}
}
END_TEST

START_TEST(test_mojibake_positions_and_repair)
{
	const char *line = "## " APPLE "\xc3\xbc\xc3\xb6\xc2\xae Emergency \xe2\x80\x9a\xc3\xba\xc3\x96"
			   " It\xc3\xa2\xe2\x82\xac\xe2\x84\xa2s";
	or_buf out = OR_BUF_INIT;
	or_mojibake m;
	size_t start = 0, found = 0;

	while (or_mojibake_next(line, strlen(line), start, &m)) {
		ck_assert_uint_ge(m.offset, start);
		ck_assert_uint_gt(m.length, 0);
		start = m.offset + m.length;
		found++;
	}
	ck_assert_uint_eq(found, 3);
	ck_assert_uint_eq(or_mojibake_repair(&out, line, strlen(line)), 3);
	ck_assert_str_eq(or_buf_cstr(&out),
			 "## \xf0\x9f\x9a\xa8 Emergency \xe2\x9c\x85 It\xe2\x80\x99s");
	or_buf_dispose(&out);

	/* two runs back to back are one run with two characters */
	ck_assert(or_mojibake_next("\xc3\x83\xc2\xa9\xc3\x83\xc2\xa8", 8, 0, &m));
	ck_assert_uint_eq(m.length, 8);
	ck_assert_str_eq(m.intended, "\xc3\xa9\xc3\xa8");
	/* start past the end, empty input */
	ck_assert(!or_mojibake_next("abc", 3, 3, &m));
	ck_assert(!or_mojibake_next("", 0, 0, &m));
	/* invalid UTF-8 in between does not confuse the scan */
	ck_assert(or_mojibake_next("\xff\xc3\x83\xc2\xa9", 5, 0, &m));
	ck_assert_uint_eq(m.offset, 1);
}
END_TEST

START_TEST(test_mojibake_repair_seed_file)
{
	FILE *f = fopen(OR_TEST_SEED, "rb");
	or_buf in = OR_BUF_INIT, out = OR_BUF_INIT;
	char chunk[4096];
	size_t n, repaired;

	ck_assert_msg(f != NULL, "cannot open " OR_TEST_SEED);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		or_buf_put(&in, chunk, n);
	fclose(f);
	repaired = or_mojibake_repair(&out, in.ptr, in.size);
	/* 14 ✅, 5 ⚠️ and 11 heading emoji */
	ck_assert_uint_eq(repaired, 30);
	ck_assert_ptr_nonnull(strstr(out.ptr, "## \xf0\x9f\x9a\xa8 Emergency Procedures"));
	ck_assert_ptr_null(strstr(out.ptr, "\xe2\x80\x9a\xc3\xba\xc3\x96"));
	ck_assert_uint_eq(or_utf8_invalid_offset(out.ptr, out.size), NONE);
	or_buf_dispose(&in);
	or_buf_dispose(&out);
}
END_TEST

START_TEST(test_long_runs_are_split)
{
	or_buf text = OR_BUF_INIT, out = OR_BUF_INIT;
	size_t i;

	/* 40 garbled ✅ in a row: 120 bytes of intent, more than one record holds */
	for (i = 0; i < 40; i++)
		or_buf_puts(&text, "\xe2\x80\x9a\xc3\xba\xc3\x96");
	ck_assert_uint_ge(or_mojibake_repair(&out, text.ptr, text.size), 2);
	ck_assert_uint_eq(out.size, 40 * 3);
	for (i = 0; i < 40; i++)
		ck_assert(memcmp(out.ptr + 3 * i, "\xe2\x9c\x85", 3) == 0);
	or_buf_dispose(&text);
	or_buf_dispose(&out);
}
END_TEST

Suite *utf8_suite(void)
{
	Suite *s = suite_create("utf8");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_validation);
	tcase_add_test(tc, test_decode_encode);
	tcase_add_test(tc, test_column);
	tcase_add_test(tc, test_mojibake_seed_examples);
	tcase_add_test(tc, test_correct_text_not_flagged);
	tcase_add_test(tc, test_mojibake_positions_and_repair);
	tcase_add_test(tc, test_mojibake_repair_seed_file);
	tcase_add_test(tc, test_long_runs_are_split);
	suite_add_tcase(s, tc);
	return s;
}
