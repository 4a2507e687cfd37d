/*
 * The floor of a scan: parse the same Markdown files with cmark-gfm and its
 * extensions and nothing else. Paths come one per line on standard input,
 * relative to the folder given as the argument. Prints the files parsed and
 * their bytes; scripts/bench-scan.sh times it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

int main(int argc, char **argv)
{
	static const char *const extensions[] = { "table", "tasklist", "strikethrough", "autolink" };
	char line[4096], path[8192];
	size_t files = 0, bytes = 0, i;

	if (argc != 2) {
		fprintf(stderr, "usage: bench_floor ROOT < paths\n");
		return 2;
	}
	cmark_gfm_core_extensions_ensure_registered();
	while (fgets(line, sizeof(line), stdin)) {
		cmark_parser *parser = cmark_parser_new(CMARK_OPT_DEFAULT);
		cmark_node *doc;
		FILE *f;
		char *data;
		long size;

		line[strcspn(line, "\n")] = '\0';
		snprintf(path, sizeof(path), "%s/%s", argv[1], line);
		f = fopen(path, "rb");
		if (!f) {
			cmark_parser_free(parser);
			continue;
		}
		fseek(f, 0, SEEK_END);
		size = ftell(f);
		fseek(f, 0, SEEK_SET);
		data = malloc((size_t)size + 1);
		if (data && fread(data, 1, (size_t)size, f) == (size_t)size) {
			for (i = 0; i < sizeof(extensions) / sizeof(extensions[0]); i++)
				cmark_parser_attach_syntax_extension(
					parser, cmark_find_syntax_extension(extensions[i]));
			cmark_parser_feed(parser, data, (size_t)size);
			doc = cmark_parser_finish(parser);
			cmark_node_free(doc);
			files++;
			bytes += (size_t)size;
		}
		free(data);
		fclose(f);
		cmark_parser_free(parser);
	}
	printf("%zu files, %zu bytes parsed\n", files, bytes);
	return 0;
}
