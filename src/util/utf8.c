#include "util/utf8.h"

#include <string.h>

int or_utf8_decode(const char *s, size_t len, unsigned int *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned int c, min;
	int need, i;

	*cp = 0xFFFD;
	if (len == 0)
		return -1;
	c = p[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c < 0xC2 || c > 0xF4)
		return -1; /* continuation byte, overlong lead, or beyond U+10FFFF */
	if (c < 0xE0) {
		need = 1;
		c &= 0x1F;
		min = 0x80;
	} else if (c < 0xF0) {
		need = 2;
		c &= 0x0F;
		min = 0x800;
	} else {
		need = 3;
		c &= 0x07;
		min = 0x10000;
	}
	if (len < (size_t)need + 1)
		return -1;
	for (i = 1; i <= need; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return -1;
		c = (c << 6) | (p[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return -1;
	*cp = c;
	return need + 1;
}

size_t or_utf8_invalid_offset(const char *s, size_t len)
{
	size_t i = 0;
	unsigned int cp;

	while (i < len) {
		int n;

		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		n = or_utf8_decode(s + i, len - i, &cp);
		if (n < 0)
			return i;
		i += (size_t)n;
	}
	return (size_t)-1;
}

void or_utf8_put_ascii(or_buf *out, const char *s)
{
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p; p++)
		or_buf_putc(out, *p < 0x80 ? (char)*p : '?');
}

void or_utf8_encode(or_buf *out, unsigned int cp)
{
	char b[4];

	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = 0xFFFD;
	if (cp < 0x80) {
		b[0] = (char)cp;
		or_buf_put(out, b, 1);
	} else if (cp < 0x800) {
		b[0] = (char)(0xC0 | (cp >> 6));
		b[1] = (char)(0x80 | (cp & 0x3F));
		or_buf_put(out, b, 2);
	} else if (cp < 0x10000) {
		b[0] = (char)(0xE0 | (cp >> 12));
		b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[2] = (char)(0x80 | (cp & 0x3F));
		or_buf_put(out, b, 3);
	} else {
		b[0] = (char)(0xF0 | (cp >> 18));
		b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[3] = (char)(0x80 | (cp & 0x3F));
		or_buf_put(out, b, 4);
	}
}

int or_utf8_column(const char *line, size_t offset)
{
	size_t i = 0;
	int column = 1;
	unsigned int cp;

	while (i < offset && line[i]) {
		int n = or_utf8_decode(line + i, offset - i, &cp);

		i += n > 0 ? (size_t)n : 1;
		column++;
	}
	return column;
}

/* ---- mojibake */

/* The upper halves of the two code pages, byte 0x80 + i -> code point. */
static const unsigned short cp1252_high[32] = {
	0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
	0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178
}; /* 0xA0-0xFF are U+00A0-U+00FF */

static const unsigned short mac_roman_high[128] = {
	0x00C4, 0x00C5, 0x00C7, 0x00C9, 0x00D1, 0x00D6, 0x00DC, 0x00E1,
	0x00E0, 0x00E2, 0x00E4, 0x00E3, 0x00E5, 0x00E7, 0x00E9, 0x00E8,
	0x00EA, 0x00EB, 0x00ED, 0x00EC, 0x00EE, 0x00EF, 0x00F1, 0x00F3,
	0x00F2, 0x00F4, 0x00F6, 0x00F5, 0x00FA, 0x00F9, 0x00FB, 0x00FC,
	0x2020, 0x00B0, 0x00A2, 0x00A3, 0x00A7, 0x2022, 0x00B6, 0x00DF,
	0x00AE, 0x00A9, 0x2122, 0x00B4, 0x00A8, 0x2260, 0x00C6, 0x00D8,
	0x221E, 0x00B1, 0x2264, 0x2265, 0x00A5, 0x00B5, 0x2202, 0x2211,
	0x220F, 0x03C0, 0x222B, 0x00AA, 0x00BA, 0x03A9, 0x00E6, 0x00F8,
	0x00BF, 0x00A1, 0x00AC, 0x221A, 0x0192, 0x2248, 0x2206, 0x00AB,
	0x00BB, 0x2026, 0x00A0, 0x00C0, 0x00C3, 0x00D5, 0x0152, 0x0153,
	0x2013, 0x2014, 0x201C, 0x201D, 0x2018, 0x2019, 0x00F7, 0x25CA,
	0x00FF, 0x0178, 0x2044, 0x20AC, 0x2039, 0x203A, 0xFB01, 0xFB02,
	0x2021, 0x00B7, 0x201A, 0x201E, 0x2030, 0x00C2, 0x00CA, 0x00C1,
	0x00CB, 0x00C8, 0x00CD, 0x00CE, 0x00CF, 0x00CC, 0x00D3, 0x00D4,
	0xF8FF, 0x00D2, 0x00DA, 0x00DB, 0x00D9, 0x0131, 0x02C6, 0x02DC,
	0x00AF, 0x02D8, 0x02D9, 0x02DA, 0x00B8, 0x02DD, 0x02DB, 0x02C7
};

typedef enum codepage {
	CP_WINDOWS_1252,
	CP_MAC_ROMAN
} codepage;

static const char *codepage_name(codepage page)
{
	return page == CP_MAC_ROMAN ? "Mac Roman" : "Windows-1252";
}

/* The byte 0x80-0xFF that `cp` came from in the code page, or -1. */
static int byte_of(codepage page, unsigned int cp)
{
	int i;

	if (cp < 0x80)
		return -1;
	if (page == CP_WINDOWS_1252) {
		if (cp >= 0xA0 && cp <= 0xFF)
			return (int)cp;
		/* C1 controls stand for themselves (Latin-1 fallback). */
		if (cp <= 0x9F)
			return (int)cp;
		for (i = 0; i < 32; i++) {
			if (cp1252_high[i] == cp)
				return 0x80 + i;
		}
		return -1;
	}
	for (i = 0; i < 128; i++) {
		if (mac_roman_high[i] == cp)
			return 0x80 + i;
	}
	if (cp == 0x00A4) /* the currency sign, 0xDB before Mac OS 8.5 */
		return 0xDB;
	return -1;
}

/* One character of the input as its code page byte. */
typedef struct mapped {
	size_t offset; /* of the character in the input */
	size_t length; /* its UTF-8 length */
	unsigned char byte;
} mapped;

#define MOJIBAKE_WINDOW 64

/*
 * Length of a valid multi-byte UTF-8 sequence at b[0..n) that is plausibly
 * mojibake, or 0. In Mac Roman, two-byte sequences are only taken when they
 * encode Latin-1 (lead byte C2 or C3, shown as "¬" and "√"): other leads are
 * ordinary punctuation ("«Ça", "—é", "“é") followed by an accented letter.
 */
static int plausible_at(codepage page, const unsigned char *b, size_t n)
{
	unsigned int cp;
	int len = or_utf8_decode((const char *)b, n, &cp);

	if (len < 2)
		return 0;
	/* C1 controls, private use, noncharacters and the unassigned planes are
	 * never what someone wrote: such a decode is a coincidence. */
	if (cp <= 0x9F || (cp >= 0xE000 && cp <= 0xF8FF) ||
	    (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE || cp >= 0x30000)
		return 0;
	if (page == CP_MAC_ROMAN && len == 2 && b[0] != 0xC2 && b[0] != 0xC3)
		return 0;
	return len;
}

/*
 * The first garbled run at or after `start` in one code page: characters
 * mapped to bytes, then the maximal stretch of those bytes that decodes as
 * whole multi-byte sequences. Runs are examined in windows of at most
 * MOJIBAKE_WINDOW characters, which always hold the intended 63 bytes.
 */
static bool find_in_codepage(const char *s, size_t len, size_t start,
			     codepage page, or_mojibake *out)
{
	mapped run[MOJIBAKE_WINDOW];
	unsigned char bytes[MOJIBAKE_WINDOW];
	size_t i = start;

	while (i < len) {
		size_t n = 0, k, cursor;
		unsigned int cp;

		/* collect a run of mappable non-ASCII characters */
		while (i < len && n < MOJIBAKE_WINDOW) {
			int clen = or_utf8_decode(s + i, len - i, &cp);
			int b = clen > 1 ? byte_of(page, cp) : -1;

			if (b < 0)
				break;
			run[n].offset = i;
			run[n].length = (size_t)clen;
			run[n].byte = (unsigned char)b;
			bytes[n] = (unsigned char)b;
			n++;
			i += (size_t)clen;
		}
		if (n == 0) {
			int clen;

			if ((unsigned char)s[i] < 0x80) { /* ASCII maps to nothing: skip it whole */
				while (i < len && (unsigned char)s[i] < 0x80)
					i++;
				continue;
			}
			clen = or_utf8_decode(s + i, len - i, &cp);
			i += clen > 0 ? (size_t)clen : 1;
			continue;
		}
		/* find the first stretch of whole multi-byte sequences */
		for (k = 0; k < n; k++) {
			size_t used = 0;
			int seq;

			cursor = k;
			while (cursor < n &&
			       (seq = plausible_at(page, bytes + cursor, n - cursor)) > 0) {
				if (used + (size_t)seq >= sizeof(out->intended))
					break;
				used += (size_t)seq;
				cursor += (size_t)seq;
			}
			if (used == 0)
				continue;
			out->offset = run[k].offset;
			out->length = run[cursor - 1].offset + run[cursor - 1].length -
				      out->offset;
			memcpy(out->intended, bytes + k, used);
			out->intended[used] = '\0';
			out->codepage = codepage_name(page);
			return true;
		}
		/* nothing here; a full window may continue: keep the last three */
		if (n == MOJIBAKE_WINDOW && i < len)
			i = run[n - 3].offset;
	}
	return false;
}

bool or_mojibake_next(const char *s, size_t len, size_t start, or_mojibake *out)
{
	or_mojibake win, mac;
	bool has_win, has_mac;

	if (!s || start >= len)
		return false;
	while (start < len && (unsigned char)s[start] < 0x80) /* ASCII is never garbled */
		start++;
	if (start >= len)
		return false;
	has_win = find_in_codepage(s, len, start, CP_WINDOWS_1252, &win);
	has_mac = find_in_codepage(s, len, start, CP_MAC_ROMAN, &mac);
	if (!has_win && !has_mac)
		return false;
	if (has_win && has_mac) {
		if (mac.offset < win.offset ||
		    (mac.offset == win.offset && mac.length > win.length))
			*out = mac;
		else
			*out = win;
	} else {
		*out = has_win ? win : mac;
	}
	return true;
}

size_t or_mojibake_repair(or_buf *out, const char *s, size_t len)
{
	size_t pos = 0, repaired = 0;
	or_mojibake m;

	while (pos < len && or_mojibake_next(s, len, pos, &m)) {
		or_buf_put(out, s + pos, m.offset - pos);
		or_buf_puts(out, m.intended);
		pos = m.offset + m.length;
		repaired++;
	}
	or_buf_put(out, s + pos, len - pos);
	return repaired;
}
