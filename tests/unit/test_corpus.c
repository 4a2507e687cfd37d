/*
 * The document model over every Markdown file of the public corpus
 * (../shared/corpus beside the checkout): each parses, and its sections,
 * metadata, links and commands point at lines that exist. The suite skips
 * (exit 77, with the reason) when the corpus is not there.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "input/document.h"
#include "suites.h"
#include "util/buf.h"

static void parse_tree(const char *dir, size_t *files)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	if (!d)
		return;
	while ((e = readdir(d)) != NULL) {
		char path[4096];
		struct stat st;
		size_t n = strlen(e->d_name);

		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		if (lstat(path, &st) != 0)
			continue;
		if (S_ISDIR(st.st_mode)) {
			parse_tree(path, files);
		} else if (S_ISREG(st.st_mode) && n > 3 && strcmp(e->d_name + n - 3, ".md") == 0) {
			size_t len = 0, i;
			char *data = or_test_read_file(path, &len);
			or_document *doc = NULL;

			ck_assert_ptr_nonnull(data);
			ck_assert_int_eq(or_document_parse(&doc, path, data, len), 0);
			ck_assert_uint_eq(doc->source_len, len);
			for (i = 0; i < doc->nsections; i++) {
				const or_section *s = &doc->sections[i];
				ck_assert(s->line >= 1 && (size_t)s->line <= doc->nlines);
				ck_assert(s->end_line >= s->line && (size_t)s->end_line <= doc->nlines);
				ck_assert(s->parent < (int)i);
				ck_assert_int_eq(or_document_find_anchor(doc, s->anchor), (int)i);
			}
			for (i = 0; i < doc->nkvs; i++)
				ck_assert(doc->kvs[i].line >= 1 && (size_t)doc->kvs[i].line <= doc->nlines);
			for (i = 0; i < doc->nlinks; i++) {
				ck_assert(doc->links[i].line >= 1 && (size_t)doc->links[i].line <= doc->nlines);
				ck_assert_int_ge(doc->links[i].column, 1);
			}
			for (i = 0; i < doc->ncommands; i++) {
				ck_assert(doc->commands[i].path[0] != '\0');
				ck_assert(or_document_line_in_code(doc, doc->commands[i].line));
			}
			for (i = 0; i < doc->ntasks; i++)
				ck_assert(doc->tasks[i].line >= 1 && (size_t)doc->tasks[i].line <= doc->nlines);
			or_document_free(doc);
			free(data);
			(*files)++;
		}
	}
	closedir(d);
}

START_TEST(test_corpus)
{
	size_t files = 0;

	if (!or_test_corpus())
		return;
	parse_tree(OR_TEST_CORPUS "/runbooks", &files);
	ck_assert_uint_ge(files, 10);
}
END_TEST

Suite *corpus_suite(void)
{
	Suite *s = suite_create("corpus");
	TCase *tc = tcase_create("corpus");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_corpus);
	suite_add_tcase(s, tc);
	return s;
}
